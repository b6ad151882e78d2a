// The outbox's guarantee for customs: a station that dies between a label and its customs
// documents prints the documents after the restart, and makes no second label. The death is what
// a SIGKILL leaves: the database as committed at that moment (copied with VACUUM INTO while the
// documents job is in flight), and a new station started on that copy.
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startVirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { pdfText } from '../helpers/pdf-text';
import { tempDir } from '../helpers/tmp';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
});

it('a station killed between the label and its customs documents prints them after the restart, and makes no second label', async () => {
  const simulator = await startSimulator({
    orderCount: 5,
    customsOrders: true,
    labelResponse: 'schema',
    validateResponses: true,
  });
  cleanups.push(() => simulator.close());
  const zebra = await startVirtualPrinter();
  cleanups.push(() => zebra.close());
  const a4 = await startVirtualPrinter();
  cleanups.push(() => a4.close());
  const before = tempDir();
  cleanups.push(before.cleanup);
  const after = tempDir();
  cleanups.push(after.cleanup);
  const settings = (dataDir: string) => ({
    dataDir,
    sendcloud: { url: simulator.url, ...simulator.keys },
    integrationId: simulator.integrationId,
    sendcloudTimeoutMs: 3_000,
    printer: { host: zebra.host, port: zebra.port },
  });
  const order = simulator.orders().find((o) => o.order_number === 'PD-10006');
  if (!order) throw new Error('no customs order');
  expect(order.country).toBe('GB');

  const first: Station = await createStation({ printerPollMs: 0, settings: settings(before.dir) });
  let firstClosed = false;
  cleanups.push(() => (firstClosed ? undefined : first.close()));
  await first.handlers['orders.sync']({});
  await first.handlers['printers.add']({
    name: 'A4 office printer',
    transport: 'tcp',
    address: `${a4.host}:${a4.port}`,
    language: 'pdf',
    dpi: 203,
    paper: 'A4',
    position: 0,
  });
  // The document call never answers: the station is caught between label and documents.
  simulator.faults.set({ timeoutRate: 1, only: { method: 'GET', pathPrefix: '/api/v3/parcels/' } });
  await first.handlers['scan.submit']({ code: order.order_number });
  await zebra.waitForJobs(1, 15_000);
  await expect
    .poll(async () => (await first.handlers['queue.list']({})).map((j) => [j.kind, j.state]), {
      timeout: 10_000,
    })
    .toEqual([['documents', 'in-flight']]);
  // Killed here: what is on disk is what was committed.
  first.db.exec(`VACUUM INTO '${path.join(after.dir, 'packdesk.sqlite')}'`);
  firstClosed = true;
  await first.close();
  expect(a4.jobs).toHaveLength(0);
  simulator.faults.reset();

  const second: Station = await createStation({ printerPollMs: 0, settings: settings(after.dir) });
  cleanups.push(() => second.close());
  const [printed] = await a4.waitForJobs(1, 15_000);
  const text = await pdfText(printed?.bytes ?? Buffer.alloc(0));
  expect(text.pages).toHaveLength(1);
  expect(text.pages[0]).toContain('CN23 Customs declaration');
  expect(text.pages[0]).toContain(order.order_number);
  await expect.poll(() => second.handlers['queue.list']({})).toEqual([]);
  // One label, printed once; the documents once.
  expect(simulator.labelsFor(order.order_number)).toHaveLength(1);
  expect(zebra.jobs).toHaveLength(1);
  expect(a4.jobs).toHaveLength(1);
  expect(simulator.violations).toEqual([]);
});
