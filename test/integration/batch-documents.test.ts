// A batch's documents, proven on paper: real simulator labels, fetched twenty at a time from the
// bulk label endpoint and split, then merged into A6 and A4 four-up documents. Poppler (pdfinfo,
// pdftoppm, what CUPS filters with) reads the sizes and draws the pages; a Code 128 reader must
// get every tracking number back, in order, from where each label belongs.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mergeLabelsA4FourUp,
  mergeLabelsA6,
  splitPdfPages,
  splitZplLabels,
} from '../../src-main/printing/batch-documents';
import { prepareLabel, type StoredLabel } from '../../src-main/printing/formats';
import { pngToPdf, type Bitmap } from '../../src-main/printing/pdf';
import { decodePngGrey, type GreyImage } from '../../src-main/printing/raster';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import type { LedgerEntry } from '../../src-main/simulator/state';
import { renderZplToPng } from '../../src-main/zpl-render';
import { decodeBarcodes, findBarcodes } from '../helpers/barcode';
import { manualClock } from '../helpers/clock';
import { rawApi, type RawApi } from '../helpers/raw-api';
import { tempDir } from '../helpers/tmp';

const run = promisify(execFile);
/** A thermal printer's resolution: the bars are drawn as a carrier's scanner would see them. */
const DPI = 203;
const A6_PTS = [297.64, 419.53];
const A4_PTS = [595.28, 841.89];

