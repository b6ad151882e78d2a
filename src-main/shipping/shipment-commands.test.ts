import { afterEach, describe, expect, it } from 'vitest';
import { msg, type VoidRules } from '../../src-shared';
import { manualClock } from '../../test/helpers/clock';
import type { Accounts } from '../accounts/accounts';
import type { PrinterRegistry } from '../printing/registry';
import { SendcloudError } from '../sendcloud/errors';
import type { ListShipmentsParams } from '../sendcloud/v3/shipments';
import type { Shipment as SendcloudShipment } from '../sendcloud/v3/schemas';
import { openDatabase, type Db } from '../store/db';
import type { NewJob } from '../store/jobs';
import { insertShipment } from '../store/shipments';
import { foundShipmentsOf, reprintDetail, shipmentCommands } from './shipment-commands';

const rules: VoidRules = {
  window: 'free',
  freeUntil: '2026-05-04T21:59:59.000Z',
  refundUntil: '2026-06-15T21:59:59.000Z',
  allowed: true,
  rule: msg('error.internal'),
  refusal: null,
};

let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/** The commands over a fresh database; 10:00 on Monday 4 May 2026 in Amsterdam. */
function setUp(
  options: { listCap?: number; accounts?: Pick<Accounts, 'client' | 'usableIds'> } = {},
) {
  db = openDatabase(':memory:');
  const store = db;
  const enqueued: NewJob[] = [];
  const printer = { record: { id: 'bench', name: 'Bench Zebra' } };
  const commands = shipmentCommands({
    db: store,
    clock: manualClock(),
    newId: () => `job-${enqueued.length + 1}`,
    accounts: { usableIds: () => [], client: () => ({}) } as unknown as Pick<
      Accounts,
      'client' | 'usableIds'
    >,
    printers: {
      get: (id: string) => {
        if (id !== 'bench') throw new Error(`no printer ${id}`);
        return printer;
      },
    } as unknown as PrinterRegistry,
    outbox: {
      enqueue: (job: NewJob) => {
        enqueued.push(job);
        return { ...job, seq: enqueued.length };
      },
      kick: () => undefined,
    },
    identity: { id: 'here', name: 'Table 1' },
    actor: () => ({ packerId: 'p1', role: 'packer', stationId: 'here' }),
    voidRules: () => rules,
    timeZone: 'Europe/Amsterdam',
    ...options,
  });
  let parcel = 0;
  const label = (createdAt: string, extra: { voided?: boolean } = {}) => {
    parcel += 1;
    insertShipment(store, {
      parcelId: parcel,
      shipmentId: `s-${parcel}`,
      orderRef: `o-${parcel}`,
      orderNumber: `PD-${parcel}`,
      trackingNumber: `T${parcel}`,
      trackingUrl: null,
      carrier: 'postnl',
      label: Buffer.from('^XA^XZ'),
      labelFormat: 'zpl',
      labelDpi: 203,
      createdAt,
      accountId: 'env',
      merchantId: null,
      cost: null,
    });
    if (extra.voided) {
      store.prepare(`UPDATE shipments SET void_state = 'voided' WHERE parcel_id = ?`).run(parcel);
    }
    return parcel;
  };
  return { commands, enqueued, label };
}

const numbers = (rows: { orderNumber: string }[]) => rows.map((row) => row.orderNumber);

