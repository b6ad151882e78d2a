import { useSpeaker } from '../i18n/messages';
import { useStation } from '../state/station';

/**
 * The station's technical facts, for whoever sets it up: which Sendcloud server it talks to.
 * They mean nothing to a packer, so they live in Settings, not in the header.
 */
export function StationFacts() {
  const { t } = useSpeaker();
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
          <dd data-testid="sendcloud-url">{status.sendcloudUrl}</dd>
        </div>
      </dl>
    </section>
  );
}
