// The end-of-day hand-over list of one carrier: an A4 PDF the driver signs, with the carrier,
// the day, the station, the number of parcels, and each parcel's tracking number as text and as
// a Code 128 the driver's scanner reads. Its few words are in the language the person asked in.
import bwipjs from 'bwip-js/node';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { carrierName } from '../../src-shared/carriers';
import { catalogues, type Language } from '../../src-shared/messages/catalogues';
import type { HandoverParcelRecord } from '../store/day';

const mm = 72 / 25.4;
const A4: [number, number] = [210 * mm, 297 * mm];
const MARGIN = 15 * mm;
/** Bars 0.375 mm wide and 12 mm tall: what a parcel scanner reads at arm's length. */
const MODULE_MM = 0.375;
const BAR_HEIGHT = 12 * mm;
const ROW_HEIGHT = 22 * mm;
const HEADER_HEIGHT = 38 * mm;
const SIGNATURE_HEIGHT = 42 * mm;
/** bwip-js pixels per module: the image is scaled to MODULE_MM in the PDF. */
const BWIP_SCALE = 3;

export interface HandoverInput {
  carrier: string;
  /** YYYY-MM-DD, the station's local day. */
  day: string;
  stationName: string;
  language: Language;
  parcels: readonly HandoverParcelRecord[];
  /** When the list was made, ISO 8601. */
  madeAt: string;
}

/**
 * A catalogue text with its {{params}} filled in (the PDF is a document, not a screen); with a
 * numeric `count`, the plural form the language's rules pick, as i18next names them.
 */
function t(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const catalogue = catalogues[language];
  let chosen = key;
  if (typeof params.count === 'number') {
    const form = `${key}_${new Intl.PluralRules(language).select(params.count)}`;
    chosen = catalogue[form] !== undefined ? form : `${key}_other`;
  }
  const text = catalogue[chosen] ?? catalogues.en[chosen] ?? chosen;
  return text.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The standard PDF fonts speak WinAnsi: anything else prints as a question mark. */
function printable(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

async function code128(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: BWIP_SCALE,
    height: 10,
    includetext: false,
    paddingwidth: 0,
    paddingheight: 0,
  });
}

export async function handoverPdf(input: HandoverInput): Promise<Buffer> {
  const { language } = input;
  const doc = await PDFDocument.create();
  const carrier = carrierName(input.carrier);
  doc.setTitle(printable(t(language, 'day.handover.pdf.title', { carrier, day: input.day })));
  doc.setCreator('Packdesk');
  doc.setCreationDate(new Date(input.madeAt));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const text = (page: PDFPage, words: string, x: number, y: number, size: number, f: PDFFont) =>
    page.drawText(printable(words), { x, y, size, font: f, color: rgb(0, 0, 0) });

  const rowsPerPage = Math.floor((A4[1] - 2 * MARGIN - HEADER_HEIGHT) / ROW_HEIGHT);
  const header = (page: PDFPage) => {
    const top = A4[1] - MARGIN;
    text(page, t(language, 'day.handover.pdf.heading', { carrier }), MARGIN, top - 16, 18, bold);
    const facts = [
      t(language, 'day.handover.pdf.day', { day: input.day }),
      t(language, 'day.handover.pdf.station', { station: input.stationName }),
      t(language, 'day.handover.pdf.parcels', { count: input.parcels.length }),
    ].join('   ');
    text(page, facts, MARGIN, top - 16 - 8 * mm, 10, font);
    page.drawLine({
      start: { x: MARGIN, y: top - HEADER_HEIGHT + 6 * mm },
      end: { x: A4[0] - MARGIN, y: top - HEADER_HEIGHT + 6 * mm },
      thickness: 0.8,
    });
  };

  let page = doc.addPage(A4);
  header(page);
  let y = A4[1] - MARGIN - HEADER_HEIGHT;
  for (const [index, parcel] of input.parcels.entries()) {
    if (index > 0 && index % rowsPerPage === 0) {
      page = doc.addPage(A4);
      header(page);
      y = A4[1] - MARGIN - HEADER_HEIGHT;
    }
    const png = await doc.embedPng(await code128(parcel.trackingNumber));
    const width = (png.width / BWIP_SCALE) * MODULE_MM * mm;
    text(page, `${index + 1}.`, MARGIN, y - 10, 10, font);
    text(page, parcel.trackingNumber, MARGIN + 10 * mm, y - 10, 11, bold);
    text(page, parcel.orderNumber, MARGIN + 90 * mm, y - 10, 9, font);
    // Quiet zone: the bars start 10 mm in, nothing else on their line.
    page.drawImage(png, {
      x: MARGIN + 10 * mm,
      y: y - 5 * mm - BAR_HEIGHT,
      width,
      height: BAR_HEIGHT,
    });
    y -= ROW_HEIGHT;
  }
  if (y - SIGNATURE_HEIGHT < MARGIN) {
    page = doc.addPage(A4);
    header(page);
    y = A4[1] - MARGIN - HEADER_HEIGHT;
  }
  const line = (x: number, width: number, at: number) =>
    page.drawLine({ start: { x, y: at }, end: { x: x + width, y: at }, thickness: 0.6 });
  const signatureTop = y - 8 * mm;
  text(
    page,
    t(language, 'day.handover.pdf.received', { count: input.parcels.length }),
    MARGIN,
    signatureTop,
    10,
    font,
  );
  line(MARGIN, 80 * mm, signatureTop - 22 * mm);
  line(MARGIN + 95 * mm, 85 * mm, signatureTop - 22 * mm);
  text(page, t(language, 'day.handover.pdf.driver'), MARGIN, signatureTop - 27 * mm, 9, font);
  text(
    page,
    t(language, 'day.handover.pdf.signature'),
    MARGIN + 95 * mm,
    signatureTop - 27 * mm,
    9,
    font,
  );
  // Page numbers last, once the count is known.
  const pages = doc.getPages();
  for (const [index, each] of pages.entries()) {
    const words = t(language, 'day.handover.pdf.page', { page: index + 1, pages: pages.length });
    text(each, words, A4[0] - MARGIN - 30 * mm, A4[1] - MARGIN - 16 - 8 * mm, 10, font);
  }
  return Buffer.from(await doc.save());
}
