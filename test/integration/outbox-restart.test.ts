// A restart must not strand work: the station starts presuming Sendcloud reachable, so no
// "connection is back" ever comes for jobs the last run deferred while it was offline.
import { afterEach, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { closedPort } from '../helpers/net';
import { tempDir } from '../helpers/tmp';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
});

it('a scan queued while Sendcloud was unreachable prints soon after a restart, not a minute later', async () => {
  const data = tempDir();
  cleanups.push(data.cleanup);
  const simulator: Simulator = await startSimulator();
  cleanups.push(() => simulator.close());
  const printer: VirtualPrinter = await startVirtualPrinter();
  cleanups.push(() => printer.close());
  const order = simulator.orders()[0];
  if (!order) throw new Error('no orders');
  const settings = (url: string) => ({
    dataDir: data.dir,
    sendcloud: { url, ...simulator.keys },
    integrationId: simulator.integrationId,
    sendcloudTimeoutMs: 2_000,
    printer: { host: printer.host, port: printer.port },
  });

  // Offline: the scan is queued, its job deferred for the connection.
  const offline: Station = await createStation({
    settings: settings(`http://127.0.0.1:${await closedPort()}`),
  });
  const entry = await offline.handlers['scan.submit']({ code: order.order_number });
  expect(entry.state).toBe('queued');
  const labelJobs = async (station: Station) =>
    (await station.handlers['queue.list']({})).filter((job) => job.kind === 'create-label');
  await expect
    .poll(() => labelJobs(offline))
    .toMatchObject([{ state: 'waiting', lastError: { code: 'offline' } }]);
  await offline.close();

  // Restarted with Sendcloud back: the job goes now, not when its offline fallback comes due.
  const online: Station = await createStation({ settings: settings(simulator.url) });
  cleanups.push(() => online.close());
  await printer.waitForJobs(1, 10_000);
  expect(simulator.labelsFor(order.order_number)).toHaveLength(1);
  await expect.poll(() => online.handlers['queue.list']({})).toEqual([]);
});
