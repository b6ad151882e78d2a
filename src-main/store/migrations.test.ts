import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isMessage, legacyText, msg, type Message, type MessageParam } from '../../src-shared';
import { en } from '../../src-shared/messages/en';
import { latestVersion, migrate, migrations } from './migrations';
import { recordScan, recentScans } from './audit';
import { findOrderByCode, upsertOrders } from './orders';
import { getJob, insertJob, newJob, saveJob } from './jobs';
import {
  deletePrinter,
  listPrinters,
  readRoutes,
  savePrinter,
  writeRoute,
  type PrinterRecord,
} from './printers';
import { findShipmentByTracking, insertShipment, markPrinted } from './shipments';
import { trackingDue } from './tracking';

const memory = () => new Database(':memory:');

describe('migrations', () => {
  it('bring an empty database to the latest version with strict tables', () => {
    const db = memory();
    expect(migrate(db)).toBe(latestVersion);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name).sort()).toEqual([
      'accounts',
      'batch_orders',
      'batches',
      'day_labels',
      'jobs',
      'ledger_outbox',
      'merchants',
      'orders',
      'packers',
      'printer_routes',
      'printers',
      'returns',
      'scan_audit',
      'settings',
      'shared_settings',
      'shipment_documents',
      'shipment_events',
      'shipment_labels',
      'shipments',
      'shipping_option_names',
      'spooled_prints',
      'warehouse_claim_conflicts',
      'warehouse_claims_pending',
    ]);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('keep the names of shipping options from schema 6 on, leaving schema 5 data as it was', () => {
    const db = memory();
    migrate(db);
    db.prepare(
      "INSERT INTO shipping_option_names (code, name, learnt_at) VALUES ('postnl:standard', 'PostNL Standard', '2026-12-01T10:00:00Z')",
    ).run();
    expect(db.prepare('SELECT name FROM shipping_option_names').pluck().get()).toBe(
      'PostNL Standard',
    );
    // A name is text: STRICT refuses anything else.
    expect(() =>
      db
        .prepare(
          "INSERT INTO shipping_option_names (code, name, learnt_at) VALUES ('dhl:parcel', x'00', 'now')",
        )
        .run(),
    ).toThrow();
  });

  it('are numbered in order without gaps', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual(Array.from({ length: latestVersion }, (_, i) => i + 1));
  });

  it('run once: a second migrate changes nothing and keeps data', () => {
    const db = memory();
    migrate(db);
    upsertOrders(
      db,
      [
        {
          id: '1',
          accountId: 'env',
          orderId: 'shop-1',
          orderNumber: 'PD-1',
          integrationId: 7,
          status: 'open',
          countryCode: 'NL',
          shippingOptionCode: 'postnl:standard',
          updatedAt: '2026-11-20T10:00:00Z',
          body: {},
        },
      ],
      '2026-11-21T08:00:00Z',
    );
    migrate(db);
    expect(findOrderByCode(db, 'PD-1')?.orderId).toBe('shop-1');
  });

  it('refuse a database from a newer Packdesk and leave it untouched', () => {
    const db = memory();
    db.pragma(`user_version = ${latestVersion + 1}`);
    expect(() => migrate(db)).toThrow(/newer Packdesk/);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
  });

  it('enforce column types (STRICT) and label formats', () => {
    const db = memory();
    migrate(db);
    expect(() =>
      db
        .prepare(
          "INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number, carrier, label, label_format, label_dpi, created_at) VALUES ('x', 's', 'o', 'n', 't', 'c', x'00', 'zpl', 203, 'now')",
        )
        .run(),
    ).toThrow();
    expect(() =>
      db
        .prepare(
          "INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number, carrier, label, label_format, label_dpi, created_at) VALUES (1, 's', 'o', 'n', 't', 'c', x'00', 'docx', 203, 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('migration 2: the outbox', () => {
  it('keeps every scan audited under schema 1 and lets it be queued', () => {
    const db = memory();
    db.exec(migrations[0]?.sql ?? '');
    db.pragma('user_version = 1');
    db.prepare(
      `INSERT INTO scan_audit (id, code, state, step, reprint, started_at)
       VALUES ('old-1', 'PD-1', 'printed', 'Printed', 0, '2026-11-20T10:00:00Z')`,
    ).run();
    migrate(db);
    expect(recentScans(db, 5)).toMatchObject([
      { id: 'old-1', code: 'PD-1', state: 'printed', jobId: null, waitingReason: null },
    ]);
    expect(() =>
      db.prepare(`UPDATE scan_audit SET state = 'queued' WHERE id = 'old-1'`).run(),
    ).not.toThrow();
  });

  it('refuses a second live label job for one order', () => {
    const db = memory();
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO jobs (id, kind, state, order_ref, created_at, updated_at)
       VALUES (@id, 'create-label', @state, 'order-1', 0, 0)`,
    );
    insert.run({ id: 'a', state: 'waiting' });
    expect(() => insert.run({ id: 'b', state: 'queued' })).toThrow(/UNIQUE/);
    db.prepare(`UPDATE jobs SET state = 'cancelled' WHERE id = 'a'`).run();
    expect(() => insert.run({ id: 'b', state: 'queued' })).not.toThrow();
  });
});

describe('store functions on a migrated database', () => {
  it('find orders by order number or shop order id', () => {
    const db = memory();
    migrate(db);
    const base = {
      integrationId: 1,
      status: null,
      countryCode: 'BE',
      shippingOptionCode: null,
      updatedAt: null,
      body: {},
      accountId: 'env',
    };
    upsertOrders(db, [{ ...base, id: '10', orderId: 'A-77', orderNumber: 'PD-77' }], 'now');
    expect(findOrderByCode(db, 'PD-77')?.id).toBe('10');
    expect(findOrderByCode(db, 'A-77')?.id).toBe('10');
    expect(findOrderByCode(db, 'PD-78')).toBeNull();
  });

  it('keep label bytes exactly and count prints', () => {
    const db = memory();
    migrate(db);
    const label = Buffer.from([0x5e, 0x58, 0x41, 0x00, 0xff, 0x5e, 0x58, 0x5a]);
    insertShipment(db, {
      parcelId: 99,
      shipmentId: 'sh-1',
      orderRef: '10',
      orderNumber: 'PD-77',
      accountId: 'env',
      merchantId: null,
      cost: null,
      trackingNumber: '3SPACK0000001',
      trackingUrl: null,
      carrier: 'postnl',
      label,
      labelFormat: 'zpl',
      labelDpi: 203,
      createdAt: '2026-11-21T09:00:00Z',
    });
    markPrinted(db, 99, '2026-11-21T09:00:01Z');
    markPrinted(db, 99, '2026-11-21T09:05:00Z');
    const stored = findShipmentByTracking(db, '3SPACK0000001');
    expect(stored?.label?.equals(label)).toBe(true);
    expect(stored?.printCount).toBe(2);
    expect(stored?.printedAt).toBe('2026-11-21T09:05:00Z');
  });

  it('record a scan and move it to its outcome', () => {
    const db = memory();
    migrate(db);
    const entry = {
      id: 's1',
      code: 'PD-1',
      state: 'working' as const,
      step: msg('scan.step.lookingUp'),
      orderNumber: null,
      trackingNumber: null,
      carrier: null,
      error: null,
      startedAt: '2026-11-21T09:00:00Z',
      finishedAt: null,
      reprint: false,
      jobId: null,
      waitingReason: null,
      warning: null,
      shippingOptionCode: 'postnl:standard',
      shippingOptionName: 'PostNL Standard',
      shippingOptionWhy: msg('routing.why.rule', { number: 2, name: 'Heavy to DE' }),
      packerId: null,
      packerName: null,
      stationId: null,
    };
    recordScan(db, entry);
    const failed = {
      ...entry,
      state: 'failed' as const,
      step: msg('scan.step.failed'),
      error: { code: 'order-not-found' as const, ...msg('error.orderNotFound', { code: 'PD-1' }) },
      waitingReason: msg('job.waiting.printer', {
        problem: msg('printer.faults', { faults: [msg('printer.fault.paper-out')] }),
      }),
      finishedAt: '2026-11-21T09:00:01Z',
    };
    recordScan(db, failed);
    // Messages come back as they went in, nested params and lists too; never as sentences.
    expect(recentScans(db, 20)).toEqual([failed]);
    const [row] = db.prepare('SELECT step, error_message FROM scan_audit').all() as {
      step: string;
      error_message: string;
    }[];
    expect(JSON.parse(row?.step ?? '')).toEqual({ key: 'scan.step.failed', params: {} });
    expect(JSON.parse(row?.error_message ?? '')).toEqual({
      key: 'error.orderNotFound',
      params: { code: 'PD-1' },
    });
  });

  it('bring a version 2 database with queued jobs to version 3, keeping the jobs', () => {
    const db = memory();
    db.exec(migrations[0]?.sql ?? '');
    db.exec(migrations[1]?.sql ?? '');
    db.pragma('user_version = 2');
    db.prepare(
      `INSERT INTO jobs (id, kind, state, parcel_id, created_at, updated_at)
       VALUES ('p1', 'print', 'waiting', 99, 1000, 1000)`,
    ).run();
    migrate(db);
    const job = getJob(db, 'p1');
    expect(job).toMatchObject({ kind: 'print', state: 'waiting', parcelId: 99, sentAt: null });
    saveJob(db, { ...job!, sentAt: 2000 });
    expect(getJob(db, 'p1')?.sentAt).toBe(2000);
    expect(insertJob(db, newJob('print', 'p2', 3000)).sentAt).toBeNull();
  });

  it('store printers and which printer takes which document', () => {
    const db = memory();
    migrate(db);
    const zebra: PrinterRecord = {
      id: 'pr-1',
      name: 'Zebra at the packing table',
      transport: 'tcp',
      address: 'tcp://10.0.0.7:9100',
      language: 'zpl',
      dpi: 300,
      paper: 'A6',
      position: 0,
      createdAt: '2026-11-21T09:00:00Z',
    };
    savePrinter(db, zebra);
    savePrinter(db, {
      ...zebra,
      id: 'pr-2',
      address: 'ipp://127.0.0.1:631/printers/A4',
      language: 'pdf',
      transport: 'cups',
      paper: 'A4',
      position: 3,
    });
    writeRoute(db, 'zpl-label', 'pr-1');
    writeRoute(db, 'a4-document', 'pr-2');
    expect(listPrinters(db).map((p) => [p.id, p.dpi, p.position])).toEqual([
      ['pr-1', 300, 0],
      ['pr-2', 300, 3],
    ]);
    expect(readRoutes(db)).toEqual({ 'zpl-label': 'pr-1', 'a4-document': 'pr-2' });
    // One address is one printer; a dpi the printer cannot have is refused by the table itself.
    expect(() => savePrinter(db, { ...zebra, id: 'pr-3' })).toThrow(/UNIQUE/);
    expect(() => savePrinter(db, { ...zebra, id: 'pr-4', address: 'x', dpi: 250 as 300 })).toThrow(
      /CHECK/,
    );
    deletePrinter(db, 'pr-2');
    expect(readRoutes(db)).toEqual({ 'zpl-label': 'pr-1' });
    writeRoute(db, 'zpl-label', null);
    expect(readRoutes(db)).toEqual({});
  });

  it('bring a version 3 station to accounts: its orders, shipments and label jobs were the environment account’s', () => {
    const db = memory();
    for (const m of migrations.filter((m) => m.version <= 3)) db.exec(m.sql);
    db.pragma('user_version = 3');
    db.prepare(
      `INSERT INTO orders (id, order_id, order_number, integration_id, synced_at, body)
       VALUES ('7', 'shop-7', 'PD-7', 3017, '2026-11-20T10:00:00Z', '{}')`,
    ).run();
    db.prepare(
      `INSERT INTO jobs (id, kind, state, order_ref, created_at, updated_at)
       VALUES ('j1', 'create-label', 'waiting', '7', 1, 1), ('j2', 'sync-orders', 'queued', NULL, 1, 1)`,
    ).run();
    migrate(db);
    expect(findOrderByCode(db, 'PD-7')?.accountId).toBe('env');
    expect(findOrderByCode(db, 'PD-7', ['other'])).toBeNull();
    expect(getJob(db, 'j1')?.accountId).toBe('env');
    expect(getJob(db, 'j2')?.accountId).toBeNull();
    // Keys have no column to land in.
    const columns = (
      db.prepare("SELECT name FROM pragma_table_info('accounts')").all() as {
        name: string;
      }[]
    ).map((c) => c.name);
    expect(columns.some((name) => /key|secret|password|token/i.test(name))).toBe(false);
  });

  it('bring a database made by the station of schema 4 (commit c921730) to keys and params', () => {
    const file = copyOfFixture();
    const db = new Database(file);
    const counts = rowCounts(db);
    // One sentence no pattern knows: it keeps its words, as legacy.text.
    db.prepare(
      "UPDATE scan_audit SET warning = 'Something an old build said.' WHERE code = 'PD-10001' AND state = 'printed'",
    ).run();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(rowCounts(db)).toEqual(counts);

    const scans = recentScans(db, 100);
    const jobs = db.prepare('SELECT id FROM jobs ORDER BY seq').all() as { id: string }[];
    const stored = [
      ...scans.flatMap((s) => [s.step, s.waitingReason, s.warning, s.error]),
      ...jobs.flatMap(({ id }) => [
        getJob(db, id)?.reason ?? null,
        getJob(db, id)?.lastError ?? null,
      ]),
    ].filter((m): m is Message => m !== null);
    // Every stored text is a message of a known key with every param its English text names.
    for (const message of stored) expectKnown(message);
    const legacy = stored.filter((m) => m.key === 'legacy.text');
    expect(legacy).toEqual([legacyText('Something an old build said.')]);

    const byCode = (code: string, state?: string) =>
      scans.find((s) => s.code === code && (state === undefined || s.state === state));
    expect(byCode('PD-10001', 'printed')?.step).toEqual(msg('scan.step.printed'));
    expect(byCode('PD-10001', 'failed')).toMatchObject({
      step: msg('scan.step.failed'),
      error: {
        code: 'already-labelled',
        key: 'scan.error.alreadyLabelled',
        params: { order: 'PD-10001' },
      },
    });
    expect(scans.find((s) => s.reprint)?.step).toEqual(msg('scan.step.reprinted'));
    expect(byCode('PD-00000')?.error).toEqual({
      code: 'order-not-found',
      ...msg('error.orderNotFound', { code: 'PD-00000' }),
    });
    expect(byCode('PD-10006')?.waitingReason).toMatchObject({
      key: 'job.waiting.printer',
      params: {
        problem: {
          key: 'printer.faultBeforeSending',
          params: { faults: msg('printer.faults', { faults: [msg('printer.fault.paper-out')] }) },
        },
      },
    });
    expect(byCode('PD-10003')?.error).toEqual({
      code: 'sendcloud-error',
      ...msg('sendcloud.refused.detail', { detail: 'Unprocessable Entity' }),
    });
    expect(byCode('PD-10004')?.waitingReason).toEqual(msg('scan.waiting.offline'));
    expect(byCode('PD-10005')).toMatchObject({
      step: msg('scan.step.cancelled'),
      error: { code: 'cancelled', key: 'scan.error.cancelled' },
    });
    const lastErrors = jobs.map(({ id }) => getJob(db, id)?.lastError).filter(Boolean);
    expect(lastErrors).toContainEqual({
      code: 'sendcloud-error',
      ...msg('sendcloud.serverError.detail', { status: 500, detail: 'A server error occurred' }),
    });
    expect(lastErrors).toContainEqual({ code: 'offline', ...msg('sendcloud.unreachable') });
    expect(jobs.map(({ id }) => getJob(db, id)?.reason)).toContainEqual(msg('job.cancelled'));
    db.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('gives a station of schema 4 a history per shipment and the void kind, losing no row', () => {
    const file = copyOfFixture();
    const db = new Database(file);
    const before = db
      .prepare('SELECT parcel_id, label, print_count, printed_at FROM shipments ORDER BY parcel_id')
      .all() as { parcel_id: number; label: Buffer; print_count: number; printed_at: string }[];
    const jobsBefore = db.prepare('SELECT seq, id, kind, state FROM jobs ORDER BY seq').all();
    expect(before.length).toBeGreaterThan(0);
    migrate(db);
    const after = db
      .prepare(
        'SELECT parcel_id, label, print_count, reprint_count, source FROM shipments ORDER BY parcel_id',
      )
      .all() as {
      parcel_id: number;
      label: Buffer;
      print_count: number;
      reprint_count: number;
      source: string;
    }[];
    expect(after.map((s) => s.parcel_id)).toEqual(before.map((s) => s.parcel_id));
    after.forEach((shipment, i) => {
      expect(shipment.label.equals(before[i]!.label)).toBe(true);
      expect(shipment.source).toBe('station');
      expect(shipment.reprint_count).toBe(Math.max(before[i]!.print_count - 1, 0));
    });
    expect(db.prepare('SELECT seq, id, kind, state FROM jobs ORDER BY seq').all()).toEqual(
      jobsBefore,
    );
    const events = db
      .prepare('SELECT kind, count(*) AS n FROM shipment_events GROUP BY kind ORDER BY kind')
      .all();
    expect(events).toEqual([
      { kind: 'made', n: before.length },
      ...(before.some((s) => s.printed_at)
        ? [{ kind: 'printed', n: before.filter((s) => s.printed_at).length }]
        : []),
    ]);

    // One live label job per order still, until its label is voided; then it can be made again.
    const labelled = db
      .prepare("SELECT * FROM jobs WHERE kind = 'create-label' AND state = 'done' LIMIT 1")
      .get() as Record<string, unknown>;
    const again = db.prepare(
      `INSERT INTO jobs (id, kind, state, order_ref, created_at, updated_at)
       VALUES (@id, 'create-label', 'queued', @orderRef, 0, 0)`,
    );
    expect(() => again.run({ id: 'again-1', orderRef: labelled.order_ref })).toThrow(/UNIQUE/);
    db.prepare('UPDATE jobs SET voided_at = 1 WHERE id = @id').run({ id: labelled.id });
    expect(() => again.run({ id: 'again-2', orderRef: labelled.order_ref })).not.toThrow();
    db.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('keep new label bytes beside the shipment and still read the ones kept in its row', () => {
    const db = memory();
    const upTo7 = migrations.filter((m) => m.version <= 7);
    db.transaction(() => {
      for (const m of upTo7) {
        db.exec(m.sql);
        m.run?.(db);
      }
      db.pragma('user_version = 7');
    })();
    db.prepare(
      `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
         carrier, label, label_format, label_dpi, created_at)
       VALUES (1, 's1', 'o1', 'PD-1', 'T1', 'dhl', x'5E58415E585A', 'zpl', 203, '2026-05-04')`,
    ).run();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    insertShipment(db, {
      parcelId: 2,
      shipmentId: 's2',
      orderRef: 'o2',
      orderNumber: 'PD-2',
      trackingNumber: 'T2',
      trackingUrl: null,
      carrier: 'dhl',
      label: Buffer.from('^XA^FDnew^XZ'),
      labelFormat: 'zpl',
      labelDpi: 203,
      createdAt: '2026-05-05',
      accountId: 'env',
      merchantId: null,
      cost: null,
    });
    // The new label is not in the row: reading the row never reaches its bytes.
    expect(db.prepare('SELECT label FROM shipments WHERE parcel_id = 2').pluck().get()).toBeNull();
    expect(findShipmentByTracking(db, 'T1')?.label?.toString()).toBe('^XA^XZ');
    expect(findShipmentByTracking(db, 'T2')?.label?.toString()).toBe('^XA^FDnew^XZ');
    // A label's bytes are bytes: STRICT refuses anything else, and one per shipment.
    expect(() =>
      db.prepare(`INSERT INTO shipment_labels (parcel_id, bytes) VALUES (3, 42)`).run(),
    ).toThrow();
    expect(() =>
      db.prepare(`INSERT INTO shipment_labels (parcel_id, bytes) VALUES (2, x'00')`).run(),
    ).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});

describe('migrations 8 and 9: the tracking index and label bytes beside the shipment', () => {
  it('brings a schema 7 station to the tracking poll’s index, and the poll’s pick uses it', () => {
    const db = memory();
    for (const m of migrations.filter((m) => m.version <= 7)) db.exec(m.sql);
    db.pragma('user_version = 7');
    const made = (parcelId: number, createdAt: string) =>
      insertShipment(db, {
        parcelId,
        shipmentId: `s${parcelId}`,
        orderRef: `o${parcelId}`,
        orderNumber: `PD-${parcelId}`,
        trackingNumber: `T${parcelId}`,
        trackingUrl: null,
        carrier: 'dhl',
        label: null,
        labelFormat: 'zpl',
        labelDpi: 203,
        createdAt,
        accountId: 'env',
        merchantId: null,
        cost: null,
      });
    made(1, '2026-05-10T08:00:00.000Z');
    made(2, '2026-05-11T08:00:00.000Z');
    made(3, '2026-05-12T08:00:00.000Z');
    db.prepare(
      `UPDATE shipments SET tracking_status = 'delivered', tracking_checked_at = created_at
       WHERE parcel_id = 2`,
    ).run();
    db.prepare(
      `UPDATE shipments SET tracking_status = 'in-transit', tracking_checked_at = created_at
       WHERE parcel_id = 1`,
    ).run();

    expect(migrate(db)).toBe(latestVersion);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'shipments'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining(['shipments_tracking_poll', 'shipments_void_requested']),
    );
    // Never checked first, then the one checked longest ago; delivered is not due.
    const due = trackingDue(db, { sinceIso: '2026-05-01T00:00:00.000Z', limit: 10 });
    expect(due.map((s) => s.parcelId)).toEqual([3, 1]);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT parcel_id FROM shipments WHERE created_at >= @sinceIso
           AND (void_state IS NULL OR void_state != 'voided')
          AND (tracking_status IS NULL
            OR tracking_status NOT IN ('delivered', 'cancelled', 'returned')
            OR void_state = 'requested')
         ORDER BY tracking_checked_at, created_at LIMIT 10`,
      )
      .all({ sinceIso: '2026-05-01T00:00:00.000Z' }) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('shipments_tracking_poll');
    db.close();
  });
});

const fixture = path.resolve(__dirname, '../../test/fixtures/schema-4/packdesk-c921730.sqlite');

/** A private copy of the schema 4 database, so no test changes the committed file. */
export function copyOfFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-schema4-'));
  const file = path.join(dir, 'packdesk.sqlite');
  fs.copyFileSync(fixture, file);
  return file;
}

