import { describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import {
  batchOrderOfParcel,
  batchOrders,
  batchOrdersIn,
  batchStateCounts,
  batchTakingOrder,
  getBatch,
  insertBatch,
  listBatches,
  liveBatchOfOrder,
  moveBatchOrders,
  openOrders,
  updateBatch,
  updateBatchOrder,
  type NewBatch,
} from './batches';
import { openDatabase, statement, type Db } from './db';
import { getJob, insertJob, newJob, saveJob } from './jobs';

function cachedOrder(db: Db, n: number, body: unknown = {}) {
  statement(
    db,
    `INSERT INTO orders (id, order_id, order_number, integration_id, country_code,
       shipping_option_code, synced_at, body, account_id)
     VALUES (@id, @orderId, @orderNumber, 7, 'NL', 'postnl:standard', '2026-12-01T10:00:00Z',
       @body, 'acc-1')`,
  ).run({
    id: `o-${n}`,
    orderId: String(1000 + n),
    orderNumber: `PD-${n}`,
    body: JSON.stringify(body),
  });
}

const batch = (id: string, createdAt = 1_000): NewBatch => ({
  id,
  jobId: `job-${id}`,
  sortField: 'country',
  sortDirection: 'desc',
  layout: 'a6',
  chunkSize: 10,
  printerId: 'printer-1',
  packerId: 'packer-1',
  stationId: 'station-1',
  createdAt,
});

const orderOf = (n: number) => ({
  orderRef: `o-${n}`,
  orderNumber: `PD-${n}`,
  accountId: 'acc-1',
  integrationId: 7,
  orderId: String(1000 + n),
});

function station() {
  const db = openDatabase(':memory:');
  for (let n = 1; n <= 5; n++) cachedOrder(db, n);
  return db;
}

/** A batch of orders 3, 1, 2 (that print order), with its job queued. */
function withBatch(db: Db, id = 'b1') {
  insertBatch(db, batch(id), [orderOf(3), orderOf(1), orderOf(2)]);
  insertJob(db, newJob('batch', `job-${id}`, 1_000, { code: id }));
}

describe('the batch store', () => {
  it('keeps a batch and its orders in the print order given, all pending', () => {
    const db = station();
    withBatch(db);
    expect(getBatch(db, 'b1')).toEqual({
      ...batch('b1'),
      finishedAt: null,
      cancelledAt: null,
      pass: 0,
      printCursor: 0,
      chunkSentAt: null,
      chunkEnd: null,
      labelWaitMs: 0,
      labelsWaited: 0,
      printMs: 0,
      chunksPrinted: 0,
    });
    expect(batchOrders(db, 'b1').map((o) => [o.position, o.orderNumber, o.state])).toEqual([
      [0, 'PD-3', 'pending'],
      [1, 'PD-1', 'pending'],
      [2, 'PD-2', 'pending'],
    ]);
    expect(getBatch(db, 'nope')).toBeNull();
  });

  it('changes only the fields given', () => {
    const db = station();
    withBatch(db);
    updateBatch(db, 'b1', { printCursor: 2, chunkSentAt: 5_000, chunkEnd: 1 });
    updateBatch(db, 'b1', {});
    expect(getBatch(db, 'b1')).toMatchObject({
      printCursor: 2,
      chunkSentAt: 5_000,
      chunkEnd: 1,
      pass: 0,
      jobId: 'job-b1',
    });
    updateBatchOrder(db, 'b1', 1, { state: 'made', parcelId: 77, shipmentId: 's-77', madeAt: 9 });
    updateBatchOrder(db, 'b1', 1, { state: 'labelled' });
    expect(batchOrders(db, 'b1')[1]).toMatchObject({
      state: 'labelled',
      parcelId: 77,
      shipmentId: 's-77',
      madeAt: 9,
      sentAt: null,
      error: null,
    });
    expect(batchOrderOfParcel(db, 77)?.orderNumber).toBe('PD-1');
    expect(batchOrderOfParcel(db, 78)).toBeNull();
  });

  it('keeps an order’s reason as a key with its parameters, and clears it on a retry', () => {
    const db = station();
    withBatch(db);
    const error = {
      code: 'invalid-input' as const,
      ...msg('batch.order.weight', { detail: '31 kg' }),
    };
    updateBatchOrder(db, 'b1', 0, { state: 'failed', error });
    expect(batchOrders(db, 'b1')[0]?.error).toEqual(error);
    updateBatchOrder(db, 'b1', 0, { state: 'pending', error: null });
    expect(batchOrders(db, 'b1')[0]?.error).toBeNull();
  });

  it('lists orders by state in print order, counts them and moves them together', () => {
    const db = station();
    withBatch(db);
    updateBatchOrder(db, 'b1', 0, { state: 'sending', sentAt: 1 });
    expect(batchOrdersIn(db, 'b1', ['pending']).map((o) => o.position)).toEqual([1, 2]);
    expect(batchOrdersIn(db, 'b1', ['pending', 'sending'], 2).map((o) => o.position)).toEqual([
      0, 1,
    ]);
    expect(moveBatchOrders(db, 'b1', 'pending', 'cancelled')).toBe(2);
    expect(batchStateCounts(db, 'b1')).toEqual({
      pending: 0,
      sending: 1,
      made: 0,
      labelled: 0,
      printed: 0,
      failed: 0,
      'left-out': 0,
      cancelled: 2,
    });
  });

  it('lists the newest batches first', () => {
    const db = station();
    insertBatch(db, batch('old', 1), []);
    insertBatch(db, batch('new', 2), []);
    insertBatch(db, batch('same-time', 2), []);
    expect(listBatches(db).map((b) => b.id)).toEqual(['same-time', 'new', 'old']);
    expect(listBatches(db, 1).map((b) => b.id)).toEqual(['same-time']);
  });

  it('knows the batch holding an order: live until labelled, taking it until printed', () => {
    const db = station();
    withBatch(db);
    expect(liveBatchOfOrder(db, 'o-1')).toEqual({ batchId: 'b1', position: 1 });
    expect(batchTakingOrder(db, 'o-1')).toEqual({ batchId: 'b1' });
    updateBatchOrder(db, 'b1', 1, { state: 'labelled' });
    expect(liveBatchOfOrder(db, 'o-1')).toBeNull();
    expect(batchTakingOrder(db, 'o-1')).toEqual({ batchId: 'b1' });
    // A batch whose job is over takes nothing (a failed order left there can be scanned).
    const job = getJob(db, 'job-b1');
    if (job) saveJob(db, { ...job, state: 'done' });
    expect(batchTakingOrder(db, 'o-1')).toBeNull();
    expect(batchTakingOrder(db, 'o-4')).toBeNull();
  });

  it('lists as open only the orders with no label, no label job and no live batch', () => {
    const db = station();
    withBatch(db);
    updateBatchOrder(db, 'b1', 0, { state: 'failed' }); // o-3: refused, open again
    statement(
      db,
      `INSERT INTO shipments (parcel_id, shipment_id, order_ref, order_number, tracking_number,
         carrier, label_format, label_dpi, created_at, void_state)
       VALUES (@parcel, 's', @ref, 'PD', 'T', 'dhl', 'zpl', 203, '2026-12-01T10:00:00Z', @voided)`,
    ).run({ parcel: 1, ref: 'o-4', voided: null });
    insertJob(db, newJob('create-label', 'label-5', 1, { orderRef: 'o-5' }));
    expect(openOrders(db).map((o) => o.id)).toEqual(['o-3']);
    // A voided label, or a cancelled label job, leaves the order open.
    statement(db, "UPDATE shipments SET void_state = 'voided' WHERE parcel_id = 1").run();
    const label = getJob(db, 'label-5');
    if (label) saveJob(db, { ...label, state: 'cancelled' });
    expect(
      openOrders(db)
        .map((o) => o.id)
        .sort(),
    ).toEqual(['o-3', 'o-4', 'o-5']);
  });
});
