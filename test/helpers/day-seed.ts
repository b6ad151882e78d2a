// A seeded day of a busy station, written straight into its SQLite (shipments, their history,
// the scan audit, the outbox), and the facts it was made from, so a test can count every figure
// of the Day screen on its own, in JavaScript, and compare.
import type { Db } from '../../src-main/store/db';

export interface SeedPacker {
  id: string;
  name: string;
  role: 'packer' | 'supervisor';
}

export interface SeedShipment {
  parcelId: number;
  orderNumber: string;
  trackingNumber: string;
  carrier: string;
  optionCode: string;
  packerId: string | null;
  accountId: string;
  merchantId: string | null;
  createdMs: number;
  printedMs: number | null;
  reprints: { atMs: number; packerId: string | null }[];
  voidedMs: number | null;
  trackingStatus: string | null;
  cost: number | null;
}

export interface SeedScan {
  id: string;
  startedMs: number;
  state: 'printed' | 'failed' | 'queued';
  packerId: string | null;
  jobId: string | null;
}

export interface SeedJob {
  id: string;
  kind: 'create-label' | 'print';
  state: 'queued' | 'in-flight' | 'waiting' | 'held' | 'needs-attention' | 'done' | 'cancelled';
  lastErrorCode: string | null;
  createdMs: number;
  parcelId: number | null;
  orderNumber: string;
}

export interface SeededDay {
  packers: SeedPacker[];
  shipments: SeedShipment[];
  scans: SeedScan[];
  jobs: SeedJob[];
  stationId: string;
}

export const seedCarriers = ['postnl', 'dhl', 'dpd', 'ups'] as const;
/** Uneven on purpose, as a real day is: UPS picks up a handful. */
const carrierWeights = [0.55, 0.25, 0.185, 0.015];

