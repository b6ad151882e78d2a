// A test print: a page that proves the printer is reached, prints at the right resolution and
// size (a one-inch square must measure one inch), and scans (a Code 128 barcode).
import bwipjs from 'bwip-js/node';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { msg, type TestPrint } from '../../src-shared';
import type { TargetPrinter } from './formats';
import { assertReady, targetOf, type PrinterRegistry } from './registry';

export const TEST_BARCODE = 'PACKDESK-TEST';

const zplText = (text: string) => text.replace(/[\^~\p{Cc}]/gu, ' ');

/** A 4×6 ZPL test label laid out in inches, so it comes out the same size at any dpi. */
export function zplTestLabel(name: string, dpi: number, at: Date): Buffer {
  const d = (inches: number) => Math.round(inches * dpi);
  const font = (inches: number) => `^A0N,${d(inches)},${d(inches)}`;
  const lines = [
    '^XA',
    '^CI28',
    `^PW${d(4)}`,
    `^LL${d(6)}`,
    `^FO${d(0.2)},${d(0.2)}^GB${d(3.6)},${d(5.6)},${Math.max(2, d(0.02))}^FS`,
    `^FO${d(0.4)},${d(0.4)}${font(0.3)}^FDPackdesk test print^FS`,
    `^FO${d(0.4)},${d(0.9)}${font(0.16)}^FD${zplText(name).slice(0, 40)}^FS`,
    `^FO${d(0.4)},${d(1.2)}${font(0.16)}^FD${dpi} dpi - ${at.toISOString().slice(0, 16)}Z^FS`,
    `^FO${d(0.4)},${d(1.6)}${font(0.13)}^FDThis square measures 1 inch (25.4 mm):^FS`,
    `^FO${d(0.4)},${d(1.9)}^GB${d(1)},${d(1)},${Math.max(2, d(0.02))}^FS`,
    // Module width in dots: about 0.015 in, whole dots so the bars stay sharp.
    `^BY${Math.max(2, Math.round(dpi / 68))}`,
    `^FO${d(0.4)},${d(3.4)}^BCN,${d(1)},Y,N,N^FD${TEST_BARCODE}^FS`,
    '^XZ',
  ];
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

/** The same page as a PDF on A6, or on A4 with the label-sized page in its quarter. */
export async function pdfTestPage(name: string, paper: 'A6' | 'A4', at: Date): Promise<Buffer> {
  const mm = 72 / 25.4;
  const doc = await PDFDocument.create();
  doc.setTitle('Packdesk test print');
  const page =
    paper === 'A4' ? doc.addPage([210 * mm, 297 * mm]) : doc.addPage([105 * mm, 148 * mm]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const top = page.getHeight() - 15 * mm;
  page.drawText('Packdesk test print', { x: 10 * mm, y: top, size: 16, font: bold });
  page.drawText(name.slice(0, 50), { x: 10 * mm, y: top - 9 * mm, size: 10, font });
  page.drawText(`${paper} - ${at.toISOString().slice(0, 16)}Z`, {
    x: 10 * mm,
    y: top - 15 * mm,
    size: 10,
    font,
  });
  page.drawText('This square measures 1 inch (25.4 mm):', {
    x: 10 * mm,
    y: top - 24 * mm,
    size: 9,
    font,
  });
  page.drawRectangle({
    x: 10 * mm,
    y: top - 28 * mm - 72,
    width: 72,
    height: 72,
    borderWidth: 1,
    borderColor: rgb(0, 0, 0),
  });
  const png = await bwipjs.toBuffer({ bcid: 'code128', text: TEST_BARCODE, scale: 3, height: 12 });
  const image = await doc.embedPng(png);
  const width = 60 * mm;
  page.drawImage(image, {
    x: 10 * mm,
    y: top - 60 * mm - (image.height / image.width) * width,
    width,
    height: (image.height / image.width) * width,
  });
  return Buffer.from(await doc.save());
}

export async function testPageFor(
  name: string,
  target: TargetPrinter,
  at: Date,
): Promise<{ bytes: Buffer; media?: 'A4' | 'A6' }> {
  if (target.language === 'zpl') return { bytes: zplTestLabel(name, target.dpi, at) };
  return { bytes: await pdfTestPage(name, target.paper, at), media: target.paper };
}

/** Print a test page with the same checks as a label: status before, the page, status after. */
export async function printTestPage(printers: PrinterRegistry, id: string): Promise<TestPrint> {
  const entry = printers.get(id);
  const before = printers.noteStatus(id, await entry.printer.status());
  assertReady(entry.printer, before);
  // Ask again now the dpi may be known: the page is drawn at the printer's own resolution.
  const page = await testPageFor(entry.record.name, targetOf(entry), new Date());
  await entry.printer.send(page.bytes, {
    title: 'Packdesk test print',
    ...(page.media ? { media: page.media } : {}),
  });
  const after = printers.noteStatus(id, await entry.printer.status());
  return {
    printerId: id,
    status: after,
    warning:
      after.faults.length > 0
        ? msg('printer.testPage.fault', { faults: after.message })
        : after.source === 'none'
          ? msg('printer.testPage.noStatus')
          : null,
  };
}
