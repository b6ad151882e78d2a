// A return end to end (Chromium, browser host, simulator, TCP printer): a scanned order's label,
// then on the Shipments screen T on its row, the label chosen and confirmed from the keyboard;
// Sendcloud holds one return, its label comes out of the printer, the Returns tab lists it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { msg } from '../../src-shared';
import { screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { rawApi } from '../helpers/raw-api';
import { startStationPage, type StationPage } from '../helpers/station-page';

describe('a return from the Shipments screen, by the keyboard', () => {
  let rig: StationPage;
  let page: Page;

  beforeAll(async () => {
    rig = await startStationPage({ viewport: { width: 1366, height: 768 } });
    page = rig.page;
  });
  afterAll(() => rig?.close());

  it('T on a shipment, the label chosen with Space, Enter: one return, its label printed, listed', async () => {
    const order = rig.simulator.orders()[0];
    if (!order) throw new Error('the simulator has no orders');
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await wedgeScan(page, order.order_number);
    await page
      .getByTestId('scan-result')
      .and(page.locator('[data-state="printed"]'))
      .waitFor({ timeout: 20_000 });
    await rig.printer.waitForJobs(1);
    const say = await speakerFor('en');

    await page.keyboard.press('F3');
    await page.locator('[data-testid="shipments-table"][data-complete="true"]').waitFor();
    await page.getByTestId('shipments-grid').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('t');
    await page.getByTestId('return-form').waitFor();
    // Nothing is chosen for the packer: the first choice has the focus, the confirm waits.
    expect(await page.getByTestId('return-confirm').isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'return-delivery-label',
    );
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'return-confirm',
    );
    await page.keyboard.press('Enter');

    const result = page.locator('[data-testid="return-result"][data-state="made"]');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.textContent()).toContain(say(msg('ui.returns.made.label')));
    await rig.printer.waitForJobs(2);

    const today = new Date().toISOString().slice(0, 10);
    const listed = await rawApi(rig.simulator).get(
      `/api/v3/returns?from_date=${today}%2000:00:00&to_date=${today}%2023:59:59`,
    );
    const returns = (listed.json as { data: { id: number }[] }).data;
    expect(returns).toHaveLength(1);
    await page.screenshot({ path: screenshotPath('returns-made') });

    await page.getByTestId('shipments-tab-returns').click();
    const row = page.locator(`[data-testid="return-row"][data-return-id="${returns[0]?.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('ready-to-send');
  });
});
