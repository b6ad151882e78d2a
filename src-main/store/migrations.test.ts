import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrate, migrations } from './migrations';
import { recordScan, recentScans } from './audit';
import { findOrderByCode, upsertOrders } from './orders';
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
      'jobs',
      'orders',
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
});
