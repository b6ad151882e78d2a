import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { msg, type Message } from '../../src-shared/messages';
import { launchChromium, screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { startStationPage, type StationPage } from '../helpers/station-page';
import { tempDir } from '../helpers/tmp';
import { startWebHost, type RunningWebHost } from '../helpers/web-host';

describe('scan to print in the real UI (Chromium, browser host, simulator, TCP printer)', () => {
  let rig: StationPage;
  let simulator: Simulator;
  let printer: VirtualPrinter;
  let page: Page;
  /** The English catalogue's words for a key and its params: what the screen must show. */
  let say: (message: Message) => string;

  beforeAll(async () => {
    say = await speakerFor('en');
    rig = await startStationPage({ viewport: { width: 1280, height: 860 } });
    ({ simulator, printer, page } = rig);
  });

  afterAll(() => rig?.close());

  it('prints the label Sendcloud issued for a wedge scan and shows green with the tracking number', async () => {
    const order = simulator.orders()[0];
    if (!order) throw new Error('the simulator has no orders');
    // The scan lands wherever the focus is: put it on the page body, not the scan field.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await wedgeScan(page, order.order_number);

    const result = page.getByTestId('scan-result');
    await result.and(page.locator('[data-state="printed"]')).waitFor({ timeout: 20_000 });
    const issued = simulator.ledger.find((entry) => entry.orderNumber === order.order_number);
    expect(issued).toBeDefined();
    await expect
      .poll(() => page.getByTestId('result-tracking').textContent())
      .toContain(issued?.trackingNumber ?? 'missing');

    const [job] = await printer.waitForJobs(1);
    expect(job?.bytes.equals(issued?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(simulator.ledger.filter((e) => e.orderNumber === order.order_number)).toHaveLength(1);

    const row = page.getByTestId('recent-row').first();
    await expect.poll(() => row.textContent()).toContain(issued?.trackingNumber ?? 'missing');
    await page.screenshot({ path: screenshotPath('scan-printed'), fullPage: true });

    // The printed label can be looked at: main renders the stored ZPL to a picture.
    await row.getByRole('button', { name: /label/i }).click();
    const preview = page.getByTestId('label-preview').locator('img');
    await preview.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(812);
    await page.screenshot({ path: screenshotPath('label-preview'), fullPage: true });
    await page.keyboard.press('Escape');
  });

  it('shows red with the reason for an unknown order, and prints nothing', async () => {
    const before = printer.jobs.length;
    await page.getByTestId('scan-input').focus();
    await wedgeScan(page, 'PD-99999');
    const result = page.getByTestId('scan-result');
    await result.and(page.locator('[data-state="failed"]')).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByTestId('result-reason').textContent())
      .toBe(say(msg('error.orderNotFound', { code: 'PD-99999' })));
    expect(printer.jobs.length).toBe(before);
    await page.screenshot({ path: screenshotPath('scan-unknown-order'), fullPage: true });
  });

  it('does not treat slow typing in the field as a scan until Enter, and then submits it once', async () => {
    const order = simulator.orders()[1];
    if (!order) throw new Error('the simulator has no second order');
    const input = page.getByTestId('scan-input');
    await input.focus();
    await page.keyboard.type(order.order_number, { delay: 120 });
    // Nothing happened yet: slow typing is not a scan.
    expect(simulator.ledger.filter((e) => e.orderNumber === order.order_number)).toHaveLength(0);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="printed"]'))
      .filter({ hasText: order.order_number })
      .waitFor({ timeout: 20_000 });
    expect(simulator.ledger.filter((e) => e.orderNumber === order.order_number)).toHaveLength(1);
  });
});

describe('demo mode', () => {
  const data = tempDir();
  let host: RunningWebHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startWebHost({ PACKDESK_DATA_DIR: data.dir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.cleanup();
  });

  it('runs with no account: a demo banner, seeded orders and the virtual printer', async () => {
    expect(host.output()).toMatch(/Demo mode/);
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(host.url);
    await page.getByTestId('demo-banner').waitFor();
    // The demo seed is deterministic: the same orders the default simulator makes.
    const reference = await startSimulator();
    const order = reference.orders()[2];
    await reference.close();
    // reference.orders() stays readable after close: it is the demo's deterministic seed.
    if (!order) throw new Error('no demo order');
    await wedgeScan(page, order.order_number);
    await page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="printed"]'))
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('demo-mode'), fullPage: true });

    // Demo faults: make the embedded Sendcloud fail every call, and see the reason on screen.
    await page.getByTestId('demo-faults-toggle').click();
    await page.getByTestId('demo-errorRate').fill('100');
    await page.getByTestId('demo-errorStatus').selectOption('503');
    await page.screenshot({ path: screenshotPath('demo-faults'), fullPage: true });
    await page.getByTestId('demo-apply').click();
    await page.getByTestId('demo-faults').waitFor({ state: 'detached' });
    const next = reference.orders()[3];
    if (!next) throw new Error('no demo order');
    await wedgeScan(page, next.order_number);
    const say = await speakerFor('en');
    // A Sendcloud bad minute queues the scan (it is safe in the outbox) instead of failing it.
    await page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="queued"]'))
      .waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByTestId('result-reason').textContent())
      .toBe(say(msg('job.waiting.sendcloudTrouble')));
    await page.screenshot({ path: screenshotPath('demo-faults-queued'), fullPage: true });

    // Faults off again: the queued scan prints by itself, without scanning it again.
    await page.getByTestId('demo-faults-toggle').click();
    await page.getByTestId('demo-errorRate').fill('0');
    await page.getByTestId('demo-apply').click();
    await page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="printed"]'))
      .filter({ hasText: next.order_number })
      .waitFor({ timeout: 20_000 });
  });
});
