import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors';
import {
  inspectPdf,
  placeLabelOnPaper,
  renderPdfToBitmap,
  renderPdfToPng,
  type Bitmap,
  type QuarterPosition,
} from './pdf';

const MM = 72 / 25.4;
const A6: [number, number] = [105 * MM, 148 * MM];

/** A one-page PDF of `size` points, black where `black` says (x, y from the bottom left). */
async function pdfPage(
  size: [number, number],
  black: { x: number; y: number; width: number; height: number } | 'all',
  text?: string,
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(size);
  const rect = black === 'all' ? { x: 0, y: 0, width: size[0], height: size[1] } : black;
  page.drawRectangle({ ...rect, color: rgb(0, 0, 0) });
  if (text) {
    page.drawText(text, {
      x: 5,
      y: 5,
      size: 10,
      font: await doc.embedFont(StandardFonts.Helvetica),
    });
  }
  return Buffer.from(await doc.save());
}

const grey = (bitmap: Bitmap, x: number, y: number) => bitmap.data[(y * bitmap.width + x) * 4];

/** The box holding every dark pixel, in pixels. */
function inkBox(bitmap: Bitmap) {
  let left = Infinity;
  let top = Infinity;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if ((grey(bitmap, x, y) ?? 255) < 128) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  return { left, top, right, bottom };
}

/** Each side of the box within a pixel of where it should be: page edges may be part-covered. */
function expectNear(box: ReturnType<typeof inkBox>, expected: ReturnType<typeof inkBox>) {
  for (const side of ['left', 'top', 'right', 'bottom'] as const) {
    expect(Math.abs(box[side] - expected[side]), side).toBeLessThanOrEqual(1);
  }
}

afterEach(() => vi.restoreAllMocks());

describe('renderPdfToBitmap', () => {
  it('draws the page at dpi/72 pixels a point, on white', async () => {
    // 1×2 inches with a black half-inch square one inch from the top.
    const pdf = await pdfPage([72, 144], { x: 36, y: 36, width: 36, height: 36 });
    const bitmap = await renderPdfToBitmap(pdf, { dpi: 100 });
    expect([bitmap.width, bitmap.height]).toEqual([100, 200]);
    expect(bitmap.data.length).toBe(100 * 200 * 4);
    expect(inkBox(bitmap)).toEqual({ left: 50, top: 100, right: 99, bottom: 149 });
    expect([...bitmap.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it('fits the page inside a size, centred on whole pixels', async () => {
    // A 2×1 inch page, all black, into 1×1 inch: half the scale, a 25-pixel band above and below.
    const bitmap = await renderPdfToBitmap(await pdfPage([144, 72], 'all'), {
      dpi: 100,
      fit: { widthIn: 1, heightIn: 1 },
    });
    expect([bitmap.width, bitmap.height]).toEqual([100, 100]);
    expect(inkBox(bitmap)).toEqual({ left: 0, top: 25, right: 99, bottom: 74 });
  });

  it('renders the standard fonts from its own data, without warnings on the console', async () => {
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    const pdf = await pdfPage([200, 40], { x: 0, y: 0, width: 1, height: 1 }, 'Helvetica 123');
    const bitmap = await renderPdfToBitmap(pdf, { dpi: 144 });
    expect(inkBox(bitmap).right).toBeGreaterThan(100);
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('calls a file that is not a PDF, or a page it does not have, label-invalid', async () => {
    await expect(renderPdfToBitmap(Buffer.from('not a pdf'), { dpi: 72 })).rejects.toMatchObject({
      code: 'label-invalid',
    });
    const pdf = await pdfPage([72, 72], 'all');
    await expect(renderPdfToBitmap(pdf, { dpi: 72, page: 2 })).rejects.toBeInstanceOf(AppError);
  });
});

describe('renderPdfToPng', () => {
  it('is a PNG of the page at 150 dpi unless told otherwise', async () => {
    const png = await renderPdfToPng(await pdfPage(A6, 'all'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([620, 874]);
  });
});

describe('placeLabelOnPaper', () => {
  it('keeps an A6 label on an A6 page, unscaled', async () => {
    const placed = await placeLabelOnPaper(await pdfPage(A6, 'all'), 'A6');
    const { width, height } = await inspectPdf(placed);
    expect([width, height].map(Math.round)).toEqual([298, 420]);
    const bitmap = await renderPdfToBitmap(placed, { dpi: 72 });
    expectNear(inkBox(bitmap), { left: 0, top: 0, right: 297, bottom: 419 });
  });

  it('scales a 4×6 inch page to fit A6 and centres it', async () => {
    const placed = await placeLabelOnPaper(await pdfPage([288, 432], 'all'), 'A6');
    const bitmap = await renderPdfToBitmap(placed, { dpi: 72 });
    // 4×6 is taller than A6: the full height, 97% of 4 inches wide, centred.
    const box = inkBox(bitmap);
    const width = 288 * (A6[1] / 432);
    const left = (A6[0] - width) / 2;
    expectNear(box, {
      left: Math.round(left),
      top: 0,
      right: Math.round(left + width) - 1,
      bottom: 419,
    });
  });

  it.each([
    [0, 'top left', { left: 0, top: 0 }],
    [1, 'top right', { left: 298, top: 0 }],
    [2, 'bottom left', { left: 0, top: 420 }],
    [3, 'bottom right', { left: 298, top: 420 }],
  ] as const)('puts an A6 label on A4 at position %i (%s), unscaled', async (position, _, at) => {
    const placed = await placeLabelOnPaper(
      await pdfPage(A6, 'all'),
      'A4',
      position as QuarterPosition,
    );
    expect((await inspectPdf(placed)).height).toBeCloseTo(297 * MM, 3);
    const box = inkBox(await renderPdfToBitmap(placed, { dpi: 72 }));
    expect(Math.abs(box.left - at.left)).toBeLessThanOrEqual(1);
    expect(Math.abs(box.top - at.top)).toBeLessThanOrEqual(1);
    expect(Math.abs(box.right - box.left + 1 - A6[0])).toBeLessThanOrEqual(1);
    expect(Math.abs(box.bottom - box.top + 1 - A6[1])).toBeLessThanOrEqual(1);
  });

  it('calls a file that is not a PDF label-invalid', async () => {
    await expect(placeLabelOnPaper(Buffer.from('%PDF-1.7 nothing'), 'A6')).rejects.toMatchObject({
      code: 'label-invalid',
    });
  });
});
