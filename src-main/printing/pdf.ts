// PDF labels as pictures and on paper: pdfjs-dist renders a page at a printer's own resolution,
// pdf-lib places an A6 label on the sheet a normal printer takes.
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { msg } from '../../src-shared';
import { AppError } from '../errors';

/** A picture in memory: RGBA, four bytes a pixel, row after row from the top. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export type Paper = 'A6' | 'A4';
export type QuarterPosition = 0 | 1 | 2 | 3;

const MM = 72 / 25.4;
/** Portrait page sizes in points. */
export const PAPER: Record<Paper, readonly [number, number]> = {
  A6: [105 * MM, 148 * MM],
  A4: [210 * MM, 297 * MM],
};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** The part of @napi-rs/canvas, pdfjs's canvas in Node, that this file uses. */
interface NodeCanvas {
  width: number;
  height: number;
  encode(format: 'png'): Promise<Buffer>;
}
interface CanvasFactory {
  create(width: number, height: number): { canvas: NodeCanvas; context: CanvasRenderingContext2D };
  destroy(canvasAndContext: { canvas: NodeCanvas; context: CanvasRenderingContext2D }): void;
}

// pdfjs is a few MB of code that only PDF labels need: load it on the first one.
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

// The labels use the 14 standard fonts, which a PDF does not embed; without pdfjs's own copies it
// warns on every page and substitutes. In Node pdfjs reads this directory with fs.
let fontDir: string | undefined;
const standardFontDataUrl = () =>
  (fontDir ??=
    path.join(
      path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
      'standard_fonts',
    ) + path.sep);

async function openPdf(pdf: Uint8Array): Promise<PdfDocument> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  try {
    // In Node the legacy build runs its worker code in this thread ("fake worker"), so no
    // workerSrc is set. The data is copied because pdfjs takes ownership of what it is given.
    return await getDocument({
      data: new Uint8Array(pdf),
      standardFontDataUrl: standardFontDataUrl(),
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    throw new AppError('label-invalid', msg('printer.label.notPdf'), { cause: error });
  }
}

export interface RenderOptions {
  /** The printer's resolution: the page is drawn at dpi/72 pixels a point. */
  dpi: number;
  page?: number;
  /**
   * Draw the page scaled to fit inside this many inches, centred, on a bitmap of exactly that
   * size at `dpi` (a 4×6 label at 203 dpi is 812×1218). Without it the bitmap is the page.
   */
  fit?: { widthIn: number; heightIn: number };
}

async function renderPage<T>(
  pdf: Uint8Array,
  { dpi, page = 1, fit }: RenderOptions,
  use: (canvas: NodeCanvas, context: CanvasRenderingContext2D) => Promise<T> | T,
): Promise<T> {
  const doc = await openPdf(pdf);
  try {
    if (!Number.isInteger(page) || page < 1 || page > doc.numPages) {
      throw new AppError('label-invalid', msg('printer.label.noPage', { page }));
    }
    const pdfPage = await doc.getPage(page).catch((error: unknown) => {
      throw new AppError('label-invalid', msg('printer.label.pageUnreadable', { page }), {
        cause: error,
      });
    });
    const unit = pdfPage.getViewport({ scale: 1 });
    let scale = dpi / 72;
    let width = Math.round(unit.width * scale);
    let height = Math.round(unit.height * scale);
    let offsetX = 0;
    let offsetY = 0;
    if (fit) {
      scale *= Math.min((fit.widthIn * 72) / unit.width, (fit.heightIn * 72) / unit.height);
      width = Math.round(fit.widthIn * dpi);
      height = Math.round(fit.heightIn * dpi);
      // Whole-pixel offsets keep the page on the pixel grid: a half-pixel shift would turn every
      // bar edge grey and let the threshold move it.
      offsetX = Math.round((width - unit.width * scale) / 2);
      offsetY = Math.round((height - unit.height * scale) / 2);
    }
    const factory = doc.canvasFactory as CanvasFactory;
    const target = factory.create(width, height);
    try {
      await pdfPage.render({
        canvas: target.canvas as unknown as HTMLCanvasElement,
        viewport: pdfPage.getViewport({ scale }),
        transform: [1, 0, 0, 1, offsetX, offsetY],
        background: 'rgb(255,255,255)',
        intent: 'print',
      }).promise;
      return await use(target.canvas, target.context);
    } finally {
      factory.destroy(target);
    }
  } finally {
    await doc.destroy();
  }
}

/** One page of a PDF as an RGBA bitmap on white, at the printer's own resolution. */
export function renderPdfToBitmap(pdf: Uint8Array, options: RenderOptions): Promise<Bitmap> {
  return renderPage(pdf, options, (canvas, context) => {
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: image.width, height: image.height, data: image.data };
  });
}

