// Barcode proofs: a simulator label (the same LabelData as ZPL and as PDF) goes through each path
// a printer may need, is drawn the way that printer would draw it, and a Code 128 reader must get
// the tracking number back, at the label's true physical size.
import { describe, expect, it } from 'vitest';
import {
  prepareLabel,
  type StoredLabel,
  type TargetPrinter,
} from '../../src-main/printing/formats';
import type { Bitmap } from '../../src-main/printing/pdf';
import { renderZplToPng } from '../../src-main/zpl-render';
import { renderPdfLabel, renderZplLabel, type LabelData } from '../../src-main/simulator/labels';
import { decodePngGrey } from '../../src-main/printing/raster';
import { decodeBarcodes, findBarcodes, pngSize, renderPdfPage } from '../helpers/barcode';

const address = {
  name: 'Sophie Dubois',
  address_line_1: 'Rue de Rivoli',
  house_number: '42',
  postal_code: '75004',
  city: 'Paris',
  country_code: 'FR',
};

/** Tracking numbers in each carrier's real format, the longest being bpost's 24 digits. */
const carriers = [
  ['PostNL', '3SKLMN4827163'],
  ['DHL', 'JJD000390012345678901'],
  ['DPD', '05123456789012'],
  ['UPS', '1Z4F8E231103847593'],
  ['Colissimo', '6A12345678901'],
  ['bpost', '323212345678901234567890'],
] as const;

function labelData(carrierName: string, trackingNumber: string): LabelData {
  return {
    trackingNumber,
    carrierName,
    service: 'Standard',
    orderNumber: 'ORD-2001',
    parcelId: 4242,
    weightKg: 2.5,
    createdAt: '2025-03-01T10:00:00.000Z',
    sender: { ...address, name: 'Packdesk Warehouse', city: 'Eindhoven', country_code: 'NL' },
    recipient: address,
  };
}

async function labels(carrierName: string, trackingNumber: string) {
  const data = labelData(carrierName, trackingNumber);
  const zpl: StoredLabel = { bytes: renderZplLabel(data), format: 'zpl', dpi: 203 };
  const pdf: StoredLabel = { bytes: await renderPdfLabel(data), format: 'pdf', dpi: 72 };
  return { zpl, pdf };
}

const zplPrinter = (dpi: number): TargetPrinter => ({
  language: 'zpl',
  dpi,
  paper: 'A6',
  position: 0,
});
const pdfPrinter = (paper: 'A6' | 'A4', position: 0 | 1 | 2 | 3 = 0): TargetPrinter => ({
  language: 'pdf',
  dpi: 300,
  paper,
  position,
});

/** What a ZPL printer at `dpi` prints for a label, as a PNG. */
async function printedZpl(label: StoredLabel, dpi: number) {
  const job = await prepareLabel(label, zplPrinter(dpi));
  return { job, png: await renderZplToPng(job.bytes, dpi) };
}

/** The width of the one barcode on a picture, in inches at `dpi`. */
async function barcodeInches(png: Buffer | Bitmap, dpi: number): Promise<number> {
  const found = await findBarcodes(png);
  expect(found).toHaveLength(1);
  return (found[0]!.right - found[0]!.left) / dpi;
}

/** The box around all the ink on a PNG, in inches from the top left. */
function inkInches(png: Buffer, dpi: number) {
  const { width, height, data } = decodePngGrey(png);
  let [left, top, right, bottom] = [width, height, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]! >= 128) continue;
      left = Math.min(left, x);
      right = Math.max(right, x + 1);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y + 1);
    }
  }
  return { left: left / dpi, top: top / dpi, right: right / dpi, bottom: bottom / dpi };
}

describe.each(carriers)('a %s label (%s)', (carrierName, trackingNumber) => {
  it('reads back from native ZPL on a 203 dpi printer', async () => {
    const { zpl } = await labels(carrierName, trackingNumber);
    const { job, png } = await printedZpl(zpl, 203);
    expect(job.path).toBe('native-zpl');
    expect(await decodeBarcodes(png)).toEqual([trackingNumber]);
  });

  it.each([203, 300])('reads back from the PDF rasterised to ZPL at %i dpi', async (dpi) => {
    const { pdf } = await labels(carrierName, trackingNumber);
    const { job, png } = await printedZpl(pdf, dpi);
    expect(job.path).toBe('pdf-to-zpl');
    expect(pngSize(png)).toEqual({ width: 4 * dpi, height: 6 * dpi });
    expect(await decodeBarcodes(png)).toEqual([trackingNumber]);
  });

  it('reads back from 203 dpi ZPL re-rendered for a 300 dpi printer', async () => {
    const { zpl } = await labels(carrierName, trackingNumber);
    const { job, png } = await printedZpl(zpl, 300);
    expect(job.path).toBe('zpl-rescaled');
    expect(pngSize(png)).toEqual({ width: 1200, height: 1800 });
    expect(await decodeBarcodes(png)).toEqual([trackingNumber]);
  });

  it('reads back from the PDF on A6 paper and from the ZPL drawn into a PDF', async () => {
    const { zpl, pdf } = await labels(carrierName, trackingNumber);
    const placed = await prepareLabel(pdf, pdfPrinter('A6'));
    expect(await decodeBarcodes(await renderPdfPage(placed.bytes, 203))).toEqual([trackingNumber]);
    const pictured = await prepareLabel(zpl, pdfPrinter('A6'));
    expect(pictured.path).toBe('zpl-to-pdf');
    expect(await decodeBarcodes(await renderPdfPage(pictured.bytes, 203))).toEqual([
      trackingNumber,
    ]);
  });
});

