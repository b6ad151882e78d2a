import { describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { labelData } from '../../test/helpers/fixtures';
import { renderPdfLabel, renderZplLabel } from '../simulator/labels';
import { labelRequestFor, prepareLabel, previewLabel, type TargetPrinter } from './formats';
import { inspectPdf } from './pdf';

const data = labelData;
const zpl = { bytes: renderZplLabel(data), format: 'zpl', dpi: 203 } as const;
const pdf = async () => ({ bytes: await renderPdfLabel(data), format: 'pdf', dpi: 72 }) as const;

const printer = (change: Partial<TargetPrinter>): TargetPrinter => ({
  language: 'zpl',
  dpi: 203,
  paper: 'A6',
  position: 0,
  ...change,
});

describe('labelRequestFor', () => {
  it.each([
    [
      { language: 'zpl', dpi: 203 },
      { format: 'zpl', dpi: 203 },
    ],
    [
      { language: 'zpl', dpi: 300 },
      { format: 'pdf', dpi: 72 },
    ],
    [
      { language: 'zpl', dpi: 600 },
      { format: 'pdf', dpi: 72 },
    ],
    [
      { language: 'pdf', dpi: 600 },
      { format: 'pdf', dpi: 72 },
    ],
  ] as const)('asks for native ZPL only for a 203 dpi ZPL printer: %o → %o', (target, asked) => {
    expect(labelRequestFor(printer(target))).toEqual(asked);
  });
});

// The first label drawn in a test file starts a raster worker, which loads tsx, pdfjs and the ZPL
// renderer anew: seconds on a busy machine.
describe('prepareLabel', { timeout: 30_000 }, () => {
  it('sends a ZPL label to a ZPL printer of its resolution untouched', async () => {
    const job = await prepareLabel(zpl, printer({}));
    expect(job).toEqual({ bytes: zpl.bytes, warning: null, path: 'native-zpl' });
    expect(job.bytes).toBe(zpl.bytes);
  });

  it('re-renders a 203 dpi ZPL label for a 300 dpi printer at full size, and says so', async () => {
    const job = await prepareLabel(zpl, printer({ dpi: 300 }));
    expect(job.path).toBe('zpl-rescaled');
    expect(job.warning).toEqual(
      msg('printer.warning.dpiMismatch', { labelDpi: 203, printerDpi: 300 }),
    );
    expect(job.bytes.toString()).toMatch(
      /^\^XA\^PW1200\^LL1800\^FO0,0\^GFA,270000,270000,150,:Z64:/,
    );
  });

  it('rasterises a PDF label for a ZPL printer at the printer’s resolution', async () => {
    const job = await prepareLabel(await pdf(), printer({ dpi: 300 }));
    expect(job.path).toBe('pdf-to-zpl');
    expect(job.warning).toBeNull();
    expect(job.bytes.toString()).toMatch(/^\^XA\^PW1200\^LL1800\^FO0,0\^GFA,/);
  });

  it('lays a PDF label out on the PDF printer’s paper', async () => {
    const job = await prepareLabel(await pdf(), printer({ language: 'pdf', paper: 'A4' }));
    expect(job).toMatchObject({ media: 'A4', warning: null, path: 'pdf' });
    expect(Math.round((await inspectPdf(job.bytes)).height)).toBe(842);
  });

  it('prints a ZPL label on a PDF printer from a picture of it, with a warning', async () => {
    const job = await prepareLabel(zpl, printer({ language: 'pdf', paper: 'A6' }));
    expect(job).toMatchObject({ media: 'A6', path: 'zpl-to-pdf' });
    expect(job.warning).toEqual(msg('printer.warning.zplOnPdfA6'));
    expect(Math.round((await inspectPdf(job.bytes)).width)).toBe(298);
  });

  const notZpl = {
    bytes: Buffer.from('%PDF-1.7 but stored as ZPL'),
    format: 'zpl',
    dpi: 203,
  } as const;
  const corrupt = { bytes: Buffer.from('%PDF-1.7\n1 0 obj <<'), format: 'pdf', dpi: 72 } as const;

  it.each([
    ['a ZPL label without ^XA', notZpl, 'zpl'],
    ['a ZPL label without ^XA', notZpl, 'pdf'],
    ['a PDF that cannot be read', corrupt, 'zpl'],
    ['a PDF that cannot be read', corrupt, 'pdf'],
  ] as const)('refuses %s for a %s printer as label-invalid', async (_, label, language) => {
    await expect(prepareLabel(label, printer({ language }))).rejects.toMatchObject({
      name: 'AppError',
      code: 'label-invalid',
    });
  });
});

describe('previewLabel', () => {
  it('is a PNG of a ZPL label at its own resolution', async () => {
    const png = await previewLabel(zpl);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([812, 1218]);
  });

  it('is a PNG of a PDF label at 150 dpi', async () => {
    const png = await previewLabel(await pdf());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([620, 874]);
  });

  it('refuses labels that are not what they claim', async () => {
    await expect(
      previewLabel({ bytes: Buffer.from('hello'), format: 'zpl', dpi: 203 }),
    ).rejects.toMatchObject({ code: 'label-invalid' });
    await expect(
      previewLabel({ bytes: Buffer.from('hello'), format: 'pdf', dpi: 72 }),
    ).rejects.toMatchObject({ code: 'label-invalid' });
  });
});
