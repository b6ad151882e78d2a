// Keeps the tracking status of the last 14 days' shipments fresh. A desktop behind a router gets
// no webhooks, so it polls: one read of up to 100 parcels at a time, oldest-checked first, a few
// reads a minute at most, and never while labels are waiting to be made or printed. In a
// warehouse whose hub takes Sendcloud's webhooks, it reads the statuses from PostgreSQL instead,
// and polls Sendcloud again only while no hub is alive.
import type { ShipmentRow, TrackingStatus } from '../../src-shared';
import type { Accounts } from '../accounts/accounts';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import type { Connectivity } from '../outbox/connectivity';
import type { StationIdentity } from '../station/identity';
import type { Db } from '../store/db';
import { shipmentRecord } from '../store/shipment-list';
import { labelWorkPending, setTracking, trackingDue, type TrackingDue } from '../store/tracking';
import type { WarehouseTracking } from '../warehouse/tracking-statuses';
import { shipmentRowOf } from './shipment-rows';

const DAY_MS = 24 * 60 * 60_000;
/** One read every 20 s: at most three a minute, far inside Sendcloud's 1,000 reads a minute. */
export const TRACKING_INTERVAL_MS = 20_000;
/** `GET /shipments?ids=` takes at most 100 parcel ids. */
export const TRACKING_BATCH = 100;
export const TRACKING_WINDOW_DAYS = 14;
/** How often a station in a warehouse with a live hub reads the hub's statuses from PostgreSQL. */
export const HUB_READ_INTERVAL_MS = 5_000;
/** The station's own live shipments it asks PostgreSQL about in one read. */
export const HUB_READ_LIMIT = 5_000;

/**
 * Sendcloud's v3 parcel status code in the station's words. Codes the list does not name are in
 * transit (Sendcloud's advice for statuses it adds); a cancellation still requested is not
 * cancelled yet.
 */
export function trackingStatusOf(code: string): TrackingStatus {
  const c = code.toUpperCase();
  if (c === 'CANCELLED' || c === 'CANCELLED_UPSTREAM') return 'cancelled';
  if (
    [
      'NO_LABEL',
      'ANNOUNCING',
      'ANNOUNCED',
      'READY_TO_SEND',
      'CANCELLATION_REQUESTED',
      'SUBMITTING_CANCELLATION_REQUEST',
    ].includes(c)
  ) {
    return 'announced';
  }
  if (c.includes('RETURN')) return 'returned';
  if (c === 'DELIVERED' || c === 'SHIPMENT_COLLECTED_BY_CUSTOMER') return 'delivered';
  if (
    ['FAILED', 'EXCEPTION', 'UNABLE', 'ERROR', 'NOT_SORTED', 'DELAYED', 'NOT_COLLECTED'].some(
      (word) => c.includes(word),
    )
  ) {
    return 'exception';
  }
  if (c === 'UNKNOWN' || c === 'UNKNOWN_STATUS') return 'unknown';
  return 'in-transit';
}

/**
 * Sendcloud's v2 parcel status id (what a webhook carries) in the station's words, as
 * `trackingStatusOf` reads the v3 code of the same status. Ids the list does not name are in
 * transit.
 */
export function trackingStatusOfV2Id(id: number): TrackingStatus {
  if (id === 2000 || id === 1998) return 'cancelled';
  // No label, ready to send (0 in the docs' examples), being announced, announced; cancellation
  // asked, not yet confirmed.
  if ([0, 999, 1000, 1001, 1, 1999, 2001].includes(id)) return 'announced';
  if (id === 11 || id === 93) return 'delivered';
  // Announcement failed, delayed, not sorted, attempt failed, not collected, error collecting,
  // unable to deliver.
  if ([1002, 4, 6, 8, 13, 15, 80].includes(id)) return 'exception';
  if (id === 1337) return 'unknown';
  return 'in-transit';
}

export interface TrackingDeps {
  db: Db;
  clock: Clock;
  accounts: Pick<Accounts, 'client' | 'usable'>;
  connectivity: Pick<Connectivity, 'current' | 'reached'>;
  identity: StationIdentity;
  /** A shipment's status moved: push its row. */
  onChanged: (row: ShipmentRow) => void;
  /** Sendcloud says the parcel is cancelled: a queued void (202) is confirmed. */
  onCancelled: (parcelId: number) => void;
  intervalMs?: number;
  /** The warehouse's statuses from the hub; absent for a single station. */
  warehouse?: WarehouseTracking;
  hubReadMs?: number;
}

const log = createLogger('tracking');

