// The station as the end-to-end tests drive it: the built browser host against the simulator
// and a TCP label printer, and a Chromium page on it, waiting at the scan field.
import type { Browser, Page } from 'playwright-core';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../src-main/simulator/index';
import { launchChromium } from './browser';
import { tempDir } from './tmp';
import { startWebHost, type RunningWebHost } from './web-host';

export interface StationPage {
  simulator: Simulator;
  printer: VirtualPrinter;
  host: RunningWebHost;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function startStationPage(page: {
  viewport: { width: number; height: number };
  locale?: string;
  /** Write into the station's data folder before it starts (e.g. rows into its SQLite). */
  seed?: (dataDir: string) => void;
  /** The simulator's options, e.g. `{ customsOrders: true }`; default its own. */
  simulator?: SimulatorOptions;
}): Promise<StationPage> {
  const data = tempDir();
  page.seed?.(data.dir);
  const simulator = await startSimulator(page.simulator ?? {});
  const printer = await startVirtualPrinter();
  const host = await startWebHost({
    PACKDESK_SENDCLOUD_URL: simulator.url,
    PACKDESK_SENDCLOUD_PUBLIC_KEY: simulator.keys.publicKey,
    PACKDESK_SENDCLOUD_SECRET_KEY: simulator.keys.secretKey,
    PACKDESK_PRINTER: `tcp://${printer.host}:${printer.port}`,
    PACKDESK_DATA_DIR: data.dir,
  });
  const browser = await launchChromium();
  const opened = await browser.newPage({
    viewport: page.viewport,
    ...(page.locale ? { locale: page.locale } : {}),
  });
  await opened.goto(host.url);
  await opened.getByTestId('scan-input').waitFor();
  return {
    simulator,
    printer,
    host,
    browser,
    page: opened,
    async close() {
      await browser.close();
      await host.stop();
      await printer.close();
      await simulator.close();
      data.cleanup();
    },
  };
}
