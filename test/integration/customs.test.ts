// Issue 13, customs: an order to GB, CH, NO or US gets its label on the label printer and its
// customs declaration (plus the air waybill to the US) on the A4 route through real CUPS
// (cups-pdf), read back with pdfjs; an order missing an HS code is refused before any call; and
// documents with no A4 printer wait, then print once one is set up. Simulator spec checks on.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanEntry } from '../../src-shared';
import { cupsServerUrl } from '../../src-main/config';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type SimOrder, type Simulator } from '../../src-main/simulator/index';
import { createStation, type Station } from '../../src-main/station';
import { printJobFor } from '../../src-main/store/jobs';
import { documentsJobFor, shipmentDocuments } from '../../src-main/store/shipment-documents';
import { findShipmentByTracking } from '../../src-main/store/shipments';
import { ensureCups, pollUntil, type CupsSetup } from '../helpers/cups';
import { nextEvent } from '../helpers/outbox';
import { pdfText } from '../helpers/pdf-text';
import { tempDir } from '../helpers/tmp';

let cups: CupsSetup;
let simulator: Simulator;
let zebra: VirtualPrinter;
let station: Station;
const cleanups: (() => void | Promise<void>)[] = [];

beforeAll(async () => {
  zebra = await startVirtualPrinter();
  cleanups.push(() => zebra.close());
  cups = await ensureCups(`socket://127.0.0.1:${zebra.port}`);
  simulator = await startSimulator({
    orderCount: 10,
    customsOrders: true,
    labelResponse: 'schema',
    validateResponses: true,
  });
  cleanups.push(() => simulator.close());
  const data = tempDir();
  cleanups.push(() => data.cleanup());
  station = await createStation({
    printerPollMs: 0,
    settings: {
      dataDir: data.dir,
      sendcloud: { url: simulator.url, ...simulator.keys },
      integrationId: null,
      sendcloudTimeoutMs: 30_000,
      printer: { host: '127.0.0.1', port: zebra.port },
      ...(cupsServerUrl(process.env.CUPS_SERVER)
        ? { cupsUrl: cupsServerUrl(process.env.CUPS_SERVER) }
        : {}),
    },
  });
  cleanups.push(() => station.close());
  await station.handlers['orders.sync']({});
}, 60_000);

