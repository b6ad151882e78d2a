// The documents a batch of labels is printed from: many stored labels merged into one PDF (an A6
// page each, or four to an A4 sheet), and Sendcloud's bulk label documents split back into one
// label per parcel.
import zlib from 'node:zlib';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { msg } from '../../src-shared';
import { AppError } from '../errors';
import { renderZplToPng } from '../zpl-render';
import { assertZpl, type StoredLabel } from './formats';
import {
  embedLabelPage,
  inspectPdf,
  labelPlacement,
  PAPER,
  type Paper,
  type Placement,
  type QuarterPosition,
} from './pdf';
import { decodePngGrey, toMono, type MonoImage } from './raster';

/** A label embedded once in the merged document, drawn wherever the layout puts it. */
interface EmbeddedLabel {
  width: number;
  height: number;
  draw(page: PDFPage, at: Placement): void;
}

/** A ZPL label is drawn as its picture at 4×6 inches, as prepareLabel prints it on paper. */
const ZPL_PICTURE = { width: 4 * 72, height: 6 * 72 };

async function embedLabel(out: PDFDocument, label: StoredLabel): Promise<EmbeddedLabel> {
  if (label.format === 'zpl') {
    assertZpl(label.bytes);
    const picture = embedMonoImage(
      out,
      toMono(decodePngGrey(await renderZplToPng(label.bytes, label.dpi))),
    );
    return {
      ...ZPL_PICTURE,
      draw: (page, { x, y, scale }) => {
        const name = page.node.newXObject('Label', picture);
        page.pushOperators(
          pushGraphicsState(),
          concatTransformationMatrix(
            ZPL_PICTURE.width * scale,
            0,
            0,
            ZPL_PICTURE.height * scale,
            x,
            y,
          ),
          drawObject(name),
          popGraphicsState(),
        );
      },
    };
  }
  const embedded = await embedLabelPage(out, label.bytes);
  return {
    width: embedded.width,
    height: embedded.height,
    draw: (page, { x, y, scale }) =>
      page.drawPage(embedded, { x, y, xScale: scale, yScale: scale }),
  };
}

/**
 * A ZPL label's picture as a one-bit image, thresholded as a thermal printer would print it. A
 * tenth of the time pdf-lib's embedPng takes, which inflates, splits and deflates RGBA in
 * JavaScript (about 90 ms a label here), and a fifth of the size.
 */
function embedMonoImage(out: PDFDocument, mono: MonoImage): PDFRef {
  const stream = out.context.stream(zlib.deflateSync(mono.bits), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: mono.width,
    Height: mono.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
    // toMono's 1 is black; DeviceGray's 1 is white.
    Decode: [1, 0],
    Filter: 'FlateDecode',
  });
  return out.context.register(stream);
}

/**
 * One document with `perSheet` labels a sheet, in the order given. Each label is read and
 * embedded once; no metadata dates, so the same labels always make the same bytes.
 */
async function merge(labels: readonly StoredLabel[], paper: Paper): Promise<Buffer> {
  if (labels.length === 0) throw new RangeError('A merged label document needs a label.');
  const perSheet = paper === 'A4' ? 4 : 1;
  const out = await PDFDocument.create({ updateMetadata: false });
  let page: PDFPage | undefined;
  for (const [index, label] of labels.entries()) {
    const embedded = await embedLabel(out, label);
    const position = (index % perSheet) as QuarterPosition;
    if (position === 0) page = out.addPage([...PAPER[paper]]);
    embedded.draw(page!, labelPlacement(embedded, paper, position));
  }
  return Buffer.from(await out.save());
}

/** One PDF, one A6 page a label, in the given order; 4×6 pages and ZPL pictures fit to A6. */
export function mergeLabelsA6(labels: readonly StoredLabel[]): Promise<Buffer> {
  return merge(labels, 'A6');
}

/**
 * A4 sheets of four A6 labels: label i on sheet floor(i/4) at quarter i%4 (0 top left, 1 top
 * right, 2 bottom left, 3 bottom right); the last sheet may be partly empty.
 */
export function mergeLabelsA4FourUp(labels: readonly StoredLabel[]): Promise<Buffer> {
  return merge(labels, 'A4');
}

/**
 * A bulk label document (Sendcloud's `/parcel-documents/label`, a page per parcel in the order
 * asked) as one single-page PDF per label, in page order. label-invalid when it is not a PDF.
 */
export async function splitPdfPages(pdf: Buffer): Promise<Buffer[]> {
  // pdfjs is the judge, as for a single label: pdf-lib alone reads some files pdfjs cannot.
  await inspectPdf(pdf);
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new AppError('label-invalid', msg('printer.label.notPdf'), { cause: error });
  }
  const pieces: Buffer[] = [];
  for (let index = 0; index < source.getPageCount(); index++) {
    const out = await PDFDocument.create({ updateMetadata: false });
    const [page] = await out.copyPages(source, [index]);
    if (!page)
      throw new AppError('label-invalid', msg('printer.label.pageUnreadable', { page: index + 1 }));
    out.addPage(page);
    pieces.push(Buffer.from(await out.save()));
  }
  return pieces;
}

/**
 * Concatenated ZPL (the bulk endpoint with Accept application/zpl) as one label each: every ^XA
 * … ^XZ with whatever comes before it since the last label (a ~DG graphic download belongs to
 * the label that uses it) and the line end after it, so the pieces put together are the input.
 * Refuses input with no label, or a last label cut off before its ^XZ. Assumes the default ^
 * command prefix: a carrier that changes it with ^CC is not one Sendcloud serves.
 */
export function splitZplLabels(zpl: Buffer): Buffer[] {
  assertZpl(zpl);
  // latin1 keeps one character a byte, so offsets in the text are offsets in the buffer.
  const text = zpl.toString('latin1');
  const pieces: Buffer[] = [];
  const end = /\^XZ\s*/gi;
  let start = 0;
  for (let match = end.exec(text); match; match = end.exec(text)) {
    const stop = match.index + match[0].length;
    if (/\^XA/i.test(text.slice(start, match.index))) {
      // A copy: a stored label should not keep the whole bulk answer alive.
      pieces.push(Buffer.from(zpl.subarray(start, stop)));
      start = stop;
    }
  }
  const rest = text.slice(start);
  if (/\^XA/i.test(rest)) throw new AppError('label-invalid', msg('printer.label.zplCutOff'));
  // Commands after the last label (say a ~JR) still reach the printer, with that label.
  const last = pieces.pop();
  if (last) pieces.push(rest ? Buffer.concat([last, zpl.subarray(start)]) : last);
  return pieces;
}
