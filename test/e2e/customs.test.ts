// A customs order scanned in the real UI (Chromium, browser host, simulator, TCP printers): the
// label on the label printer, the customs declaration on the A4 printer, and the result panel
// saying "label + customs documents printed".
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { msg, type Message } from '../../src-shared/messages';
import { screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { startStationPage, type StationPage } from '../helpers/station-page';

let rig: StationPage;
let a4: VirtualPrinter;
let say: (message: Message) => string;

beforeAll(async () => {
  say = await speakerFor('en');
  a4 = await startVirtualPrinter();
  rig = await startStationPage({
    viewport: { width: 1280, height: 860 },
    simulator: { customsOrders: true },
  });
  // The A4 printer is set up through the page's own API, as the Printers panel does.
  const added = await rig.page.evaluate(
    (address) =>
      window.packdesk.printers.add({
        name: 'A4 office printer',
        transport: 'tcp',
        address,
        language: 'pdf',
        dpi: 203,
        paper: 'A4',
        position: 0,
      }),
    `${a4.host}:${a4.port}`,
  );
  expect(added.ok).toBe(true);
});

afterAll(async () => {
  await rig?.close();
  await a4?.close();
});

it('a customs order scanned: the result says label + customs documents printed', async () => {
  const { page, simulator, printer } = rig;
  // The first of the customs orders appended after the 50 default ones: to GB, complete.
  const order = simulator.orders()[50];
  if (!order) throw new Error('no customs order');
  expect(order.country).toBe('GB');
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await wedgeScan(page, order.order_number);

  const customs = page.getByTestId('result-customs');
  await customs
    .and(page.locator('[data-step="customs.scan.printed"]'))
    .waitFor({ timeout: 30_000 });
  expect(await customs.textContent()).toBe(say(msg('customs.scan.printed')));
  await expect
    .poll(() => page.getByTestId('scan-result').getAttribute('data-state'))
    .toBe('printed');
  await page.screenshot({ path: screenshotPath('scan-customs-printed'), fullPage: true });

  const issued = simulator.labelsFor(order.order_number);
  expect(issued).toHaveLength(1);
  const [label] = await printer.waitForJobs(1);
  expect(label?.bytes.equals(issued[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
  const [documents] = await a4.waitForJobs(1);
  expect(documents?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
});
