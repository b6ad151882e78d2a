// Issue 14 end to end in Chromium: two stations in one warehouse (two browser hosts, each with
// its own data folder and TCP printer, one simulator, one PostgreSQL). A label made at station A
// shows on station B's Shipments screen, and scanning that order at B says where it was labelled
// instead of making a second label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { msg, type Message } from '../../src-shared/messages';
import { launchChromium, screenshotPath, speakerFor, wedgeScan } from '../helpers/browser';
import { freshDatabase } from '../helpers/pg';
import { tempDir } from '../helpers/tmp';
import { startWebHost, type RunningWebHost } from '../helpers/web-host';

interface OpenStation {
  name: string;
  printer: VirtualPrinter;
  host: RunningWebHost;
  page: Page;
}

describe('two stations in one warehouse, in the real UI', () => {
  let simulator: Simulator;
  let browser: Browser;
  let database: { url: string; drop(): Promise<void> };
  let a: OpenStation;
  let b: OpenStation;
  let say: (message: Message) => string;
  const cleanups: (() => Promise<void> | void)[] = [];

  const openStation = async (name: string): Promise<OpenStation> => {
    const data = tempDir('packdesk-e2e-warehouse-');
    cleanups.push(() => data.cleanup());
    const printer = await startVirtualPrinter();
    cleanups.push(() => printer.close());
    const host = await startWebHost(
      {
        PACKDESK_SENDCLOUD_URL: simulator.url,
        PACKDESK_SENDCLOUD_PUBLIC_KEY: simulator.keys.publicKey,
        PACKDESK_SENDCLOUD_SECRET_KEY: simulator.keys.secretKey,
        PACKDESK_PRINTER: printer.address,
        PACKDESK_DATA_DIR: data.dir,
        PACKDESK_WAREHOUSE_DB: database.url,
        PACKDESK_STATION_NAME: name,
      },
      90_000,
    );
    cleanups.push(() => host.stop());
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(host.url);
    await page.getByTestId('scan-input').waitFor();
    return { name, printer, host, page };
  };

  beforeAll(async () => {
    say = await speakerFor('en');
    database = await freshDatabase();
    cleanups.push(() => database.drop());
    simulator = await startSimulator({});
    cleanups.push(() => simulator.close());
    browser = await launchChromium();
    cleanups.push(() => browser.close());
    a = await openStation('Station A');
    b = await openStation('Station B');
  }, 240_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  });

  it("shows station A's label on station B's Shipments screen, and B's scan of it says where it was labelled", async () => {
    const order = simulator.orders()[0];
    if (!order) throw new Error('the simulator has no orders');

    await a.page.getByTestId('scan-input').focus();
    await wedgeScan(a.page, order.order_number);
    await a.page
      .getByTestId('scan-result')
      .and(a.page.locator('[data-state="printed"]'))
      .waitFor({ timeout: 30_000 });
    const [label] = simulator.labelsFor(order.order_number);
    if (!label) throw new Error('station A made no label');
    await a.printer.waitForJobs(1);

    // Station B's Shipments screen: the row from station A, with A's name on it.
    await b.page.keyboard.press('F3');
    const row = b.page
      .getByTestId('shipments-row')
      .filter({ hasText: label.trackingNumber })
      .first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain(order.order_number);
    expect(await row.textContent()).toContain('Station A');
    await b.page.screenshot({ path: screenshotPath('warehouse-shipments-b'), fullPage: true });

    // Scanning the same order at B: told it was labelled at A, with A's tracking number.
    await b.page.keyboard.press('F1');
    await b.page.getByTestId('scan-input').focus();
    await wedgeScan(b.page, order.order_number);
    await b.page
      .getByTestId('scan-result')
      .and(b.page.locator('[data-state="failed"]'))
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(() => b.page.getByTestId('result-reason').textContent())
      .toBe(
        say(msg('claims.labelledAt', { station: 'Station A', tracking: label.trackingNumber })),
      );
    await b.page.screenshot({ path: screenshotPath('warehouse-scan-b'), fullPage: true });

    // Nothing doubled: one label at Sendcloud, nothing printed at B.
    expect(simulator.labelsFor(order.order_number)).toHaveLength(1);
    expect(b.printer.jobs).toHaveLength(0);
    expect(a.printer.jobs).toHaveLength(1);
  });
});