const { dir, cleanup } = tempDir('packdesk-batch-documents-');
let files = 0;
const saved = (pdf: Buffer) => {
  const file = path.join(dir, `document-${++files}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
};

/** That pdfinfo reads `count` pages, each of `size` points (to a hundredth). */
async function expectPages(pdf: Buffer, count: number, size: number[]) {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '10000', saved(pdf)]);
  expect(Number(/^Pages:\s+(\d+)$/m.exec(stdout)?.[1])).toBe(count);
  const sizes = [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
    ([, width, height]) => [width, height].map((side) => Math.round(Number(side) * 100) / 100),
  );
  expect(sizes).toEqual(Array.from({ length: count }, () => size));
}

/** Every page drawn by pdftoppm, in grey, at the thermal printer's resolution. */
async function pagesDrawn(pdf: Buffer): Promise<GreyImage[]> {
  const file = saved(pdf);
  const prefix = file.replace(/\.pdf$/, '-page');
  await run('pdftoppm', ['-r', String(DPI), '-gray', '-png', file, prefix]);
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(path.basename(prefix)) && name.endsWith('.png'))
    .sort()
    .map((name) => decodePngGrey(fs.readFileSync(path.join(dir, name))));
}

/** Quarter 0 top left … 3 bottom right of a sheet, as a bitmap of its own. */
function quarter(sheet: GreyImage, position: number): Bitmap {
  const width = Math.floor(sheet.width / 2);
  const height = Math.floor(sheet.height / 2);
  const left = (position % 2) * width;
  const top = Math.floor(position / 2) * height;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const grey = sheet.data[(top + y) * sheet.width + left + x]!;
      data.set([grey, grey, grey, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

/** The whole of a page as an RGBA bitmap. */
function asBitmap(image: GreyImage): Bitmap {
  const data = new Uint8ClampedArray(image.width * image.height * 4);
  image.data.forEach((grey, i) => data.set([grey, grey, grey, 255], i * 4));
  return { width: image.width, height: image.height, data };
}

/** The share of pixels that are ink on one picture and paper on the other. */
function mismatch(a: GreyImage, b: GreyImage): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let differ = 0;
  for (let i = 0; i < a.data.length; i++) if (a.data[i]! < 128 !== b.data[i]! < 128) differ++;
  return differ / a.data.length;
}

const inkIn = (bitmap: Bitmap) => bitmap.data.some((value, i) => i % 4 === 0 && value < 128);

// Forty labels made, and each page drawn and read: slower than most, on a busy machine too.
describe('batch label documents', { timeout: 90_000 }, () => {
  let sim: Simulator;
  let api: RawApi;
  /** Twenty PDF labels of every carrier, PDF-only Colissimo too, and twenty native ZPL ones. */
  let pdfLabels: LedgerEntry[];
  let zplLabels: LedgerEntry[];

  const makeLabel = async (orderNumber: string, mime: string) => {
    const response = await api.post('/api/v3/orders/create-label-sync', {
      integration_id: sim.integrationId,
      order: { order_number: orderNumber },
      label_details: { mime_type: mime, dpi: mime === 'application/zpl' ? 203 : 72 },
    });
    expect(response.status).toBe(201);
    const entry = sim.ledger.at(-1)!;
    expect(entry.orderNumber).toBe(orderNumber);
    return entry;
  };

  const bulk = async (labels: LedgerEntry[], accept: string) => {
    const query = labels.map((label) => `parcels=${label.parcelId}`).join('&');
    const response = await api.get(`/api/v3/parcel-documents/label?${query}`, { Accept: accept });
    expect(response.status).toBe(200);
    return response.bytes;
  };

  beforeAll(async () => {
    // The rate limits are the batch's business, not the documents'.
    sim = await startSimulator({ clock: manualClock(), orderCount: 40, rateLimits: false });
    api = rawApi(sim);
    const orders = sim.orders();
    const pdfOnly = (order: (typeof orders)[number]) =>
      order.shipping_option_code.startsWith('colissimo:');
    const zplOrders = orders.filter((order) => !pdfOnly(order)).slice(0, 20);
    const pdfOrders = orders.filter((order) => !zplOrders.includes(order)).slice(0, 20);
    expect(pdfOrders.some(pdfOnly)).toBe(true);
    expect(
      new Set(pdfOrders.map((order) => order.shipping_option_code.split(':')[0])).size,
    ).toBeGreaterThanOrEqual(3);
    pdfLabels = [];
    zplLabels = [];
    for (const order of pdfOrders)
      pdfLabels.push(await makeLabel(order.order_number, 'application/pdf'));
    for (const order of zplOrders)
      zplLabels.push(await makeLabel(order.order_number, 'application/zpl'));
    expect(pdfLabels.map((label) => label.format)).toEqual(Array(20).fill('pdf'));
    expect(zplLabels.map((label) => label.format)).toEqual(Array(20).fill('zpl'));
  }, 60_000);
  afterAll(async () => {
    await sim.close();
    cleanup();
  });

  it('splits a bulk PDF of 20 into one A6 label each, in the order the parcels were asked', async () => {
    // Asked in another order than made, so page order is proven, not creation order.
    const asked = [...pdfLabels].reverse();
    const pieces = await splitPdfPages(await bulk(asked, 'application/pdf'));
    expect(pieces).toHaveLength(20);
    const read: string[][] = [];
    for (const piece of pieces) {
      await expectPages(piece, 1, A6_PTS);
      const [page] = await pagesDrawn(piece);
      read.push(await decodeBarcodes(asBitmap(page!)));
    }
    expect(read).toEqual(asked.map((label) => [label.trackingNumber]));
  });

  it('splits a concatenated ZPL answer of 20 into each label exactly as made, in order', async () => {
    const asked = [...zplLabels].reverse();
    const pieces = splitZplLabels(await bulk(asked, 'application/zpl'));
    expect(pieces).toHaveLength(20);
    // Byte for byte each parcel's own label, which a 203 dpi printer prints as it is.
    expect(pieces.map((piece) => piece.toString('latin1'))).toEqual(
      asked.map((label) => label.bytes.toString('latin1')),
    );
    const read: string[][] = [];
    for (const piece of pieces) read.push(await decodeBarcodes(await renderZplToPng(piece, DPI)));
    expect(read).toEqual(asked.map((label) => [label.trackingNumber]));
  });

  /**
   * 22 labels as a batch prints them: split from bulk answers, ZPL every third, and one a 4×6
   * PDF (a picture of a ZPL label, as some carriers' PDFs are), so the last A4 sheet has two.
   */
  async function batch(): Promise<{ labels: StoredLabel[]; tracking: string[] }> {
    const pdfPieces = await splitPdfPages(await bulk(pdfLabels.slice(0, 14), 'application/pdf'));
    const zplPieces = splitZplLabels(await bulk(zplLabels.slice(0, 8), 'application/zpl'));
    const labels: StoredLabel[] = [];
    const tracking: string[] = [];
    let pdf = 0;
    let zpl = 0;
    for (let i = 0; i < 22; i++) {
      if (i % 3 === 0 && i !== 21) {
        tracking.push(zplLabels[zpl]!.trackingNumber);
        labels.push({ bytes: zplPieces[zpl++]!, format: 'zpl', dpi: 203 });
      } else if (i === 10) {
        tracking.push(zplLabels[zpl]!.trackingNumber);
        const picture = await renderZplToPng(zplPieces[zpl++]!, 203);
        labels.push({ bytes: await pngToPdf(picture, 4, 6), format: 'pdf', dpi: 72 });
      } else {
        tracking.push(pdfLabels[pdf]!.trackingNumber);
        labels.push({ bytes: pdfPieces[pdf++]!, format: 'pdf', dpi: 72 });
      }
    }
    expect(new Set(labels.map((label) => label.format))).toEqual(new Set(['pdf', 'zpl']));
    return { labels, tracking };
  }

  it('merges a batch into one A6 page a label, each placed as a single A6 print places it', async () => {
    const { labels, tracking } = await batch();
    const merged = await mergeLabelsA6(labels);
    await expectPages(merged, 22, A6_PTS);
    const pages = await pagesDrawn(merged);
    const read: string[][] = [];
    for (const [i, page] of pages.entries()) {
      const found = await findBarcodes(asBitmap(page));
      read.push(found.map((barcode) => barcode.text));
      // Drawn as today's one-label print draws it: a PDF label pixel for pixel. A ZPL picture is
      // one-bit here and greyscale there, which moves letter edges by a pixel (0.8 % of the
      // page; the page two pixels lower would be 2.6 %): its barcode must lie where that one's does.
      const single = await prepareLabel(labels[i]!, {
        language: 'pdf',
        dpi: 300,
        paper: 'A6',
        position: 0,
      });
      const [alone] = await pagesDrawn(single.bytes);
      if (labels[i]!.format === 'pdf') {
        expect(mismatch(page, alone!), `page ${i + 1}`).toBe(0);
      } else {
        expect(mismatch(page, alone!), `page ${i + 1}`).toBeLessThan(0.012);
        const [there] = await findBarcodes(asBitmap(alone!));
        for (const side of ['row', 'left', 'right'] as const) {
          expect(
            Math.abs(found[0]![side] - there![side]),
            `page ${i + 1} ${side}`,
          ).toBeLessThanOrEqual(1);
        }
      }
    }
    expect(read).toEqual(tracking.map((number) => [number]));
  });

  it('merges a batch onto A4 sheets four up: label i on sheet i/4 in quarter i%4', async () => {
    const { labels, tracking } = await batch();
    const merged = await mergeLabelsA4FourUp(labels);
    await expectPages(merged, 6, A4_PTS);
    const sheets = await pagesDrawn(merged);
    expect(sheets).toHaveLength(6);
    const read: string[] = [];
    for (const [i, number] of tracking.entries()) {
      // Read from the quarter alone: a label anywhere else, or across a fold, reads nothing.
      const found = await decodeBarcodes(quarter(sheets[Math.floor(i / 4)]!, i % 4));
      expect(found, `label ${i} (${number})`).toHaveLength(1);
      read.push(found[0]!);
    }
    expect(read).toEqual(tracking);
    // The last sheet's bottom half is blank paper.
    expect(inkIn(quarter(sheets[5]!, 2))).toBe(false);
    expect(inkIn(quarter(sheets[5]!, 3))).toBe(false);
  });
});
