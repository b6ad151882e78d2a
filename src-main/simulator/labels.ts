// Real label files: a 4×6 inch ZPL II label at 203 dpi (812×1218 dots) and the same label as a
// PDF on A6, A5 or A4 paper, both with a Code 128 barcode of the tracking number.
import bwipjs from 'bwip-js/node';
import {
  PDFDocument,
  StandardFonts,
  concatTransformationMatrix,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { V3Address } from './wire';
import { renderZplToPng } from '../zpl-render';

export type LabelFormat = 'zpl' | 'pdf' | 'png';

export interface LabelData {
  trackingNumber: string;
  carrierName: string;
  /** The service line, e.g. `Standard`. */
  service: string;
  orderNumber: string;
  parcelId: number;
  weightKg: number;
  /** ISO 8601. */
  createdAt: string;
  sender: V3Address;
  recipient: V3Address;
  /** Printed large under the barcode, e.g. that this is an unstamped test letter. */
  notice?: string;
  /** Box `nr` of `count` of one multicollo shipment: printed large as `1/3`, as carriers do. */
  collo?: { nr: number; count: number };
}

/** The box mark carriers print on a multicollo label: `Box 2/3`. */
export const colloText = (collo: { nr: number; count: number }) => `Box ${collo.nr}/${collo.count}`;

export const LABEL_WIDTH_DOTS = 812;
export const LABEL_HEIGHT_DOTS = 1218;
const FOOTER = 'PACKDESK SIMULATOR - NOT A VALID SHIPPING LABEL';

const countryNames: Record<string, string> = {
  NL: 'NETHERLANDS',
  BE: 'BELGIUM',
  DE: 'GERMANY',
  FR: 'FRANCE',
};

/** Address lines in the order a postal worker reads them. */
export function addressLines(address: V3Address): string[] {
  // France writes the house number before the street.
  const street =
    address.country_code === 'FR'
      ? `${address.house_number} ${address.address_line_1}`
      : `${address.address_line_1} ${address.house_number}`;
  return [
    address.name,
    ...(address.company_name ? [address.company_name] : []),
    street,
    ...(address.address_line_2 ? [address.address_line_2] : []),
    `${address.postal_code} ${address.city.toUpperCase()}`,
    countryNames[address.country_code] ?? address.country_code,
  ];
}

/** ZPL field data must not contain the command prefixes. */
const zplText = (text: string) => text.replace(/[\^~\p{Cc}]/gu, ' ');

/** Dots a Code 128 symbol needs per module width, counting digit pairs as code set C does. */
function code128Modules(text: string): number {
  let symbols = 0;
  for (const run of text.match(/\d{4,}|\D+|\d{1,3}/g) ?? []) {
    symbols += /^\d{4,}$/.test(run) ? Math.ceil(run.length / 2) + 1 : run.length;
  }
  // Start, check and stop symbols; stop is 13 modules.
  return (symbols + 2) * 11 + 13;
}

export function renderZplLabel(data: LabelData): Buffer {
  const lines: string[] = [
    '^XA',
    '^CI28',
    `^PW${LABEL_WIDTH_DOTS}`,
    `^LL${LABEL_HEIGHT_DOTS}`,
    '^LH0,0',
  ];
  const text = (x: number, y: number, size: number, value: string) =>
    lines.push(`^FO${x},${y}^A0N,${size},${size}^FD${zplText(value)}^FS`);

  text(40, 40, 24, 'FROM');
  addressLines(data.sender)
    .slice(0, 5)
    .forEach((line, index) => text(40, 72 + index * 32, 28, line));

  lines.push('^FO500,40^GB272,170,4^FS');
  lines.push(`^FO500,70^FB272,1,0,C,0^A0N,56,56^FD${zplText(data.carrierName)}^FS`);
  lines.push(`^FO500,140^FB272,1,0,C,0^A0N,30,30^FD${zplText(data.service)}^FS`);
  lines.push('^FO40,240^GB732,4,4^FS');

  text(40, 262, 24, 'TO');
  addressLines(data.recipient).forEach((line, index) =>
    text(40, 300 + index * 56, index === 0 ? 50 : 44, line),
  );

  lines.push('^FO40,660^GB732,4,4^FS');
  text(40, 685, 30, `Order ${data.orderNumber}`);
  text(40, 725, 30, `Weight ${data.weightKg.toFixed(2)} kg`);
  text(430, 685, 30, `Parcel ${data.parcelId}`);
  text(430, 725, 30, `Date ${data.createdAt.slice(0, 10)}`);
  if (data.collo) {
    lines.push(`^FO500,590^FB272,1,0,C,0^A0N,60,60^FD${colloText(data.collo)}^FS`);
  }
  lines.push('^FO40,775^GB732,4,4^FS');

  // The widest module that still fits, and the barcode centred on the label.
  const modules = code128Modules(data.trackingNumber);
  const moduleWidth = Math.max(1, Math.min(4, Math.floor(700 / modules)));
  const x = Math.max(20, Math.round((LABEL_WIDTH_DOTS - modules * moduleWidth) / 2));
  lines.push(`^BY${moduleWidth},3,220`);
  lines.push(`^FO${x},820^BCN,220,Y,N,N,A^FD${zplText(data.trackingNumber)}^FS`);
  if (data.notice) {
    lines.push(`^FO40,1096^FB732,1,0,C,0^A0N,36,36^FD${zplText(data.notice)}^FS`);
  }

  lines.push('^FO40,1140^GB732,2,2^FS');
  lines.push(`^FO40,1160^FB732,1,0,C,0^A0N,24,24^FD${FOOTER}^FS`);
  lines.push('^PQ1,0,1,Y', '^XZ');
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

/** pdf-lib's standard fonts speak WinAnsi; fold anything else to its base letter. */
const winAnsi = (text: string) =>
  [...text]
    .map((char) =>
      char.charCodeAt(0) <= 0xff ? char : char.normalize('NFD').replace(/[^\x20-\xff]/g, ''),
    )
    .join('');

const POINTS_PER_DOT = 72 / 203;
/** The label's own drawing space: 4×6 inches in points. */
const LABEL_W = 288;
const LABEL_H = 432;
const MM = 72 / 25.4;

export type PaperSize = 'A4' | 'A5' | 'A6';
/** Page sizes in points, portrait. */
export const PAPER_POINTS: Record<PaperSize, readonly [number, number]> = {
  A4: [210 * MM, 297 * MM],
  A5: [148 * MM, 210 * MM],
  A6: [105 * MM, 148 * MM],
};

/** One label as a PDF on an A6 page: the size labels come in. */
export function renderPdfLabel(data: LabelData): Promise<Buffer> {
  return renderPdfLabels([data], 'A6');
}

/**
 * Labels as one PDF, a page per label. On A6 the 4×6 label is shrunk to fill the page; on A5 and
 * A4 it keeps its A6 size in one quarter of the sheet (`position` 0 top left … 3 bottom right),
 * the way Sendcloud's normal-printer sheets place it.
 */
export async function renderPdfLabels(
  labels: readonly LabelData[],
  paper: PaperSize,
  position = 0,
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const first = labels[0];
  const created = new Date(first?.createdAt ?? 0);
  doc.setTitle(first ? `Label ${first.trackingNumber}` : 'Labels');
  // A reader (or a test) sees what the label is without rendering it.
  if (first?.notice && labels.every((label) => label.notice === first.notice)) {
    doc.setSubject(first.notice);
  }
  doc.setProducer('Packdesk simulator');
  doc.setCreator('Packdesk simulator');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const [pageW, pageH] = PAPER_POINTS[paper];
  const [a6W, a6H] = PAPER_POINTS.A6;
  for (const data of labels) {
    const page = doc.addPage([pageW, pageH]);
    const slotW = paper === 'A6' ? pageW : a6W;
    const slotH = paper === 'A6' ? pageH : a6H;
    const column = paper === 'A4' ? position % 2 : 0;
    const row = paper === 'A4' ? Math.floor(position / 2) : 0;
    const scale = Math.min(slotW / LABEL_W, slotH / LABEL_H);
    const slotX = column * a6W;
    const slotTop = pageH - row * a6H;
    const x = slotX + (slotW - LABEL_W * scale) / 2;
    const y = slotTop - slotH + (slotH - LABEL_H * scale) / 2;
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(scale, 0, 0, scale, x, y));
    await drawLabel(doc, page, fonts, data);
    page.pushOperators(popGraphicsState());
  }
  return Buffer.from(await doc.save());
}

/** Draw one label in its 288×432 point space, laid out on the same dot grid as the ZPL label. */
async function drawLabel(
  doc: PDFDocument,
  page: PDFPage,
  fonts: { regular: PDFFont; bold: PDFFont },
  data: LabelData,
): Promise<void> {
  const { regular, bold } = fonts;
  const at = (dots: number) => dots * POINTS_PER_DOT;
  const text = (x: number, y: number, size: number, value: string, font: PDFFont = regular) =>
    page.drawText(winAnsi(value), {
      x: at(x),
      y: LABEL_H - at(y) - size * 0.8,
      size,
      font,
    });
  const rule = (y: number, thickness = 1.2) =>
    page.drawLine({
      start: { x: at(40), y: LABEL_H - at(y) },
      end: { x: at(772), y: LABEL_H - at(y) },
      thickness,
      color: rgb(0, 0, 0),
    });

  text(40, 40, 8, 'FROM', bold);
  addressLines(data.sender)
    .slice(0, 5)
    .forEach((line, index) => text(40, 72 + index * 32, 9, line));

  page.drawRectangle({
    x: at(500),
    y: LABEL_H - at(210),
    width: at(272),
    height: at(170),
    borderWidth: 1.4,
    borderColor: rgb(0, 0, 0),
  });
  centered(page, bold, 19, data.carrierName, at(500), at(272), LABEL_H - at(70) - 15);
  centered(page, regular, 10, data.service, at(500), at(272), LABEL_H - at(140) - 8);
  rule(240);

  text(40, 262, 8, 'TO', bold);
  addressLines(data.recipient).forEach((line, index) =>
    text(40, 300 + index * 56, index === 0 ? 17 : 15, line, index === 0 ? bold : regular),
  );

  rule(660);
  text(40, 685, 10, `Order ${data.orderNumber}`);
  text(40, 725, 10, `Weight ${data.weightKg.toFixed(2)} kg`);
  text(430, 685, 10, `Parcel ${data.parcelId}`);
  text(430, 725, 10, `Date ${data.createdAt.slice(0, 10)}`);
  if (data.collo) {
    centered(page, bold, 20, colloText(data.collo), at(500), at(272), LABEL_H - at(590) - 16);
  }
  rule(775);

  const png = await bwipjs.toBuffer({
    bcid: 'code128',
    text: data.trackingNumber,
    scale: 3,
    height: 20,
    includetext: true,
    textxalign: 'center',
    textsize: 10,
  });
  const image = await doc.embedPng(png);
  const maxWidth = at(700);
  // One bwip-js pixel per ZPL dot, so both labels carry the same module width.
  const width = Math.min(maxWidth, image.width * POINTS_PER_DOT);
  const height = (image.height / image.width) * width;
  page.drawImage(image, {
    x: (LABEL_W - width) / 2,
    y: LABEL_H - at(820) - height,
    width,
    height,
  });

  if (data.notice) centered(page, bold, 12, data.notice, at(40), at(732), LABEL_H - at(1096) - 10);
  rule(1140, 0.7);
  centered(page, regular, 8, FOOTER, at(40), at(732), LABEL_H - at(1160) - 7);
}

function centered(
  page: PDFPage,
  font: PDFFont,
  size: number,
  value: string,
  x: number,
  width: number,
  y: number,
) {
  const clean = winAnsi(value);
  // A name too long for its box (`Sendcloud` in the carrier box) is set smaller, not cut off.
  const room = width * 0.94;
  const fitted = Math.min(size, (size * room) / Math.max(1, font.widthOfTextAtSize(clean, size)));
  const textWidth = font.widthOfTextAtSize(clean, fitted);
  page.drawText(clean, { x: x + (width - textWidth) / 2, y, size: fitted, font });
}

/**
 * A PNG of the ZPL label, rendered the way a 203 dpi printer would print it. The renderer is
 * WebAssembly and takes a moment to start, so it is loaded on the first PNG only.
 */
export function renderPngLabel(zpl: Buffer): Promise<Buffer> {
  return renderZplToPng(zpl, 203);
}
