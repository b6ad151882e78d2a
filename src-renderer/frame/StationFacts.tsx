import { OrdersLine, SyncOrdersButton } from '../header/OrdersLine';
import { useSpeaker } from '../i18n/messages';
import { useStation } from '../state/station';

/**
 * The station's technical facts, for whoever sets it up: which Sendcloud server it talks to,
 * and the order cache with its sync. The server means nothing to a packer, so it lives here in
 * Settings, not in the header.
 */
export function StationFacts() {
  const { t, language } = useSpeaker();
  const status = useStation((s) => s.status);
  if (!status) return null;
  return (
    <section
      className="station-facts"
      aria-labelledby="station-facts-title"
      data-testid="station-facts"
    >
      <h2 id="station-facts-title">{t('frame.station.title')}</h2>
      <dl>
        <div>
          <dt>{t('frame.station.sendcloud')}</dt>
          <dd className="mono" data-testid="sendcloud-url">
            {status.sendcloudUrl}
          </dd>
        </div>
        <div>
          <dt>{t('frame.station.orders')}</dt>
          <dd className="station-orders">
            <OrdersLine status={status} language={language} t={t} />
            <SyncOrdersButton />
          </dd>
        </div>
      </dl>
    </section>
  );
}
