// Issue #4 end to end: cut Sendcloud, scan 5 orders in the real UI, each shows queued; restore
// it, and all 5 print in scan order. The built browser host runs as its own process; Sendcloud
// (the simulator behind a cuttable proxy) and the printer live in this test process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { msg } from '../../src-shared/messages';
import { launchChromium, screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { startCuttableProxy, type CuttableProxy } from '../helpers/proxy';
import { tempDir } from '../helpers/tmp';
import { startWebHost, type RunningWebHost } from '../helpers/web-host';
import { bytesFor203Printer } from '../helpers/printed';

describe('offline in the real UI (Chromium, browser host, simulator behind a cut, TCP printer)', () => {
  const data = tempDir();
  let simulator: Simulator;
  let proxy: CuttableProxy;
  let printer: VirtualPrinter;
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    simulator = await startSimulator();
    proxy = await startCuttableProxy(simulator.url);
    printer = await startVirtualPrinter();
    host = await startWebHost({
      PACKDESK_SENDCLOUD_URL: proxy.url,
      PACKDESK_SENDCLOUD_PUBLIC_KEY: simulator.keys.publicKey,
      PACKDESK_SENDCLOUD_SECRET_KEY: simulator.keys.secretKey,
      PACKDESK_PRINTER: `tcp://${printer.host}:${printer.port}`,
      PACKDESK_DATA_DIR: data.dir,
      PACKDESK_PROBE_INTERVAL_MS: '200',
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    await page.getByTestId('scan-input').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await printer?.close();
    await proxy?.close();
    await simulator?.close();
    data.cleanup();
  });

  it('queues 5 scans while Sendcloud is cut off, and prints all 5 in scan order once it is back', async () => {
    const orders = simulator.orders().slice(0, 5);
    const scanOrder = orders.map((order) => order.order_number);
    expect(scanOrder).toHaveLength(5);
    // Scans resolve offline from the order cache: wait for the first sync to fill it.
    // The header says when they were read; the time itself is the page's to format.
    const say = await speakerFor('en');
    const count = simulator.orders().length;
    const synced = say(msg('header.orders.synced', { count, time: '' })).trim();
    const never = say(msg('header.orders.never', { count }));
    const fact = page.getByTestId('orders-fact').first();
    const shown = async () => ((await fact.textContent()) ?? '').trim();
    await expect
      .poll(async () => (await shown()).startsWith(synced) && (await shown()) !== never, {
        timeout: 30_000,
      })
      .toBe(true);

    proxy.cut();
    const result = page.getByTestId('scan-result');
    await page.getByTestId('scan-input').focus();
    for (const code of scanOrder) {
      await wedgeScan(page, code);
      await result
        .and(page.locator('[data-state="queued"]'))
        .filter({ has: page.getByTestId('result-order').getByText(code, { exact: true }) })
        .waitFor();
      await expect
        .poll(() => page.getByTestId('result-reason').textContent())
        // The first waits for the connection itself; the later ones wait behind it.
        .toBeOneOf([say(msg('scan.waiting.offline')), say(msg('job.waiting.offline'))]);
    }

    const banner = page.getByTestId('offline-banner');
    await banner.waitFor();
    await expect.poll(() => page.getByTestId('offline-queue-length').textContent()).toBe('5');
    await expect
      .poll(() => page.locator('[data-testid="recent-row"][data-state="queued"]').count())
      .toBe(5);
    // Nothing reached Sendcloud or the printer while the cable was out.
    expect(simulator.ledger).toHaveLength(0);
    expect(printer.jobs).toHaveLength(0);
    await page.screenshot({ path: screenshotPath('offline-queued'), fullPage: true });

    proxy.restore();
    const jobs = await printer.waitForJobs(5, 30_000);
    const labels = await Promise.all(
      scanOrder.map((code) => {
        const made = simulator.labelsFor(code);
        expect(made, code).toHaveLength(1);
        return bytesFor203Printer(made[0]!);
      }),
    );
    expect(jobs.map((job) => job.bytes)).toEqual(labels);

    await banner.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('[data-testid="recent-row"][data-state="printed"]').count())
      .toBe(5);
    await result.and(page.locator('[data-state="printed"]')).waitFor();
    await page.screenshot({ path: screenshotPath('offline-drained'), fullPage: true });
    expect(printer.jobs).toHaveLength(5);
  });
});
