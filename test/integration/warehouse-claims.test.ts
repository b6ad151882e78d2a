// The claim statement against a real PostgreSQL, with each station's real SQLite file: one
// winner among stations claiming at once, a live station's claim held, a dead one's taken over
// only after the timeout, a void freeing the order, and a label made alone reconciled (and a
// second station's label of the same order found and recorded).
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-main/clock';
import { openDatabase, type Db } from '../../src-main/store/db';
import { insertShipment } from '../../src-main/store/shipments';
import { markVoided, markVoidRequested } from '../../src-main/store/voids';
import {
  claimConflicts,
  openClaimConflicts,
  pendingClaims,
} from '../../src-main/store/warehouse-claims';
import { createClaims, orderKeyOf, type Claims } from '../../src-main/warehouse/claims';
import { createWarehouseLink, type WarehouseLink } from '../../src-main/warehouse/link';
import { freshDatabase } from '../helpers/pg';
import { tempDir } from '../helpers/tmp';

const order = { integrationId: 7, orderId: 'ord-1', orderNumber: 'SO-1' };

interface TestStation {
  id: string;
  link: WarehouseLink;
  db: Db;
  claims: Claims;
  stop(): Promise<void>;
}

describe('warehouse claims', () => {
  let database: { url: string; drop(): Promise<void> };
  let admin: pg.Pool;
  const dir = tempDir();
  const open: TestStation[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    admin = new pg.Pool({ connectionString: database.url });
  }, 60_000);
  afterEach(async () => {
    for (const station of open.splice(0)) await station.stop();
    await admin.query('delete from claims').catch(() => undefined);
  });
  afterAll(async () => {
    await admin.end();
    await database.drop();
    dir.cleanup();
  });

  async function station(id: string, timeoutMs = 60_000, url = database.url): Promise<TestStation> {
    const link = createWarehouseLink({
      url,
      stationId: id,
      stationName: `Table ${id}`,
      clock: systemClock,
      heartbeatMs: 60_000,
      connectTimeoutMs: 5_000,
    });
    await link.start();
    const db = openDatabase(path.join(dir.dir, `${id}-${Math.random()}.sqlite`));
    const claims = createClaims({
      db,
      clock: systemClock,
      link,
      identity: { id, name: `Table ${id}` },
      timeoutMs,
    });
    claims.start();
    const made: TestStation = {
      id,
      link,
      db,
      claims,
      async stop() {
        await claims.stop();
        await link.stop();
        db.close();
      },
    };
    open.push(made);
    return made;
  }

  it('give an order to exactly one of several stations claiming it at once', async () => {
    const stations = await Promise.all(['a', 'b', 'c', 'd'].map((id) => station(id)));
    const answers = await Promise.all(
      stations.flatMap((s) => [s.claims.claim(order), s.claims.claim(order)]),
    );
    const winners = new Set(
      answers.flatMap((answer, i) => (answer.kind === 'mine' ? [stations[i >> 1]?.id] : [])),
    );
    expect(winners.size).toBe(1);
    const holder = `Table ${[...winners][0]}`;
    const others = answers.filter((answer) => answer.kind !== 'mine');
    expect(others.length).toBe(6);
    expect(others.every((a) => a.kind === 'labelling' && a.station === holder)).toBe(true);
  });

  it('say where an order was labelled, with its tracking number, once its label is made', async () => {
    const a = await station('a');
    const b = await station('b');
    expect(await a.claims.claim(order)).toEqual({ kind: 'mine', verified: true, lookUpFrom: null });
    a.claims.noteLabelled(order, { parcelId: 501, trackingNumber: 'TRACK-501' });
    await a.claims.reconcile();
    expect(pendingClaims(a.db)).toEqual([]);
    expect(await b.claims.claim(order)).toEqual({
      kind: 'labelled',
      station: 'Table a',
      trackingNumber: 'TRACK-501',
    });
    // A void frees the order: the next station to scan it labels it.
    a.claims.noteReleased(501, null);
    await a.claims.reconcile();
    expect(await b.claims.claim(order)).toEqual({ kind: 'mine', verified: true, lookUpFrom: null });
  });

  it("take over a dead station's claim only after the timeout, asking for the look-up", async () => {
    const dead = await station('dead');
    const live = await station('live', 1_000);
    await dead.claims.claim(order);
    const { rows } = await admin.query<{ claimed_at: Date }>(
      'select claimed_at from claims where order_key = $1',
      [orderKeyOf(order)],
    );
    expect(await live.claims.claim(order)).toEqual({ kind: 'labelling', station: 'Table dead' });
    // The dead station stopped heart-beating two seconds ago.
    await dead.stop();
    open.splice(open.indexOf(dead), 1);
    await admin.query(
      `update stations set last_seen = now() - interval '2 seconds' where id = $1`,
      ['dead'],
    );
    const answer = await live.claims.claim(order);
    expect(answer).toEqual({
      kind: 'mine',
      verified: true,
      lookUpFrom: rows[0]?.claimed_at.getTime(),
    });
  });

  it("never take a live station's labelling claim, however old", async () => {
    const a = await station('a');
    const b = await station('b', 1_000);
    await a.claims.claim(order);
    await admin.query(`update claims set claimed_at = now() - interval '1 hour'`);
    expect((await b.claims.claim(order)).kind).toBe('labelling');
  });

  it('keep a claim made alone as unverified, and reconcile it; a double label is recorded', async () => {
    const a = await station('a');
    const b = await station('b');
    // b's link cannot reach PostgreSQL: it labels after the look-up, and keeps its claim.
    const alone = createWarehouseLink({
      url: 'postgres://nobody@127.0.0.1:1/none',
      stationId: 'b',
      stationName: 'Table b',
      clock: systemClock,
      heartbeatMs: 60_000,
      connectTimeoutMs: 200,
    });
    await alone.start();
    const bAlone = createClaims({
      db: b.db,
      clock: systemClock,
      link: alone,
      identity: { id: 'b', name: 'Table b' },
    });
    expect(await bAlone.claim(order)).toEqual({ kind: 'mine', verified: false, lookUpFrom: 'job' });
    bAlone.noteLabelled(order, { parcelId: 602, trackingNumber: 'TRACK-B' });
    await alone.stop();
    expect(pendingClaims(b.db)).toMatchObject([{ state: 'labelled', verified: false }]);

    // Meanwhile a, connected, labelled the same order.
    await a.claims.claim(order);
    a.claims.noteLabelled(order, { parcelId: 601, trackingNumber: 'TRACK-A' });
    await a.claims.reconcile();

    await b.claims.reconcile();
    expect(pendingClaims(b.db)).toEqual([]);
    const conflicts = claimConflicts(b.db);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.detail).toEqual({
      key: 'claims.conflict.labelledTwice',
      params: { order: 'SO-1', station: 'Table a', tracking: 'TRACK-A', ours: 'TRACK-B' },
    });

    // The header shows it until a supervisor voids b's label: then the order has one live label.
    insertShipment(b.db, {
      parcelId: 602,
      shipmentId: 'sh-602',
      orderRef: order.orderId,
      orderNumber: order.orderNumber,
      trackingNumber: 'TRACK-B',
      trackingUrl: null,
      carrier: 'postnl',
      label: null,
      labelFormat: 'zpl',
      labelDpi: 203,
      createdAt: new Date().toISOString(),
      accountId: 'env',
      merchantId: null,
      cost: null,
    });
    expect(openClaimConflicts(b.db, 5).map((c) => c.parcelId)).toEqual([602]);
    markVoidRequested(b.db, 602, new Date().toISOString());
    expect(openClaimConflicts(b.db, 5)).toHaveLength(1);
    markVoided(b.db, 602, new Date().toISOString(), Date.now());
    expect(openClaimConflicts(b.db, 5)).toEqual([]);
    // Still on record.
    expect(claimConflicts(b.db)).toHaveLength(1);
  });

  it('push a label made alone into PostgreSQL when nobody else has the order', async () => {
    const b = await station('b');
    const other = { ...order, orderId: 'ord-2', orderNumber: 'SO-2' };
    const alone = createWarehouseLink({
      url: 'postgres://nobody@127.0.0.1:1/none',
      stationId: 'b',
      stationName: 'Table b',
      clock: systemClock,
      connectTimeoutMs: 200,
    });
    await alone.start();
    const bAlone = createClaims({
      db: b.db,
      clock: systemClock,
      link: alone,
      identity: { id: 'b', name: 'Table b' },
    });
    await bAlone.claim(other);
    bAlone.noteLabelled(other, { parcelId: 700, trackingNumber: 'TRACK-700' });
    await alone.stop();
    await b.claims.reconcile();
    const { rows } = await admin.query(
      'select state, parcel_id::int, tracking_number, verified from claims where order_key = $1',
      [orderKeyOf(other)],
    );
    expect(rows).toEqual([
      // Reconciled with nobody else's label in the way: verified from now on.
      { state: 'labelled', parcel_id: 700, tracking_number: 'TRACK-700', verified: true },
    ]);
    expect(claimConflicts(b.db)).toEqual([]);
  });
});