export function createTracking(deps: TrackingDeps) {
  const { db, clock } = deps;
  const intervalMs = deps.intervalMs ?? TRACKING_INTERVAL_MS;
  let controller: AbortController | null = null;
  let running: Promise<void> | null = null;

  /** One read for the account whose shipment is most overdue; returns how many it checked. */
  async function pollOnce(): Promise<number> {
    // Scans come first: a label waiting to be made or printed has Sendcloud and the CPU to itself.
    if (!deps.connectivity.current().online || labelWorkPending(db)) return 0;
    const since = new Date(clock.now() - TRACKING_WINDOW_DAYS * DAY_MS).toISOString();
    const due = trackingDue(db, { sinceIso: since, limit: TRACKING_BATCH * 4 }).filter((s) =>
      deps.accounts.usable(s.accountId),
    );
    const first = due[0];
    if (!first) return 0;
    const batch = due.filter((s) => s.accountId === first.accountId).slice(0, TRACKING_BATCH);
    const page = await deps.accounts.client(first.accountId).listShipments({
      parcelIds: batch.map((s) => s.parcelId),
      pageSize: TRACKING_BATCH,
    });
    deps.connectivity.reached();
    const said = new Map<number, { code: string; message: string | null }>();
    for (const shipment of page.shipments) {
      for (const parcel of shipment.parcels) {
        if (parcel.status) {
          said.set(parcel.id, { code: parcel.status.code, message: parcel.status.message ?? null });
        }
      }
    }
    const checkedAtIso = new Date(clock.now()).toISOString();
    for (const shipment of batch) {
      const status = said.get(shipment.parcelId) ?? null;
      const next = status ? trackingStatusOf(status.code) : null;
      apply(shipment, next, status?.message ?? status?.code ?? null, checkedAtIso);
    }
    return batch.length;
  }

  /**
   * The hub's statuses of this station's own live shipments, from PostgreSQL; returns how many
   * it read. Sendcloud is not asked.
   */
  async function readHub(warehouse: WarehouseTracking): Promise<number> {
    const since = new Date(clock.now() - TRACKING_WINDOW_DAYS * DAY_MS).toISOString();
    const due = new Map(
      trackingDue(db, { sinceIso: since, limit: HUB_READ_LIMIT }).map((s) => [s.parcelId, s]),
    );
    const statuses = await warehouse.read([...due.keys()]);
    const checkedAtIso = new Date(clock.now()).toISOString();
    for (const status of statuses) {
      const shipment = due.get(status.parcelId);
      if (shipment) apply(shipment, status.status, status.message, checkedAtIso);
    }
    return statuses.length;
  }

  let lastPolled = clock.now();
  /** One round: the hub's statuses while one is alive, else Sendcloud when a poll is due. */
  async function roundOnce(): Promise<'hub' | 'sendcloud' | 'waiting'> {
    const warehouse = deps.warehouse;
    if (warehouse && (await warehouse.hubLive())) {
      await readHub(warehouse);
      return 'hub';
    }
    if (clock.now() - lastPolled < intervalMs) return 'waiting';
    lastPolled = clock.now();
    await pollOnce();
    return 'sendcloud';
  }

  function apply(
    shipment: TrackingDue,
    next: TrackingStatus | null,
    text: string | null,
    checkedAtIso: string,
  ): void {
    // Not in the answer (gone from Sendcloud): checked all the same, so it goes to the back.
    setTracking(db, { parcelId: shipment.parcelId, status: next, text, checkedAtIso });
    // Settling the void pushes the row itself.
    if (next === 'cancelled' && shipment.voidState !== 'voided')
      deps.onCancelled(shipment.parcelId);
    else if (
      next !== null &&
      (next !== shipment.trackingStatus || text !== shipment.trackingStatusText)
    ) {
      const record = shipmentRecord(db, shipment.parcelId);
      if (record) deps.onChanged(shipmentRowOf(record, deps.identity));
    }
  }

  // With a warehouse, the loop looks for a hub more often than it would poll Sendcloud.
  const tickMs = deps.warehouse
    ? Math.min(deps.hubReadMs ?? HUB_READ_INTERVAL_MS, intervalMs)
    : intervalMs;
  async function loop(signal: AbortSignal): Promise<void> {
    lastPolled = clock.now();
    while (!signal.aborted) {
      try {
        await clock.sleep(tickMs, signal);
      } catch {
        return;
      }
      try {
        await (deps.warehouse ? roundOnce() : pollOnce());
      } catch (error) {
        // The next round tries again; scans and the outbox learn of a lost connection themselves.
        if (!signal.aborted) log.warn('tracking poll failed', { error });
      }
    }
  }

  return {
    pollOnce,
    roundOnce,
    start(): void {
      if (controller) return;
      controller = new AbortController();
      running = loop(controller.signal);
    },
    async stop(): Promise<void> {
      controller?.abort();
      controller = null;
      await running;
      running = null;
    },
  };
}

export type Tracking = ReturnType<typeof createTracking>;
