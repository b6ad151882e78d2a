// Returns against the real Station: a real SQLite file, the simulator over HTTP with its spec
// checks on, and a real TCP printer. A return's label comes out of the label printer and reads
// back as the return's tracking number; a return link is the brand's portal link, kept and shown;
// returns are listed with Sendcloud's status and counted on the day; a lost answer or an
// unreachable Sendcloud never makes a second return, nor keeps half of one.
import { afterEach, describe, expect, it } from 'vitest';
import type { ShipmentRow } from '../../src-shared';
import { localDayOf, stationTimeZone } from '../../src-main/local-days';
import type { Simulator } from '../../src-main/simulator/index';
import { knownSpecConflicts } from '../../src-main/simulator/openapi/index';
import { shipmentResponseSchema } from '../../src-main/sendcloud/v3/schemas';
import { returnRequestFor } from '../../src-main/shipping/returns';
import { printedTrackingNumbers, startBatchRig, type BatchRig } from '../helpers/batch-rig';
import { expectSpecClean, type AllowedViolation } from '../helpers/contract';
import { RETURN_PORTAL_404 } from '../helpers/returns';
import { rawApi } from '../helpers/raw-api';

type Rig = BatchRig;

const startRig = () => startBatchRig({ orderCount: 8 });

const labelSync = knownSpecConflicts.find(
  (c) => c.example === 'v3-create-label-sync-response.json',
);
if (!labelSync) throw new Error('knownSpecConflicts no longer lists the create-label-sync body');

/** Where the official spec contradicts itself, so a right answer still fails it. */
const SPEC_CONTRADICTIONS: AllowedViolation[] = [
  {
    direction: 'response',
    method: 'POST',
    path: /^\/api\/v3\/orders\/create-label-sync$/,
    status: 201,
    message: /^Input should be a valid dictionary$/,
    reason: labelSync.reason,
  },
  RETURN_PORTAL_404,
];

/** A label made at the station by a scan, printed: the shipment a return is made for. */
async function shippedHere(rig: Rig, index: number): Promise<ShipmentRow> {
  const order = rig.simulator.orders()[index];
  if (!order) throw new Error('no such order');
  const entry = await rig.station.handlers['scan.submit']({ code: order.order_number });
  expect(entry.state).toBe('printed');
  const { rows } = await rig.station.handlers['shipments.list']({});
  const row = rows.find((candidate) => candidate.orderNumber === order.order_number);
  if (!row) throw new Error('the scan made no shipment');
  return row;
}

/** Every return the simulator's account holds, as Sendcloud lists them. */
async function sendcloudReturns(sim: Simulator) {
  const today = new Date().toISOString().slice(0, 10);
  const answer = await rawApi(sim).get(
    `/api/v3/returns?from_date=${today}%2000:00:00&to_date=${today}%2023:59:59`,
  );
  return (answer.json as { data: { id: number; tracking_number: string }[] }).data;
}

const today = () => localDayOf(Date.now(), stationTimeZone());

