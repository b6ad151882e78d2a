// Tracking status as stored on each shipment: which are due a check (oldest checked first), and
// what Sendcloud last said.
import type { TrackingStatus } from '../../src-shared';
import type { Db } from './db';

export interface TrackingDue {
  parcelId: number;
  accountId: string;
  trackingStatus: TrackingStatus | null;
  trackingStatusText: string | null;
  voidState: 'requested' | 'voided' | 'refused' | null;
}

/** Whose status can still move; word for word the condition of index shipments_tracking_poll. */
const LIVE = `(void_state IS NULL OR void_state != 'voided')
          AND (tracking_status IS NULL
            OR tracking_status NOT IN ('delivered', 'cancelled', 'returned')
            OR void_state = 'requested')`;

/**
 * Shipments whose status can still move (not delivered, cancelled or returned), never checked or
 * checked longest ago first: first every void Sendcloud queued (a label up to 42 days old, until
 * it is confirmed), then those made since `sinceIso`. The picks read only indexes; the rows
 * follow by id.
 */
export function trackingDue(db: Db, query: { sinceIso: string; limit: number }): TrackingDue[] {
  const voids = db
    .prepare(
      `SELECT parcel_id FROM shipments WHERE void_state = 'requested'
       ORDER BY tracking_checked_at LIMIT @limit`,
    )
    .pluck()
    .all({ limit: query.limit }) as number[];
  const window = db
    .prepare(
      `SELECT parcel_id FROM shipments WHERE created_at >= @sinceIso AND ${LIVE}
       ORDER BY tracking_checked_at, created_at LIMIT @limit`,
    )
    .pluck()
    .all(query) as number[];
  const ids = [...new Set([...voids, ...window])].slice(0, query.limit);
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT s.parcel_id AS parcelId, s.account_id AS accountId,
         s.tracking_status AS trackingStatus, s.tracking_status_text AS trackingStatusText,
         s.void_state AS voidState
       FROM json_each(@ids) AS due JOIN shipments s ON s.parcel_id = due.value
       ORDER BY due.key`,
    )
    .all({ ids: JSON.stringify(ids) }) as TrackingDue[];
}

export function setTracking(
  db: Db,
  update: {
    parcelId: number;
    status: TrackingStatus | null;
    text: string | null;
    checkedAtIso: string;
  },
): void {
  db.prepare(
    `UPDATE shipments SET tracking_status = COALESCE(@status, tracking_status),
       tracking_status_text = COALESCE(@text, tracking_status_text),
       tracking_checked_at = @checkedAtIso
     WHERE parcel_id = @parcelId`,
  ).run(update);
}

/** Labels waiting to be made or printed: the poll steps aside for them. */
export function labelWorkPending(db: Db): boolean {
  return (
    (
      db
        .prepare(
          `SELECT EXISTS (SELECT 1 FROM jobs WHERE kind IN ('create-label', 'print')
           AND state IN ('queued', 'in-flight')) AS pending`,
        )
        .get() as { pending: number }
    ).pending === 1
  );
}