/** A small deterministic generator (mulberry32): the same seed, the same day. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  /** Each day's [fromMs, toMs) and how many labels it gets. */
  days: { fromMs: number; toMs: number; labels: number }[];
  stationId: string;
  seed?: number;
  /** Packer names; the first is a supervisor. */
  packerNames?: string[];
  firstParcelId?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function seedDays(db: Db, options: SeedOptions): SeededDay {
  const random = prng(options.seed ?? 11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const names = options.packerNames ?? ['Sanne', 'Jonas', 'Fatima', 'Luca', 'Mila'];
  const packers: SeedPacker[] = names.map((name, i) => ({
    id: `packer-${i + 1}`,
    name,
    role: i === 0 ? 'supervisor' : 'packer',
  }));
  const shipments: SeedShipment[] = [];
  const scans: SeedScan[] = [];
  const jobs: SeedJob[] = [];
  let parcelId = options.firstParcelId ?? 1_000_000;

  db.prepare(
    `INSERT OR IGNORE INTO accounts (id, name, api, integration_id, created_at)
     VALUES (@id, @name, 'v3', @integration, '2026-01-01T00:00:00.000Z')`,
  ).run({ id: 'acct-shop', name: 'Webshop', integration: 1 });
  db.prepare(
    `INSERT OR IGNORE INTO accounts (id, name, api, integration_id, created_at)
     VALUES (@id, @name, 'v3', @integration, '2026-01-01T00:00:00.000Z')`,
  ).run({ id: 'acct-market', name: 'Marketplace', integration: 2 });
  db.prepare(
    `INSERT OR IGNORE INTO merchants (id, name, order_prefix, mode, account_id, created_at)
     VALUES ('m-acme', '=Acme', 'ACME-', 'centralised', NULL, '2026-01-01T00:00:00.000Z')`,
  ).run();
  const insertPacker = db.prepare(
    `INSERT INTO packers (id, name, role, badge, pin_hash, created_at)
     VALUES (@id, @name, @role, @badge, 'scrypt$seed$seed', '2026-01-01T00:00:00.000Z')`,
  );
  const insertShipment = db.prepare(
    `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
       carrier, label, label_format, label_dpi, created_at, printed_at, print_count, account_id,
       merchant_id, cost_value, cost_currency, source, shipping_option_code, recipient_name,
       recipient_postcode, packer_id, station_id, reprint_count, void_state, voided_at,
       tracking_status, tracking_checked_at)
     VALUES (@parcelId, @shipmentId, @orderRef, @orderNumber, @trackingNumber, @carrier, @label,
       'zpl', 203, @createdAt, @printedAt, @printCount, @accountId, @merchantId, @cost, @currency,
       'station', @optionCode, 'R. Ecipient', '1011 AB', @packerId, @stationId, @reprintCount,
       @voidState, @voidedAt, @trackingStatus, @trackingCheckedAt)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO shipment_events (parcel_id, kind, at, packer_id, station_id, detail)
     VALUES (@parcelId, @kind, @at, @packerId, @stationId, NULL)`,
  );
  const insertScan = db.prepare(
    `INSERT INTO scan_audit (id, code, state, step, order_number, tracking_number, carrier,
       error_code, error_message, started_at, finished_at, job_id, packer_id, station_id)
     VALUES (@id, @code, @state, '{"key":"scan.step.printed","params":{}}', @orderNumber, NULL,
       NULL, @errorCode, @errorMessage, @startedAt, @startedAt, @jobId, @packerId, @stationId)`,
  );
  const insertJob = db.prepare(
    `INSERT INTO jobs (id, kind, state, order_number, code, parcel_id, last_error_code,
       last_error_message, created_at, updated_at, packer_id, station_id)
     VALUES (@id, @kind, @state, @orderNumber, @orderNumber, @parcelId, @lastErrorCode,
       @lastErrorMessage, @createdMs, @createdMs, @packerId, @stationId)`,
  );

  db.transaction(() => {
    for (const packer of packers) insertPacker.run({ ...packer, badge: `BADGE-${packer.id}` });
    const label = Buffer.from('^XA^XZ');
    for (const day of options.days) {
      const span = day.toMs - day.fromMs;
      // Work from 07:00 to 19:00 of the day's hours, with a few at its very edges.
      for (let i = 0; i < day.labels; i++) {
        const edge = i === 0 ? 0 : i === 1 ? span - 1 : null;
        const createdMs =
          edge ?? day.fromMs + Math.floor(span * (7 / 24) + random() * span * (12 / 24));
        const at = edge === null ? createdMs : day.fromMs + edge;
        const carrierRoll = random();
        let carrierIndex = 0;
        for (let sum = carrierWeights[0]!; carrierRoll > sum && carrierIndex < 3;) {
          carrierIndex += 1;
          sum += carrierWeights[carrierIndex]!;
        }
        const carrier = seedCarriers[carrierIndex]!;
        const packer = pick(packers);
        const marketplace = random() < 0.3;
        parcelId += 1;
        const printedMs = random() < 0.93 ? at + 4_000 : null;
        const reprints: SeedShipment['reprints'] = [];
        if (printedMs !== null && random() < 0.06) {
          reprints.push({ atMs: printedMs + 600_000, packerId: pick(packers).id });
          if (random() < 0.3) reprints.push({ atMs: printedMs + 900_000, packerId: packer.id });
        }
        const voidedMs = random() < 0.02 ? at + 1_200_000 : null;
        const roll = random();
        const trackingStatus =
          voidedMs !== null
            ? 'cancelled'
            : roll < 0.4
              ? 'delivered'
              : roll < 0.75
                ? 'in-transit'
                : roll < 0.8
                  ? 'exception'
                  : roll < 0.9
                    ? 'announced'
                    : null;
        const shipment: SeedShipment = {
          parcelId,
          orderNumber: marketplace ? `ACME-${parcelId}` : `PD-${parcelId}`,
          trackingNumber: `3S${carrier.toUpperCase()}${parcelId}`,
          carrier,
          optionCode: `${carrier}:standard`,
          packerId: packer.id,
          accountId: marketplace ? 'acct-market' : 'acct-shop',
          merchantId: marketplace ? 'm-acme' : null,
          createdMs: at,
          printedMs,
          reprints,
          voidedMs,
          trackingStatus,
          cost: random() < 0.9 ? Math.round(random() * 1000) / 100 + 3 : null,
        };
        shipments.push(shipment);
        insertShipment.run({
          parcelId,
          shipmentId: `shp-${parcelId}`,
          orderRef: `ord-${parcelId}`,
          orderNumber: shipment.orderNumber,
          trackingNumber: shipment.trackingNumber,
          carrier,
          label,
          createdAt: iso(at),
          printedAt: printedMs === null ? null : iso(printedMs),
          printCount: printedMs === null ? 0 : 1 + reprints.length,
          accountId: shipment.accountId,
          merchantId: shipment.merchantId,
          cost: shipment.cost,
          currency: shipment.cost === null ? null : 'EUR',
          optionCode: shipment.optionCode,
          packerId: packer.id,
          stationId: options.stationId,
          reprintCount: reprints.length,
          voidState: voidedMs === null ? null : 'voided',
          voidedAt: voidedMs === null ? null : iso(voidedMs),
          trackingStatus,
          trackingCheckedAt: trackingStatus === null ? null : iso(at + 3_600_000),
        });
        const event = (kind: string, ms: number, packerId: string | null) =>
          insertEvent.run({ parcelId, kind, at: iso(ms), packerId, stationId: options.stationId });
        event('scanned', at - 2_000, packer.id);
        event('made', at, packer.id);
        if (printedMs !== null) event('printed', printedMs, packer.id);
        for (const reprint of reprints) event('reprinted', reprint.atMs, reprint.packerId);
        if (voidedMs !== null) event('voided', voidedMs, packer.id);
        const scan: SeedScan = {
          id: `scan-${parcelId}`,
          startedMs: at - 2_000,
          state: printedMs === null ? 'queued' : 'printed',
          packerId: packer.id,
          jobId: `job-${parcelId}`,
        };
        scans.push(scan);
        const job: SeedJob = {
          id: `job-${parcelId}`,
          kind: 'print',
          state:
            printedMs !== null
              ? 'done'
              : pick(['queued', 'waiting', 'held', 'needs-attention', 'needs-attention'] as const),
          lastErrorCode: null,
          createdMs: at - 2_000,
          parcelId,
          orderNumber: shipment.orderNumber,
        };
        if (job.state === 'needs-attention') {
          job.lastErrorCode = random() < 0.5 ? 'label-stale' : 'printer-error';
          if (job.lastErrorCode !== 'label-stale') scan.state = 'failed';
        }
        jobs.push(job);
      }
      // Scans that failed before any label: an unknown order, a label Sendcloud refused.
      const failures = Math.max(1, Math.round(day.labels * 0.01));
      for (let i = 0; i < failures; i++) {
        const startedMs = day.fromMs + Math.floor(span * (8 / 24) + random() * span * (10 / 24));
        const packer = pick(packers);
        const id = `scan-fail-${day.fromMs}-${i}`;
        const withJob = i % 2 === 0;
        scans.push({
          id,
          startedMs,
          state: 'failed',
          packerId: packer.id,
          jobId: withJob ? `job-${id}` : null,
        });
        if (withJob) {
          jobs.push({
            id: `job-${id}`,
            kind: 'create-label',
            state: 'cancelled',
            lastErrorCode: 'sendcloud-error',
            createdMs: startedMs,
            parcelId: null,
            orderNumber: `PD-F${i}`,
          });
        }
      }
    }
    for (const scan of scans) {
      const failed = scan.state === 'failed';
      insertScan.run({
        id: scan.id,
        code: scan.id,
        state: scan.state,
        orderNumber: null,
        errorCode: failed ? 'sendcloud-error' : null,
        errorMessage: failed ? '{"key":"error.internal","params":{}}' : null,
        startedAt: iso(scan.startedMs),
        jobId: scan.jobId,
        packerId: scan.packerId,
        stationId: options.stationId,
      });
    }
    for (const job of jobs) {
      insertJob.run({
        ...job,
        lastErrorMessage:
          job.lastErrorCode === null ? null : '{"key":"error.internal","params":{}}',
        packerId: null,
        stationId: options.stationId,
      });
    }
  })();
  return { packers, shipments, scans, jobs, stationId: options.stationId };
}