describe('Returns: a return label printed for the box, or the portal link', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    if (rig) expectSpecClean(rig.simulator, SPEC_CONTRADICTIONS);
    await rig?.close();
    rig = undefined;
  });

  it('prints the return label on the label route, lists the return with its status and counts it on the day', async () => {
    rig = await startRig();
    const { station, printer, simulator } = rig;
    const shipment = await shippedHere(rig, 0);
    await printer.waitForJobs(1);

    const made = await station.handlers['returns.create']({
      parcelId: shipment.parcelId,
      delivery: 'label',
    });
    expect(made).toMatchObject({ existing: false, printProblem: null, noPortal: false });
    expect(made.row).toMatchObject({
      parcelId: shipment.parcelId,
      orderNumber: shipment.orderNumber,
      status: 'ready-to-send',
      statusText: 'ready-to-send',
      labelStored: true,
      portalUrl: null,
    });
    expect(made.row.printedAt).not.toBeNull();
    const [listed] = await sendcloudReturns(simulator);
    expect(listed?.id).toBe(made.row.returnId);
    expect(made.row.trackingNumber).toBe(listed?.tracking_number);

    // The label printer got the outgoing label, then the return's: it reads as the return.
    await printer.waitForJobs(2);
    const read = await printedTrackingNumbers(printer);
    expect(read).toEqual([shipment.trackingNumber, listed?.tracking_number]);
    // Sendcloud's document of the return parcel, fetched once.
    const fetched = simulator.requests.filter(
      (r) => r.path === `/api/v3/parcels/${made.row.returnParcelId}/documents/label`,
    );
    expect(fetched).toHaveLength(1);

    // Asked again (a second click): the same return, not a second one, and no second print.
    const again = await station.handlers['returns.create']({
      parcelId: shipment.parcelId,
      delivery: 'label',
    });
    expect(again).toMatchObject({ existing: true, row: { returnId: made.row.returnId } });
    expect(await sendcloudReturns(simulator)).toHaveLength(1);
    expect(printer.jobs).toHaveLength(2);
    // Printed again on purpose: the kept label, no second fetch.
    const reprinted = await station.handlers['returns.print']({ returnId: made.row.returnId });
    expect(reprinted.printProblem).toBeNull();
    await printer.waitForJobs(3);
    expect(
      simulator.requests.filter((r) =>
        r.path.startsWith(`/api/v3/parcels/${made.row.returnParcelId}/`),
      ),
    ).toHaveLength(1);

    const rows = await station.handlers['returns.list']({ refresh: true });
    expect(rows.map((row) => [row.returnId, row.status, row.orderNumber])).toEqual([
      [made.row.returnId, 'ready-to-send', shipment.orderNumber],
    ]);
    const summary = await station.handlers['day.summary']({ day: today() });
    expect(summary.returns).toBe(1);
    // A return is not a label made: the day's label count is the one scan's.
    expect(summary.counts.made).toBe(1);
  });

  it('gives the portal link of a branded shipment, keeps it and shows it in the list', async () => {
    rig = await startRig();
    const { station, simulator, printer } = rig;
    const order = simulator.orders()[2];
    if (!order) throw new Error('no orders');
    // Made in the panel with the shop's brand, found in Sendcloud by the Shipments screen.
    const panel = await rawApi(simulator).post('/api/v3/orders/create-label-sync', {
      integration_id: simulator.integrationId,
      order: { order_number: order.order_number },
      ship_with: {
        type: 'shipping_option_code',
        properties: { shipping_option_code: 'sendcloud:letter' },
      },
      brand_id: simulator.accounts[0]?.brandIds[0],
      label_details: { mime_type: 'application/zpl', dpi: 203 },
    });
    expect(panel.status).toBeLessThan(300);
    const [found] = await station.handlers['shipments.lookUp']({ query: order.order_number });
    if (!found) throw new Error('Sendcloud found no shipment');

    const made = await station.handlers['returns.create']({
      parcelId: found.parcelId,
      delivery: 'link',
    });
    expect(made).toMatchObject({ existing: false, noPortal: false, printProblem: null });
    expect(made.row.portalUrl).toBe(
      `https://packdesk-demo.shipping-portal.com/rp/?shipment=${found.shipmentId}`,
    );
    // A link, not a label: nothing printed, nothing fetched.
    expect(made.row).toMatchObject({ labelStored: false, printedAt: null });
    expect(printer.jobs).toHaveLength(0);
    const rows = await station.handlers['returns.list']({});
    expect(rows).toEqual([made.row]);

    // A shipment without a brand has no portal: the return is made and the screen says so.
    const plain = await shippedHere(rig, 3);
    const unbranded = await station.handlers['returns.create']({
      parcelId: plain.parcelId,
      delivery: 'link',
    });
    expect(unbranded).toMatchObject({ noPortal: true, row: { portalUrl: null } });
    expect(await sendcloudReturns(simulator)).toHaveLength(2);
  });

  it('adopts the return of a request whose answer was lost or made before a restart, and keeps nothing when Sendcloud refused the connection', async () => {
    rig = await startRig();
    const { station, simulator } = rig;
    const first = await shippedHere(rig, 0);
    const second = await shippedHere(rig, 1);
    const onlyReturns = { only: { method: 'POST', pathPrefix: '/api/v3/returns' } };

    // Sendcloud made it, the answer never came: the station finds it in the list.
    simulator.faults.set({ lostResponseRate: 1, ...onlyReturns });
    const adopted = await station.handlers['returns.create']({
      parcelId: first.parcelId,
      delivery: 'label',
    });
    const listed = await sendcloudReturns(simulator);
    expect(listed.map((r) => r.id)).toEqual([adopted.row.returnId]);
    expect(adopted.row).toMatchObject({ parcelId: first.parcelId, labelStored: true });

    // The connection dropped before Sendcloud did anything: a clear error, no row kept.
    simulator.faults.set({ lostResponseRate: 0, resetRate: 1, ...onlyReturns });
    await expect(
      station.handlers['returns.create']({ parcelId: second.parcelId, delivery: 'label' }),
    ).rejects.toMatchObject({ code: 'offline' });
    expect(await sendcloudReturns(simulator)).toHaveLength(1);
    expect((await station.handlers['returns.list']({})).map((r) => r.parcelId)).toEqual([
      first.parcelId,
    ]);

    // Back online: the click again makes the one return.
    simulator.faults.reset();
    const made = await station.handlers['returns.create']({
      parcelId: second.parcelId,
      delivery: 'label',
    });
    expect(made.existing).toBe(false);
    expect(await sendcloudReturns(simulator)).toHaveLength(2);

    // A try before a restart made it and the station never heard: it is looked for first.
    const third = await shippedHere(rig, 2);
    const outgoing = await rawApi(simulator).get(`/api/v3/shipments/${third.shipmentId}`);
    const { data } = shipmentResponseSchema.parse(outgoing.json);
    const before = await rawApi(simulator).post(
      '/api/v3/returns',
      returnRequestFor(data, third.parcelId, third.orderNumber),
    );
    const madeBefore = (before.json as { return_id: number }).return_id;
    const found = await station.handlers['returns.create']({
      parcelId: third.parcelId,
      delivery: 'label',
    });
    expect(found.row.returnId).toBe(madeBefore);
    expect(await sendcloudReturns(simulator)).toHaveLength(3);
  });
});
