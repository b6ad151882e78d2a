// Voiding a label against the simulator over real HTTP, a real SQLite file and a real TCP
// printer: Sendcloud's day and 42-day rules, 200/202/409, offline, a crash mid-call, relabelling.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShipmentRow } from '../../src-shared';
import { systemClock, type Clock } from '../../src-main/clock';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { voidRulesFor } from '../../src-main/shipping/void-rules';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import type { Actor } from '../../src-main/station/actor';
import { jobsIn } from '../../src-main/store/jobs';
import { shipmentEvents } from '../../src-main/store/shipment-events';
import { shipmentRecord } from '../../src-main/store/shipment-list';
import { startCuttableProxy, type CuttableProxy } from '../helpers/proxy';
import { tempDir } from '../helpers/tmp';

const HOUR = 3_600_000;

/** Real time, shifted: timers run as ever, and a test moves the day forward for both sides. */
interface MovableClock extends Clock {
  move(ms: number): void;
}
function movableClock(start: number): MovableClock {
  let offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
    move: (ms) => {
      offset += ms;
    },
  };
}

interface VoidRig {
  station: Station;
  simulator: Simulator;
  proxy: CuttableProxy;
  clock: MovableClock;
  actor: { current: Actor };
  changed: ShipmentRow[];
  /** Scan an order and wait for its label on the printer; returns its parcel id. */
  label(orderNumber: string): Promise<number>;
  /**
   * Stop the station (past its grace, a job still in flight is left as a crash leaves it), run
   * `whileDown`, and start it again on the same data folder.
   */
  restartAfter(whileDown: () => Promise<void>): Promise<void>;
  voidCancels(): number;
}

const rigs: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0).reverse()) await rig.close();
});

async function startVoidRig(options: { trackingIntervalMs?: number } = {}): Promise<VoidRig> {
  // Monday 4 May 2026, 10:00 in Amsterdam, 08:00 UTC: the same day wherever the test runs.
  const clock = movableClock(Date.parse('2026-05-04T08:00:00Z'));
  const data = tempDir();
  const simulator = await startSimulator({ clock, orderCount: 6, validateResponses: true });
  const proxy = await startCuttableProxy(simulator.url);
  const printer: VirtualPrinter = await startVirtualPrinter();
  const actor = { current: { packerId: null, role: null, stationId: 'unset' } as Actor };
  const changed: ShipmentRow[] = [];
  const open = async () => {
    const station = await createStation({
      clock,
      actor: () => actor.current,
      probeIntervalMs: 100,
      trackingIntervalMs: options.trackingIntervalMs ?? 0,
      settings: {
        dataDir: data.dir,
        sendcloud: { url: proxy.url, ...simulator.keys },
        integrationId: null,
        sendcloudTimeoutMs: 10_000,
        printer: { host: '127.0.0.1', port: printer.port },
      },
    });
    station.subscribe((event, payload) => {
      if (event === 'shipment.changed') changed.push(payload as ShipmentRow);
    });
    return station;
  };
  let station = await open();
  await station.handlers['orders.sync']({});
  let printed = 0;
  const rig: VoidRig = {
    get station() {
      return station;
    },
    simulator,
    proxy,
    clock,
    actor,
    changed,
    async label(orderNumber) {
      const entry = await station.handlers['scan.submit']({ code: orderNumber });
      expect(entry.state).toBe('printed');
      printed += 1;
      await printer.waitForJobs(printed);
      const ledger = simulator.labelsFor(orderNumber);
      const parcelId = ledger[ledger.length - 1]?.parcelId;
      if (parcelId === undefined) throw new Error(`no label for ${orderNumber}`);
      return parcelId;
    },
    async restartAfter(whileDown) {
      await station.close();
      await whileDown();
      station = await open();
    },
    voidCancels: () =>
      simulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cancel')).length,
  };
  rigs.push({
    async close() {
      await station.close();
      await printer.close();
      await proxy.close();
      await simulator.close();
      data.cleanup();
    },
  });
  return rig;
}

/**
 * What the spec refuses in the calls voids and tracking make (shipments get, list, cancel), but
 * the cancel 409's body, where the spec contradicts itself (knownSpecConflicts).
 */
const shipmentViolations = (rig: VoidRig) =>
  rig.simulator.violations.filter(
    (v) =>
      v.path.startsWith('/api/v3/shipments') && !(v.path.endsWith('/cancel') && v.status === 409),
  );

const firstOrder = (rig: VoidRig) => {
  const order = rig.simulator.orders()[0];
  if (!order) throw new Error('no orders');
  return order.order_number;
};
const record = (rig: VoidRig, parcelId: number) => {
  const found = shipmentRecord(rig.station.db, parcelId);
  if (!found) throw new Error(`no shipment ${parcelId}`);
  return found;
};
const voidEvents = (rig: VoidRig, parcelId: number) =>
  shipmentEvents(rig.station.db, parcelId)
    .map((event) => event.kind)
    .filter((kind) => kind.startsWith('void'));
