// What the hub writes into the warehouse's PostgreSQL: a webhook's status, once, and that the hub
// is alive. Each write is one statement, so two hubs (or two deliveries at once) cannot interleave.
import type { Pool } from 'pg';
import type { TrackingStatus } from '../../src-shared';

export interface StatusDelivery {
  /** SHA-256 of the raw body: the same bytes delivered again are the same delivery. */
  digest: Buffer;
  parcelId: number;
  statusId: number;
  statusMessage: string;
  status: TrackingStatus;
  trackingNumber: string | null;
  /** The webhook's `timestamp`, ms since the epoch. */
  timestampMs: number;
}

export type StoreOutcome =
  /** A new status for the parcel. */
  | 'stored'
  /** These bytes came before: nothing changed. */
  | 'duplicate'
  /** A new delivery, but the parcel already has a status at least as new. */
  | 'older';

/**
 * Record the delivery and, if it is the first of these bytes and newer than what the parcel has,
 * its status: in one statement. The upsert's `where` compares the webhook timestamps, so
 * deliveries out of order leave the newest status, whichever commits last.
 */
export async function storeStatus(pool: Pool, delivery: StatusDelivery): Promise<StoreOutcome> {
  const { rows } = await pool.query<{ fresh: boolean; applied: boolean }>(
    `with delivery as (
       insert into webhook_deliveries (digest, action, parcel_id, webhook_at)
       values ($1, 'parcel_status_changed', $2, to_timestamp($7::bigint / 1000.0))
       on conflict (digest) do nothing
       returning digest
     ), status as (
       insert into tracking_statuses
         (parcel_id, status, status_id, status_message, tracking_number, changed_at, received_at)
       select $2, $3, $4, $5, $6, to_timestamp($7::bigint / 1000.0), now()
       where exists (select 1 from delivery)
       on conflict (parcel_id) do update set
         status = excluded.status,
         status_id = excluded.status_id,
         status_message = excluded.status_message,
         tracking_number = coalesce(excluded.tracking_number, tracking_statuses.tracking_number),
         changed_at = excluded.changed_at,
         received_at = excluded.received_at
       where tracking_statuses.changed_at < excluded.changed_at
       returning parcel_id
     )
     select exists (select 1 from delivery) as fresh, exists (select 1 from status) as applied`,
    [
      delivery.digest,
      delivery.parcelId,
      delivery.status,
      delivery.statusId,
      delivery.statusMessage,
      delivery.trackingNumber,
      delivery.timestampMs,
    ],
  );
  const row = rows[0];
  if (!row?.fresh) return 'duplicate';
  return row.applied ? 'stored' : 'older';
}

/**
 * The hub is alive: stations read tracking from PostgreSQL while its row is fresh. Deliveries
 * from before `forgetBefore` go: the replay window refuses them before they reach the table (the
 * hub's clock, as the window's, decides).
 */
export async function hubHeartbeat(
  pool: Pool,
  hub: { id: string; name: string; forgetBefore: Date },
): Promise<void> {
  await pool.query(
    `with seen as (
       insert into hubs (id, name, last_seen) values ($1, $2, now())
       on conflict (id) do update set name = excluded.name, last_seen = now()
     )
     delete from webhook_deliveries where webhook_at < $3`,
    [hub.id, hub.name, hub.forgetBefore],
  );
}

/** A hub that stops says so: stations go back to polling Sendcloud at once. */
export async function hubGone(pool: Pool, id: string): Promise<void> {
  await pool.query('delete from hubs where id = $1', [id]);
}
