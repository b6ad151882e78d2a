// The station filter of the Shipments and Day screens in a warehouse, and the line that says a
// screen shows this station's own only while the warehouse cannot be read. A plain select: the
// keyboard reaches it with Tab and picks with the arrow keys, as every other filter.
import type { LedgerScope } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';

export function StationFilter({
  scope,
  value,
  onChange,
  testId,
}: {
  scope: LedgerScope | null | undefined;
  value: string | null;
  onChange: (station: string | null) => void;
  testId: string;
}) {
  const { t } = useSpeaker();
  if (scope?.kind !== 'warehouse') return null;
  return (
    <label>
      <span>{t('ui.ledger.station')}</span>
      <select
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        data-testid={testId}
      >
        <option value="">{t('ui.ledger.allStations')}</option>
        {scope.stations.map((station) => (
          <option key={station.id} value={station.id}>
            {station.id === scope.self
              ? t('ui.ledger.thisStation', { name: station.name })
              : station.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Said while the warehouse is set but cannot be read: the screen is this station's own. */
export function AloneNote({
  scope,
  what,
  testId,
}: {
  scope: LedgerScope | null | undefined;
  what: 'shipments' | 'day';
  testId: string;
}) {
  const { t, say } = useSpeaker();
  if (scope?.kind !== 'alone') return null;
  return (
    <p className="muted" role="status" data-testid={testId}>
      {t(what === 'day' ? 'ui.ledger.aloneDay' : 'ui.ledger.aloneShipments')} {say(scope.reason)}
    </p>
  );
}
