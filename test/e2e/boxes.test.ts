// Several boxes in the real UI (Chromium, browser host, simulator, TCP printer): a command
// barcode PD:BOXES:2 then the order's scan prints two labels, and the next-label panel shows the
// boxes until the label takes them; Alt+B sets them by keyboard, Escape clears them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { VirtualPrinter } from '../../src-main/printing/virtual-printer';
import type { Simulator } from '../../src-main/simulator/index';
import { msg, type Message } from '../../src-shared/messages';
import { screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { startStationPage, type StationPage } from '../helpers/station-page';

describe('an order in several boxes, in the real UI', () => {
  let rig: StationPage;
  let simulator: Simulator;
  let printer: VirtualPrinter;
  let page: Page;
  let say: (message: Message) => string;

  beforeAll(async () => {
    say = await speakerFor('en');
    rig = await startStationPage({ viewport: { width: 1280, height: 860 } });
    ({ simulator, printer, page } = rig);
  });

  afterAll(() => rig?.close());

  it('prints two labels for PD:BOXES:2 and the order, the panel showing the boxes until used', async () => {
    const order = simulator.orders()[0];
    if (!order) throw new Error('the simulator has no orders');
    const panel = page.getByTestId('next-label');
    await expect.poll(() => panel.getAttribute('data-boxes')).toBe('1');

    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await wedgeScan(page, 'PD:BOXES:2');
    await expect.poll(() => panel.getAttribute('data-boxes')).toBe('2');
    await expect
      .poll(() => page.getByTestId('next-label-boxes').textContent())
      .toBe(say(msg('boxes.next.boxes', { boxes: 2 })));
    // The command's result says what it set, and names no order: it made no label.
    await expect
      .poll(() => page.getByTestId('result-step').textContent())
      .toBe(say(msg('scan.command.boxes', { boxes: 2 })));
    expect(await page.getByTestId('result-order').count()).toBe(0);
    expect(await page.getByTestId('result-tracking').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('boxes-next-label'), fullPage: true });

    await wedgeScan(page, order.order_number);
    // The label job took the boxes: the panel is back at one box for the next order.
    await expect.poll(() => panel.getAttribute('data-boxes')).toBe('1');
    const result = page.getByTestId('scan-result');
    await result.and(page.locator('[data-state="printed"]')).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId('result-step').textContent(), { timeout: 30_000 })
      .toBe(say(msg('boxes.step.printed', { labels: 2 })));
    await printer.waitForJobs(2, 30_000);
    const made = simulator.labelsFor(order.order_number);
    expect(made).toHaveLength(2);
    expect(new Set(made.map((entry) => entry.shipmentId)).size).toBe(1);
    const printedMarks = printer.jobs.map(
      (job) => /\^FD(Box \d+\/\d+)\^FS/.exec(job.bytes.toString('latin1'))?.[1] ?? null,
    );
    // A PDF-only carrier's label is a picture by now: the box marks are read off ZPL ones only.
    if (!order.shipping_option_code.startsWith('colissimo')) {
      expect(printedMarks).toEqual(['Box 1/2', 'Box 2/2']);
    }
    await page.screenshot({ path: screenshotPath('boxes-printed'), fullPage: true });
  });

  it('sets the boxes with Alt+B and a number, and Escape clears them', async () => {
    const panel = page.getByTestId('next-label');
    await page.getByTestId('scan-input').focus();
    await page.keyboard.press('Alt+b');
    const field = page.getByTestId('next-label-boxes-field');
    await field.waitFor();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-boxes')).toBe('4');
    // The field closed and the scan field has the focus back.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('scan-input');

    await page.keyboard.press('Alt+b');
    await field.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.getAttribute('data-boxes')).toBe('1');
    expect(await field.count()).toBe(0);
  });

  it('says before a void that it cancels every box, then shows every box voided', async () => {
    const order = simulator.orders()[0];
    if (!order) throw new Error('the simulator has no orders');
    const boxes = simulator.labelsFor(order.order_number).map((entry) => entry.parcelId);
    expect(boxes).toHaveLength(2);
    await page.keyboard.press('F3');
    await page.getByTestId('shipments-table').waitFor();
    await page.getByTestId('shipments-grid').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('v');
    await page.getByTestId('void-confirm').waitFor();
    const parcel = Number(
      await page.getByTestId('shipment-details').getAttribute('data-parcel-id'),
    );
    const nr = boxes.indexOf(parcel) + 1;
    expect(nr).toBeGreaterThan(0);
    expect(await page.getByTestId('void-all-boxes').textContent()).toBe(
      say(msg('boxes.void.all', { nr, count: 2 })),
    );
    await page.screenshot({ path: screenshotPath('boxes-void-confirm'), fullPage: true });
    await page.getByTestId('void-confirm-button').click();
    for (const parcelId of boxes) {
      await expect
        .poll(
          () =>
            page
              .locator(`[data-testid="shipments-row"][data-parcel-id="${parcelId}"]`)
              .getAttribute('data-state'),
          { timeout: 20_000 },
        )
        .toBe('voided');
    }
  });
});
