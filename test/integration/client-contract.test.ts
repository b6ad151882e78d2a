// The contract between Packdesk and Sendcloud, as the official OpenAPI documents write it: every
// method of the real client against the simulator, where every request the client sends and every
// answer the simulator gives is validated, and any violation fails the test that caused it.
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSendcloudClient,
  orderInputFrom,
  parcelInputFrom,
} from '../../src-main/sendcloud/client';
import { SendcloudConflictError } from '../../src-main/sendcloud/errors';
import type { AnnounceShipmentRequest } from '../../src-main/sendcloud/v3/shipments';
import type { Simulator } from '../../src-main/simulator/index';
import { knownSpecConflicts } from '../../src-main/simulator/openapi/index';
import {
  clientMethodNames,
  expectSpecClean,
  failOnSpecViolations,
  startContractSimulator,
  type AllowedViolation,
  type ContractSimulator,
} from '../helpers/contract';
import { RETURN_PORTAL_404 } from '../helpers/returns';
import { basicAuth } from '../helpers/raw-api';
import { caught } from '../helpers/sendcloud';
import { v2Parcel } from '../helpers/fixtures';

const HOUR = 3_600_000;
const PDF_MAGIC = '%PDF-';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const cancel409 = knownSpecConflicts.find((c) => c.example === 'v3-shipments-cancel-409.json');
if (!cancel409) throw new Error('knownSpecConflicts no longer lists the cancel 409 body');

/** The only violations a correct exchange may cause: where the official spec contradicts itself. */
const SPEC_CONTRADICTIONS: AllowedViolation[] = [
  {
    direction: 'response',
    method: 'POST',
    path: /^\/api\/v3\/shipments\/announce$/,
    status: 409,
    message: /^Status 409 is not documented for POST \/shipments\/announce\.$/,
    reason:
      'The external_reference_id description promises a 409 with the existing shipment on a repeat; the operation lists no 409 response.',
  },
  {
    direction: 'response',
    method: 'POST',
    path: /^\/api\/v3\/shipments\/[^/]+\/cancel$/,
    status: 409,
    message: /^Input should be a valid list$/,
    reason: cancel409.reason,
  },
  RETURN_PORTAL_404,
  {
    direction: 'response',
    method: 'GET',
    path: /^\/api\/v2\/parcels$/,
    status: 200,
    message: /^Input should be a valid integer$/,
    pointer: /^\/(next|previous)$/,
    reason:
      'v2-parcels.yaml types next/previous as integers, yet its cursor parameter is a string "token included in the response"; every other v2 list (and every live answer) sends the page URL.',
  },
];

/** Every client method any test below called, checked against the client's full surface last. */
const called = new Set<string>();
/** The contradictions that excused an answer, checked last so that none lingers unneeded. */
const excused = new Set<AllowedViolation>();

/** A suite with one contract simulator; each of its tests fails on any unallowed violation. */
function contractSuite(opts: Parameters<typeof startContractSimulator>[0] = {}) {
  const box: { current?: ContractSimulator } = {};
  beforeAll(async () => {
    box.current = await startContractSimulator({ ...opts, calls: called });
  });
  afterAll(async () => {
    await box.current?.sim.close();
  });
  failOnSpecViolations(() => box.current?.sim, SPEC_CONTRADICTIONS, excused);
  const get = (): ContractSimulator => {
    if (!box.current) throw new Error('contract simulator not started');
    return box.current;
  };
  return get;
}

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

const byId = <T extends { id: string }>(items: T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id));

