// Which bytes go to which printer: a stored label (ZPL or PDF, made at some resolution) turned into
// what this printer prints at the right physical size, and what to ask Sendcloud for up front.
import { msg, type Message } from '../../src-shared';
import { AppError } from '../errors';
import { inspectPdf, pngToPdf, placeLabelOnPaper, renderPdfToPng, type Paper } from './pdf';
import { pdfToZpl, rescaleZplLabel } from './raster';
import { renderZplToPng } from '../zpl-render';

export interface StoredLabel {
  bytes: Buffer;
  format: 'zpl' | 'pdf';
  dpi: number;
}

export interface TargetPrinter {
  language: 'zpl' | 'pdf';
  dpi: number;
  paper: Paper;
  position: 0 | 1 | 2 | 3;
}

export interface PreparedJob {
  bytes: Buffer;
  /** The sheet a PDF job is laid out for; absent for ZPL. */
  media?: Paper;
  /** Something the packer should know about this print, or null. */
  warning: Message | null;
  path: 'native-zpl' | 'pdf-to-zpl' | 'zpl-rescaled' | 'pdf' | 'zpl-to-pdf';
}

/** Carriers make native ZPL at 8 dots/mm. */
const NATIVE_ZPL_DPI = 203;

/** The label as this printer must receive it. Throws label-invalid for a label that is not one. */
export async function prepareLabel(
  label: StoredLabel,
  printer: TargetPrinter,
): Promise<PreparedJob> {
  if (label.format === 'zpl') assertZpl(label.bytes);
  if (printer.language === 'zpl') {
    if (label.format === 'pdf') {
      return {
        bytes: await pdfToZpl(label.bytes, { dpi: printer.dpi }),
        warning: null,
        path: 'pdf-to-zpl',
      };
    }
    if (label.dpi === printer.dpi) return { bytes: label.bytes, warning: null, path: 'native-zpl' };
    return {
      bytes: await rescaleZplLabel(label.bytes, { fromDpi: label.dpi, toDpi: printer.dpi }),
      warning: msg('printer.warning.dpiMismatch', { labelDpi: label.dpi, printerDpi: printer.dpi }),
      path: 'zpl-rescaled',
    };
  }
  if (label.format === 'pdf') {
    // pdf-lib would compose a PDF that pdfjs, and so a preview, cannot read: check with pdfjs.
    await inspectPdf(label.bytes);
    return {
      bytes: await placeLabelOnPaper(label.bytes, printer.paper, printer.position),
      media: printer.paper,
      warning: null,
      path: 'pdf',
    };
  }
  // A 4×6 picture of the label, which placeLabelOnPaper fits to A6 (97%: 4×6 is 4 mm taller).
  const picture = await pngToPdf(await renderZplToPng(label.bytes, label.dpi), 4, 6);
  return {
    bytes: await placeLabelOnPaper(picture, printer.paper, printer.position),
    media: printer.paper,
    warning:
      printer.paper === 'A4'
        ? msg('printer.warning.zplOnPdfA4')
        : msg('printer.warning.zplOnPdfA6'),
    path: 'zpl-to-pdf',
  };
}

/**
 * What to ask Sendcloud for when making a label for this printer. Native ZPL only at 203 dpi: it
 * draws in dots, so on a 300 dpi printer it would print at two-thirds size. Every other printer
 * gets the PDF, which is vector and rasterised here at the printer's own resolution; Sendcloud
 * serves PDF at 72 dpi only.
 */
export function labelRequestFor(printer: TargetPrinter): { format: 'zpl' | 'pdf'; dpi: number } {
  if (printer.language === 'zpl' && printer.dpi === NATIVE_ZPL_DPI) {
    return { format: 'zpl', dpi: NATIVE_ZPL_DPI };
  }
  return { format: 'pdf', dpi: 72 };
}

/** A PNG of the label as stored, for the UI. */
export async function previewLabel(label: StoredLabel): Promise<Buffer> {
  if (label.format === 'zpl') assertZpl(label.bytes);
  return label.format === 'zpl'
    ? renderZplToPng(label.bytes, label.dpi)
    : renderPdfToPng(label.bytes);
}

// zpl-renderer-js draws whatever it is given, so it cannot be the judge; without a start-of-format
// command a printer ignores the file. PDFs are judged by pdfjs as they are opened.
export function assertZpl(bytes: Buffer): void {
  if (!/\^XA/i.test(bytes.toString('latin1'))) {
    throw new AppError('label-invalid', msg('printer.label.notZpl'));
  }
}