describe('shipments.list: local days, newest first', () => {
  it('defaults to today and the 13 days before it, in the station’s time zone', async () => {
    const { commands, label } = setUp();
    label('2026-04-20T21:59:59.000Z'); // 20 April, 23:59 in Amsterdam: 14 days back, left out
    label('2026-04-20T22:00:00.000Z'); // 21 April, 00:00 in Amsterdam: the first day
    label('2026-05-04T07:59:00.000Z'); // this morning
    label('2026-05-04T22:00:00.000Z'); // tomorrow in Amsterdam
    const list = await commands['shipments.list']({});
    expect(numbers(list.rows)).toEqual(['PD-3', 'PD-2']);
    expect(list.truncated).toBe(false);
  });

  it('takes a range of days, both ends included, and one day alone', async () => {
    const { commands, label } = setUp();
    label('2026-05-01T21:59:00.000Z'); // 1 May, late
    label('2026-05-01T22:00:00.000Z'); // 2 May, midnight
    label('2026-05-03T12:00:00.000Z'); // 3 May
    label('2026-05-03T22:00:00.000Z'); // 4 May, midnight
    const range = await commands['shipments.list']({ from: '2026-05-02', to: '2026-05-03' });
    expect(numbers(range.rows)).toEqual(['PD-3', 'PD-2']);
    const day = await commands['shipments.list']({ from: '2026-05-01', to: '2026-05-01' });
    expect(numbers(day.rows)).toEqual(['PD-1']);
    // From a day on: up to today.
    expect(numbers((await commands['shipments.list']({ from: '2026-05-03' })).rows)).toEqual([
      'PD-4',
      'PD-3',
    ]);
  });

  it('sends the newest rows only, and says it cut the list', async () => {
    const { commands, label } = setUp({ listCap: 2 });
    label('2026-05-04T06:00:00.000Z');
    label('2026-05-04T07:00:00.000Z');
    label('2026-05-04T07:30:00.000Z');
    const list = await commands['shipments.list']({});
    expect(numbers(list.rows)).toEqual(['PD-3', 'PD-2']);
    expect(list.truncated).toBe(true);
  });

  it('sends the first page the screen asks for, and says more matched', async () => {
    const { commands, label } = setUp();
    label('2026-05-04T06:00:00.000Z');
    label('2026-05-04T07:00:00.000Z');
    label('2026-05-04T07:30:00.000Z');
    const page = await commands['shipments.list']({ limit: 1 });
    expect(numbers(page.rows)).toEqual(['PD-3']);
    expect(page.truncated).toBe(true);
    const all = await commands['shipments.list']({ limit: 3 });
    expect(all.truncated).toBe(false);
  });

  it('refuses a range that ends before it starts', async () => {
    const { commands } = setUp();
    await expect(
      commands['shipments.list']({ from: '2026-05-04', to: '2026-05-01' }),
    ).rejects.toMatchObject({ code: 'invalid-input', said: msg('shipments.range.reversed') });
  });
});

describe('shipments.reprint', () => {
  it('queues a print for the printer chosen, with who asked and why', async () => {
    const { commands, enqueued, label } = setUp();
    const parcelId = label('2026-05-04T07:00:00.000Z');
    const row = await commands['shipments.reprint']({
      parcelId,
      printerId: 'bench',
      reason: 'damaged',
    });
    expect(row.parcelId).toBe(parcelId);
    expect(enqueued).toEqual([
      expect.objectContaining({
        kind: 'print',
        parcelId,
        printerId: 'bench',
        parentId: null,
        packerId: 'p1',
        stationId: 'here',
        approvedAt: manualClock().now(),
        detail: msg('shipments.reprint.damaged', { printer: 'Bench Zebra' }),
      }),
    ]);
  });

  it('refuses a voided label and an unknown shipment', async () => {
    const { commands, enqueued, label } = setUp();
    const parcelId = label('2026-05-04T07:00:00.000Z', { voided: true });
    await expect(
      commands['shipments.reprint']({ parcelId, printerId: 'bench', reason: 'lost' }),
    ).rejects.toMatchObject({ code: 'label-voided' });
    await expect(
      commands['shipments.reprint']({ parcelId: 99, printerId: 'bench', reason: 'lost' }),
    ).rejects.toMatchObject({
      code: 'order-not-found',
      said: msg('shipments.notFound', { parcel: 99 }),
    });
    expect(enqueued).toEqual([]);
  });

  it('words each reason with the printer', () => {
    expect(reprintDetail('lost', 'Z')).toEqual(msg('shipments.reprint.lost', { printer: 'Z' }));
    expect(reprintDetail('wrong-printer', 'Z')).toEqual(
      msg('shipments.reprint.wrongPrinter', { printer: 'Z' }),
    );
    expect(reprintDetail('other', 'Z')).toEqual(msg('shipments.reprint.other', { printer: 'Z' }));
    expect(reprintDetail('other', 'Z', 'Torn')).toEqual(
      msg('shipments.reprint.otherNote', { printer: 'Z', note: 'Torn' }),
    );
  });
});

describe('shipments.details', () => {
  it('gives the void rules for the actor and no timings for a label that has none', async () => {
    const { commands, label } = setUp();
    const parcelId = label('2026-05-04T07:00:00.000Z');
    const details = await commands['shipments.details']({ parcelId });
    expect(details).toMatchObject({
      voidRules: rules,
      timings: null,
      history: [],
      canReprint: true,
      labelStored: true,
    });
  });
});

