// The app frame end to end: every screen by its shortcut and by the nav, from a form field too;
// the wedge scanner printing from a screen that is not Scan; and each screen at the two window
// sizes a warehouse uses, with the scan result and the last scans in sight at 1366×768.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { navItems } from '../../src-renderer/frame/navigation';
import type { ScreenId } from '../../src-renderer/state/station';
import { launchChromium, screenshotPath, wedgeScan } from '../helpers/browser';
import { startStationPage, type StationPage } from '../helpers/station-page';
import { tempDir } from '../helpers/tmp';
import { startWebHost, type RunningWebHost } from '../helpers/web-host';

/** What shows that a screen is the one open. */
function screenMark(page: Page, screen: ScreenId): Locator {
  switch (screen) {
    case 'scan':
      return page.getByTestId('scan-input');
    case 'printers':
      return page.getByTestId('printers-panel');
    case 'accounts':
      return page.getByTestId('accounts-panel');
    default:
      return page.getByTestId(`screen-${screen}`);
  }
}

async function expectScreen(page: Page, screen: ScreenId): Promise<void> {
  await screenMark(page, screen).waitFor();
  expect(await page.getByTestId(`nav-${screen}`).getAttribute('aria-current')).toBe('page');
  // One screen at a time.
  expect(await page.locator('[aria-current="page"]').count()).toBe(1);
}

