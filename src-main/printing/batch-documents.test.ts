import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  mergeLabelsA4FourUp,
  mergeLabelsA6,
  splitPdfPages,
  splitZplLabels,
} from './batch-documents';
import type { StoredLabel } from './formats';

const MM = 72 / 25.4;
const A6: [number, number] = [105 * MM, 148 * MM];

/** A PDF with a page of each size, each page a black square. */
async function pdfOf(...sizes: [number, number][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const size of sizes) {
    doc.addPage(size).drawRectangle({ x: 10, y: 10, width: 20, height: 20, color: rgb(0, 0, 0) });
  }
  return Buffer.from(await doc.save());
}

const sizesOf = async (pdf: Buffer) =>
  (await PDFDocument.load(pdf)).getPages().map((page) => {
    const { width, height } = page.getSize();
    return [Math.round(width), Math.round(height)];
  });

const pdfLabel = async (): Promise<StoredLabel> => ({
  bytes: await pdfOf(A6),
  format: 'pdf',
  dpi: 72,
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('splitZplLabels', () => {
  const one = (n: number) => `^XA\n^FO40,40^A0N,30,30^FDLabel ${n}^FS\n^XZ\n`;

  it('cuts concatenated ZPL into one ^XA…^XZ label each, with nothing lost between them', () => {
    const input = Buffer.from(one(1) + one(2) + one(3));
    const pieces = splitZplLabels(input);
    expect(pieces.map((piece) => piece.toString())).toEqual([one(1), one(2), one(3)]);
    expect(Buffer.concat(pieces).equals(input)).toBe(true);
  });

  it('keeps a graphic downloaded before a label with that label, and reads lowercase commands', () => {
    const download = '~DGR:LOGO.GRF,4,1,FFFFFFFF\n';
    const second = `${download}^xa^FO0,0^XGR:LOGO.GRF,1,1^FS^xz`;
    expect(splitZplLabels(Buffer.from(one(1) + second)).map((piece) => piece.toString())).toEqual([
      one(1),
      second,
    ]);
  });

  it('sends commands after the last label with it, so the printer still gets them', () => {
    expect(splitZplLabels(Buffer.from(`${one(1)}${one(2)}~JR`)).map(String)).toEqual([
      one(1),
      `${one(2)}~JR`,
    ]);
  });

  it('refuses input with no label, and a last label cut off before its ^XZ', () => {
    expect(thrown(() => splitZplLabels(Buffer.from('%PDF-1.7 not ZPL')))).toMatchObject({
      code: 'label-invalid',
      said: { key: 'printer.label.notZpl' },
    });
    expect(thrown(() => splitZplLabels(Buffer.from(one(1) + '^XA^FO40,40^FDLab')))).toMatchObject({
      code: 'label-invalid',
      said: { key: 'printer.label.zplCutOff' },
    });
  });
});

describe('splitPdfPages', () => {
  it('makes a one-page PDF of every page, in page order, each its own size', async () => {
    const pieces = await splitPdfPages(await pdfOf(A6, [288, 432], A6));
    expect(await Promise.all(pieces.map(sizesOf))).toEqual([
      [[298, 420]],
      [[288, 432]],
      [[298, 420]],
    ]);
  });

  it('calls a file that is not a PDF label-invalid', async () => {
    await expect(splitPdfPages(Buffer.from('^XA^XZ'))).rejects.toMatchObject({
      code: 'label-invalid',
      said: { key: 'printer.label.notPdf' },
    });
  });
});

describe('mergeLabelsA6 and mergeLabelsA4FourUp', () => {
  it('make an A6 page a label, and an A4 sheet for every four begun', async () => {
    const labels = await Promise.all(Array.from({ length: 9 }, pdfLabel));
    expect(await sizesOf(await mergeLabelsA6(labels))).toEqual(Array(9).fill([298, 420]));
    expect(await sizesOf(await mergeLabelsA4FourUp(labels))).toEqual(Array(3).fill([595, 842]));
    expect(await sizesOf(await mergeLabelsA4FourUp(labels.slice(0, 4)))).toEqual([[595, 842]]);
  });

  it('make the same bytes from the same labels, so a saved batch can be compared', async () => {
    const labels = [await pdfLabel(), await pdfLabel()];
    expect((await mergeLabelsA6(labels)).equals(await mergeLabelsA6(labels))).toBe(true);
  });

  it('refuse a label that is not what it says it is, and an empty batch', async () => {
    const good = await pdfLabel();
    await expect(
      mergeLabelsA6([good, { bytes: Buffer.from('not a pdf'), format: 'pdf', dpi: 72 }]),
    ).rejects.toMatchObject({ code: 'label-invalid', said: { key: 'printer.label.notPdf' } });
    await expect(
      mergeLabelsA4FourUp([{ bytes: Buffer.from('no start'), format: 'zpl', dpi: 203 }]),
    ).rejects.toMatchObject({ code: 'label-invalid', said: { key: 'printer.label.notZpl' } });
    await expect(mergeLabelsA6([])).rejects.toBeInstanceOf(RangeError);
  });
});
