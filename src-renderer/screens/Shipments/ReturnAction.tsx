import type { ShipmentDetails } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { returnOfParcel } from '../../state/slices/returns';
import { useStation } from '../../state/station';
import type { DetailsIntent } from './ShipmentDetailsPanel';

/** The Return button of a shipment's details: a voided label has nothing to return. */
export function ReturnAction({
  details,
  intent,
  onIntent,
}: {
  details: ShipmentDetails;
  intent: DetailsIntent;
  onIntent: (intent: DetailsIntent) => void;
}) {
  const { t } = useSpeaker();
  return (
    <button
      type="button"
      className="button button-small"
      disabled={details.row.state === 'voided'}
      aria-expanded={intent === 'return'}
      aria-keyshortcuts="T"
      onClick={() => onIntent(intent === 'return' ? null : 'return')}
      data-testid="shipment-return"
    >
      {t('ui.returns.action')}
    </button>
  );
}

/** The shipment's return, when it has one: where it stands. */
export function ReturnFact({ parcelId }: { parcelId: number }) {
  const kept = useStation((s) => returnOfParcel(s.returns, parcelId));
  const { t } = useSpeaker();
  if (!kept) return null;
  return (
    <div>
      <dt>{t('ui.returns.onShipment')}</dt>
      <dd data-testid="shipment-return-status" data-status={kept.status}>
        {t(`ui.returns.status.${kept.status}`)}
        {kept.trackingNumber && <span className="mono"> · {kept.trackingNumber}</span>}
      </dd>
    </div>
  );
}
