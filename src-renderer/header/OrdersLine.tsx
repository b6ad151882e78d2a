import type { StationStatus } from '../../src-shared';
import { dateTime } from '../i18n/format';
import type { Speaker } from '../i18n/messages';
import { useStation } from '../state/station';
import { useSpeaker } from '../i18n/messages';

/** "10:24" today, "1 Dec, 10:24" before: the header has room for little. */
function syncedAt(language: string, iso: string): string {
  const date = new Date(iso);
  if (date.toDateString() !== new Date().toDateString()) return dateTime(language, iso);
  return date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/** How many orders are cached for scans, and when they were last read from Sendcloud. */
export function OrdersLine({
  status,
  language,
  t,
}: {
  status: StationStatus;
  language: string;
  t: Speaker['t'];
}) {
  const count = status.ordersCached;
  return (
    <span className="fact-name" data-testid="orders-fact">
      {status.ordersSyncedAt
        ? t('header.orders.synced', { count, time: syncedAt(language, status.ordersSyncedAt) })
        : t('header.orders.never', { count })}
    </span>
  );
}

/** Read the open orders from Sendcloud now, instead of waiting for the next sync. */
export function SyncOrdersButton() {
  const { t } = useSpeaker();
  const syncing = useStation((s) => s.syncing);
  const syncOrders = useStation((s) => s.syncOrders);
  return (
    <button
      type="button"
      className="button button-small"
      onClick={() => void syncOrders()}
      aria-disabled={syncing}
      aria-busy={syncing}
      title={t('header.orders.syncTitle')}
      data-testid="sync-orders"
    >
      {syncing ? t('header.orders.syncing') : t('header.orders.sync')}
    </button>
  );
}