afterAll(async () => {
  expect(simulator.violations).toEqual([]);
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The seeded customs orders, in the order simulator/customs.ts plans them. */
const customsOrder = (index: number): SimOrder => {
  const order = simulator.orders().slice(10)[index];
  if (!order) throw new Error(`no customs order ${index}`);
  return order;
};

/** Scan, and wait until the scan says what its customs documents did (`step` key). */
async function scanUntil(code: string, stepKey: string): Promise<ScanEntry> {
  const waited = nextEvent(
    station,
    'scan.updated',
    (e) => e.code === code && (e.step.key === stepKey || e.state === 'failed'),
    `scan of ${code} reaching ${stepKey}`,
    30_000,
  );
  await station.handlers['scan.submit']({ code });
  return waited;
}

/**
 * The PDF cups-pdf wrote since `since` (ms) for a job titled with this tracking number. By time,
 * not by name: the simulator's tracking numbers and a fresh scheduler's job numbers repeat from
 * run to run, and cups-pdf writes over the same file name.
 */
async function printedPdf(since: number, trackingNumber: string): Promise<Buffer> {
  const dir = cups.pdfOutputDir;
  let found: string | undefined;
  const seen = await pollUntil(() => {
    found = (fs.existsSync(dir) ? fs.readdirSync(dir) : []).find(
      (name) =>
        name.includes(trackingNumber) &&
        name.endsWith('.pdf') &&
        fs.statSync(path.join(dir, name)).mtimeMs >= since - 1_000,
    );
    return found !== undefined;
  }, 20_000);
  if (!seen || !found) throw new Error(`cups-pdf wrote no PDF for ${trackingNumber}`);
  const file = path.join(cups.pdfOutputDir, found);
  // cups-pdf writes the file while it runs: read it once its size holds still.
  let size = -1;
  await pollUntil(() => {
    const now = fs.statSync(file).size;
    const still = now === size && now > 0;
    size = now;
    return still;
  }, 10_000);
  return fs.readFileSync(file);
}

describe('customs', () => {
  it('prints the label, and waits for an A4 printer for the customs documents, then prints them once one is set up', async () => {
    const order = customsOrder(0);
    expect(order.country).toBe('GB');
    const waiting = await scanUntil(order.order_number, 'customs.scan.documentsWaiting');
    expect(waiting).toMatchObject({
      state: 'printed',
      waitingReason: { key: 'customs.documents.waitForA4' },
    });
    expect(zebra.jobs).toHaveLength(1);
    const queue = await station.handlers['queue.list']({});
    expect(queue).toMatchObject([{ kind: 'documents', state: 'waiting' }]);

    const before = Date.now();
    const printed = nextEvent(
      station,
      'scan.updated',
      (e) => e.code === order.order_number && e.step.key === 'customs.scan.printed',
      'customs documents printed once an A4 printer is set up',
      30_000,
    );
    const setup = await station.handlers['printers.add']({
      name: 'A4 office printer',
      transport: 'cups',
      address: cups.pdfUri,
      language: 'pdf',
      dpi: 203,
      paper: 'A4',
      position: 0,
    });
    const a4 = setup.printers.find((p) => p.address === cups.pdfUri);
    expect(setup.routes['a4-document']).toBe(a4?.id);
    const entry = await printed;
    expect(entry.waitingReason).toBeNull();
    const text = await pdfText(await printedPdf(before, entry.trackingNumber ?? '?'));
    expect(text.pages).toHaveLength(1);
    expect(text.pages[0]).toContain(order.order_number);
    expect(text.pages[0]).toContain('Wool throw blanket');
    expect(text.pages[0]).toContain('6301.20');
    expect(await station.handlers['queue.list']({})).toEqual([]);
    // One label made and printed on the label printer; the A4 never got it.
    expect(simulator.labelsFor(order.order_number)).toHaveLength(1);
    expect(zebra.jobs).toHaveLength(1);
  });

  it.each([
    [1, 'CH', ['Sneakers 42'], ['customs-declaration'], 1],
    [
      2,
      'NO',
      ['Linen tea towel', 'Oak serving board', 'Soy candle amber 180g'],
      ['customs-declaration'],
      2,
    ],
    [3, 'US', ['Sneakers 42', 'Ceramic mug sage'], ['customs-declaration', 'air-waybill'], 1],
  ])(
    'customs order %i to %s: label on the label printer, customs documents on A4 through cups-pdf',
    async (index, country, items, documents, copies) => {
      const order = customsOrder(index);
      expect(order.country).toBe(country);
      // The carrier's copies, a setting per carrier (default 1).
      await station.handlers['customs.setCopies']({ carrier: 'ups', copies });
      expect(await station.handlers['customs.copies']({})).toMatchObject({
        copies: copies === 1 ? {} : { ups: copies },
      });
      const labelsBefore = zebra.jobs.length;
      const before = Date.now();
      const entry = await scanUntil(order.order_number, 'customs.scan.printed');
      await station.handlers['customs.setCopies']({ carrier: 'ups', copies: 1 });
      expect(entry.state).toBe('printed');
      expect(zebra.jobs).toHaveLength(labelsBefore + 1);
      const text = await pdfText(await printedPdf(before, entry.trackingNumber ?? '?'));
      // Each document in its copies: the declaration first, then (to the US) the air waybill.
      expect(text.pages).toHaveLength(documents.length * copies);
      for (const [n, page] of text.pages.entries()) {
        const type = documents[Math.floor(n / copies)];
        expect(page).toContain(type === 'air-waybill' ? 'Air waybill' : 'CN23 Customs declaration');
        expect(page).toContain(order.order_number);
        for (const item of items) expect(page).toContain(item);
      }
      const shipment = findShipmentByTracking(station.db, entry.trackingNumber ?? '');
      expect(
        shipmentDocuments(station.db, shipment?.parcelId ?? 0).map((d) => [
          d.type,
          d.copies,
          d.printedAt !== null,
        ]),
      ).toEqual(documents.map((type) => [type, copies, true]));
      // The documents start only once the label has printed, so the label comes out first.
      const documentsJob = documentsJobFor(station.db, shipment?.parcelId ?? 0);
      const labelPrint = printJobFor(station.db, documentsJob?.parentId ?? '');
      expect(labelPrint?.state).toBe('done');
      expect(documentsJob?.firstAttemptAt).toBeGreaterThanOrEqual(
        labelPrint?.updatedAt ?? Infinity,
      );
    },
  );

  it('refuses an order missing an HS code before any call to Sendcloud, naming the item', async () => {
    const order = customsOrder(4);
    const asked = simulator.requests.length;
    const entry = await scanUntil(order.order_number, 'never');
    expect(entry.state).toBe('failed');
    expect(entry.error).toMatchObject({
      code: 'invalid-input',
      key: 'customs.item.noHsCode',
      params: { item: 2, name: 'Sneakers 42' },
    });
    expect(simulator.requests.slice(asked)).toEqual([]);
    expect(simulator.labelsFor(order.order_number)).toHaveLength(0);
  });
});
