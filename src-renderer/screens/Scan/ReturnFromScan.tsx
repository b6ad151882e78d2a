import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

/**
 * A tracking number scanned reprints its label; a customer who wants to send it back is served
 * from the same scan: this opens the Shipments screen on that parcel, where T (or Return) makes
 * the return. One way to make returns, whichever screen it starts from.
 */
export function ReturnFromScan({ trackingNumber }: { trackingNumber: string }) {
  const changeShipmentQuery = useStation((s) => s.changeShipmentQuery);
  const showScreen = useStation((s) => s.showScreen);
  const { t } = useSpeaker();
  return (
    <p className="result-detail">
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          changeShipmentQuery({ text: trackingNumber });
          showScreen('shipments');
        }}
        data-testid="result-return"
      >
        {t('ui.returns.fromScan')}
      </button>
    </p>
  );
}
