// TEMPORARY (lead): replaced by helper h2's module on merge.
import { PDFDocument } from 'pdf-lib';
import type { StoredLabel } from './formats';

export function splitZplLabels(zpl: Buffer): Buffer[] {
  const text = zpl.toString('latin1');
  return (text.match(/\^XA[\s\S]*?\^XZ/g) ?? []).map((part) => Buffer.from(part, 'latin1'));
}

export async function splitPdfPages(pdf: Buffer): Promise<Buffer[]> {
  const source = await PDFDocument.load(pdf);
  const out: Buffer[] = [];
  for (let i = 0; i < source.getPageCount(); i++) {
    const doc = await PDFDocument.create();
    const [page] = await doc.copyPages(source, [i]);
    doc.addPage(page);
    out.push(Buffer.from(await doc.save()));
  }
  return out;
}

export function mergeLabelsA6(labels: StoredLabel[]): Promise<Buffer> {
  void labels;
  throw new Error('not built');
}

export function mergeLabelsA4FourUp(labels: StoredLabel[]): Promise<Buffer> {
  void labels;
  throw new Error('not built');
}