describe('a long DHL label on paper and at high resolution', () => {
  const [carrierName, trackingNumber] = carriers[1];

  it.each([0, 1, 2, 3] as const)(
    'reads back from A4 with the label in quarter %i, and the barcode lies in that quarter',
    async (position) => {
      const { pdf } = await labels(carrierName, trackingNumber);
      const job = await prepareLabel(pdf, pdfPrinter('A4', position));
      expect(job).toMatchObject({ media: 'A4', path: 'pdf' });
      const page = await renderPdfPage(job.bytes, 203);
      const found = await findBarcodes(page);
      expect(found.map((barcode) => barcode.text)).toEqual([trackingNumber]);
      const { row, left, right } = found[0]!;
      expect(left > page.width / 2).toBe(position % 2 === 1);
      expect(right > page.width / 2).toBe(position % 2 === 1);
      expect(row > page.height / 2).toBe(position >= 2);
    },
  );

  it('reads back from the ZPL drawn into a PDF on A4', async () => {
    const { zpl } = await labels(carrierName, trackingNumber);
    const job = await prepareLabel(zpl, pdfPrinter('A4', 3));
    expect(await decodeBarcodes(await renderPdfPage(job.bytes, 203))).toEqual([trackingNumber]);
  });

  it('reads back from the PDF rasterised to ZPL at 600 dpi, at 2400×3600 dots', async () => {
    const { pdf } = await labels(carrierName, trackingNumber);
    const { png } = await printedZpl(pdf, 600);
    expect(pngSize(png)).toEqual({ width: 2400, height: 3600 });
    expect(await decodeBarcodes(png)).toEqual([trackingNumber]);
  });
});

describe('physical size', () => {
  const [carrierName, trackingNumber] = carriers[1];

  it('prints the barcode equally wide in inches from the PDF at 203 and at 300 dpi', async () => {
    const { pdf } = await labels(carrierName, trackingNumber);
    const at203 = await barcodeInches((await printedZpl(pdf, 203)).png, 203);
    const at300 = await barcodeInches((await printedZpl(pdf, 300)).png, 300);
    expect(at300 / at203).toBeGreaterThan(0.98);
    expect(at300 / at203).toBeLessThan(1.02);
  });

  it('prints rescaled 203 dpi ZPL at 300 dpi the size native ZPL prints at 203, not two-thirds', async () => {
    const { zpl } = await labels(carrierName, trackingNumber);
    const native = (await printedZpl(zpl, 203)).png;
    const rescaled = (await printedZpl(zpl, 300)).png;
    const ratio = (await barcodeInches(rescaled, 300)) / (await barcodeInches(native, 203));
    expect(ratio).toBeGreaterThan(0.98);
    expect(ratio).toBeLessThan(1.02);
    // The same label content sent as it is would print at 203/300 of its size.
    const unconverted = await renderZplToPng(zpl.bytes, 300);
    const shrunk = (await barcodeInches(unconverted, 300)) / (await barcodeInches(native, 203));
    expect(shrunk).toBeCloseTo(203 / 300, 1);
  });

  it('prints a 300 dpi ZPL label on a 203 dpi printer at full size, still readable', async () => {
    const { zpl } = await labels(carrierName, trackingNumber);
    const at300: StoredLabel = { ...zpl, bytes: (await printedZpl(zpl, 300)).job.bytes, dpi: 300 };
    const { job, png } = await printedZpl(at300, 203);
    expect(job.path).toBe('zpl-rescaled');
    expect(job.warning).toMatch(/300 dpi ZPL but the printer is 203 dpi/);
    expect(pngSize(png)).toEqual({ width: 812, height: 1218 });
    const native = (await printedZpl(zpl, 203)).png;
    const ratio = (await barcodeInches(png, 203)) / (await barcodeInches(native, 203));
    expect(ratio).toBeGreaterThan(0.98);
    expect(ratio).toBeLessThan(1.02);
  });

  it('fills the 4×6 label with the rescaled picture where native ZPL puts ink', async () => {
    const { zpl } = await labels(carrierName, trackingNumber);
    const native = inkInches((await printedZpl(zpl, 203)).png, 203);
    const rescaled = inkInches((await printedZpl(zpl, 300)).png, 300);
    for (const side of ['left', 'top', 'right', 'bottom'] as const) {
      expect(Math.abs(rescaled[side] - native[side]), side).toBeLessThan(0.02);
    }
    // Ink reaches within a quarter inch of the right edge and most of the way down.
    expect(rescaled.right).toBeGreaterThan(3.75);
    expect(rescaled.bottom).toBeGreaterThan(5.5);
  });
});

describe('labels that are not what they claim', () => {
  it('calls a corrupt PDF label-invalid on every printer', async () => {
    const { pdf } = await labels('DHL', 'JJD000390012345678901');
    const corrupt: StoredLabel = { ...pdf, bytes: pdf.bytes.subarray(0, 200) };
    for (const printer of [zplPrinter(203), zplPrinter(300), pdfPrinter('A6'), pdfPrinter('A4')]) {
      await expect(prepareLabel(corrupt, printer)).rejects.toMatchObject({ code: 'label-invalid' });
    }
  });

  it('calls a "ZPL" label without ^XA label-invalid on every printer', async () => {
    const page = Buffer.from('<html><body>Label temporarily unavailable</body></html>');
    const mislabelled: StoredLabel = { bytes: page, format: 'zpl', dpi: 203 };
    for (const printer of [zplPrinter(203), zplPrinter(300), pdfPrinter('A6')]) {
      await expect(prepareLabel(mislabelled, printer)).rejects.toMatchObject({
        code: 'label-invalid',
      });
    }
  });
});
