// The Batch screen end to end (Chromium, browser host, simulator, TCP printer): filter the open
// orders, choose them by keyboard and by scan, set the print order, start, watch the progress bar
// move (and follow it from the header on another screen), see the two refusals next to their
// orders, fix one and retry it, leave the other out, and print the whole batch again. What the
// printer received is read back label by label and compared with the batch's order.
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BatchDetails, CommandName, OpenOrderRow, OpenOrders } from '../../src-shared';
import type { VirtualPrinter } from '../../src-main/printing/virtual-printer';
import type { Simulator } from '../../src-main/simulator/index';
import { screenshotPath, wedgeScan } from '../helpers/browser';
import { startStationPage, type StationPage } from '../helpers/station-page';

/** The tracking number each label the printer received reads, in the order they came out. */
function printedTracking(printer: VirtualPrinter, fromJob = 0): string[] {
  return printer.jobs
    .slice(fromJob)
    .flatMap((job) => job.bytes.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [])
    .map((label) => /\^BC[^^]*\^FD([^^]+)\^FS/.exec(label)?.[1] ?? '(no barcode)');
}

describe('batch labels in the real UI', () => {
  let rig: StationPage;
  let page: Page;
  let simulator: Simulator;
  let printer: VirtualPrinter;
  let chosen: OpenOrderRow[] = [];
  let refused: OpenOrderRow[] = [];
  let scanned: OpenOrderRow | undefined;
  let batchId = '';

  const command = <T>(name: CommandName, input: unknown) =>
    page.evaluate(
      async ({ name, input }) => {
        const response = await fetch(`/api/commands/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
          credentials: 'same-origin',
        });
        return (await response.json()) as { ok: boolean; value: unknown };
      },
      { name, input },
    ) as Promise<{ ok: boolean; value: T }>;
  const shownCount = async () =>
    Number(await page.getByTestId('batch-table').getAttribute('data-count'));
  const chosenCount = async () =>
    Number(await page.getByTestId('batch-count').getAttribute('data-chosen'));
  const details = async () => (await command<BatchDetails>('batch.details', { id: batchId })).value;

  /** Change an order at Sendcloud (the simulator), as a merchant in the panel would. */
  async function patchOrder(orderNumber: string, houseNumber: string): Promise<void> {
    const order = simulator.orders().find((o) => o.order_number === orderNumber);
    if (!order) throw new Error(`no simulator order ${orderNumber}`);
    const auth = Buffer.from(`${simulator.keys.publicKey}:${simulator.keys.secretKey}`).toString(
      'base64',
    );
    const response = await fetch(`${simulator.url}/api/v3/orders/${order.id}`, {
      method: 'PATCH',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify({ shipping_address: { house_number: houseNumber } }),
    });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    rig = await startStationPage({ viewport: { width: 1440, height: 900 } });
    ({ page, simulator, printer } = rig);
    expect((await command('orders.sync', {})).ok).toBe(true);
  });

  afterAll(() => rig?.close());

  it('lists the open orders on F2 and filters them by country', async () => {
    await page.keyboard.press('F2');
    await page.getByTestId('screen-batch').waitFor();
    const all = (await command<OpenOrders>('batch.openOrders', {})).value;
    expect(all.total).toBeGreaterThan(20);
    await expect.poll(shownCount).toBe(all.total);

    const country = all.choices.countries.includes('NL') ? 'NL' : 'DE';
    await page.getByTestId('batch-filter-country').selectOption(country);
    const filtered = (
      await command<OpenOrders>('batch.openOrders', {
        filter: { country },
        sort: { field: 'order-number', direction: 'asc' },
      })
    ).value;
    await expect.poll(shownCount).toBe(filtered.total);
    expect(filtered.total).toBeLessThan(all.total);

    // The first eight shown (order number, ascending), none of a PDF-only carrier; two of them,
    // with no digit in their street, lose their house number at Sendcloud.
    chosen = filtered.rows.slice(0, 8);
    expect(chosen.every((row) => row.carrier !== 'colissimo')).toBe(true);
    refused = chosen
      .filter((row) => {
        const order = simulator.orders().find((o) => o.order_number === row.orderNumber);
        return order && !/\d/.test(order.order.shipping_address.address_line_1);
      })
      .slice(1, 3);
    expect(refused).toHaveLength(2);
    for (const row of refused) await patchOrder(row.orderNumber, '');
    // Another country's order, to scan in.
    scanned = all.rows.find((row) => row.country !== country && row.carrier !== 'colissimo');
    expect(scanned).toBeDefined();
    await page.screenshot({ path: screenshotPath('batch-filtered'), fullPage: true });
  });

  it('chooses by keyboard (Space, Shift+arrows) and adds a scanned order; a bad scan says why', async () => {
    await page.getByTestId('batch-grid').focus();
    await expect
      .poll(() =>
        page
          .locator('[data-testid="batch-row"][data-cursor="true"]')
          .getAttribute('data-order-ref'),
      )
      .toBe(chosen[0]?.orderRef);
    // Ctrl+A chooses every row shown (the filter's), and "Choose none" lets them all go.
    await page.keyboard.press('Control+a');
    await expect.poll(chosenCount).toBe(await shownCount());
    await page.getByTestId('batch-choose-none').click();
    await expect.poll(chosenCount).toBe(0);
    await page.getByTestId('batch-grid').focus();
    await page.keyboard.press('Space');
    await expect.poll(chosenCount).toBe(1);
    for (let i = 0; i < 7; i += 1) await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(chosenCount).toBe(8);
    const selectedRefs = await page
      .locator('[data-testid="batch-row"][aria-selected="true"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-order-ref')));
    expect(selectedRefs.sort()).toEqual(chosen.map((row) => row.orderRef).sort());

    // A scan on this screen adds its order, even one the filter hides, and prints nothing.
    await wedgeScan(page, scanned?.orderNumber ?? '');
    await expect
      .poll(() => page.getByTestId('batch-scan').getAttribute('data-state'))
      .toBe('added');
    await expect.poll(chosenCount).toBe(9);
    await wedgeScan(page, 'PD-99999');
    await expect
      .poll(() => page.getByTestId('batch-scan').getAttribute('data-state'))
      .toBe('failed');
    expect(await page.getByTestId('batch-scan').getAttribute('data-key')).toBe(
      'batch.scan.unknown',
    );
    expect(printer.jobs).toHaveLength(0);
  });

  it('sets the print order and starts with Enter; the bar moves and the header follows it', async () => {
    await page.getByTestId('batch-order-field').selectOption('first-sku');
    await page.getByTestId('batch-order-desc').check();
    await page.getByTestId('batch-order-chunk').fill('3');
    // Every value the bar shows, as it renders: the bar moves chunk by chunk.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { barValues: string[] }).barValues = seen;
      new MutationObserver(() => {
        const value = document
          .querySelector('[data-testid="batch-progress"]')
          ?.getAttribute('aria-valuenow');
        if (value != null && seen.at(-1) !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('batch-grid').focus();
    await page.keyboard.press('Enter');
    const open = page.getByTestId('batch-open');
    await open.waitFor();
    batchId = (await open.getAttribute('data-batch-id')) ?? '';
    expect(batchId).not.toBe('');
    await expect.poll(chosenCount).toBe(0);

    // Away from the screen, the header shows the batch's progress and leads back to it.
    await page.keyboard.press('F1');
    const header = page.getByTestId('header-batch');
    await header.waitFor();
    expect(await header.getAttribute('data-total')).toBe('9');
    await header.click();
    await page.getByTestId('screen-batch').waitFor();

    await expect
      .poll(() => page.getByTestId('batch-open').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('done');
    const bar = page.getByTestId('batch-progress');
    expect(await bar.getAttribute('aria-valuenow')).toBe('7');
    expect(await bar.getAttribute('aria-valuemax')).toBe('9');
    const values = (
      await page.evaluate(() => (window as unknown as { barValues: string[] }).barValues)
    ).map(Number);
    // From nothing to all seven, never back, through a chunk's worth on the way.
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(7);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.some((value) => value > 0 && value < 7)).toBe(true);
  }, 90_000);

  it('prints every label made, in the print order, and shows both refusals next to their orders', async () => {
    const done = await details();
    // First item SKU descending, then order number: the order the labels were asked to come in.
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const expected = [...chosen, scanned as OpenOrderRow]
      .sort(
        (a, b) =>
          collator.compare(b.firstSku ?? '', a.firstSku ?? '') ||
          collator.compare(b.orderNumber, a.orderNumber),
      )
      .map((row) => row.orderNumber);
    expect(done.orders.map((o) => o.orderNumber)).toEqual(expected);
    const printedOrders = done.orders.filter((o) => o.state === 'printed');
    expect(printedOrders).toHaveLength(7);
    expect(printedTracking(printer)).toEqual(printedOrders.map((o) => o.trackingNumber));
    // Chunks of three: never one job for the whole batch.
    expect(printer.jobs.length).toBeGreaterThanOrEqual(3);

    const rows = page.getByTestId('batch-refused');
    await expect.poll(() => rows.count()).toBe(2);
    const shown = await rows.evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-order-number'), item.getAttribute('data-key')]),
    );
    expect(shown.sort()).toEqual(
      refused.map((row) => [row.orderNumber, 'batch.order.houseNumber']).sort(),
    );
    await page.screenshot({ path: screenshotPath('batch-refused'), fullPage: true });
  });

  it('retries a fixed order and leaves the other out', async () => {
    const [fixed, dropped] = refused;
    if (!fixed || !dropped) throw new Error('no refused orders');
    await patchOrder(fixed.orderNumber, '12');
    const jobsBefore = printer.jobs.length;
    await page
      .locator(`[data-testid="batch-refused"][data-order-number="${fixed.orderNumber}"]`)
      .getByTestId('batch-retry')
      .click();
    await expect.poll(async () => (await details()).counts.printed, { timeout: 60_000 }).toBe(8);
    const retried = (await details()).orders.find((o) => o.orderNumber === fixed.orderNumber);
    expect(printedTracking(printer, jobsBefore)).toEqual([retried?.trackingNumber]);

    await page
      .locator(`[data-testid="batch-refused"][data-order-number="${dropped.orderNumber}"]`)
      .getByTestId('batch-leave-out')
      .click();
    await expect.poll(() => page.getByTestId('batch-refused').count()).toBe(0);
    await expect.poll(async () => (await details()).counts.leftOut).toBe(1);
    await expect.poll(() => page.getByTestId('batch-open').getAttribute('data-state')).toBe('done');
  }, 90_000);

  it('prints the batch again in the same order, counted as a reprint, and saves it as a PDF', async () => {
    const item = page.locator(`[data-testid="batch-item"][data-batch-id="${batchId}"]`);
    await item.waitFor();
    const jobsBefore = printer.jobs.length;
    await item.getByTestId('batch-reprint').click();
    await expect.poll(() => item.getAttribute('data-reprints'), { timeout: 60_000 }).toBe('1');
    await expect
      .poll(() => item.getAttribute('data-state'), { timeout: 60_000, interval: 200 })
      .toBe('done')
      .catch(async (error) => {
        // Seen stuck at "running" in some full runs, never alone: say where it stood.
        console.log(
          'batch reprint not done:',
          JSON.stringify(await command('queue.list', {})),
          JSON.stringify(await details()),
          printer.jobs.length,
          rig.host.output().slice(-4_000),
        );
        throw error;
      });
    const inOrder = (await details()).orders
      .filter((o) => o.state === 'printed')
      .map((o) => o.trackingNumber);
    expect(inOrder).toHaveLength(8);
    await expect
      .poll(() => printedTracking(printer, jobsBefore).length, { timeout: 30_000 })
      .toBe(8);
    expect(printedTracking(printer, jobsBefore)).toEqual(inOrder);
    // Labels Sendcloud made: one per order, the reprint made none.
    for (const order of [...chosen, scanned as OpenOrderRow]) {
      const expectedLabels = order.orderNumber === refused[1]?.orderNumber ? 0 : 1;
      expect(simulator.labelsFor(order.orderNumber)).toHaveLength(expectedLabels);
    }

    // The merged PDF, built by the station (pdf-lib): what the browser saved is that PDF, one A6
    // page per printed label.
    const download = page.waitForEvent('download');
    await item.getByTestId('batch-pdf').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^batch-.*\.pdf$/);
    const pdf = await PDFDocument.load(fs.readFileSync((await saved.path()) ?? ''));
    expect(pdf.getPageCount()).toBe(8);
    for (const sheet of pdf.getPages()) {
      const { width, height } = sheet.getSize();
      expect([Math.round(width), Math.round(height)]).toEqual([298, 420]);
    }
    await expect
      .poll(() => item.getByTestId('batch-pdf-saved').getAttribute('data-pages'))
      .toBe('8');
    await page.screenshot({ path: screenshotPath('batch-done'), fullPage: true });
  }, 120_000);
});
