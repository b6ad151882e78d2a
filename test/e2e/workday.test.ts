// A packer's day through the real station, nothing faked between the page and the simulator:
// sign in by badge, scan an order, find its shipment, reprint it, void it, and see it on the Day
// screen under that packer. Screens of Shipments and Day are taken in Dutch and French too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { msg, type Message } from '../../src-shared/messages';
import { screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { addPacker } from '../helpers/signed-in';
import { startStationPage, type StationPage } from '../helpers/station-page';

describe('a packer’s day (Chromium, browser host, simulator, TCP printer)', () => {
  let rig: StationPage;
  let page: Page;
  let say: (message: Message) => string;

  beforeAll(async () => {
    say = await speakerFor('en');
    rig = await startStationPage({ viewport: { width: 1366, height: 768 } });
    ({ page } = rig);
  });

  afterAll(() => rig?.close());

  const rowOf = (parcelId: string) =>
    page.locator(`[data-testid="shipments-row"][data-parcel-id="${parcelId}"]`);

  it('signs in by badge, scans, reprints and voids the label, and counts it for that packer', async () => {
    // A supervisor sets the station up; the packer signs in with the badge.
    await page.getByTestId('nav-packers').click();
    await page.getByTestId('screen-packers').waitFor();
    await addPacker(page, 'Sam', 'supervisor', '1357');
    await addPacker(page, 'Pat', 'packer', '2468');
    const patRow = page.locator('tr', {
      has: page.getByRole('cell', { name: 'Pat', exact: true }),
    });
    const badge = (await patRow.getByTestId('packer-badge').textContent())?.trim() ?? '';
    await page.getByTestId('session-lock').click();
    await page.getByTestId('sign-in').waitFor();
    await wedgeScan(page, badge);
    await page.getByTestId('sign-in').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('session-packer').textContent()).toBe('Pat');

    // Pat scans an order; the label prints.
    await page.getByTestId('nav-scan').click();
    const order = rig.simulator
      .orders()
      .find((o) => !o.shipping_option_code.startsWith('colissimo:'));
    if (!order) throw new Error('no order');
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await wedgeScan(page, order.order_number);
    await page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="printed"]'))
      .waitFor({ timeout: 20_000 });
    await rig.printer.waitForJobs(1);

    // Shipments: found by its order number, made by Pat.
    await page.getByTestId('nav-shipments').click();
    await page.getByTestId('screen-shipments').waitFor();
    await page.getByTestId('shipments-search').fill(order.order_number);
    const row = page.getByTestId('shipments-row').first();
    await row.waitFor();
    expect(await page.getByTestId('shipments-row').count()).toBe(1);
    const parcelId = (await row.getAttribute('data-parcel-id')) ?? '';
    expect(await row.textContent()).toContain('Pat');
    expect(await row.getAttribute('data-state')).toBe('printed');
    await page.screenshot({ path: screenshotPath('workday-shipments-en'), fullPage: true });

    // A barcode scanned while the table has the focus is a scan, not the R and V keys in it.
    await page.getByTestId('shipments-grid').focus();
    await page.keyboard.press('Home');
    await wedgeScan(page, 'PD-RV-99');
    await page.getByTestId('scan-ticker-code').filter({ hasText: 'PD-RV-99' }).waitFor();
    expect(await page.getByTestId('reprint-form').count()).toBe(0);
    expect(await page.getByTestId('void-confirm').count()).toBe(0);

    // Reprint from the keyboard: R, a reason, the label printer; the printer gets it again.
    await page.getByTestId('shipments-grid').focus();
    await page.keyboard.press('r');
    await page.getByTestId('reprint-form').waitFor();
    await page.keyboard.press('Space');
    await page.getByTestId('reprint-confirm').click();
    await expect
      .poll(() => page.getByTestId('shipment-reprint-result').textContent())
      .toBe(say(msg('ui.shipments.reprint.sent')));
    const jobs = await rig.printer.waitForJobs(2);
    expect(jobs[1]?.bytes.equals(jobs[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
    await expect.poll(() => rowOf(parcelId).getAttribute('data-state')).toBe('reprinted');

    // Void on the day it was made: free, said before the yes; Sendcloud cancels it.
    await page.getByTestId('shipments-grid').focus();
    await page.keyboard.press('v');
    const confirm = page.getByTestId('void-confirm');
    await confirm.waitFor();
    expect(await confirm.getAttribute('data-window')).toBe('free');
    await page.getByTestId('void-confirm-button').click();
    await expect.poll(() => rowOf(parcelId).getAttribute('data-state')).toBe('voided');
    // Once Sendcloud has cancelled it, the panel says so, not that it still waits.
    await expect
      .poll(() => page.getByTestId('shipment-void-result').textContent())
      .toBe(say(msg('ui.shipments.void.done')));
    const history = page.getByTestId('shipment-history');
    await expect
      .poll(async () => (await history.locator('li').count()) >= 5, { timeout: 10_000 })
      .toBe(true);

    // The Day screen counts the label, the reprint and the void, under Pat.
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-day').click();
    await page.getByTestId('day-counts').waitFor();
    // The figures as the station computes them, asked through the page's own contract.
    const summary = await page.evaluate(async () => {
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
      const result = await window.packdesk.day.summary({ day });
      if (!result.ok) throw new Error(result.error.key);
      return result.value;
    });
    const pat = summary.byPacker.find((p) => p.name === 'Pat');
    expect(pat).toMatchObject({ labels: 1, reprints: 1 });
    expect(summary.counts).toMatchObject({ made: 1, reprinted: 1, voided: 1 });
    // The account by its name, also when its keys come from the environment.
    expect(summary.byAccount).toEqual([
      { accountId: 'env', name: 'Sendcloud (environment)', labels: 1 },
    ]);
    const patDay = page.getByTestId(`day-packer-${pat?.packerId}`);
    await patDay.waitFor();
    expect(await patDay.textContent()).toContain('Pat');
    await expect
      .poll(() => page.getByTestId('day-count-made').textContent())
      .toContain(String(summary.counts.made));
    await page.screenshot({ path: screenshotPath('workday-day-en'), fullPage: true });

    // An exception opens its shipment's details on the Shipments screen.
    await page.getByTestId('day-exception-open').first().click();
    const details = page.getByTestId('shipment-details');
    await details.waitFor();
    expect(await details.getAttribute('data-parcel-id')).toBe(parcelId);
    await page.keyboard.press('Escape');

    // The same two screens in Dutch and French.
    for (const language of ['nl', 'fr'] as const) {
      await page.getByTestId('language-picker').selectOption(language);
      await page.getByTestId('nav-day').click();
      await page.getByTestId('day-counts').waitFor();
      await page.screenshot({ path: screenshotPath(`workday-day-${language}`), fullPage: true });
      await page.getByTestId('nav-shipments').click();
      await page.getByTestId('shipments-row').first().waitFor();
      await page.screenshot({
        path: screenshotPath(`workday-shipments-${language}`),
        fullPage: true,
      });
    }
    await page.getByTestId('language-picker').selectOption('en');
  });
});
