// Tracking statuses the warehouse's hub received from Sendcloud's webhooks, as a station reads
// them: whether a hub is alive at all, and the statuses of its own parcels that arrived lately.
import { z } from 'zod';
import { trackingStatuses, type TrackingStatus } from '../../src-shared';
import type { WarehouseLink } from './link';

/** A hub not seen for this long is gone: stations poll Sendcloud again. */
export const HUB_SEEN_WINDOW_S = 30;
/**
 * A read asks for what arrived since the last read began, less this much: a status whose
 * transaction began before that read but committed after it is still seen the next time.
 */
const READ_OVERLAP_MS = 60_000;

const rowSchema = z.object({
  parcel_id: z.coerce.number().int().positive(),
  status: z.enum(trackingStatuses),
  status_message: z.string(),
  changed_at: z.date(),
});

export interface WarehouseTrackingStatus {
  parcelId: number;
  status: TrackingStatus;
  message: string;
  changedAt: Date;
}

export interface WarehouseTracking {
  /** A hub heart-beat within the last HUB_SEEN_WINDOW_S (false when the link is down). */
  hubLive(): Promise<boolean>;
  /**
   * The statuses of these parcels that arrived since the last read (all of them the first time).
   * Throws WarehouseUnreachable when the link is down.
   */
  read(parcelIds: readonly number[]): Promise<WarehouseTrackingStatus[]>;
}

export function createWarehouseTracking(
  link: Pick<WarehouseLink, 'up' | 'query'>,
): WarehouseTracking {
  // PostgreSQL's own clock, so a station's clock being off does not matter.
  let lastReadAt: Date | null = null;
  // Parcels asked before are asked for what is new; a parcel asked for the first time, for all.
  let asked = new Set<number>();
  return {
    async hubLive() {
      if (!link.up()) return false;
      try {
        const { rows } = await link.query<{ live: boolean }>(
          `select exists (select 1 from hubs
             where last_seen > now() - make_interval(secs => $1)) as live`,
          [HUB_SEEN_WINDOW_S],
        );
        return rows[0]?.live === true;
      } catch {
        return false;
      }
    },
    async read(parcelIds) {
      const since = lastReadAt ? new Date(lastReadAt.getTime() - READ_OVERLAP_MS) : null;
      const known = since ? parcelIds.filter((id) => asked.has(id)) : [];
      const fresh = since ? parcelIds.filter((id) => !asked.has(id)) : [...parcelIds];
      // One statement: the clock row comes back even when no status does.
      const { rows } = await link.query<Record<string, unknown>>(
        `with clock as (select now() as read_at)
         select clock.read_at, t.parcel_id, t.status, t.status_message, t.changed_at
         from clock left join tracking_statuses t
           on (t.parcel_id = any($1::bigint[]) and t.received_at > $2::timestamptz)
           or t.parcel_id = any($3::bigint[])`,
        [known, since, fresh],
      );
      const readAt = rows[0]?.read_at;
      if (readAt instanceof Date) lastReadAt = readAt;
      asked = new Set(parcelIds);
      return rows
        .filter((row) => row.parcel_id !== null)
        .map((row) => {
          const parsed = rowSchema.parse(row);
          return {
            parcelId: parsed.parcel_id,
            status: parsed.status,
            message: parsed.status_message,
            changedAt: parsed.changed_at,
          };
        });
    },
  };
}
