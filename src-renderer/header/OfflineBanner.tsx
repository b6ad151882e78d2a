import { useSpeaker } from '../i18n/messages';
import { clockTime } from '../i18n/format';
import { useStation } from '../state/station';

/** Sendcloud is out of reach: say that scanning goes on, and how much is waiting. */
export function OfflineBanner() {
  const { t, say, language } = useSpeaker();
  const connectivity = useStation((s) => s.connectivity);
  const drainMode = useStation((s) => s.outbox?.drainMode);
  if (!connectivity || connectivity.online) return null;

  return (
    <div className="banner offline-banner" role="alert" data-testid="offline-banner">
      <strong>{t('header.banner.offline.title')}</strong>
      <span>
        {t('header.banner.offline.queued')}{' '}
        <span className="banner-count" data-testid="offline-queue-length">
          {connectivity.queueLength}
        </span>
        .{' '}
        {drainMode === 'hold' ? t('header.banner.offline.hold') : t('header.banner.offline.print')}
      </span>
      <span className="banner-detail">
        {t('header.banner.offline.since', { time: clockTime(language, connectivity.since) })}
        {connectivity.lastError && <> · {say(connectivity.lastError)}</>}
      </span>
    </div>
  );
}
