// Two stations of one warehouse, in this process, each with its own SQLite file and printer, on
// one simulator and one PostgreSQL with the hub taking the simulator's webhooks. A status reaches
// every station's Shipments screen from PostgreSQL: neither asks Sendcloud for tracking while
// the hub is alive, and a station goes back to asking once it is gone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShipmentRow } from '../../src-shared';
import { WEBHOOK_PATH } from '../../src-main/hub/server';
import { startVirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { startTestHub } from '../helpers/hub';
import { freshDatabase } from '../helpers/pg';
import { tempDir } from '../helpers/tmp';

interface WarehouseStation {
  station: Station;
  changes: ShipmentRow[];
}

/** The simulator's tracking reads: what the poll asks Sendcloud. */
const trackingReads = (sim: Simulator) =>
  sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v3/shipments')).length;

describe('tracking statuses from the hub', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function startStation(
    sim: Simulator,
    warehouseDb: string,
    name: string,
    trackingIntervalMs: number,
  ): Promise<WarehouseStation> {
    const data = tempDir();
    const printer = await startVirtualPrinter();
    const station = await createStation({
      settings: {
        dataDir: data.dir,
        sendcloud: { url: sim.url, ...sim.keys },
        integrationId: null,
        sendcloudTimeoutMs: 30_000,
        printer: { host: '127.0.0.1', port: printer.port },
        warehouseDb,
        stationName: name,
      },
      trackingIntervalMs,
      hubReadMs: 100,
    });
    cleanups.push(async () => {
      await station.close();
      await printer.close();
      data.cleanup();
    });
    const changes: ShipmentRow[] = [];
    station.subscribe((event, payload) => {
      if (event === 'shipment.changed') changes.push(payload as ShipmentRow);
    });
    await station.handlers['orders.sync']({});
    return { station, changes };
  }

  it("reaches every station's Shipments screen, read from PostgreSQL", async () => {
    const db = await freshDatabase();
    cleanups.push(() => db.drop());
    const sim = await startSimulator({ orderCount: 5 });
    cleanups.push(() => sim.close());
    const hub = await startTestHub({ warehouseDb: db.url, secrets: [sim.keys.secretKey] });
    cleanups.push(() => hub.close());
    sim.webhooks.set({ url: `${hub.url}${WEBHOOK_PATH}`, intervalMs: 100 });
    // Neither station would poll Sendcloud within this test.
    const a = await startStation(sim, db.url, 'Table A', 600_000);
    const b = await startStation(sim, db.url, 'Table B', 600_000);

    const [one, two] = sim.orders();
    const atA = await a.station.handlers['scan.submit']({ code: one!.order_number });
    const atB = await b.station.handlers['scan.submit']({ code: two!.order_number });
    expect([atA.state, atB.state]).toEqual(['printed', 'printed']);
    const parcelA = sim.labelsFor(one!.order_number)[0]!.parcelId;
    const parcelB = sim.labelsFor(two!.order_number)[0]!.parcelId;

    // Ready to send, as the webhook said, on each station's own shipment.
    for (const [{ changes }, parcelId] of [
      [a, parcelA],
      [b, parcelB],
    ] as const) {
      await vi.waitFor(
        () =>
          expect(changes.at(-1)).toMatchObject({
            parcelId,
            trackingStatus: 'announced',
            trackingStatusText: 'Ready to send',
          }),
        { timeout: 10_000 },
      );
    }

    // The carrier scans both: the webhooks reach the hub, the stations read them.
    sim.handToCarrier(parcelA);
    sim.handToCarrier(parcelB);
    for (const [{ changes }, parcelId] of [
      [a, parcelA],
      [b, parcelB],
    ] as const) {
      await vi.waitFor(
        () =>
          expect(changes.at(-1)).toMatchObject({
            parcelId,
            trackingStatus: 'in-transit',
            trackingStatusText: 'En route to sorting center',
          }),
        { timeout: 10_000 },
      );
    }
    // Each station's Shipments screen shows the whole warehouse (the ledger), each row with the
    // status the hub stored: both parcels, on both stations.
    for (const { station } of [a, b]) {
      await vi.waitFor(
        async () => {
          const { rows } = await station.handlers['shipments.list']({});
          expect(
            rows.filter((row) => row.parcelId === parcelA || row.parcelId === parcelB),
          ).toEqual(
            expect.arrayContaining(
              [parcelA, parcelB].map((parcelId) =>
                expect.objectContaining({
                  parcelId,
                  trackingStatus: 'in-transit',
                  trackingStatusText: 'En route to sorting center',
                }),
              ),
            ),
          );
          expect(rows).toHaveLength(2);
        },
        { timeout: 10_000 },
      );
    }
    expect(trackingReads(sim)).toBe(0);
  });

  it('goes back to polling Sendcloud when the hub is gone', async () => {
    const db = await freshDatabase();
    cleanups.push(() => db.drop());
    const sim = await startSimulator({ orderCount: 5 });
    cleanups.push(() => sim.close());
    const hub = await startTestHub({ warehouseDb: db.url, secrets: [sim.keys.secretKey] });
    const a = await startStation(sim, db.url, 'Table A', 300);
    const order = sim.orders()[0]!;
    expect((await a.station.handlers['scan.submit']({ code: order.order_number })).state).toBe(
      'printed',
    );
    // With the hub alive (and no webhooks sent), the station asks Sendcloud nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(trackingReads(sim)).toBe(0);

    await hub.close();
    await vi.waitFor(() => expect(trackingReads(sim)).toBeGreaterThan(0), { timeout: 10_000 });
    await vi.waitFor(() => expect(a.changes.at(-1)).toMatchObject({ trackingStatus: 'announced' }));
  });
});
