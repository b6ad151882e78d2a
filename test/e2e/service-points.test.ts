// A service-point order whose point has closed, in the real UI (Chromium, browser host,
// simulator, TCP printer): the scan says so, lists the nearest open points of the carrier, and
// the packer picks one with the keyboard; the one label goes to that point.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../../src-main/simulator/index';
import { msg, type Message } from '../../src-shared/messages';
import { screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { startStationPage, type StationPage } from '../helpers/station-page';

describe('a closed service point replaced by keyboard (Chromium)', () => {
  let rig: StationPage;
  let simulator: Simulator;
  let page: Page;
  let say: (message: Message) => string;

  beforeAll(async () => {
    say = await speakerFor('en');
    rig = await startStationPage({
      viewport: { width: 1280, height: 900 },
      simulator: { servicePoints: true, orderCount: 3 },
    });
    ({ simulator, page } = rig);
  });

  afterAll(() => rig?.close());

  it('offers the open points of the carrier and labels the order to the one picked', async () => {
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await wedgeScan(page, 'PD-SP2');

    const result = page.getByTestId('scan-result');
    await result.and(page.locator('[data-state="failed"]')).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByTestId('result-reason').textContent())
      .toBe(say(msg('servicePoints.error.closed', { order: 'PD-SP2', point: 1_000_100 })));
    expect(simulator.labelsFor('PD-SP2')).toHaveLength(0);

    const offers = page.getByTestId('point-offer');
    await offers.first().waitFor({ timeout: 20_000 });
    const ids = await offers.evaluateAll((items) =>
      items.map((item) => Number(item.getAttribute('data-point-id'))),
    );
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).not.toContain(1_000_100);
    // Every offer is PostNL's, as the closed point was.
    for (const text of await offers.allTextContents()) expect(text).toContain('PostNL');
    await page.screenshot({ path: screenshotPath('service-point-offers'), fullPage: true });

    // The list has the focus: ↓ moves to the second point, Enter picks it.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => offers.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');

    await result.and(page.locator('[data-state="printed"]')).waitFor({ timeout: 20_000 });
    const point = page.getByTestId('service-point');
    await expect.poll(() => point.getAttribute('data-point-id')).toBe(String(ids[1]));
    expect(simulator.labelsFor('PD-SP2')).toHaveLength(1);
    const order = simulator.orders().find((o) => o.order_number === 'PD-SP2');
    expect(order?.order.service_point_details).toEqual({ id: String(ids[1]) });
    await rig.printer.waitForJobs(1);
    await page.screenshot({ path: screenshotPath('service-point-replaced'), fullPage: true });
  });
});