const labelCount = (rig: VoidRig, orderNumber: string) =>
  rig.simulator.labelsFor(orderNumber).length;

describe('voiding a label', () => {
  it('on the day it was made: free, cancelled at once, and the order can be labelled again', async () => {
    const rig = await startVoidRig();
    const order = firstOrder(rig);
    const parcelId = await rig.label(order);
    const packer: Actor = { packerId: 'p-ann', role: 'packer', stationId: 'st-1' };
    rig.actor.current = packer;
    expect(voidRulesFor(record(rig, parcelId), packer, rig.clock.now())).toMatchObject({
      window: 'free',
      allowed: true,
      rule: { key: 'void.rule.free' },
    });

    const row = await rig.station.handlers['shipments.void']({ parcelId });
    expect(row.state).toBe('void-requested');
    await vi.waitFor(() => expect(record(rig, parcelId).voidState).toBe('voided'));
    expect(voidEvents(rig, parcelId)).toEqual(['void-requested', 'voided']);
    const requested = shipmentEvents(rig.station.db, parcelId).find(
      (e) => e.kind === 'void-requested',
    );
    expect(requested).toMatchObject({ packerId: 'p-ann', stationId: 'st-1' });
    expect(rig.changed.at(-1)).toMatchObject({ parcelId, state: 'voided' });
    expect(rig.voidCancels()).toBe(1);
    // The queue shows the finished void's note, then lets it go.
    const [voidJob] = jobsIn(rig.station.db, ['void'], ['done']);
    expect(voidJob?.reason?.key).toBe('void.done');

    // A voided label is not voided twice.
    await expect(rig.station.handlers['shipments.void']({ parcelId })).rejects.toMatchObject({
      code: 'label-voided',
    });
    // Scanning its tracking number does not print the dead label again.
    const tracking = record(rig, parcelId).trackingNumber;
    const rescan = await rig.station.handlers['scan.submit']({ code: tracking });
    expect(rescan).toMatchObject({ state: 'failed', error: { code: 'label-voided' } });
    // Its order is free again: a second scan makes a new label.
    const again = await rig.label(order);
    expect(again).not.toBe(parcelId);
    expect(labelCount(rig, order)).toBe(2);
    expect(record(rig, again).voidState).toBeNull();
  });

  it('a relabel whose first try failed does not adopt the voided label back', async () => {
    const rig = await startVoidRig();
    const order = firstOrder(rig);
    const parcelId = await rig.label(order);
    await rig.station.handlers['shipments.void']({ parcelId });
    await vi.waitFor(() => expect(record(rig, parcelId).voidState).toBe('voided'));
    // The new label's first try never reaches Sendcloud; its retry looks for an earlier label.
    rig.simulator.faults.set({
      resetRate: 1,
      only: { method: 'POST', pathPrefix: '/api/v3/orders/create-label-sync' },
    });
    const entry = await rig.station.handlers['scan.submit']({ code: order });
    expect(entry.state).not.toBe('printed');
    rig.simulator.faults.reset();
    await vi.waitFor(() => expect(labelCount(rig, order)).toBe(2), { timeout: 5_000 });
    const fresh = rig.simulator.labelsFor(order)[1]?.parcelId ?? 0;
    await vi.waitFor(() => expect(shipmentRecord(rig.station.db, fresh)?.printedAt).toBeTruthy());
    expect(record(rig, parcelId).voidState).toBe('voided');
  });

  it('after the day: the refund rule, a packer refused, a supervisor queued (202), confirmed by tracking', async () => {
    const rig = await startVoidRig({ trackingIntervalMs: 50 });
    const order = firstOrder(rig);
    const parcelId = await rig.label(order);
    // 03:00 the next morning in Amsterdam (01:00 UTC): past midnight, not yet with the carrier.
    rig.clock.move(17 * HOUR);
    const packer: Actor = { packerId: 'p-ann', role: 'packer', stationId: 'st-1' };
    const supervisor: Actor = { packerId: 'p-sue', role: 'supervisor', stationId: 'st-1' };
    expect(voidRulesFor(record(rig, parcelId), packer, rig.clock.now())).toMatchObject({
      window: 'refund',
      allowed: false,
      rule: { key: 'void.rule.refund', params: { days: 42 } },
      refusal: { key: 'void.refusal.supervisorOnly' },
    });

    rig.actor.current = packer;
    await expect(rig.station.handlers['shipments.void']({ parcelId })).rejects.toMatchObject({
      code: 'forbidden',
      said: { key: 'void.refusal.supervisorOnly' },
    });
    expect(record(rig, parcelId).voidState).toBeNull();
    expect(rig.voidCancels()).toBe(0);

    rig.actor.current = supervisor;
    await rig.station.handlers['shipments.void']({ parcelId });
    await vi.waitFor(() => expect(jobsIn(rig.station.db, ['void'], ['done'])).toHaveLength(1));
    const [job] = jobsIn(rig.station.db, ['void'], ['done']);
    expect(job?.reason?.key).toBe('void.queued');
    expect(rig.voidCancels()).toBe(1);
    // Queued at Sendcloud: still "void requested", and tracking sees it being cancelled.
    await vi.waitFor(() =>
      expect(record(rig, parcelId).trackingStatusText).toBe('Cancellation requested'),
    );
    expect(record(rig, parcelId)).toMatchObject({ voidState: 'requested' });
    // A voided order is not free until confirmed: a second void is refused meanwhile.
    await expect(rig.station.handlers['shipments.void']({ parcelId })).rejects.toMatchObject({
      code: 'void-refused',
    });

    // The carrier confirms a day later: the poll settles the void.
    rig.clock.move(25 * HOUR);
    await vi.waitFor(() => expect(record(rig, parcelId).voidState).toBe('voided'), {
      timeout: 5_000,
    });
    expect(record(rig, parcelId).trackingStatus).toBe('cancelled');
    const voided = shipmentEvents(rig.station.db, parcelId).find((e) => e.kind === 'voided');
    expect(voided).toMatchObject({ packerId: 'p-sue', detail: { key: 'void.confirmed' } });
    expect(rig.changed.at(-1)).toMatchObject({ parcelId, state: 'voided' });
    expect(rig.voidCancels()).toBe(1);
    expect(shipmentViolations(rig)).toEqual([]);
  });

  it('a parcel the carrier has: Sendcloud refuses (409) and the reason is kept', async () => {
    const rig = await startVoidRig();
    const parcelId = await rig.label(firstOrder(rig));
    // 25 hours on, the carrier has scanned it; the station has not polled its status.
    rig.clock.move(25 * HOUR);
    await rig.station.handlers['shipments.void']({ parcelId });
    await vi.waitFor(() => expect(record(rig, parcelId).voidState).toBe('refused'));
    const refused = shipmentEvents(rig.station.db, parcelId).find((e) => e.kind === 'void-refused');
    expect(refused?.detail).toEqual({
      key: 'void.refused',
      params: { reason: 'Shipped parcels, or parcels being shipped, can no longer be cancelled.' },
    });
    expect(rig.changed.at(-1)).toMatchObject({ parcelId, state: 'printed' });
    expect(rig.voidCancels()).toBe(1);
    expect(shipmentViolations(rig)).toEqual([]);
  });

  it('handed to the carrier on the day it was made: still refused (409), and the rules then say so', async () => {
    const rig = await startVoidRig({ trackingIntervalMs: 50 });
    const parcelId = await rig.label(firstOrder(rig));
    await vi.waitFor(() => expect(record(rig, parcelId).trackingStatus).toBe('announced'));
    rig.simulator.handToCarrier(parcelId);
    // Before the poll has seen it, the station asks, and Sendcloud refuses.
    await rig.station.handlers['shipments.void']({ parcelId });
    await vi.waitFor(() => expect(record(rig, parcelId).voidState).toBe('refused'));
    await vi.waitFor(() => expect(record(rig, parcelId).trackingStatus).toBe('in-transit'));
    // Now the station knows it shipped: its rules refuse before asking Sendcloud.
    expect(voidRulesFor(record(rig, parcelId), rig.actor.current, rig.clock.now())).toMatchObject({
      window: 'none',
      allowed: false,
      refusal: { key: 'void.refusal.shipped' },
    });
    await expect(rig.station.handlers['shipments.void']({ parcelId })).rejects.toMatchObject({
      code: 'void-refused',
      said: { key: 'void.refusal.shipped' },
    });
    expect(rig.voidCancels()).toBe(1);
  });

  it('while offline: queued and shown waiting, sent once when the connection is back', async () => {
    const rig = await startVoidRig();
    const parcelId = await rig.label(firstOrder(rig));
    rig.proxy.cut();
    await rig.station.handlers['shipments.void']({ parcelId });
    await vi.waitFor(async () => {
      const queue = await rig.station.handlers['queue.list']({});
      expect(queue).toMatchObject([{ kind: 'void', state: 'waiting' }]);
    });
    const [waiting] = jobsIn(rig.station.db, ['void'], ['waiting']);
    expect(waiting?.reason?.key).toBe('void.waiting.offline');
    expect(record(rig, parcelId).voidState).toBe('requested');
    expect(rig.voidCancels()).toBe(0);

    rig.proxy.restore();
    await vi.waitFor(() => expect(record(rig, parcelId).voidState).toBe('voided'), {
      timeout: 5_000,
    });
    expect(rig.voidCancels()).toBe(1);
    expect(await rig.station.handlers['queue.list']({})).toEqual([]);
  });

  it('a void cancelled in the queue while offline leaves the label as it was', async () => {
    const rig = await startVoidRig();
    const parcelId = await rig.label(firstOrder(rig));
    rig.proxy.cut();
    await rig.station.handlers['shipments.void']({ parcelId });
    await vi.waitFor(() => expect(jobsIn(rig.station.db, ['void'], ['waiting'])).toHaveLength(1));
    const [job] = jobsIn(rig.station.db, ['void'], ['waiting']);
    await rig.station.handlers['queue.cancel']({ id: job?.id ?? '' });
    expect(record(rig, parcelId).voidState).toBeNull();
    expect(rig.changed.at(-1)).toMatchObject({ parcelId, state: 'printed' });
    rig.proxy.restore();
    // It can be asked for again, and goes.
    await rig.station.handlers['shipments.void']({ parcelId });
    await vi.waitFor(() => expect(record(rig, parcelId).voidState).toBe('voided'), {
      timeout: 5_000,
    });
    expect(rig.voidCancels()).toBe(1);
  });

  it('a lost answer: the retry finds the label cancelled and does not cancel again', async () => {
    const rig = await startVoidRig();
    const parcelId = await rig.label(firstOrder(rig));
    // Sendcloud cancels, then the connection drops before the answer arrives.
    rig.simulator.faults.set({
      lostResponseRate: 1,
      only: { method: 'POST', pathPrefix: '/api/v3/shipments/' },
    });
    await rig.station.handlers['shipments.void']({ parcelId });
    await vi.waitFor(() => expect(rig.voidCancels()).toBe(1));
    rig.simulator.faults.reset();
    await vi.waitFor(() => expect(record(rig, parcelId).voidState).toBe('voided'), {
      timeout: 5_000,
    });
    expect(rig.voidCancels()).toBe(1);
    expect(voidEvents(rig, parcelId)).toEqual(['void-requested', 'voided']);
  });

  it('a crash mid-call: after the restart Sendcloud is asked how it stands, not to cancel again', async () => {
    const rig = await startVoidRig();
    const parcelId = await rig.label(firstOrder(rig));
    // Sendcloud takes 4 s to answer the cancel: longer than the station's 3 s to shut down.
    rig.simulator.faults.set({
      latencyMs: 4_000,
      only: { method: 'POST', pathPrefix: '/api/v3/shipments/' },
    });
    await rig.station.handlers['shipments.void']({ parcelId });
    await vi.waitFor(() => {
      const [job] = jobsIn(rig.station.db, ['void'], ['in-flight']);
      expect(job?.sentAt).not.toBeNull();
    });
    await rig.restartAfter(async () => {
      // Down: Sendcloud cancels the label, and the answer reaches nobody.
      await vi.waitFor(() => expect(rig.voidCancels()).toBe(1), { timeout: 5_000 });
      rig.simulator.faults.reset();
    });
    await vi.waitFor(() => expect(record(rig, parcelId).voidState).toBe('voided'), {
      timeout: 5_000,
    });
    expect(rig.voidCancels()).toBe(1);
    const reads = rig.simulator.requests.filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/v3/shipments/'),
    );
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(voidEvents(rig, parcelId)).toEqual(['void-requested', 'voided']);
    // The job the crash left in flight was taken up again, once.
    const [job] = jobsIn(rig.station.db, ['void'], ['done']);
    expect(job).toMatchObject({ attempts: 2, reason: { key: 'void.done' } });
  }, 20_000);
});

describe('tracking', () => {
  it('keeps the status fresh as the carrier moves the parcel, and pushes the row', async () => {
    const rig = await startVoidRig({ trackingIntervalMs: 50 });
    const parcelId = await rig.label(firstOrder(rig));
    await vi.waitFor(() => expect(record(rig, parcelId).trackingStatus).toBe('announced'));
    expect(record(rig, parcelId).trackingStatusText).toBe('Ready to send');
    rig.clock.move(30 * HOUR);
    await vi.waitFor(() => expect(record(rig, parcelId).trackingStatus).toBe('in-transit'));
    expect(rig.changed.at(-1)).toMatchObject({ parcelId, trackingStatus: 'in-transit' });
    rig.clock.move(15 * HOUR);
    await vi.waitFor(() => expect(record(rig, parcelId).trackingStatus).toBe('delivered'));
    expect(rig.changed.at(-1)).toMatchObject({
      parcelId,
      trackingStatus: 'delivered',
      trackingStatusText: 'Delivered',
    });
    // One parcel, one read a round, all by parcel id.
    const reads = rig.simulator.requests.filter(
      (r) => r.method === 'GET' && r.path === '/api/v3/shipments',
    );
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(shipmentViolations(rig)).toEqual([]);
  });
});