describe('a Sendcloud shipment found by a search', () => {
  it('becomes one row per parcel with a tracking number, with its recipient and option', () => {
    const shipment = {
      id: '901',
      order_number: 'PD-77',
      carrier: { code: 'dhl' },
      ship_with: {
        type: 'shipping_option_code',
        properties: { shipping_option_code: 'dhl:parcel' },
      },
      to_address: { name: 'Jan Jansen', postal_code: '3511 AA' },
      label_details: { mime_type: 'application/pdf', dpi: 72 },
      parcels: [
        { id: 11, tracking_number: 'JVGL1', created_at: '2026-05-01T11:00:00+02:00' },
        { id: 12, tracking_number: null },
      ],
    } as unknown as SendcloudShipment;
    const found = foundShipmentsOf(shipment, 'env', {
      orderRef: (orderNumber) => `ref-${orderNumber}`,
      merchantId: null,
      now: '2026-05-04T08:00:00.000Z',
    });
    expect(found).toEqual([
      {
        shipment: expect.objectContaining({
          parcelId: 11,
          shipmentId: '901',
          orderRef: 'ref-PD-77',
          orderNumber: 'PD-77',
          trackingNumber: 'JVGL1',
          carrier: 'dhl',
          labelFormat: 'pdf',
          labelDpi: 72,
          createdAt: '2026-05-01T09:00:00.000Z',
        }),
        facts: {
          shippingOptionCode: 'dhl:parcel',
          recipientName: 'Jan Jansen',
          recipientPostcode: '3511 AA',
        },
      },
    ]);
  });
});

describe('shipments.lookUp', () => {
  const panelLabel = {
    id: '901',
    order_number: 'PD-77',
    carrier: { code: 'dhl' },
    parcels: [{ id: 11, tracking_number: 'JVGL1', created_at: '2026-05-01T09:00:00Z' }],
  };

  it('asks by order number, then by tracking number, and keeps what it finds', async () => {
    const asked: ListShipmentsParams[] = [];
    const accounts = {
      usableIds: () => ['env'],
      client: () => ({
        listShipments: async (params: ListShipmentsParams) => {
          asked.push(params);
          return {
            shipments: params.trackingNumber === 'JVGL1' ? [panelLabel] : [],
            nextCursor: null,
          };
        },
      }),
    } as unknown as Pick<Accounts, 'client' | 'usableIds'>;
    const { commands } = setUp({ accounts });
    const rows = await commands['shipments.lookUp']({ query: 'JVGL1' });
    expect(asked).toEqual([
      { orderNumber: 'JVGL1', pageSize: 100 },
      { trackingNumber: 'JVGL1', pageSize: 100 },
    ]);
    expect(rows).toEqual([
      expect.objectContaining({ parcelId: 11, source: 'sendcloud', orderNumber: 'PD-77' }),
    ]);
    // Kept: a second search finds the same row, not a second one.
    await commands['shipments.lookUp']({ query: 'JVGL1' });
    const count = db?.prepare('SELECT count(*) AS n FROM shipments').get() as { n: number };
    expect(count.n).toBe(1);
    expect((await commands['shipments.details']({ parcelId: 11 })).labelStored).toBe(false);
  });

  it('shows what one account found when another cannot answer', async () => {
    const accounts = {
      usableIds: () => ['revoked', 'env'],
      client: (id: string) => ({
        listShipments: async () => {
          if (id === 'revoked') throw new SendcloudError('auth', 'keys revoked');
          return { shipments: [panelLabel], nextCursor: null };
        },
      }),
    } as unknown as Pick<Accounts, 'client' | 'usableIds'>;
    const { commands } = setUp({ accounts });
    const rows = await commands['shipments.lookUp']({ query: 'PD-77' });
    expect(rows).toEqual([expect.objectContaining({ parcelId: 11, accountId: 'env' })]);
  });

  it('says Sendcloud cannot be reached in a packer’s words', async () => {
    const accounts = {
      usableIds: () => ['env'],
      client: () => ({
        listShipments: async () => {
          throw new SendcloudError('network', 'connect ECONNREFUSED');
        },
      }),
    } as unknown as Pick<Accounts, 'client' | 'usableIds'>;
    const { commands } = setUp({ accounts });
    await expect(commands['shipments.lookUp']({ query: 'PD-1' })).rejects.toMatchObject({
      code: 'offline',
    });
  });
});