function rowCounts(db: Database.Database): Record<string, number> {
  const tables = ['orders', 'shipments', 'scan_audit', 'jobs', 'settings', 'accounts'];
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

/** A message whose key the English catalogue has, with every parameter its text names. */
function expectKnown(message: Message | MessageParam): void {
  if (typeof message === 'string' || typeof message === 'number') return;
  if (Array.isArray(message)) {
    for (const item of message as readonly Message[]) expectKnown(item);
    return;
  }
  expect(isMessage(message)).toBe(true);
  const { key, params } = message as Message;
  const text = (en as Record<string, string>)[key];
  expect(text, `key ${key}`).toBeDefined();
  for (const [, name] of (text ?? '').matchAll(/\{\{(\w+)\}\}/g)) {
    expect(params, `${key} needs ${name}`).toHaveProperty(name ?? '');
  }
  for (const value of Object.values(params)) expectKnown(value);
}

/** A database as a station of that schema left it. */
function atVersion(version: number) {
  const db = memory();
  db.exec(
    migrations
      .filter((m) => m.version <= version)
      .map((m) => m.sql)
      .join('\n'),
  );
  db.pragma(`user_version = ${version}`);
  return db;
}

describe("migration 10: the Day screen's rollup and indexes", () => {
  const v7 = () => atVersion(7);
  const label = (db: Database.Database, id: number, at: string, packer: string | null) =>
    db
      .prepare(
        `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
           carrier, label_format, label_dpi, created_at, packer_id)
         VALUES (@id, 's', 'o', 'PD', 'T', 'dhl', 'zpl', 203, @at, @packer)`,
      )
      .run({ id, at, packer });
  const rollup = (db: Database.Database) =>
    db
      .prepare('SELECT quarter, packer_id, labels FROM day_labels WHERE labels > 0 ORDER BY 1, 2')
      .all();

  it('counts the labels already made, per quarter hour and packer', () => {
    const db = v7();
    label(db, 1, '2026-11-20T09:00:00.000Z', 'p1');
    label(db, 2, '2026-11-20T09:14:59.999Z', 'p1');
    label(db, 3, '2026-11-20T09:45:00.000Z', null);
    expect(migrate(db)).toBe(latestVersion);
    expect(rollup(db)).toEqual([
      { quarter: '2026-11-20T09:0', packer_id: 'p1', labels: 2 },
      { quarter: '2026-11-20T09:3', packer_id: '', labels: 1 },
    ]);
  });

  it('keeps the count as labels are made, moved to another packer and removed', () => {
    const db = v7();
    migrate(db);
    label(db, 1, '2026-11-20T09:00:00.000Z', 'p1');
    label(db, 2, '2026-11-20T09:05:00.000Z', 'p1');
    db.prepare(
      `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
         carrier, label_format, label_dpi, created_at, source)
       VALUES (9, 's', 'o', 'PD', 'T', 'dhl', 'zpl', 203, '2026-11-20T09:00:00.000Z', 'sendcloud')`,
    ).run();
    expect(rollup(db)).toEqual([{ quarter: '2026-11-20T09:0', packer_id: 'p1', labels: 2 }]);
    db.prepare(`UPDATE shipments SET packer_id = 'p2' WHERE parcel_id = 2`).run();
    db.prepare(`UPDATE shipments SET printed_at = '2026-11-20T09:06:00.000Z'`).run();
    expect(rollup(db)).toEqual([
      { quarter: '2026-11-20T09:0', packer_id: 'p1', labels: 1 },
      { quarter: '2026-11-20T09:0', packer_id: 'p2', labels: 1 },
    ]);
    db.prepare(`DELETE FROM shipments WHERE parcel_id = 1`).run();
    expect(rollup(db)).toEqual([{ quarter: '2026-11-20T09:0', packer_id: 'p2', labels: 1 }]);
  });

  it('answers the rest of the day from indexes, never reading the tables’ rows', () => {
    const db = v7();
    migrate(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    expect(
      plan(`SELECT count(*) FROM shipment_events
            WHERE kind = 'reprinted' AND at >= '2026-11-20' AND at < '2026-11-21'`),
    ).toMatch(/COVERING INDEX shipment_events_kind_day/);
    expect(
      plan(`SELECT min(started_at) FROM scan_audit
            WHERE packer_id IS 'p1' AND started_at >= '2026-11-20' AND started_at < '2026-11-21'`),
    ).toMatch(/COVERING INDEX scan_audit_packer_day/);
    expect(
      plan(`SELECT count(*) FROM shipments WHERE tracking_status = 'delivered'
            AND created_at >= '2026-11-06' AND created_at < '2026-11-21'`),
    ).toMatch(/COVERING INDEX shipments_tracking_day/);
  });
});

describe('migration 11: batches, the order columns they sort by, the batch job kind', () => {
  const v10 = () => atVersion(10);
  const jobColumns = [
    'seq',
    'id',
    'kind',
    'state',
    'parent_id',
    'order_ref',
    'order_number',
    'code',
    'parcel_id',
    'attempts',
    'next_attempt_at',
    'first_attempt_at',
    'last_error_code',
    'last_error_message',
    'reason',
    'approved_at',
    'created_at',
    'updated_at',
    'sent_at',
    'account_id',
    'packer_id',
    'station_id',
    'printer_id',
    'detail',
    'voided_at',
  ];

  it('keeps every job through the rebuild, with every column, and takes the batch kind', () => {
    const db = v10();
    const full = {
      seq: 41,
      id: 'job-1',
      kind: 'create-label',
      state: 'waiting',
      parent_id: 'parent',
      order_ref: 'o-1',
      order_number: 'PD-1',
      code: 'PD-1',
      parcel_id: 901,
      attempts: 3,
      next_attempt_at: 1_700_000_000_500,
      first_attempt_at: 1_700_000_000_100,
      last_error_code: 'offline',
      last_error_message: '{"key":"job.error.offline"}',
      reason: '{"key":"job.waiting.offline"}',
      approved_at: 1_700_000_000_200,
      created_at: 1_700_000_000_000,
      updated_at: 1_700_000_000_300,
      sent_at: 1_700_000_000_400,
      account_id: 'acc-1',
      packer_id: 'p-1',
      station_id: 'st-1',
      printer_id: 'pr-1',
      detail: '{"x":1}',
      voided_at: 1_700_000_000_600,
    };
    const bare = {
      ...Object.fromEntries(jobColumns.map((c) => [c, null])),
      seq: 42,
      id: 'job-2',
      kind: 'void',
      state: 'done',
      attempts: 0,
      created_at: 1,
      updated_at: 2,
    };
    const insert = db.prepare(
      `INSERT INTO jobs (${jobColumns.join(', ')}) VALUES (${jobColumns.map((c) => `@${c}`).join(', ')})`,
    );
    insert.run(full);
    insert.run(bare);
    expect(() => insert.run({ ...bare, seq: 43, id: 'job-3', kind: 'batch' })).toThrow(/CHECK/);

    migrate(db);
    // Schema 12 adds the choices column after the others: null for every job that came before.
    expect(db.prepare('SELECT * FROM jobs ORDER BY seq').all()).toEqual([
      { ...full, choices: null },
      { ...bare, choices: null },
    ]);
    // The rebuilt table keeps its rules: the batch kind now, one live label job per order.
    insert.run({ ...bare, seq: 43, id: 'job-3', kind: 'batch', state: 'queued' });
    const label = { ...full, state: 'queued', order_ref: 'o-2', voided_at: null };
    insert.run({ ...label, seq: 44, id: 'job-4' });
    expect(() => insert.run({ ...label, seq: 45, id: 'job-5' })).toThrow(/UNIQUE/);
    // New jobs number on after the old ones.
    db.prepare(
      "INSERT INTO jobs (id, kind, state, created_at, updated_at) VALUES ('job-6', 'print', 'queued', 1, 1)",
    ).run();
    expect(db.prepare("SELECT seq FROM jobs WHERE id = 'job-6'").pluck().get()).toBe(45);
  });

  it('reads the Batch screen’s order columns from the cached body', () => {
    const db = v10();
    const order = (id: string, body: unknown) =>
      db
        .prepare(
          `INSERT INTO orders (id, order_id, order_number, integration_id, synced_at, body)
           VALUES (@id, @id, @id, 1, '2026-12-01T10:00:00Z', @body)`,
        )
        .run({ id, body: JSON.stringify(body) });
    order('full', {
      created_at: '2026-11-30T08:00:00Z',
      order_details: {
        order_created_at: '2026-11-29T17:30:00Z',
        order_items: [{ sku: 'SKU-RED' }, { sku: 'SKU-BLUE' }],
      },
      shipping_address: { name: 'Anna Jansen' },
      customer_details: { name: 'A. Jansen' },
      service_point_details: { id: 42 },
    });
    order('fallbacks', {
      created_at: '2026-11-30T08:00:00Z',
      order_details: { order_items: [] },
      customer_details: { name: 'Bram Peeters' },
      service_point_details: null,
    });
    order('empty', {});
    migrate(db);
    expect(
      db
        .prepare(
          'SELECT id, ordered_at, customer_name, first_sku, service_point FROM orders ORDER BY id',
        )
        .all(),
    ).toEqual([
      { id: 'empty', ordered_at: null, customer_name: null, first_sku: null, service_point: null },
      {
        id: 'fallbacks',
        ordered_at: '2026-11-30T08:00:00Z',
        customer_name: 'Bram Peeters',
        first_sku: null,
        service_point: 0,
      },
      {
        id: 'full',
        ordered_at: '2026-11-29T17:30:00Z',
        customer_name: 'Anna Jansen',
        first_sku: 'SKU-RED',
        service_point: 1,
      },
    ]);
  });

  it('refuses an order in two live batches, and lets it into a new one once it is out', () => {
    const db = memory();
    migrate(db);
    const batch = (id: string) =>
      db
        .prepare(
          `INSERT INTO batches (id, job_id, sort_field, sort_direction, layout, chunk_size, created_at)
           VALUES (@id, @id, 'order-number', 'asc', 'a6', 50, 1)`,
        )
        .run({ id });
    const add = (batchId: string, position: number, state: string) =>
      db
        .prepare(
          `INSERT INTO batch_orders (batch_id, position, order_ref, order_number, account_id,
             integration_id, order_id, state)
           VALUES (@batchId, @position, 'o-1', 'PD-1', 'acc', 1, '1', @state)`,
        )
        .run({ batchId, position, state });
    batch('b1');
    batch('b2');
    add('b1', 0, 'sending');
    for (const state of ['pending', 'sending', 'made']) {
      expect(() => add('b2', 0, state)).toThrow(/UNIQUE/);
    }
    // Refused, left out, cancelled or labelled there: it can go in another batch.
    for (const state of ['failed', 'left-out', 'cancelled', 'labelled', 'printed']) {
      db.prepare("UPDATE batch_orders SET state = @state WHERE batch_id = 'b1'").run({ state });
      add('b2', 0, 'pending');
      db.prepare("DELETE FROM batch_orders WHERE batch_id = 'b2'").run();
    }
    expect(() => add('b1', 1, 'waiting')).toThrow(/CHECK/);
  });
});

describe('migration 12: customs documents, boxes, service points, returns, choices', () => {
  it('keeps every job through the rebuild and takes the documents kind and a job’s choices', () => {
    const db = atVersion(11);
    db.prepare(
      `INSERT INTO jobs (seq, id, kind, state, order_ref, created_at, updated_at, detail)
       VALUES (7, 'job-7', 'batch', 'waiting', 'o-7', 1, 2, '{"key":"x"}')`,
    ).run();
    const documents = db.prepare(
      "INSERT INTO jobs (id, kind, state, created_at, updated_at) VALUES ('d', 'documents', 'queued', 1, 1)",
    );
    expect(() => documents.run()).toThrow(/CHECK/);

    migrate(db);
    expect(db.prepare("SELECT * FROM jobs WHERE id = 'job-7'").get()).toMatchObject({
      seq: 7,
      kind: 'batch',
      state: 'waiting',
      order_ref: 'o-7',
      detail: '{"key":"x"}',
      choices: null,
    });
    documents.run();
    expect(db.prepare("SELECT seq FROM jobs WHERE id = 'd'").pluck().get()).toBe(8);
  });

  it('gives every shipment one box of one and no service point, and keeps documents once', () => {
    const db = atVersion(11);
    db.prepare(
      `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
         carrier, label_format, label_dpi, created_at)
       VALUES (5, 's-5', 'o-5', 'PD-5', 'T5', 'dhl', 'zpl', 203, '2026-12-01T10:00:00Z')`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT collo_nr, collo_count, service_point FROM shipments').get()).toEqual({
      collo_nr: 1,
      collo_count: 1,
      service_point: null,
    });
    const document = db.prepare(
      'INSERT INTO shipment_documents (parcel_id, type, copies) VALUES (5, @type, @copies)',
    );
    document.run({ type: 'customs-declaration', copies: 2 });
    expect(() => document.run({ type: 'customs-declaration', copies: 1 })).toThrow(/UNIQUE/);
    expect(() => document.run({ type: 'invoice', copies: 1 })).toThrow(/CHECK/);
    expect(() => document.run({ type: 'air-waybill', copies: 0 })).toThrow(/CHECK/);
  });

  it('keeps what a station shares with its warehouse from schema 16 on, one row a thing', () => {
    const db = atVersion(13);
    db.prepare(
      `INSERT INTO packers (id, name, role, badge, pin_hash, created_at)
       VALUES ('p1', 'Sam', 'supervisor', 'PDB-1', 'scrypt$x', '2026-12-01T10:00:00Z')`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT name FROM packers').pluck().get()).toBe('Sam');
    const shared = db.prepare(
      `INSERT INTO shared_settings (kind, local_id, shared_key, fingerprint, changed_ms)
       VALUES (@kind, @id, @key, '[]', 0)`,
    );
    shared.run({ kind: 'packer', id: 'p1', key: 'p1' });
    shared.run({ kind: 'account', id: 'a1', key: 'k1' });
    expect(() => shared.run({ kind: 'account', id: 'a2', key: 'k1' })).toThrow(/UNIQUE/);
    expect(() => shared.run({ kind: 'printer', id: 'x', key: 'x' })).toThrow(/CHECK/);
    expect(db.prepare('SELECT pushed FROM shared_settings').pluck().all()).toEqual([0, 0]);
  });
});

describe('migration 15: the warehouse ledger’s outbox', () => {
  const ship = (db: Database.Database, id: number, source = 'station') =>
    db
      .prepare(
        `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
           carrier, label_format, label_dpi, created_at, source, station_id)
         VALUES (@id, 's', 'o', @number, @t, 'dhl', 'zpl', 203, @at, @source, 'st-1')`,
      )
      .run({ id, number: `PD-${id}`, source, t: `T${id}`, at: `2026-12-01T10:00:0${id}Z` });
  const outbox = (db: Database.Database) =>
    db.prepare('SELECT id, kind, ref, body FROM ledger_outbox ORDER BY id').all() as {
      id: number;
      kind: string;
      ref: string;
      body: string;
    }[];

  it('starts with what the station did before, in order, and leaves out labels found in Sendcloud', () => {
    const db = atVersion(13);
    ship(db, 2);
    ship(db, 1);
    ship(db, 3, 'sendcloud');
    db.prepare(
      `INSERT INTO scan_audit (id, code, state, step, started_at) VALUES ('a', 'PD-1', 'printed', '{}', '2026-12-01T10:00:00Z')`,
    ).run();
    db.prepare(
      `INSERT INTO shipment_events (parcel_id, kind, at) VALUES (1, 'printed', '2026-12-01T10:00:01Z'), (3, 'printed', '2026-12-01T10:00:01Z')`,
    ).run();
    migrate(db);
    expect(outbox(db).map((row) => [row.kind, row.ref])).toEqual([
      ['shipment', '1'],
      ['shipment', '2'],
      ['scan', 'a'],
      ['shipment-event', '1'],
    ]);
    expect(JSON.parse(outbox(db)[0]!.body)).toMatchObject({
      parcel_id: 1,
      order_number: 'PD-1',
      tracking_number: 'T1',
      station_id: 'st-1',
    });
  });

  it('writes a row in the same transaction as the change, and none when it rolls back', () => {
    const db = memory();
    migrate(db);
    expect(() =>
      db.transaction(() => {
        ship(db, 1);
        throw new Error('the station died');
      })(),
    ).toThrow();
    expect(outbox(db)).toEqual([]);
    ship(db, 1);
    expect(outbox(db).map((row) => row.kind)).toEqual(['shipment']);
  });

  it('keeps each change the ledger shows, and not the polls and steps that change nothing of it', () => {
    const db = memory();
    migrate(db);
    ship(db, 1);
    db.prepare(`UPDATE shipments SET tracking_checked_at = '2026-12-01T11:00:00Z'`).run();
    db.prepare(`UPDATE shipments SET label = x'00'`).run();
    expect(outbox(db)).toHaveLength(1);
    db.prepare(`UPDATE shipments SET printed_at = '2026-12-01T10:00:02Z', print_count = 1`).run();
    db.prepare(`UPDATE shipments SET reprint_count = 1`).run();
    db.prepare(
      `UPDATE shipments SET void_state = 'voided', voided_at = '2026-12-01T12:00:00Z'`,
    ).run();
    db.prepare(`UPDATE shipments SET tracking_status = 'delivered'`).run();
    const bodies = outbox(db).map((row) => JSON.parse(row.body) as Record<string, unknown>);
    expect(
      bodies.map((b) => [b.print_count, b.reprint_count, b.void_state, b.tracking_status]),
    ).toEqual([
      [0, 0, null, null],
      [1, 0, null, null],
      [1, 1, null, null],
      [1, 1, 'voided', null],
      [1, 1, 'voided', 'delivered'],
    ]);

    db.prepare(
      `INSERT INTO scan_audit (id, code, state, step, started_at) VALUES ('a', 'PD-1', 'working', '{"key":"one"}', '2026-12-01T10:00:00Z')`,
    ).run();
    db.prepare(`UPDATE scan_audit SET step = '{"key":"two"}'`).run();
    db.prepare(
      `UPDATE scan_audit SET state = 'printed', finished_at = '2026-12-01T10:00:03Z'`,
    ).run();
    expect(outbox(db).filter((row) => row.kind === 'scan')).toHaveLength(2);
    const ids = outbox(db).map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
