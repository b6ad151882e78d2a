// Issue #5 through the OS spooler: the station finds the CUPS queues, prints ZPL labels through a
// raw queue byte for byte, and PDF labels through cups-pdf at the chosen paper — and the barcode
// on the PDF that comes out scans as the tracking number.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanEntry } from '../../src-shared';
import { startVirtualPrinter, type VirtualPrinter } from '../../src-main/printing/virtual-printer';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { cupsServerUrl } from '../../src-main/config';
import { createStation, type Station } from '../../src-main/station';
import { decodeBarcodes, findBarcodes, renderPdfPage } from '../helpers/barcode';
import { ensureCups, pdfPageSize, pollUntil, type CupsSetup } from '../helpers/cups';
import { nextEvent } from '../helpers/outbox';
import { tempDir } from '../helpers/tmp';

let cups: CupsSetup;
let simulator: Simulator;
let zebra: VirtualPrinter;
let station: Station;
const scans: ScanEntry[] = [];
const cleanups: (() => void | Promise<void>)[] = [];

beforeAll(async () => {
  zebra = await startVirtualPrinter();
  cleanups.push(() => zebra.close());
  cups = await ensureCups(`socket://127.0.0.1:${zebra.port}`);
  simulator = await startSimulator({ orderCount: 30 });
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
      printer: null,
      ...(cupsServerUrl(process.env.CUPS_SERVER)
        ? { cupsUrl: cupsServerUrl(process.env.CUPS_SERVER) }
        : {}),
    },
  });
  cleanups.push(() => station.close());
  station.subscribe((event, payload) => {
    if (event === 'scan.updated') scans.push(payload as ScanEntry);
  });
  await station.handlers['orders.sync']({});
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const zplOrders = () =>
  simulator.orders().filter((order) => !order.shipping_option_code.startsWith('colissimo:'));

async function printed(code: string): Promise<ScanEntry> {
  const entry = await station.handlers['scan.submit']({ code });
  if (entry.state === 'printed') return entry;
  return nextEvent(
    station,
    'scan.updated',
    (e) => e.id === entry.id && (e.state === 'printed' || e.state === 'failed'),
    `scan of ${code} printed`,
    30_000,
  );
}

/** The PDF cups-pdf wrote for the label with this tracking number. */
async function outputFor(trackingNumber: string): Promise<string> {
  let file: string | undefined;
  const found = await pollUntil(() => {
    file = fs.existsSync(cups.pdfOutputDir)
      ? fs.readdirSync(cups.pdfOutputDir).find((name) => name.includes(trackingNumber))
      : undefined;
    return file !== undefined;
  }, 15_000);
  if (!found || !file) throw new Error(`cups-pdf wrote no PDF for ${trackingNumber}`);
  return path.join(cups.pdfOutputDir, file);
}

describe('printing through CUPS', () => {
  it('finds the raw queue as a ZPL printer and the cups-pdf queue as a PDF printer', async () => {
    const found = await station.handlers['printers.discover']({});
    const raw = found.printers.find((p) => p.address === cups.rawUri);
    const pdf = found.printers.find((p) => p.address === cups.pdfUri);
    expect(raw).toMatchObject({ transport: 'cups', language: 'zpl', added: false, problem: null });
    expect(pdf).toMatchObject({ transport: 'cups', language: 'pdf', added: false });
    // What it is comes as facts with keys: a driverless queue says it is raw, in any language.
    expect(raw?.detail.map((fact) => fact.key)).toContain('printer.discovery.fact.raw');
    expect(pdf?.detail.map((fact) => fact.key)).not.toContain('printer.discovery.fact.raw');
  });

  it('prints a ZPL label through a raw queue, byte for byte, with status from the spooler', async () => {
    const setup = await station.handlers['printers.add']({
      name: 'Zebra via CUPS',
      transport: 'cups',
      address: cups.rawUri,
      language: 'zpl',
      dpi: 203,
      paper: 'A6',
      position: 0,
    });
    const raw = setup.printers.find((p) => p.address === cups.rawUri);
    expect(setup.routes['zpl-label']).toBe(raw?.id);
    const refreshed = await station.handlers['printers.refresh']({});
    expect(refreshed.printers.find((p) => p.id === raw?.id)?.status).toMatchObject({
      reachable: true,
      faults: [],
      source: 'spooler',
    });

    const order = zplOrders()[0]!;
    const entry = await printed(order.order_number);
    expect(entry.state).toBe('printed');
    const [label] = simulator.labelsFor(order.order_number);
    await zebra.waitForJobs(1);
    expect(zebra.jobs[0]?.bytes.equals(label!.bytes)).toBe(true);
    expect(await decodeBarcodes(await zebra.render(zebra.jobs[0]!))).toContain(
      entry.trackingNumber,
    );
    const found = await station.handlers['printers.discover']({});
    expect(found.printers.find((p) => p.address === cups.rawUri)?.added).toBe(true);
  });

  it('prints PDF labels on A6 through cups-pdf, and their barcodes scan', async () => {
    const setup = await station.handlers['printers.add']({
      name: 'Office printer',
      transport: 'cups',
      address: cups.pdfUri,
      language: 'pdf',
      dpi: 203,
      paper: 'A6',
      position: 0,
    });
    const pdf = setup.printers.find((p) => p.address === cups.pdfUri);
    // Labels go to the PDF printer when no ZPL printer takes them.
    await station.handlers['printers.route']({ document: 'zpl-label', printerId: null });
    await station.handlers['printers.route']({ document: 'pdf-label', printerId: pdf!.id });

    const order = zplOrders()[1]!;
    const entry = await printed(order.order_number);
    expect(entry.state).toBe('printed');
    // Asked for as PDF, since a PDF printer takes it.
    expect(simulator.labelsFor(order.order_number)[0]?.format).toBe('pdf');
    const file = await outputFor(entry.trackingNumber!);
    const size = await pdfPageSize(file);
    expect(size.width).toBeCloseTo(297.6, -1);
    expect(size.height).toBeCloseTo(419.5, -1);
    const page = await renderPdfPage(fs.readFileSync(file), 300);
    expect(await decodeBarcodes(page)).toContain(entry.trackingNumber);
  });

  it('puts the label in the chosen quarter of an A4 sheet', async () => {
    const setup = await station.handlers['printers.list']({});
    const pdf = setup.printers.find((p) => p.address === cups.pdfUri)!;
    await station.handlers['printers.update']({ id: pdf.id, paper: 'A4', position: 3 });

    const order = zplOrders()[2]!;
    const entry = await printed(order.order_number);
    expect(entry.state).toBe('printed');
    const file = await outputFor(entry.trackingNumber!);
    const size = await pdfPageSize(file);
    expect(size.width).toBeCloseTo(595.3, -1);
    expect(size.height).toBeCloseTo(841.9, -1);
    const page = await renderPdfPage(fs.readFileSync(file), 200);
    const symbol = (await findBarcodes(page)).find((f) => f.text === entry.trackingNumber);
    // Position 3 is the bottom-right quarter.
    expect(symbol?.left).toBeGreaterThan(page.width / 2);
    expect(symbol?.row).toBeGreaterThan(page.height / 2);
  });
});
