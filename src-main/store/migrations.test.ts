import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
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
      'jobs',
      'merchants',
      'orders',
      'printer_routes',
      'printers',
      'scan_audit',
      'settings',
      'shipments',
    ]);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('are numbered in order without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
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
    expect(stored?.label.equals(label)).toBe(true);
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
      step: 'Looking up',
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
    };
    recordScan(db, entry);
    recordScan(db, {
      ...entry,
      state: 'failed',
      step: 'Failed',
      error: { code: 'order-not-found', message: 'No open order matches "PD-1".' },
      finishedAt: '2026-11-21T09:00:01Z',
    });
    expect(recentScans(db, 20)).toEqual([
      {
        ...entry,
        state: 'failed',
        step: 'Failed',
        error: { code: 'order-not-found', message: 'No open order matches "PD-1".' },
        finishedAt: '2026-11-21T09:00:01Z',
      },
    ]);
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
});