/** The text a PDF draws: the hex strings of its `Tj` operators, from its inflated streams. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const shown: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString(
        'latin1',
      );
    } catch {
      continue;
    }
    for (const [, hex] of content.matchAll(/<([0-9A-F]*)> Tj/g)) {
      shown.push(Buffer.from(hex ?? '', 'hex').toString('latin1'));
    }
  }
  return shown.join('\n');
}

async function pageSizesPt(pdf: Buffer): Promise<[number, number][]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const box = page.getMediaBox();
    return [Math.round(box.width), Math.round(box.height)];
  });
}

const toBerlin = {
  name: 'Lukas Müller',
  address_line_1: 'Hauptstraße',
  house_number: '5',
  postal_code: '10115',
  city: 'Berlin',
  country_code: 'DE',
};

const announceRequest = (
  sim: Simulator,
  change: Partial<AnnounceShipmentRequest> = {},
): AnnounceShipmentRequest => ({
  from_address: { sender_address_id: nth(sim.accounts, 0).senderAddressId },
  to_address: toBerlin,
  ship_with: { type: 'shipping_option_code', properties: { shipping_option_code: 'dhl:parcel' } },
  parcels: [{ weight: { value: '2.000', unit: 'kg' } }],
  label_details: { mime_type: 'application/pdf', dpi: 72 },
  ...change,
});

describe('contract: v3 integrations and orders', () => {
  const ctx = contractSuite({ orderCount: 12, orderVisibilityDelayMs: 2_000 });

  it('lists the account’s integration and reads it by id', async () => {
    const { sim, client } = ctx();
    const integrations = await client.listIntegrations({ sort: '-created_at' });
    expect(integrations.map((i) => [i.id, i.shop_name])).toEqual([
      [sim.integrationId, 'Packdesk Demo Shop'],
    ]);
    expect(await client.getIntegration(sim.integrationId)).toEqual(integrations[0]);
  });

  it('pages orders through Link cursors, five at a time, newest first', async () => {
    const { sim, client } = ctx();
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listOrders({ pageSize: 5, cursor });
      pages.push(page.orders.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    const newestFirst = sim
      .orders()
      .map((o) => o.id)
      .sort((a, b) => Number(b) - Number(a));
    expect(pages.flat()).toEqual(newestFirst);
  });

  it('filters orders by number, id, integration, status, creation time, and sorts them', async () => {
    const { sim, client } = ctx();
    const seeded = sim.orders();
    const wanted = nth(seeded, 3);
    const byNumber = await client.listOrders({ orderNumber: wanted.order_number });
    expect(byNumber.orders.map((o) => o.id)).toEqual([wanted.id]);
    const byOrderId = await client.listOrders({ orderId: wanted.order_id });
    expect(byOrderId.orders.map((o) => o.order_number)).toEqual([wanted.order_number]);

    const open = await client.listOrders({
      integrationIds: [sim.integrationId],
      status: 'unshipped',
      sort: 'order_number',
    });
    expect(open.orders.map((o) => o.order_number)).toEqual(
      seeded.map((o) => o.order_number).sort(),
    );

    // The spec takes calendar days here: the day of the newest order, and the days up to it.
    const newest = seeded.reduce((a, b) =>
      a.order.order_details.order_created_at > b.order.order_details.order_created_at ? a : b,
    );
    const day = newest.order.order_details.order_created_at.slice(0, 10);
    const onDay = seeded.filter((o) => o.order.order_details.order_created_at.startsWith(day));
    const before = seeded.filter((o) => o.order.order_details.order_created_at < day);
    expect(onDay.length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
    const sameDay = await client.listOrders({ createdAt: day, sort: '-order_created_at' });
    expect(sameDay.orders.map((o) => o.id)).toEqual(
      [...onDay]
        .sort((a, b) =>
          b.order.order_details.order_created_at.localeCompare(
            a.order.order_details.order_created_at,
          ),
        )
        .map((o) => o.id),
    );
    const since = await client.listAllOrders({ createdAtMin: day });
    expect(byId(since)).toEqual(byId(onDay.map((o) => o.order)));
    const until = await client.listAllOrders({ updatedAtMax: day, createdAtMax: day });
    expect(until).toHaveLength(seeded.length);
  });

  it('collects every order across pages, equal to the seeded orders field for field', async () => {
    const { sim, client } = ctx();
    const all = await client.listAllOrders({ pageSize: 4 });
    expect(byId(all)).toEqual(byId(sim.orders().map((o) => o.order)));
  });

  it('reads one order by Sendcloud id', async () => {
    const { sim, client } = ctx();
    const wanted = nth(sim.orders(), 7);
    expect(await client.getOrder(wanted.id)).toEqual(wanted.order);
  });

  it('upserts an order that becomes visible only after Sendcloud has saved it', async () => {
    const { sim, client, clock } = ctx();
    const [saved] = await client.upsertOrders([
      {
        order_id: 'shop-9001',
        order_number: 'SHOP-9001',
        order_details: {
          integration: { id: sim.integrationId },
          status: { code: 'unshipped', message: 'Unshipped' },
          order_created_at: '2026-05-04T07:55:00Z',
          order_items: [
            {
              name: 'Mug',
              quantity: 2,
              total_price: { value: 25, currency: 'EUR' },
              measurement: { weight: { value: 0.4, unit: 'kg' } },
            },
          ],
        },
        payment_details: {
          total_price: { value: 25, currency: 'EUR' },
          status: { code: 'paid', message: 'Paid' },
        },
        shipping_address: {
          name: 'Emma Peeters',
          address_line_1: 'Meir',
          house_number: '1',
          postal_code: '2000',
          city: 'Antwerpen',
          country_code: 'BE',
        },
      },
    ]);
    expect(saved).toEqual({
      id: expect.any(String),
      orderId: 'shop-9001',
      orderNumber: 'SHOP-9001',
    });
    const id = saved?.id ?? '';

    const early = await caught(client.getOrder(id));
    expect([early.kind, early.uiCode]).toEqual(['not-found', 'order-not-found']);
    expect((await client.listOrders({ orderNumber: 'SHOP-9001' })).orders).toEqual([]);

    clock.advance(2_000);
    const order = await client.getOrder(id);
    expect(order).toMatchObject({
      id,
      order_id: 'shop-9001',
      order_number: 'SHOP-9001',
      shipping_address: { city: 'Antwerpen', country_code: 'BE' },
    });
    expect((await client.listOrders({ orderNumber: 'SHOP-9001' })).orders.map((o) => o.id)).toEqual(
      [id],
    );
  });
});

describe('contract: v3 labels for orders, and their documents', () => {
  const ctx = contractSuite({ orderCount: 26, asyncLabelDelayMs: 5_000 });

  const ledgerBytes = (sim: Simulator, parcelId: number) =>
    sim.ledger.find((entry) => entry.parcelId === parcelId)?.bytes;

  it('creates a PDF label synchronously, the ledger’s bytes with the PDF header', async () => {
    const { sim, client } = ctx();
    const order = nth(sim.orders(), 0);
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderId: order.order_id },
      format: 'pdf',
      dpi: 72,
    });
    expect(label).toMatchObject({
      orderId: order.order_id,
      orderNumber: order.order_number,
      shippingOptionCode: order.shipping_option_code,
      carrier: order.shipping_option_code.split(':')[0],
      label: { mimeType: 'application/pdf', dpi: 72 },
    });
    expect(label.label.bytes.subarray(0, 5).toString('latin1')).toBe(PDF_MAGIC);
    expect(label.label.bytes.equals(ledgerBytes(sim, label.parcelId) ?? Buffer.alloc(0))).toBe(
      true,
    );
  });

  it('creates ZPL and PNG labels at the carrier’s 203 dpi, with their own magic bytes', async () => {
    const { sim, client } = ctx();
    const zplCarrier = sim.orders().filter((o) => !o.shipping_option_code.startsWith('colissimo:'));
    const zpl = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: nth(zplCarrier, 1).order_number },
      format: 'zpl',
      dpi: 203,
    });
    expect(zpl.label).toMatchObject({ mimeType: 'application/zpl', dpi: 203 });
    expect(zpl.label.bytes.toString('utf8')).toMatch(/^\^XA[\s\S]*\^XZ\s*$/);
    expect(zpl.label.bytes.equals(ledgerBytes(sim, zpl.parcelId) ?? Buffer.alloc(0))).toBe(true);

    const png = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: nth(sim.orders(), 2).order_number },
      format: 'png',
      dpi: 300,
    });
    expect(png.label).toMatchObject({ mimeType: 'image/png', dpi: 203 });
    expect(png.label.bytes.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(png.label.bytes.equals(ledgerBytes(sim, png.parcelId) ?? Buffer.alloc(0))).toBe(true);
  });

  it('answers a ZPL request for a carrier without native ZPL with its PDF label', async () => {
    const { sim, client } = ctx();
    const pdfOnly = sim.orders().find((o) => o.shipping_option_code.startsWith('colissimo:'));
    if (!pdfOnly) throw new Error('no Colissimo order in the seed');
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: pdfOnly.order_number },
      format: 'zpl',
      dpi: 203,
    });
    expect(label.label).toMatchObject({ mimeType: 'application/pdf', dpi: 72 });
    expect(label.label.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(label.label.bytes.equals(ledgerBytes(sim, label.parcelId) ?? Buffer.alloc(0))).toBe(
      true,
    );
    // Asked again as ZPL through the documents endpoint: still the PDF, byte for byte.
    const again = await client.getParcelDocument(label.parcelId, 'label', { format: 'zpl' });
    expect(again.equals(label.label.bytes)).toBe(true);
  });

  it('serves a PDF label on A6 and on A4 paper, with the matching MediaBox', async () => {
    const { sim, client } = ctx();
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: nth(sim.orders(), 3).order_number },
      format: 'pdf',
      dpi: 72,
    });
    const a6 = await client.getParcelDocument(label.parcelId, 'label', {
      format: 'pdf',
      dpi: 72,
      paperSize: 'A6',
    });
    expect(await pageSizesPt(a6)).toEqual([[298, 420]]);
    const a4 = await client.getParcelDocument(label.parcelId, 'label', {
      format: 'pdf',
      paperSize: 'A4',
    });
    expect(await pageSizesPt(a4)).toEqual([[595, 842]]);
    const png = await client.getParcelDocument(label.parcelId, 'label', {
      format: 'png',
      dpi: 150,
    });
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
  });

  it('serves a native ZPL label as the same ZPL', async () => {
    const { sim, client } = ctx();
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: nth(sim.orders(), 4).order_number },
      format: 'zpl',
      dpi: 203,
    });
    const document = await client.getParcelDocument(label.parcelId, 'label', { format: 'zpl' });
    expect(document.equals(label.label.bytes)).toBe(true);
  });

  it('queues labels for 20 orders, reports an unknown one, and serves them after the delay', async () => {
    const { sim, client, clock } = ctx();
    const orders = sim.orders().slice(5, 25);
    expect(orders).toHaveLength(20);
    await expect(
      client.createLabelsAsync({
        integrationId: sim.integrationId,
        orders: [...orders, nth(orders, 0)].map((o) => ({ orderId: o.order_id })),
      }),
    ).rejects.toThrow(RangeError);

    const one = await client.createLabelsAsync({
      integrationId: sim.integrationId,
      orders: [{ orderNumber: nth(orders, 0).order_number }],
    });
    expect(one).toEqual({
      queued: [expect.objectContaining({ order_number: nth(orders, 0).order_number })],
      failed: [],
    });

    // Twenty at once, the last unknown: the other nineteen go ahead all the same.
    const rest = await client.createLabelsAsync({
      integrationId: sim.integrationId,
      senderAddressId: nth(sim.accounts, 0).senderAddressId,
      orders: [
        ...orders.slice(1).map((o) => ({ orderId: o.order_id })),
        { orderNumber: 'PD-00000' },
      ],
    });
    expect(rest.failed).toEqual([
      expect.objectContaining({
        index: 19,
        code: 'not_found',
        pointer: '/data/attributes/orders/[19]',
      }),
    ]);
    const queued = [...one.queued, ...rest.queued];
    expect(queued.map((q) => q.order_id)).toEqual(orders.map((o) => o.order_id));
    const parcelIds = queued.map((q) => q.parcel_id ?? 0);
    expect(new Set(parcelIds).size).toBe(20);

    const first = nth(parcelIds, 0);
    const early = await caught(client.getParcelDocument(first, 'label', { format: 'pdf' }));
    expect(early.kind).toBe('not-found');
    clock.advance(5_000);
    const label = await client.getParcelDocument(first, 'label', { format: 'pdf' });
    expect(label.equals(ledgerBytes(sim, first) ?? Buffer.alloc(0))).toBe(true);

    // Then all twenty in one PDF, a page per parcel, and two of them on A4.
    const bulk = await client.getParcelDocuments(parcelIds, 'label', { format: 'pdf' });
    expect(await pageSizesPt(bulk)).toEqual(parcelIds.map(() => [298, 420]));
    const pair = await client.getParcelDocuments(parcelIds.slice(0, 2), 'label', {
      format: 'pdf',
      paperSize: 'A4',
    });
    expect(await pageSizesPt(pair)).toEqual([
      [595, 842],
      [595, 842],
    ]);
  });
});

describe('contract: v3 shipments, over the simulator’s days', () => {
  // Monday 4 May 2026, 10:00 in Amsterdam.
  const ctx = contractSuite({ orderCount: 2 });

  it('announces with an external_reference_id, and answers a repeat with the existing shipment', async () => {
    const { sim, client } = ctx();
    const shipment = await client.announceShipment(
      announceRequest(sim, { external_reference_id: 'station-1/job-7', order_number: 'PD-7' }),
    );
    const parcel = nth(shipment.parcels, 0);
    expect(shipment).toMatchObject({
      external_reference_id: 'station-1/job-7',
      order_number: 'PD-7',
      carrier: { code: 'dhl' },
      label_details: { mime_type: 'application/pdf', dpi: 72 },
    });
    expect(parcel.status?.code).toBe('READY_TO_SEND');
    expect(parcel.tracking_number).toMatch(/^JJD\d{18}$/);
    expect(sim.ledger.map((e) => [e.parcelId, e.trackingNumber])).toEqual([
      [parcel.id, parcel.tracking_number],
    ]);

    const repeat = await caught(
      client.announceShipment(announceRequest(sim, { external_reference_id: 'station-1/job-7' })),
    );
    expect(repeat).toBeInstanceOf(SendcloudConflictError);
    expect(repeat.uiCode).toBe('already-labelled');
    expect((repeat as SendcloudConflictError).existingShipment).toMatchObject({
      id: shipment.id,
      parcels: [{ id: parcel.id, tracking_number: parcel.tracking_number }],
    });
    expect(sim.ledger).toHaveLength(1);
  });

  it('reads a shipment back as it was announced', async () => {
    const { sim, client } = ctx();
    const announced = await client.announceShipment(
      announceRequest(sim, { reference: 'get-me', order_number: 'PD-GET' }),
    );
    const read = await client.getShipment(announced.id);
    expect(read).toMatchObject({
      id: announced.id,
      reference: 'get-me',
      order_number: 'PD-GET',
      to_address: { name: 'Lukas Müller', country_code: 'DE' },
      parcels: [
        {
          id: nth(announced.parcels, 0).id,
          tracking_number: nth(announced.parcels, 0).tracking_number,
          weight: { value: '2.000', unit: 'kg' },
        },
      ],
    });
  });

  it('finds shipments by order number, external reference, tracking number and announce time', async () => {
    const { sim, client, clock } = ctx();
    const early = await client.announceShipment(
      announceRequest(sim, { order_number: 'PD-FIND', external_reference_id: 'find-1' }),
    );
    const between = new Date(clock.now() + 30 * 60_000).toISOString();
    clock.advance(HOUR);
    const late = await client.announceShipment(
      announceRequest(sim, {
        order_number: 'PD-FIND',
        external_reference_id: 'find-2',
        to_address: { ...toBerlin, name: 'Anna Schmidt' },
      }),
    );
    const ids = async (params: Parameters<typeof client.listShipments>[0]) =>
      (await client.listShipments(params)).shipments.map((s) => s.id);

    expect(await ids({ orderNumber: 'PD-FIND' })).toEqual([late.id, early.id]);
    expect(await ids({ externalReferenceId: 'find-1' })).toEqual([early.id]);
    expect(await ids({ trackingNumber: nth(late.parcels, 0).tracking_number ?? '' })).toEqual([
      late.id,
    ]);
    expect(await ids({ orderNumber: 'PD-FIND', announcedAfter: between })).toEqual([late.id]);
    expect(await ids({ orderNumber: 'PD-FIND', announcedBefore: between })).toEqual([early.id]);
    expect(await ids({ parcelIds: [nth(early.parcels, 0).id], shipmentUuids: [early.id] })).toEqual(
      [early.id],
    );

    const first = await client.listShipments({ orderNumber: 'PD-FIND', pageSize: 1 });
    const second = await client.listShipments({
      orderNumber: 'PD-FIND',
      pageSize: 1,
      cursor: first.nextCursor ?? '',
    });
    expect([...first.shipments, ...second.shipments].map((s) => s.id)).toEqual([late.id, early.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('tracks a parcel as the carrier scans it', async () => {
    const { sim, client, clock } = ctx();
    const shipment = await client.announceShipment(announceRequest(sim));
    const trackingNumber = nth(shipment.parcels, 0).tracking_number ?? '';
    const fresh = await client.getParcelTracking(trackingNumber);
    expect(fresh.events.map((e) => e.status_code)).toEqual(['announced']);
    expect(fresh.tracking_numbers).toEqual([
      expect.objectContaining({ carrier_code: 'dhl', tracking_number: trackingNumber }),
    ]);
    const statuses = await client.listParcelStatuses();
    expect(statuses.map((s) => s.code)).toEqual(
      expect.arrayContaining(['READY_TO_SEND', 'EN_ROUTE_TO_SORTING_CENTER', 'DELIVERED']),
    );
    clock.advance(30 * HOUR);
    const sorted = await client.getParcelTracking(trackingNumber);
    expect(sorted.events.map((e) => e.status_code)).toEqual(['announced', 'accepted', 'sorted']);
    expect(sorted).toMatchObject({ status: { code: 'SORTED' } });
    expect(statuses.map((s) => s.code)).toContain('SORTED');
  });

  it('cancels on the day (200), refuses a second cancel (409), and queues one from an earlier day (202)', async () => {
    const { sim, client, clock } = ctx();
    // Start a fresh day at 10:00 in Amsterdam, whatever the tests before did to the clock.
    const amsterdamHour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit' }).format(
        clock.now(),
      ),
    );
    clock.advance((((10 - amsterdamHour + 24) % 24) + 24) * HOUR);
    const today = await client.announceShipment(announceRequest(sim));
    expect(await client.cancelShipment(today.id)).toEqual({
      outcome: 'cancelled',
      status: 'cancelled',
      message: 'Shipment has been cancelled',
    });
    expect(nth((await client.getShipment(today.id)).parcels, 0).status?.code).toBe('CANCELLED');
    const twice = await caught(client.cancelShipment(today.id));
    expect(twice).toBeInstanceOf(SendcloudConflictError);
    expect([twice.status, twice.uiCode, twice.details[0]?.detail]).toEqual([
      409,
      'sendcloud-error',
      'This shipment is already being cancelled.',
    ]);

    const yesterday = await client.announceShipment(announceRequest(sim));
    // 10:00 + 14 h 1 min: just past midnight in Amsterdam, before the carrier's first scan.
    clock.advance(14 * HOUR + 60_000);
    expect(await client.cancelShipment(yesterday.id)).toEqual({
      outcome: 'queued',
      status: 'queued',
      message: 'Shipment cancellation has been queued',
    });
    expect(nth((await client.getShipment(yesterday.id)).parcels, 0).status?.code).toBe(
      'CANCELLATION_REQUESTED',
    );
  });
});

describe('contract: v3 account, shipping options, returns and service points', () => {
  const ctx = contractSuite({ orderCount: 1 });

  it('lists sender addresses page by page and reads one by id', async () => {
    const { sim, client } = ctx();
    const first = await client.listSenderAddresses({ pageSize: 1 });
    expect(first.items).toHaveLength(1);
    const second = await client.listSenderAddresses({
      pageSize: 1,
      cursor: first.nextCursor ?? '',
    });
    expect(second.nextCursor).toBeNull();
    const all = await client.listAllSenderAddresses();
    expect(all).toEqual([...first.items, ...second.items]);
    expect(all.map((a) => [a.city, a.country_code])).toEqual([
      ['Antwerpen', 'BE'],
      ['Utrecht', 'NL'],
    ]);
    const main = nth(sim.accounts, 0).senderAddressId;
    expect(await client.getSenderAddress(main)).toEqual(all.find((a) => a.id === main));
  });

  it('lists the carrier contracts of the account', async () => {
    const { client } = ctx();
    const contracts = await client.listContracts({ isActive: true, pageSize: 50 });
    expect(contracts.items.map((c) => c.carrier?.code).sort()).toEqual(
      ['bpost', 'colissimo', 'dhl', 'dpd', 'postnl', 'ups'].sort(),
    );
    expect(contracts.nextCursor).toBeNull();
  });

  it('quotes shipping options by destination and weight', async () => {
    const { client } = ctx();
    const quote = async (to: string, kg: string) => {
      const { options } = await client.getShippingOptions({
        from_country_code: 'NL',
        to_country_code: to,
        parcels: [{ weight: { value: kg, unit: 'kg' } }],
        calculate_quotes: true,
      });
      return Object.fromEntries(
        options.map((o) => [o.code, o.quotes?.[0]?.price?.total?.value ?? null]),
      );
    };
    // Label price plus 14 % fuel: DHL to Germany is 7.95, plus 0.20 per started kilo above one.
    expect(await quote('DE', '1.000')).toEqual({
      'dhl:parcel': '9.06',
      'dpd:home': '8.27',
      'ups:standard': '11.97',
      'sendcloud:letter': '0.00',
    });
    // The unstamped letter takes any weight (up to 1000 kg, as Sendcloud's method says), free.
    expect(await quote('DE', '2.500')).toEqual({
      'dhl:parcel': '9.52',
      'dpd:home': '8.84',
      'ups:standard': '12.88',
      'sendcloud:letter': '0.00',
    });
    expect(Object.keys(await quote('FR', '2.500')).sort()).toEqual([
      'colissimo:home',
      'dpd:home',
      'sendcloud:letter',
      'ups:standard',
    ]);
    const none = await client.getShippingOptions({
      from_country_code: 'BE',
      to_country_code: 'NL',
    });
    expect(none.options).toEqual([]);
    expect(none.message).toMatch(/couldn't find any shipping options/);
  });

  it('creates a return label and lists it among the returns of the period', async () => {
    const { client, clock } = ctx();
    const created = await client.createReturn({
      from_address: {
        name: 'Emma Peeters',
        address_line_1: 'Meir',
        house_number: '1',
        postal_code: '2000',
        city: 'Antwerpen',
        country_code: 'BE',
      },
      to_address: {
        name: 'Packdesk Returns',
        address_line_1: 'Atoomweg',
        house_number: '63',
        postal_code: '3542 AA',
        city: 'Utrecht',
        country_code: 'NL',
      },
      ship_with: { type: 'shipping_option_code', shipping_option_code: 'postnl:standard' },
      weight: { value: 1.2, unit: 'kg' },
      order_number: 'PD-RETURN',
    });
    expect(created).toEqual({
      returnId: expect.any(Number),
      parcelId: expect.any(Number),
      multiColloIds: [],
    });
    const day = new Date(clock.now()).toISOString().slice(0, 10);
    const listed = await client.listReturns({
      fromDate: `${day} 00:00:00`,
      toDate: `${day} 23:59:59`,
    });
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: created.returnId,
        shipping_option: { code: 'postnl:standard' },
        from_address: expect.objectContaining({ city: 'Antwerpen' }),
        order_number: 'PD-RETURN',
        status_history: [expect.objectContaining({ parent_status: 'ready-to-send' })],
      }),
    ]);
    expect(listed.nextCursor).toBeNull();
    const laterThatDay = await client.listReturns({
      fromDate: `${day} 23:59:59`,
      toDate: `${day} 23:59:59`,
    });
    expect(laterThatDay.items).toEqual([]);
  });

  it('lists service points of chosen carriers in a country', async () => {
    const { client } = ctx();
    const found = await client.listServicePoints({
      countryCode: 'NL',
      carrierCodes: ['postnl', 'dhl'],
      generalShopTypes: ['servicepoint'],
      limit: 10,
    });
    expect(found.servicePoints.map((p) => [p.carrier.code, p.address?.city])).toEqual([
      ['postnl', 'Utrecht'],
      ['dhl', 'Utrecht'],
      ['postnl', 'Amsterdam'],
      ['dhl', 'Amsterdam'],
    ]);
    expect(found.geocoding?.status).toBe('matched');
  });

  it('reads one point, its availability and the nearest of a carrier, and moves an order to one', async () => {
    const { sim, client } = ctx();
    const point = await client.getServicePoint(1_000_000);
    expect([point.name, point.carrier.code, point.address?.city]).toEqual([
      'PostNL Vredenburg',
      'postnl',
      'Utrecht',
    ]);
    expect(await client.checkServicePointAvailability(1_000_000)).toBe(true);
    expect((await caught(client.getServicePoint(1_999_999))).kind).toBe('not-found');
    const near = await client.nearbyServicePoints({
      countryCode: 'NL',
      carrierCode: 'dhl',
      street: 'Damrak',
      houseNumber: '1',
      city: 'Amsterdam',
      limit: 2,
    });
    expect(near.map((p) => [p.carrier.code, p.address?.city])).toEqual([
      ['dhl', 'Amsterdam'],
      ['dhl', 'Utrecht'],
    ]);
    const order = nth(sim.orders(), 0);
    await client.patchOrder(order.id, { service_point_details: { id: '1000001' } });
    expect((await client.getOrder(order.id)).service_point_details).toEqual({ id: '1000001' });
  });
});

describe('contract: v2 parcels, labels and account', () => {
  const ctx = contractSuite({ orderCount: 1 });

  it('stores a parcel without a label: status 999, no tracking, no label', async () => {
    const { client } = ctx();
    const parcel = await client.v2.createParcel(v2Parcel({ request_label: false }));
    expect(parcel.status).toEqual({ id: 999, message: 'No label' });
    expect(parcel.tracking_number).toBe('');
    expect(parcel.label).toEqual({});
    expect((await caught(client.v2.getLabel(parcel.id))).kind).toBe('not-found');
    expect(await client.v2.cancelParcel(parcel.id)).toEqual({
      status: 'deleted',
      message: 'Parcel has been deleted',
    });
    expect((await caught(client.v2.getParcel(parcel.id))).kind).toBe('not-found');
  });

  it('creates a labelled parcel with tracking, reads it and its label URLs, and cancels it', async () => {
    const { sim, client } = ctx();
    const parcel = await client.v2.createParcel(
      v2Parcel({ order_number: 'V2-1', external_reference: 'v2-ref-1' }),
    );
    expect(parcel.status).toEqual({ id: 1000, message: 'Ready to send' });
    expect(parcel.tracking_number).toMatch(/^3S[A-Z]{4}\d{7}$/);
    expect(sim.ledger.at(-1)).toMatchObject({
      parcelId: parcel.id,
      trackingNumber: parcel.tracking_number,
      via: 'v2 parcels',
    });
    expect(await client.v2.getParcel(parcel.id)).toEqual(parcel);
    const label = await client.v2.getLabel(parcel.id);
    expect(label.label.label_printer).toBe(`${sim.url}/api/v2/labels/label_printer/${parcel.id}`);
    expect(label.label.normal_printer).toHaveLength(4);
    expect(await client.v2.cancelParcel(parcel.id)).toEqual({
      status: 'cancelled',
      message: 'Parcel has been cancelled',
    });
    expect((await client.v2.getParcel(parcel.id)).status).toEqual({
      id: 2000,
      message: 'Cancelled',
    });
  });

  it('gives one set of label URLs for several parcels, serving their labels a page each', async () => {
    const { sim, client } = ctx();
    const { parcels } = await client.v2.createParcels([
      v2Parcel({ order_number: 'V2-L1' }),
      v2Parcel({ order_number: 'V2-L2', country: 'BE', postal_code: '2000', city: 'Antwerpen' }),
    ]);
    const ids = parcels.map((p) => p.id);
    expect(ids).toHaveLength(2);
    const { label } = await client.v2.getLabels(ids);
    expect(label.normal_printer).toEqual(
      [0, 1, 2, 3].map(
        (n) => `${sim.url}/api/v2/labels/normal_printer?ids=${ids.join(',')}&start_from=${n}`,
      ),
    );
    const printed = await fetch(label.label_printer, {
      headers: { Authorization: basicAuth(sim.keys.publicKey, sim.keys.secretKey) },
    });
    expect(printed.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await printed.arrayBuffer());
    expect(await pageSizesPt(pdf)).toEqual([
      [298, 420],
      [298, 420],
    ]);
    const unlabelled = await client.v2.createParcel(v2Parcel({ request_label: false }));
    expect((await caught(client.v2.getLabels([...ids, unlabelled.id]))).kind).toBe('not-found');
  });

  it('creates a batch in part with errors=verbose, naming the parcel it refused', async () => {
    const { client } = ctx();
    const batch = [
      v2Parcel({ order_number: 'V2-B1' }),
      v2Parcel({ order_number: 'V2-B2', shipment: { id: 424242 } }),
      v2Parcel({ order_number: 'V2-B3', request_label: false }),
    ];
    const result = await client.v2.createParcels(batch, { errors: 'verbose' });
    expect(result.parcels.map((p) => [p.order_number, p.status.id])).toEqual([
      ['V2-B1', 1000],
      ['V2-B3', 999],
    ]);
    expect(result.failed).toEqual([
      {
        index: 1,
        parcel: expect.objectContaining({ order_number: 'V2-B2' }),
        errors: { shipment: ['Invalid shipping method.'] },
      },
    ]);
  });

  it('pages parcels through next URLs, a hundred at a time', async () => {
    const { client, clock } = ctx();
    // Only this batch was updated after `since`: the parcels of earlier tests stay out.
    const since = new Date(clock.now()).toISOString();
    clock.advance(60_000);
    const batch = Array.from({ length: 101 }, (_, i) =>
      v2Parcel({ order_number: `V2-PAGE-${i}`, request_label: false }),
    );
    const { parcels: made } = await client.v2.createParcels(batch);
    expect(made).toHaveLength(101);
    const filter = { parcelStatus: 999, updatedAfter: since };
    const first = await client.v2.listParcels(filter);
    expect(first.parcels).toHaveLength(100);
    expect(first.previousCursor).toBeNull();
    const second = await client.v2.listParcels({ ...filter, cursor: first.nextCursor ?? '' });
    expect(second.parcels).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.previousCursor).not.toBeNull();
    const all = await client.v2.listAllParcels(filter);
    expect(all.map((p) => p.id)).toEqual([...first.parcels, ...second.parcels].map((p) => p.id));
    expect(all.map((p) => p.id).sort((a, b) => a - b)).toEqual(
      made.map((p) => p.id).sort((a, b) => a - b),
    );
  });

  it('lists shipping methods to a country and reads one', async () => {
    const { client } = ctx();
    const methods = await client.v2.listShippingMethods({ toCountry: 'DE', senderAddress: 'all' });
    expect(methods.items.map((m) => m.id).sort((a, b) => a - b)).toEqual([8, 1101, 1201, 1301]);
    expect(methods.nextCursor).toBeNull();
    const dhl = await client.v2.getShippingMethod(1101, { toCountry: 'DE' });
    expect(dhl).toMatchObject({ id: 1101, name: 'DHL Parcel', carrier: 'dhl' });
    expect(dhl.countries?.map((c) => [c.iso_2, c.price])).toEqual([['DE', 7.95]]);
  });

  it('lists sender addresses and integrations, and reads a sender address', async () => {
    const { sim, client } = ctx();
    const addresses = await client.v2.listSenderAddresses();
    expect(addresses.map((a) => a.city)).toEqual(['Utrecht', 'Antwerpen']);
    const main = nth(sim.accounts, 0).senderAddressId;
    expect(await client.v2.getSenderAddress(main)).toEqual(addresses[0]);
    const integrations = await client.v2.listIntegrations();
    expect(integrations.map((i) => [i.id, i.shop_name])).toEqual([
      [sim.integrationId, 'Packdesk Demo Shop'],
    ]);
  });
});

describe('contract: brands, the free unstamped letter and label prices', () => {
  const ctx = contractSuite({ orderCount: 30, accounts: [{}, {}] });
  const LETTER = 'sendcloud:letter';

  it('lists the brands of each account and reads one, refusing another account’s brand', async () => {
    const { sim, client, clientFor } = ctx();
    const brands = await client.listBrands();
    expect(brands.map((b) => [b.id, b.name, b.domain])).toEqual([
      [4201, 'Packdesk Demo Shop', 'packdesk-demo'],
      [4202, 'Packdesk Demo Shop Outlet', 'packdesk-demo-outlet'],
    ]);
    expect(brands.map((b) => b.id)).toEqual(nth(sim.accounts, 0).brandIds);
    expect(await client.getBrand(4202)).toEqual(brands[1]);

    const other = clientFor(nth(sim.accounts, 1));
    const theirs = await other.listBrands();
    expect(theirs.map((b) => [b.id, b.name])).toEqual([[4301, 'Makers Kitchen']]);
    const refused = await caught(client.getBrand(4301));
    expect([refused.kind, refused.status, refused.details[0]?.detail]).toEqual([
      'not-found',
      404,
      'No Brand matches the given query.',
    ]);
  });

  it('gives the return portal link of a shipment with a brand, and none without one', async () => {
    const { sim, client } = ctx();
    const [branded, plain] = [nth(sim.orders(), 5), nth(sim.orders(), 6)];
    const made = async (order: typeof branded, brand: number | null) =>
      client.createLabelSync({
        integrationId: sim.integrationId,
        order: { orderNumber: order.order_number },
        shippingOptionCode: LETTER,
        format: 'pdf',
        dpi: 72,
        ...(brand ? { brandId: brand } : {}),
      });
    const withBrand = await made(branded, 4201);
    expect(await client.getReturnPortalUrl(withBrand.shipmentId)).toBe(
      `https://packdesk-demo.shipping-portal.com/rp/?shipment=${withBrand.shipmentId}`,
    );
    const withoutBrand = await made(plain, null);
    expect(await client.getReturnPortalUrl(withoutBrand.shipmentId)).toBeNull();
  });

  it('makes a free letter label for an order to each country, at any weight, carrier sendcloud', async () => {
    const { sim, client } = ctx();
    const orders = (['NL', 'BE', 'DE', 'FR'] as const).map((country) => {
      const order = sim.orders().find((o) => o.country === country);
      if (!order) throw new Error(`no order to ${country} in the seed`);
      return order;
    });
    const heavy = sim.orders().find((o) => o.order.shipping_details.measurement.weight.value > 2);
    if (!heavy) throw new Error('no order over 2 kg in the seed');
    for (const order of [...orders, heavy]) {
      const label = await client.createLabelSync({
        integrationId: sim.integrationId,
        order: { orderNumber: order.order_number },
        shippingOptionCode: LETTER,
        format: 'pdf',
        dpi: 72,
      });
      expect(label).toMatchObject({
        orderNumber: order.order_number,
        carrier: 'sendcloud',
        shippingOptionCode: LETTER,
        label: { mimeType: 'application/pdf' },
      });
      expect(label.trackingNumber).toMatch(/^SCUL\d{12}$/);
      expect(sim.labelsFor(order.order_number).at(-1)).toMatchObject({
        parcelId: label.parcelId,
        carrier: 'sendcloud',
        shippingOptionCode: LETTER,
        price: { value: 0, currency: 'EUR' },
        publicKey: sim.keys.publicKey,
        via: 'create-label-sync',
      });
    }
  });

  it('prints on the letter’s label, PDF and ZPL alike, that it is an unstamped test letter', async () => {
    const { sim, client } = ctx();
    const [first, second] = sim.orders().slice(-2);
    if (!first || !second) throw new Error('two orders expected');
    const pdf = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: first.order_number },
      shippingOptionCode: LETTER,
      format: 'pdf',
      dpi: 72,
    });
    expect(pdf.label.bytes.subarray(0, 5).toString('latin1')).toBe(PDF_MAGIC);
    expect(pdfText(pdf.label.bytes)).toContain('UNSTAMPED LETTER - TEST LABEL');
    expect((await PDFDocument.load(pdf.label.bytes)).getSubject()).toBe(
      'UNSTAMPED LETTER - TEST LABEL',
    );
    const zpl = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: second.order_number },
      shippingOptionCode: LETTER,
      format: 'zpl',
      dpi: 203,
    });
    expect(zpl.label.mimeType).toBe('application/zpl');
    const text = zpl.label.bytes.toString('utf8');
    expect(text).toMatch(/^\^XA[\s\S]*\^FDUNSTAMPED LETTER - TEST LABEL\^FS[\s\S]*\^XZ\s*$/);
    expect(text).toContain(`^FD${zpl.trackingNumber}^FS`);
    // A real parcel's label carries no such notice.
    const parcel = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: second.order_number },
      shippingOptionCode: 'dpd:home',
      format: 'zpl',
      dpi: 203,
    });
    expect(parcel.label.bytes.toString('utf8')).not.toContain('UNSTAMPED');
  });

  it('labels with the sender address and brand asked for, and records both in the ledger', async () => {
    const { sim, client } = ctx();
    const account = nth(sim.accounts, 0);
    const returnsAddress = nth(account.senderAddressIds, 1);
    const order = nth(sim.orders(), 5);
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderId: order.order_id },
      senderAddressId: returnsAddress,
      brandId: 4202,
      shippingOptionCode: LETTER,
      format: 'zpl',
      dpi: 203,
    });
    // The returns address is in Antwerp: the label's sender block says so.
    expect(label.label.bytes.toString('utf8')).toContain('^FDNoorderlaan 147^FS');
    expect(sim.ledger.find((e) => e.parcelId === label.parcelId)).toMatchObject({
      publicKey: account.publicKey,
      integrationId: account.integrationId,
      shippingOptionCode: LETTER,
      senderAddressId: returnsAddress,
      brandId: 4202,
    });
    const plain = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderId: order.order_id },
      shippingOptionCode: LETTER,
      format: 'pdf',
      dpi: 72,
    });
    expect(sim.ledger.find((e) => e.parcelId === plain.parcelId)).toMatchObject({
      senderAddressId: account.senderAddressId,
      brandId: null,
    });
  });

  it('refuses an unknown sender address (404) and an unknown brand (400), making no label', async () => {
    const { sim, client, clientFor } = ctx();
    const order = nth(sim.orders(), 6);
    const before = sim.ledger.length;
    const request = {
      integrationId: sim.integrationId,
      order: { orderNumber: order.order_number },
      shippingOptionCode: LETTER,
      format: 'pdf' as const,
      dpi: 72 as const,
    };
    const sender = await caught(client.createLabelSync({ ...request, senderAddressId: 999 }));
    expect([sender.status, sender.kind, sender.details[0]]).toEqual([
      404,
      'not-found',
      expect.objectContaining({
        code: 'invalid',
        detail: 'Does not exist.',
        pointer: '/data/attributes/sender_address_id',
      }),
    ]);
    // Another account's brand is no brand of this one.
    const brand = await caught(client.createLabelSync({ ...request, brandId: 4301 }));
    expect([brand.status, brand.kind, brand.details[0]]).toEqual([
      400,
      'validation',
      expect.objectContaining({
        code: 'invalid',
        detail: 'Brand with id 4301 does not exist.',
        pointer: '/data/attributes/brand_id',
      }),
    ]);
    // And the other account cannot label this account's order, nor see its integration.
    const foreign = await caught(clientFor(nth(sim.accounts, 1)).createLabelSync(request));
    expect(foreign.status).toBe(400);
    expect(sim.ledger).toHaveLength(before);
  });

  it('quotes one label’s price in one call, the same the ledger records for the label made', async () => {
    const { sim, client } = ctx();
    const quote = (toCountry: string, weightKg: number | string, shippingOptionCode: string) =>
      client.quoteLabelPrice({ fromCountry: 'NL', toCountry, weightKg, shippingOptionCode });
    expect(await quote('DE', 1, 'dhl:parcel')).toEqual({ value: 9.06, currency: 'EUR' });
    expect(await quote('DE', '2.5', 'dhl:parcel')).toEqual({ value: 9.52, currency: 'EUR' });
    expect(await quote('FR', 12, LETTER)).toEqual({ value: 0, currency: 'EUR' });
    // Colissimo does not go to Germany, and nothing ships from Belgium in the demo account.
    expect(await quote('DE', 1, 'colissimo:home')).toBeNull();
    expect(
      await client.quoteLabelPrice({
        fromCountry: 'BE',
        toCountry: 'NL',
        weightKg: 1,
        shippingOptionCode: 'postnl:standard',
      }),
    ).toBeNull();
    await expect(quote('DE', 0, 'dhl:parcel')).rejects.toThrow(RangeError);

    const order = sim.orders().find((o) => o.shipping_option_code === 'dhl:parcel');
    if (!order) throw new Error('no DHL order in the seed');
    const label = await client.createLabelSync({
      integrationId: sim.integrationId,
      order: { orderNumber: order.order_number },
      format: 'pdf',
      dpi: 72,
    });
    const entry = sim.ledger.find((e) => e.parcelId === label.parcelId);
    expect(entry?.price).toEqual(
      await quote(
        order.country,
        order.order.shipping_details.measurement.weight.value,
        'dhl:parcel',
      ),
    );
  });
});

describe('contract: importing a marketplace order into a merchant’s own account, unlabelled', () => {
  // The marketplace, a v3 merchant and a v2 merchant.
  const ctx = contractSuite({ orderCount: 4, accounts: [{}, {}, {}] });

  it('gives each account its own order numbers, so no import collides with a merchant’s own', () => {
    const { sim } = ctx();
    const numbers = sim.accounts.map((account) => account.orders().map((o) => o.order_number));
    expect(numbers).toEqual([
      ['PD-10001', 'PD-10002', 'PD-10003', 'PD-10004'],
      ['MK-20001', 'MK-20002', 'MK-20003', 'MK-20004'],
      ['TB-30001', 'TB-30002', 'TB-30003', 'TB-30004'],
    ]);
  });

  it('upserts an order from one account’s GET /orders into another’s integration, as it was', async () => {
    const { sim, client, clientFor, clock } = ctx();
    const merchant = nth(sim.accounts, 1);
    const shop = clientFor(merchant);
    const [original] = await client.listAllOrders({
      orderNumber: nth(sim.orders(), 2).order_number,
    });
    if (!original) throw new Error('order not listed');
    expect(original.order_number).toMatch(/^PD-1000\d$/);

    const body = orderInputFrom(original, merchant.integrationId);
    expect(body).not.toHaveProperty('id');
    expect(body.order_details.integration).toEqual({ id: merchant.integrationId });
    const [saved] = await shop.upsertOrders([body]);
    expect(saved).toMatchObject({ orderId: original.order_id, orderNumber: original.order_number });
    clock.advance(2_000);

    const imported = await shop.getOrder(saved?.id ?? '');
    expect(imported).toEqual({
      ...original,
      id: saved?.id,
      created_at: expect.any(String),
      modified_at: expect.any(String),
      order_details: { ...original.order_details, integration: { id: merchant.integrationId } },
    });
    expect(imported.order_details.status.code).toBe('unshipped');
    expect((await shop.listOrders({ orderNumber: original.order_number })).orders).toHaveLength(1);
    // Unlabelled: no label was made for it in any account.
    expect(sim.labelsFor(original.order_number)).toEqual([]);

    // A repeat is the same order updated, not a second one: the upsert key is the shop's id.
    const [again] = await shop.upsertOrders([orderInputFrom(original, merchant.integrationId)]);
    expect(again?.id).toBe(saved?.id);
    // The marketplace keeps its own order, under its own id.
    expect((await client.getOrder(original.id)).order_details.integration.id).toBe(
      sim.integrationId,
    );
  });

  it('stores the order as a v2 parcel without a label in a v2 merchant account', async () => {
    const { sim, client, clientFor } = ctx();
    const merchant = nth(sim.accounts, 2);
    const shop = clientFor(merchant);
    const original = await client.getOrder(nth(sim.orders(), 3).id);
    const input = parcelInputFrom(original, { externalReference: `import/${original.order_id}` });
    expect(input.request_label).toBe(false);

    const parcel = await shop.v2.createParcel(input);
    const to = original.shipping_address;
    expect(parcel).toMatchObject({
      status: { id: 999, message: 'No label' },
      tracking_number: '',
      label: {},
      order_number: original.order_number,
      external_reference: `import/${original.order_id}`,
      name: to?.name,
      city: to?.city,
      postal_code: to?.postal_code,
      country: { iso_2: to?.country_code },
      weight: Number(original.shipping_details?.measurement?.weight?.value).toFixed(3),
    });
    expect(parcel.parcel_items).toHaveLength(original.order_details.order_items.length);
    const found = await shop.v2.listParcels({ orderNumber: original.order_number });
    expect(found.parcels.map((p) => p.id)).toEqual([parcel.id]);
    // The parcel is the merchant's: the marketplace account does not know it.
    expect((await caught(client.v2.getParcel(parcel.id))).kind).toBe('not-found');
    expect(sim.labelsFor(original.order_number)).toEqual([]);
  });
});

describe('contract: coverage and the guard itself', () => {
  it('called every method of the client above', () => {
    const client = createSendcloudClient({
      baseUrl: 'http://127.0.0.1:1',
      publicKey: 'p',
      secretKey: 's',
    });
    expect(clientMethodNames(client).filter((name) => !called.has(name))).toEqual([]);
  });

  it('needed every contradiction it allows: none excuses what the spec now documents', () => {
    expect(SPEC_CONTRADICTIONS.filter((a) => !excused.has(a)).map((a) => a.reason)).toEqual([]);
  });

  it('fails on a violation, lists it readably, and lets only an allowed contradiction pass', () => {
    const record = {
      direction: 'response' as const,
      method: 'POST',
      path: '/api/v3/shipments/announce',
      status: 201,
      violations: [
        {
          location: 'body' as const,
          pointer: '/data/parcels/0/weight/value',
          keyword: 'type',
          message: 'Input should be a valid string',
        },
      ],
    };
    const sim = { violations: [record], requests: [] };
    expect(() => expectSpecClean(sim, SPEC_CONTRADICTIONS)).toThrow(
      /response POST \/api\/v3\/shipments\/announce → 201\n\s+body \/data\/parcels\/0\/weight\/value: Input should be a valid string \[type\]/,
    );
    const contradiction = {
      ...record,
      status: 409,
      violations: [
        {
          ...nth(record.violations, 0),
          pointer: '',
          keyword: 'status',
          message: 'Status 409 is not documented for POST /shipments/announce.',
        },
      ],
    };
    expect(() =>
      expectSpecClean({ violations: [contradiction], requests: [] }, SPEC_CONTRADICTIONS),
    ).not.toThrow();
    expect(() => expectSpecClean({ violations: [contradiction], requests: [] })).toThrow(/409/);
    const unknownRoute = {
      method: 'GET',
      path: '/api/v3/nowhere',
      at: 0,
      status: 404,
      publicKey: null,
    };
    expect(() => expectSpecClean({ violations: [], requests: [unknownRoute] })).toThrow(
      /matched no documented operation[\s\S]*GET \/api\/v3\/nowhere/,
    );
  });
});
