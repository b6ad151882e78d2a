// The Shipments screen's main side against the real Station: a real SQLite file, the simulator
// over HTTP and real TCP printers. A label made here, one known only to Sendcloud, reprints.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { msg, type ShipmentRow } from '../../src-shared';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { closedPort } from '../helpers/net';
import { rawApi } from '../helpers/raw-api';
import { startStationRig, type StationRig } from '../helpers/station';

const letter = {
  type: 'shipping_option_code',
  properties: { shipping_option_code: 'sendcloud:letter' },
};

/** Every shipment.changed the station pushed, in order. */
function changesOf(rig: StationRig): ShipmentRow[] {
  const changes: ShipmentRow[] = [];
  rig.station.subscribe((event, payload) => {
    if (event === 'shipment.changed') changes.push(payload as ShipmentRow);
  });
  return changes;
}

async function envPrinter(rig: StationRig) {
  const setup = await rig.station.handlers['printers.list']({});
  const printer = setup.printers[0];
  if (!printer) throw new Error('no printer set up');
  return printer;
}

describe('Shipments: find a label, see its history and timings, reprint it', () => {
  let rig: StationRig | undefined;
  const extra: VirtualPrinter[] = [];
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
    for (const printer of extra.splice(0)) await printer.close();
  });

  it('lists a label made here with its recipient, option, station, history and step timings', async () => {
    rig = await startStationRig();
    const handlers = rig.station.handlers;
    const order = rig.simulator.orders()[0];
    if (!order) throw new Error('no orders');
    const changes = changesOf(rig);

    const entry = await rig.scan(order.order_number);
    expect(entry.state).toBe('printed');
    const [issued] = rig.simulator.labelsFor(order.order_number);

    const list = await handlers['shipments.list']({});
    expect(list.truncated).toBe(false);
    expect(list.rows).toHaveLength(1);
    const [row] = list.rows;
    expect(row).toMatchObject({
      parcelId: issued?.parcelId,
      orderNumber: order.order_number,
      trackingNumber: entry.trackingNumber,
      recipientName: order.order.shipping_address.name,
      recipientPostcode: order.order.shipping_address.postal_code,
      shippingOption: { code: issued?.shippingOptionCode },
      state: 'printed',
      reprints: 0,
      source: 'station',
    });
    expect(row?.stationName).toBeTruthy();
    // Made, then printed: each change reached the screen.
    expect(changes.map((change) => change.state)).toEqual(['made', 'printed']);

    const details = await handlers['shipments.details']({ parcelId: row?.parcelId ?? 0 });
    expect(details.history.map((event) => [event.kind, event.stationName])).toEqual([
      ['scanned', row?.stationName],
      ['made', row?.stationName],
      ['printed', row?.stationName],
    ]);
    expect(details).toMatchObject({ labelStored: true, canReprint: true });
    // Every step of the label's way ran, and each took a measurable time.
    const timings = details.timings;
    expect(timings).not.toBeNull();
    for (const ms of Object.values(timings ?? {})) {
      expect(typeof ms).toBe('number');
      expect(ms).toBeGreaterThanOrEqual(0);
    }
    const stored = rig.station.db
      .prepare(
        'SELECT lookup_ms, sendcloud_ms, render_ms, printer_ms, station_id FROM shipments WHERE parcel_id = ?',
      )
      .get(row?.parcelId) as Record<string, number | string | null>;
    expect(Object.values(stored).every((value) => value !== null)).toBe(true);

    // A range of days that ends before today holds none of today's labels.
    const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
    expect((await handlers['shipments.list']({ from: yesterday, to: yesterday })).rows).toEqual([]);

    // Searching Sendcloud for it finds the station's own row, kept as it is, never a second one.
    const searched = await handlers['shipments.lookUp']({ query: order.order_number });
    expect(searched).toEqual([
      expect.objectContaining({ parcelId: row?.parcelId, source: 'station' }),
    ]);
    expect((await handlers['shipments.list']({})).rows).toHaveLength(1);

    const preview = await handlers['shipments.preview']({ parcelId: row?.parcelId ?? 0 });
    expect(preview.trackingNumber).toBe(entry.trackingNumber);
    expect(Buffer.from(preview.pngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('finds a label known only to Sendcloud by order or tracking number and reprints it from the fetched document', async () => {
    rig = await startStationRig();
    const { simulator, station, printer } = rig;
    const handlers = station.handlers;
    const order = simulator.orders()[2];
    if (!order) throw new Error('no orders');
    // Made in the Sendcloud panel (or at another station): this station never saw it.
    const made = await rawApi(simulator).post('/api/v3/orders/create-label-sync', {
      integration_id: simulator.integrationId,
      order: { order_number: order.order_number },
      ship_with: letter,
      label_details: { mime_type: 'application/zpl', dpi: 203 },
    });
    expect(made.status).toBeLessThan(300);
    const [issued] = simulator.labelsFor(order.order_number);
    if (!issued) throw new Error('no label in the simulator');
    expect((await handlers['shipments.list']({})).rows).toEqual([]);

    const byOrder = await handlers['shipments.lookUp']({ query: order.order_number });
    expect(byOrder).toEqual([
      expect.objectContaining({
        parcelId: issued.parcelId,
        orderNumber: order.order_number,
        trackingNumber: issued.trackingNumber,
        source: 'sendcloud',
        state: 'made',
        stationName: null,
        recipientPostcode: order.order.shipping_address.postal_code,
      }),
    ]);
    const byTracking = await handlers['shipments.lookUp']({ query: issued.trackingNumber });
    expect(byTracking.map((row) => row.parcelId)).toEqual([issued.parcelId]);
    const asked = simulator.requests.filter(
      (r) => r.method === 'GET' && r.path === '/api/v3/shipments',
    );
    expect(asked.length).toBeGreaterThanOrEqual(3);
    // Found once, kept once: the list shows it from now on.
    expect((await handlers['shipments.list']({})).rows.map((row) => row.parcelId)).toEqual([
      issued.parcelId,
    ]);
    expect(await handlers['shipments.details']({ parcelId: issued.parcelId })).toMatchObject({
      labelStored: false,
      canReprint: true,
      history: [],
    });

    const changes = changesOf(rig);
    const target = await envPrinter(rig);
    const answer = await handlers['shipments.reprint']({
      parcelId: issued.parcelId,
      printerId: target.id,
      reason: 'damaged',
    });
    expect(answer.parcelId).toBe(issued.parcelId);
    const [job] = await printer.waitForJobs(1);
    // The exact bytes Sendcloud issued, fetched from its parcel documents.
    expect(job?.bytes.equals(issued.bytes)).toBe(true);
    const fetched = simulator.requests.filter(
      (r) => r.path === `/api/v3/parcels/${issued.parcelId}/documents/label`,
    );
    expect(fetched).toHaveLength(1);

    await vi.waitFor(() =>
      expect(changes.at(-1)).toMatchObject({ state: 'reprinted', reprints: 1 }),
    );
    const details = await handlers['shipments.details']({ parcelId: issued.parcelId });
    expect(details.labelStored).toBe(true);

    // Another label from the panel: its preview fetches the document once and keeps it.
    const other = simulator.orders()[3];
    if (!other) throw new Error('no orders');
    await rawApi(simulator).post('/api/v3/orders/create-label-sync', {
      integration_id: simulator.integrationId,
      order: { order_number: other.order_number },
      ship_with: letter,
      label_details: { mime_type: 'application/zpl', dpi: 203 },
    });
    const [found] = await handlers['shipments.lookUp']({ query: other.order_number });
    if (!found) throw new Error('the panel label was not found');
    const preview = await handlers['shipments.preview']({ parcelId: found.parcelId });
    expect(preview).toMatchObject({ trackingNumber: found.trackingNumber, format: 'zpl' });
    expect(Buffer.from(preview.pngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    await handlers['shipments.preview']({ parcelId: found.parcelId });
    const documents = simulator.requests.filter(
      (r) => r.path === `/api/v3/parcels/${found.parcelId}/documents/label`,
    );
    expect(documents).toHaveLength(1);
    expect((await handlers['shipments.details']({ parcelId: found.parcelId })).labelStored).toBe(
      true,
    );
    expect(details.history).toEqual([
      expect.objectContaining({
        kind: 'reprinted',
        detail: msg('shipments.reprint.damaged', { printer: target.name }),
      }),
    ]);
  });

  it('reprints on the printer chosen, at its resolution, and counts and records every reprint', async () => {
    rig = await startStationRig();
    const handlers = rig.station.handlers;
    const order = rig.simulator.orders()[1];
    if (!order) throw new Error('no orders');
    const entry = await rig.scan(order.order_number);
    await rig.printer.waitForJobs(1);
    const [row] = (await handlers['shipments.list']({})).rows;
    if (!row) throw new Error('no shipment');

    // A 300 dpi Zebra on the bench, set up but not on any route.
    const bench = await startVirtualPrinter({ dpi: 300 });
    extra.push(bench);
    const setup = await handlers['printers.add']({
      name: 'Bench 300',
      transport: 'tcp',
      address: `127.0.0.1:${bench.port}`,
      language: 'zpl',
      dpi: 300,
      paper: 'A6',
      position: 0,
    });
    const benchId = setup.printers.find((p) => p.name === 'Bench 300')?.id ?? '';
    await handlers['shipments.reprint']({
      parcelId: row.parcelId,
      printerId: benchId,
      reason: 'wrong-printer',
    });
    const [onBench] = await bench.waitForJobs(1);
    // Rasterised for 300 dpi: a 4-inch label is 1200 dots wide.
    expect(onBench?.bytes.toString('latin1')).toContain('^PW1200');
    expect(rig.printer.jobs).toHaveLength(1);

    const target = await envPrinter(rig);
    await handlers['shipments.reprint']({
      parcelId: row.parcelId,
      printerId: target.id,
      reason: 'other',
      note: 'Smudged by tape',
    });
    const jobs = await rig.printer.waitForJobs(2);
    expect(jobs[1]?.bytes.equals(jobs[0]?.bytes ?? Buffer.alloc(0))).toBe(true);

    await vi.waitFor(async () => {
      const details = await handlers['shipments.details']({ parcelId: row.parcelId });
      expect(details.row).toMatchObject({ state: 'reprinted', reprints: 2 });
      expect(details.history.map((event) => [event.kind, event.detail])).toEqual([
        ['scanned', null],
        ['made', null],
        ['printed', null],
        ['reprinted', msg('shipments.reprint.wrongPrinter', { printer: 'Bench 300' })],
        [
          'reprinted',
          msg('shipments.reprint.otherNote', { printer: target.name, note: 'Smudged by tape' }),
        ],
      ]);
    });
    const counts = rig.station.db
      .prepare('SELECT print_count, reprint_count FROM shipments WHERE parcel_id = ?')
      .get(row.parcelId);
    expect(counts).toEqual({ print_count: 3, reprint_count: 2 });
    expect(entry.trackingNumber).toBe(row.trackingNumber);
  });

  it('never holds the packing table’s labels behind a reprint to a printer that is off', async () => {
    rig = await startStationRig();
    const handlers = rig.station.handlers;
    const [first, second] = rig.simulator.orders().slice(4, 6);
    if (!first || !second) throw new Error('no orders');
    await rig.scan(first.order_number);
    const [row] = (await handlers['shipments.list']({})).rows;
    if (!row) throw new Error('no shipment');
    const setup = await handlers['printers.add']({
      name: 'Bench (switched off)',
      transport: 'tcp',
      address: `127.0.0.1:${await closedPort()}`,
      language: 'zpl',
      dpi: 203,
      paper: 'A6',
      position: 0,
    });
    const off = setup.printers.find((p) => p.name === 'Bench (switched off)')?.id ?? '';
    await handlers['shipments.reprint']({ parcelId: row.parcelId, printerId: off, reason: 'lost' });
    await vi.waitFor(async () => {
      const jobs = await handlers['queue.list']({});
      expect(jobs.find((job) => job.kind === 'print')?.state).toBe('waiting');
    });

    const next = await rig.scan(second.order_number);
    await rig.printer.waitForJobs(2);
    await vi.waitFor(() =>
      expect(rig?.events.filter((e) => e.id === next.id).at(-1)?.state).toBe('printed'),
    );
    expect((await handlers['shipments.details']({ parcelId: row.parcelId })).row.reprints).toBe(0);
  });

  it('refuses to reprint a voided label, from the screen and from a scan', async () => {
    rig = await startStationRig();
    const handlers = rig.station.handlers;
    const order = rig.simulator.orders()[3];
    if (!order) throw new Error('no orders');
    const entry = await rig.scan(order.order_number);
    await rig.printer.waitForJobs(1);
    const [row] = (await handlers['shipments.list']({})).rows;
    if (!row) throw new Error('no shipment');
    rig.station.db
      .prepare(`UPDATE shipments SET void_state = 'voided' WHERE parcel_id = ?`)
      .run(row.parcelId);

    const target = await envPrinter(rig);
    await expect(
      handlers['shipments.reprint']({
        parcelId: row.parcelId,
        printerId: target.id,
        reason: 'lost',
      }),
    ).rejects.toMatchObject({
      code: 'label-voided',
      said: msg('shipments.label.voided', { tracking: row.trackingNumber }),
    });
    const again = await rig.scan(entry.trackingNumber ?? '');
    expect(again.error).toMatchObject({ code: 'label-voided' });
    expect(rig.printer.jobs).toHaveLength(1);
    expect((await handlers['shipments.details']({ parcelId: row.parcelId })).canReprint).toBe(
      false,
    );
  });
});
