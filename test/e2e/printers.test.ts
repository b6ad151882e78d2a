// The Printers set-up and live printer status, end to end: the built browser host in demo mode
// (its own virtual printer takes labels), real Chromium, and a second virtual printer in this
// test process that a packer adds by host:port. Faults staged on either printer must show in the
// header, hold labels back, and release each label exactly once when cleared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator } from '../../src-main/simulator/index';
import { msg, type Message } from '../../src-shared/messages';
import { launchChromium, screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { closedPort } from '../helpers/net';
import { tempDir } from '../helpers/tmp';
import { startWebHost, type RunningWebHost } from '../helpers/web-host';

describe('printers in the real UI (Chromium, browser host in demo mode, a TCP printer to add)', () => {
  const data = tempDir();
  let orders: string[] = [];
  /** A label made for the 203 dpi built-in printer, to reprint on the 300 dpi one. */
  let builtInTracking = '';
  /** A 300 dpi printer: demo labels are 203 dpi, so labels printed on it carry a warning. */
  let bench: VirtualPrinter;
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  /** The English catalogue's words for a key and its params: what the screen must show. */
  let say: (message: Message) => string;
  const paperOut = () => say(msg('ui.printers.fault.paper-out'));

  const header = {
    name: () => page.getByTestId('printer-name'),
    status: () => page.getByTestId('printer-status'),
  };
  const row = (name: string): Locator =>
    page.getByTestId('printer-row').filter({
      has: page.getByTestId('printer-row-name').getByText(name, { exact: true }),
    });
  const result = (state: string, code: string): Locator =>
    page
      .getByTestId('scan-result')
      .and(page.locator(`[data-state="${state}"]`))
      .filter({ has: page.getByTestId('result-order').getByText(code, { exact: true }) });
  const focusedTestId = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const openPrinters = async () => {
    if (await page.getByTestId('printers-panel').isVisible()) return;
    await page.getByTestId('nav-printers').click();
    await page.getByTestId('printers-panel').waitFor();
  };

  beforeAll(async () => {
    // The demo seed is deterministic: the same orders the default simulator makes.
    const reference = await startSimulator();
    // Carriers with native ZPL labels, so a label made for the built-in 203 dpi printer is ZPL.
    orders = reference
      .orders()
      .filter((order) => !order.shipping_option_code.startsWith('colissimo'))
      .map((order) => order.order_number);
    await reference.close();
    say = await speakerFor('en');
    bench = await startVirtualPrinter({ dpi: 300 });
    host = await startWebHost({ PACKDESK_DATA_DIR: data.dir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    await page.getByTestId('scan-input').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await bench?.close();
    data.cleanup();
  });

  it('shows the built-in virtual printer Ready in the header, and opens the Printers screen from the keyboard', async () => {
    expect(host.output()).toMatch(/Demo mode/);
    await expect.poll(() => header.name().textContent()).toBe('Virtual ZPL printer');
    await expect
      .poll(() => header.status().textContent())
      .toBe(say(msg('ui.printers.status.ready')));
    expect(await header.status().getAttribute('data-tone')).toBe('ready');

    // Settings → Printers is reached from the nav with the keyboard, as any screen is.
    const link = page.getByTestId('nav-printers');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('printers-panel').waitFor();
    expect(await link.getAttribute('aria-current')).toBe('page');
    // Focus lands on the panel's heading, as it does for the queue panel.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('printers-title');

    // The built-in printer is listed, ready, and says why it has no Remove button.
    const builtIn = row('Virtual ZPL printer');
    await expect.poll(() => builtIn.getAttribute('data-tone')).toBe('ready');
    await expect.poll(() => builtIn.getByTestId('printer-fixed').textContent()).toMatch(/demo/);
    expect(await builtIn.getByTestId('printer-remove').count()).toBe(0);
    expect(await page.getByTestId('route-zpl-label').inputValue()).not.toBe('');

    // Escape closes it and puts the packer back in the scan field.
    await page.keyboard.press('Escape');
    await page.getByTestId('printers-panel').waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('scan-input');
  });

  it('adds a network printer by host:port, shows it Ready with the dpi it reports, and test-prints to it', async () => {
    await openPrinters();
    await page.getByTestId('add-printer-name').fill('Bench 2');
    await page.getByTestId('add-printer-address').fill(`127.0.0.1:${bench.port}`);
    await page.getByTestId('add-printer-submit').click();
    await page.getByTestId('add-printer-done').waitFor();

    const added = row('Bench 2');
    await expect.poll(() => added.getAttribute('data-tone'), { timeout: 10_000 }).toBe('ready');
    expect(await added.getByTestId('printer-row-status').textContent()).toBe(
      say(msg('ui.printers.status.ready')),
    );
    expect(await added.textContent()).toContain(`127.0.0.1:${bench.port}`);
    // Set up as 203 dpi; the printer says 300 itself, and that is what labels are made for.
    await expect
      .poll(async () => (await added.getByTestId('printer-reported-dpi').textContent())?.trim())
      .toBe(say(msg('ui.printers.row.reportedDpi', { dpi: 300 })));
    // The first real printer takes labels over from demo mode's stand-in.
    await expect.poll(() => header.name().textContent()).toBe('Bench 2');
    expect(await page.getByTestId('route-zpl-label').locator('option:checked').textContent()).toBe(
      'Bench 2',
    );
    await page.screenshot({ path: screenshotPath('printers-panel'), fullPage: true });

    expect(bench.jobs).toHaveLength(0);
    await added.getByTestId('printer-test').click();
    await expect
      .poll(() => added.getByTestId('printer-test-result').textContent(), { timeout: 15_000 })
      .toMatch(/^Printed\./);
    const [testPage] = await bench.waitForJobs(1);
    const zpl = testPage?.bytes.toString('utf8') ?? '';
    expect(zpl).toContain('Packdesk test print');
    expect(zpl).toContain('PACKDESK-TEST');
    // Four inches wide at the 300 dpi the printer reported.
    expect(zpl).toContain('^PW1200');
    expect(bench.jobs).toHaveLength(1);
  });

  it('explains a bad address next to the field and sends nothing; an unreachable printer says so', async () => {
    await openPrinters();
    const rows = await page.getByTestId('printer-row').count();
    const address = page.getByTestId('add-printer-address');
    await page.getByTestId('add-printer-name').fill('Typo');
    await address.fill('printer.local:99999');
    await page.getByTestId('add-printer-submit').click();
    await expect
      .poll(() => page.getByTestId('add-printer-error').textContent())
      .toContain(say(msg('rules.address.badPort', { port: '99999', defaultPort: 9100 })));
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedTestId()).toBe('add-printer-address');
    expect(await page.getByTestId('printer-row').count()).toBe(rows);
    // Editing the field puts the message away.
    await address.fill('10.0.0.300:9100');
    expect(await page.getByTestId('add-printer-error').count()).toBe(0);
    await page.getByTestId('add-printer-submit').click();
    await expect
      .poll(() => page.getByTestId('add-printer-error').textContent())
      .toContain(say(msg('rules.address.badIp', { host: '10.0.0.300' })));

    // A well-formed address nothing answers at: it is added, and says it is unreachable.
    const nobody = await closedPort();
    await page.getByTestId('add-printer-name').fill('Nobody home');
    await address.fill(`127.0.0.1:${nobody}`);
    await page.getByTestId('add-printer-submit').click();
    const gone = row('Nobody home');
    await expect.poll(() => gone.getAttribute('data-tone'), { timeout: 10_000 }).toBe('offline');
    expect(await gone.getByTestId('printer-row-status').textContent()).toBe(
      say(msg('ui.printers.status.unreachable')),
    );
    await gone.getByTestId('printer-test').click();
    await expect
      .poll(() => gone.getByTestId('printer-row-error').textContent(), { timeout: 10_000 })
      .toMatch(/The test print failed: .*unreachable/i);
    await gone.getByTestId('printer-row-retry').waitFor();

    // Remove asks first, with the safe answer focused.
    await gone.getByTestId('printer-remove').click();
    expect(await focusedTestId()).toBe('printer-remove-keep');
    await gone.getByTestId('printer-remove-confirm').click();
    await gone.waitFor({ state: 'detached' });
    expect(await page.getByTestId('printer-row').count()).toBe(rows);
  });

  it('keeps the wedge scanner working on the Printers screen, without eating what is typed', async () => {
    await openPrinters();
    const order = orders[0];
    if (!order) throw new Error('no demo order');
    const name = page.getByTestId('add-printer-name');
    await name.fill('Half typed');
    await name.focus();
    await wedgeScan(page, order);
    // The Printers screen stays open; the ticker says how the scan went.
    const ticker = page.getByTestId('scan-ticker');
    await ticker
      .and(page.locator('[data-state="printed"]'))
      .filter({ hasText: order })
      .waitFor({ timeout: 20_000 });
    expect(await name.inputValue()).toBe('Half typed');

    // Typing at a person's pace and pressing Enter is the form's, not a scan.
    const address = page.getByTestId('add-printer-address');
    await address.fill('');
    await address.focus();
    await page.keyboard.type('bad:0', { delay: 90 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('add-printer-error').textContent())
      .toContain(say(msg('rules.address.badPort', { port: '0', defaultPort: 9100 })));
    expect(await ticker.getAttribute('data-state')).toBe('printed');
    await name.fill('');
    await address.fill('');

    // A burst on a focused select must not pick an option by its first letter: "3…" would
    // otherwise turn Bench 2 into a 300 dpi printer on the way to being a scan.
    const dpi = row('Bench 2').getByTestId('printer-dpi');
    await dpi.focus();
    await wedgeScan(page, '300000000001');
    await ticker
      .and(page.locator('[data-state="failed"]'))
      .filter({ hasText: '300000000001' })
      .waitFor({ timeout: 20_000 });
    expect(await dpi.inputValue()).toBe('203');
    expect(await row('Bench 2').textContent()).toContain('ZPL · 203 dpi');
  });

  it('finds printers on USB and in the OS queues, or says what could not be searched', async () => {
    await openPrinters();
    await page.getByTestId('printers-discover').click();
    const results = page.getByTestId('discovery-results');
    await results.waitFor({ timeout: 30_000 });
    const found = await page.getByTestId('discovered-printer').count();
    const notes = await page.getByTestId('discovery-notes').locator('li').count();
    expect(found + notes).toBeGreaterThan(0);
    expect(await page.getByTestId('printers-discover').textContent()).toBe(
      say(msg('ui.printers.find.again')),
    );
  });

  it('stages Paper out on the built-in printer from the demo faults panel: a scan queues, then prints', async () => {
    await openPrinters();
    await page.getByTestId('route-zpl-label').selectOption({ label: 'Virtual ZPL printer' });
    await expect.poll(() => header.name().textContent()).toBe('Virtual ZPL printer');
    await page.keyboard.press('Escape');
    await page.getByTestId('demo-faults-toggle').click();
    await page.getByTestId('demo-printer-fault-paper-out').check();
    await expect.poll(() => header.status().textContent()).toBe(paperOut());
    expect(await header.status().getAttribute('data-tone')).toBe('fault');
    const banner = page.getByTestId('printer-banner');
    await expect
      .poll(() => banner.getByTestId('printer-banner-headline').textContent())
      .toBe(
        say(msg('header.banner.printer.title', { problem: msg('ui.printers.fault.paper-out') })),
      );
    expect(await banner.textContent()).toContain('Virtual ZPL printer');
    expect(await banner.textContent()).toContain(say(msg('header.banner.printer.keepScanning')));
    await page.getByTestId('demo-faults').getByRole('button', { name: 'Close' }).click();
    await page.screenshot({ path: screenshotPath('printer-paper-out'), fullPage: true });

    const order = orders[1];
    if (!order) throw new Error('no demo order');
    await page.getByTestId('scan-input').focus();
    await wedgeScan(page, order);
    await result('queued', order).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('result-reason').textContent()).toContain(paperOut());

    await page.getByTestId('demo-faults-toggle').click();
    await page.getByTestId('demo-printer-fault-paper-out').uncheck();
    await expect
      .poll(() => header.status().textContent())
      .toBe(say(msg('ui.printers.status.ready')));
    await banner.waitFor({ state: 'detached' });
    await page.getByTestId('demo-faults').getByRole('button', { name: 'Close' }).click();
    await result('printed', order).waitFor({ timeout: 20_000 });
    // The built-in printer lives in the host process, out of this test's reach: its jobs cannot
    // be counted, so the exactly-once count is taken on Bench 2 in the next test.
    const rows = page.getByTestId('recent-row').filter({ hasText: order });
    expect(await rows.count()).toBe(1);
    builtInTracking = (await page.getByTestId('result-tracking').textContent()) ?? '';
    expect(builtInTracking).not.toBe('');
  });

  it('routes labels to the added printer, holds one through its paper-out and prints it exactly once', async () => {
    await openPrinters();
    await page.getByTestId('route-zpl-label').selectOption({ label: 'Bench 2' });
    await expect.poll(() => header.name().textContent()).toBe('Bench 2');
    await expect
      .poll(() => header.status().textContent())
      .toBe(say(msg('ui.printers.status.ready')));

    // The printer runs out by itself: the station's poll sees it without anyone asking.
    bench.setFaults(['paper-out']);
    await expect.poll(() => header.status().textContent(), { timeout: 15_000 }).toBe(paperOut());
    await expect
      .poll(() => page.getByTestId('printer-banner-headline').textContent())
      .toBe(
        say(msg('header.banner.printer.title', { problem: msg('ui.printers.fault.paper-out') })),
      );
    expect(await page.getByTestId('printer-banner').textContent()).toContain('Bench 2');
    await expect.poll(() => row('Bench 2').getAttribute('data-tone')).toBe('fault');

    const before = bench.jobs.length;
    const order = orders[2];
    if (!order) throw new Error('no demo order');
    // Back to the scan screen (F1), where the result shows in full.
    await page.keyboard.press('F1');
    await page.getByTestId('scan-input').focus();
    await wedgeScan(page, order);
    await result('queued', order).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('result-reason').textContent()).toContain(paperOut());
    await page.screenshot({ path: screenshotPath('printer-paper-out-queued'), fullPage: true });
    // Nothing went to a printer with no paper.
    expect(bench.jobs).toHaveLength(before);

    bench.setFaults([]);
    const jobs = await bench.waitForJobs(before + 1, 20_000);
    await result('printed', order).waitFor({ timeout: 20_000 });
    await page.getByTestId('printer-banner').waitFor({ state: 'detached' });
    const label = jobs[before]?.bytes.toString('utf8') ?? '';
    expect(label).toContain('^XA');
    expect(label).not.toContain('Packdesk test print');
    // Made for this printer's 300 dpi from the start: nothing for the packer to check.
    expect(await page.getByTestId('result-warning').count()).toBe(0);

    // Ask the printers again: nothing more arrives, the label printed once.
    await openPrinters();
    await page.getByTestId('printers-refresh').click();
    await expect.poll(() => page.getByTestId('printers-refresh').textContent()).toBe('Check now');
    expect(bench.jobs).toHaveLength(before + 1);
    expect(bench.printed).toHaveLength(before + 1);
  }, 90_000);

  it('reprints a label made for the 203 dpi printer on the 300 dpi one, and says so in amber', async () => {
    const before = bench.jobs.length;
    await page.keyboard.press('F1');
    await page.getByTestId('scan-input').focus();
    await wedgeScan(page, builtInTracking);
    const reprinted = page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="printed"]'))
      .filter({ hasText: 'Reprinted' });
    await reprinted.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByTestId('result-warning').textContent())
      .toMatch(/203 dpi.*300 dpi/);
    await page.screenshot({ path: screenshotPath('printer-label-warning'), fullPage: true });
    await bench.waitForJobs(before + 1);
    expect(bench.jobs).toHaveLength(before + 1);
  });

  it('removes the added printer after confirmation, and labels go back to the built-in printer', async () => {
    await openPrinters();
    const added = row('Bench 2');
    await added.getByTestId('printer-remove').click();
    await expect.poll(() => added.textContent()).toMatch(/It takes ZPL labels/);
    await added.getByTestId('printer-remove-confirm').click();
    await added.waitFor({ state: 'detached' });
    await expect.poll(() => header.name().textContent()).toBe('Virtual ZPL printer');
    await expect
      .poll(() => header.status().textContent())
      .toBe(say(msg('ui.printers.status.ready')));
  });
});