/** The first page as a PNG for the UI's preview. */
export function renderPdfToPng(
  pdf: Uint8Array,
  { dpi = 150 }: { dpi?: number } = {},
): Promise<Buffer> {
  return renderPage(pdf, { dpi }, (canvas) => canvas.encode('png'));
}

/** Page count and first-page size in points, or label-invalid if pdfjs cannot open it. */
export async function inspectPdf(
  pdf: Uint8Array,
): Promise<{ pages: number; width: number; height: number }> {
  const doc = await openPdf(pdf);
  try {
    if (doc.numPages < 1) throw new AppError('label-invalid', msg('printer.label.noPages'));
    const { width, height } = (await doc.getPage(1)).getViewport({ scale: 1 });
    return { pages: doc.numPages, width, height };
  } finally {
    await doc.destroy();
  }
}

const isA6 = (size: Size) =>
  Math.abs(size.width - PAPER.A6[0]) < 1 && Math.abs(size.height - PAPER.A6[1]) < 1;

interface Size {
  width: number;
  height: number;
}

/** Where a label's drawing goes on a page: its bottom-left corner and its scale, in points. */
export interface Placement {
  x: number;
  y: number;
  scale: number;
}

/**
 * Where a label of `size` points goes on the paper a normal printer takes. On A6 it fills the
 * page (a 4×6 page is scaled to fit, a 4×6 label being 4 mm taller than A6). On A4 the A6 label
 * keeps its size in one quarter, `position` 0 top left, 1 top right, 2 bottom left, 3 bottom
 * right, as on Sendcloud's sheets, so a packer can use the rest of the sheet for the next labels.
 */
export function labelPlacement(size: Size, paper: Paper, position: QuarterPosition = 0): Placement {
  const [slotW, slotH] = PAPER.A6;
  const pageH = PAPER[paper][1];
  const scale = isA6(size) ? 1 : Math.min(slotW / size.width, slotH / size.height);
  const column = paper === 'A4' ? position % 2 : 0;
  const row = paper === 'A4' ? Math.floor(position / 2) : 0;
  return {
    x: column * slotW + (slotW - size.width * scale) / 2,
    y: pageH - (row + 1) * slotH + (slotH - size.height * scale) / 2,
    scale,
  };
}

/**
 * The first page of a label PDF, embedded in `out` to be drawn; label-invalid when pdf-lib cannot
 * read it. A label embedded once can be drawn on any number of pages.
 */
export async function embedLabelPage(out: PDFDocument, pdf: Uint8Array) {
  try {
    const source = await PDFDocument.load(pdf, { updateMetadata: false });
    if (source.getPageCount() < 1) throw new Error('no pages');
    const [page] = await out.embedPdf(source, [0]);
    if (!page) throw new Error('no page embedded');
    return page;
  } catch (error) {
    throw new AppError('label-invalid', msg('printer.label.notPdf'), { cause: error });
  }
}

/** The label's first page on the paper a normal printer takes, placed as `labelPlacement` says. */
export async function placeLabelOnPaper(
  pdfA6: Uint8Array,
  paper: Paper,
  position: QuarterPosition = 0,
): Promise<Buffer> {
  const out = await PDFDocument.create();
  const label = await embedLabelPage(out, pdfA6);
  const { x, y, scale } = labelPlacement(label, paper, position);
  out.addPage([...PAPER[paper]]).drawPage(label, { x, y, xScale: scale, yScale: scale });
  return Buffer.from(await out.save());
}

/** A one-page PDF of `png` at `widthIn`×`heightIn` inches, for a picture of a label. */
export async function pngToPdf(
  png: Uint8Array,
  widthIn: number,
  heightIn: number,
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(png);
  const page = doc.addPage([widthIn * 72, heightIn * 72]);
  page.drawImage(image, { x: 0, y: 0, width: widthIn * 72, height: heightIn * 72 });
  return Buffer.from(await doc.save());
}
