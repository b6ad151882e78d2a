import { useSpeaker } from '../i18n/messages';
import { useStation } from '../state/station';

/**
 * The warehouse link, for a station that is one of several: connected (with how many stations
 * are seen) or working alone, and why. A single station shows nothing.
 */
export function WarehouseFact() {
  const { t, say } = useSpeaker();
  const warehouse = useStation((s) => s.status?.warehouse ?? null);
  if (!warehouse || warehouse.kind === 'single') return null;
  const connected = warehouse.kind === 'connected';
  return (
    <div className="fact" data-testid="warehouse-fact" data-link={warehouse.kind}>
      <dt>{t('header.warehouse')}</dt>
      <dd className="printer-fact">
        <span
          className={`printer-pill printer-tone-${connected ? 'ready' : 'fault'}`}
          title={warehouse.target}
        >
          {connected
            ? t('header.warehouse.connected', { count: warehouse.stations })
            : t('header.warehouse.alone')}
        </span>
        <span className="fact-name" data-testid="warehouse-station">
          {warehouse.stationName}
        </span>
        {warehouse.kind === 'alone' && (
          <span className="fact-detail" role="status" data-testid="warehouse-reason">
            {say(warehouse.reason)}
          </span>
        )}
        {warehouse.labelledTwice.map((detail, i) => (
          <span
            key={i}
            className="fact-detail printer-tone-fault"
            role="alert"
            data-testid="warehouse-labelled-twice"
          >
            {say(detail)}
          </span>
        ))}
      </dd>
    </div>
  );
}