/** Entirely inside the window as it is, without scrolling. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  const scrolled = await page.evaluate(() => window.scrollY);
  return (
    scrolled === 0 &&
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= size.height &&
    box.x + box.width <= size.width
  );
}

describe('the app frame in the real UI (Chromium, browser host, simulator, TCP printer)', () => {
  let rig: StationPage;
  let simulator: Simulator;
  let printer: VirtualPrinter;
  let page: Page;

  beforeAll(async () => {
    rig = await startStationPage({ viewport: { width: 1366, height: 768 } });
    ({ simulator, printer, page } = rig);
  });

  afterAll(() => rig?.close());

  it('reaches every screen by its shortcut, also while the focus is in a form field', async () => {
    for (const item of navItems) {
      // The scan field is a form field, and the one a packer's focus is usually in.
      await page.getByTestId('nav-scan').click();
      await page.getByTestId('scan-input').focus();
      await page.keyboard.type('PD-1', { delay: 120 });
      await page.keyboard.press(item.key);
      await expectScreen(page, item.screen);
      await page.keyboard.press('F1');
      await expectScreen(page, 'scan');
    }
    // From a field on a set-up screen, and by Alt+digit for keyboards whose F-keys need Fn.
    await page.keyboard.press('F6');
    const name = page.getByTestId('add-printer-name');
    await name.fill('Zebra by the door');
    await name.focus();
    await page.keyboard.press('Alt+6');
    await expectScreen(page, 'accounts');
    await page.keyboard.press('Alt+4');
    await expectScreen(page, 'day');
    await page.keyboard.press('Alt+1');
    await expectScreen(page, 'scan');
    // Nothing a shortcut did was a scan.
    expect(simulator.ledger).toHaveLength(0);
    await page.getByTestId('scan-input').fill('');
  });

  it('reaches every screen by the nav, which shows each shortcut', async () => {
    for (const item of navItems) {
      const link = page.getByTestId(`nav-${item.screen}`);
      expect(await link.locator('kbd').textContent()).toBe(item.key);
      await link.click();
      await expectScreen(page, item.screen);
    }
    await page.getByTestId('nav-scan').click();
    await expectScreen(page, 'scan');
  });

  it('prints a wedge scan taken on another screen, and says where its result is', async () => {
    const order = simulator.orders()[0];
    if (!order) throw new Error('the simulator has no orders');
    await page.keyboard.press('F4');
    await expectScreen(page, 'day');
    await wedgeScan(page, order.order_number);

    const [job] = await printer.waitForJobs(1, 20_000);
    const issued = simulator.ledger.find((entry) => entry.orderNumber === order.order_number);
    expect(job?.bytes.equals(issued?.bytes ?? Buffer.alloc(0))).toBe(true);
    // Still on the screen the packer was on, with the outcome in one line.
    const ticker = page.getByTestId('scan-ticker');
    await ticker.and(page.locator('[data-state="printed"]')).waitFor({ timeout: 20_000 });
    expect(await ticker.textContent()).toContain(order.order_number);
    await expectScreen(page, 'day');
    await page.screenshot({ path: screenshotPath('frame-scan-elsewhere') });

    await page.getByTestId('scan-ticker-open').click();
    await expectScreen(page, 'scan');
    await page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="printed"]'))
      .filter({ hasText: order.order_number })
      .waitFor();
  });

  it('opens the queue from the header count on any screen', async () => {
    await page.keyboard.press('F3');
    await page.getByTestId('queue-toggle').click();
    await page.getByTestId('queue-panel').waitFor();
    await expectScreen(page, 'shipments');
    await page.screenshot({ path: screenshotPath('frame-queue-drawer-1366x768') });
    await page.getByTestId('queue-toggle').click();
    await page.getByTestId('queue-panel').waitFor({ state: 'detached' });
    await page.getByTestId('queue-toggle').click();
    await page.getByTestId('queue-panel').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('queue-panel').waitFor({ state: 'detached' });
    await expectScreen(page, 'shipments');
    await page.keyboard.press('F1');
    await page.getByTestId('queue-toggle').click();
    await page.getByTestId('queue-panel').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('queue-panel').waitFor({ state: 'detached' });
  });

  it('shows every screen calmly at 1366×768 and 1920×1080, the scan result and last scans in sight', async () => {
    // A few scans, so the recent list has rows to show.
    for (const order of simulator.orders().slice(1, 4)) {
      await wedgeScan(page, order.order_number);
      await page
        .getByTestId('scan-result')
        .and(page.locator('[data-state="printed"]'))
        .filter({ hasText: order.order_number })
        .waitFor({ timeout: 20_000 });
    }
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      for (const item of navItems) {
        await page.keyboard.press(item.key);
        await expectScreen(page, item.screen);
        await page.screenshot({
          path: screenshotPath(`frame-${item.screen}-${size.width}x${size.height}`),
        });
      }
      await page.keyboard.press('F1');
      await expectScreen(page, 'scan');
      expect(await inView(page, page.getByTestId('scan-result'))).toBe(true);
      const rows = page.getByTestId('recent-row');
      expect(await rows.count()).toBeGreaterThanOrEqual(4);
      for (let index = 0; index < 4; index += 1) {
        expect(await inView(page, rows.nth(index)), `recent row ${index}`).toBe(true);
      }
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('switches the language from the header and keeps it', async () => {
    const picker = page.getByTestId('language-picker');
    const options = await picker.locator('option').allTextContents();
    expect(options.slice(0, 4)).toEqual(['English', 'Nederlands', 'Deutsch', 'Français']);
    await picker.selectOption('de');
    await expect.poll(() => page.getByTestId('nav-shipments').textContent()).toContain('Sendungen');
    await page.screenshot({ path: screenshotPath('frame-scan-de-1366x768') });
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-shipments').textContent()).toContain('Sendungen');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    for (const item of navItems) {
      await page.keyboard.press(item.key);
      await expectScreen(page, item.screen);
      await page.screenshot({ path: screenshotPath(`frame-${item.screen}-de-1366x768`) });
    }
    await page.keyboard.press('F1');

    // The pseudo-locale is for developers only: offered once they ask for it.
    expect(await page.getByTestId('language-picker').locator('option[value="en-XA"]').count()).toBe(
      0,
    );
    await page.evaluate(() => window.localStorage.setItem('packdesk.devLanguages', '1'));
    await page.reload();
    await page.getByTestId('language-picker').selectOption('en-XA');
    await expectScreen(page, 'scan');
    await page.screenshot({ path: screenshotPath('frame-scan-pseudo-1366x768') });
    await page.getByTestId('language-picker').selectOption('en');
    await page.evaluate(() => window.localStorage.removeItem('packdesk.devLanguages'));
  });
});

describe('the app frame in demo mode, with its banner', () => {
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

  it('keeps the scan result and the last scans in sight at 1366×768 under the demo banner', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.getByTestId('demo-banner').waitFor();
    // The demo seed is deterministic: the same orders the default simulator makes.
    const reference = await startSimulator();
    const orders = reference.orders().slice(0, 4);
    await reference.close();
    for (const order of orders) {
      await wedgeScan(page, order.order_number);
      await page
        .getByTestId('scan-result')
        .and(page.locator('[data-state="printed"]'))
        .filter({ hasText: order.order_number })
        .waitFor({ timeout: 20_000 });
    }
    await page.screenshot({ path: screenshotPath('frame-scan-demo-1366x768') });
    expect(await inView(page, page.getByTestId('scan-result'))).toBe(true);
    const rows = page.getByTestId('recent-row');
    for (let index = 0; index < 4; index += 1) {
      expect(await inView(page, rows.nth(index)), `recent row ${index}`).toBe(true);
    }
  });
});
