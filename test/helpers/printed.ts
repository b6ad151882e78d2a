import { prepareLabel } from '../../src-main/printing/formats';
import type { LedgerEntry } from '../../src-main/simulator/state';

/**
 * The bytes a 203 dpi ZPL printer receives for a label Sendcloud made: its own ZPL, or — for a
 * PDF-only carrier — the PDF rasterised by the station's one conversion (deterministic), so a
 * printer's jobs can be matched to Sendcloud's ledger byte for byte.
 */
export async function bytesFor203Printer(label: Pick<LedgerEntry, 'bytes' | 'format'>) {
  if (label.format === 'zpl') return label.bytes;
  if (label.format !== 'pdf') throw new Error(`a ${label.format} label is never printed`);
  const prepared = await prepareLabel(
    { bytes: label.bytes, format: 'pdf', dpi: 72 },
    { language: 'zpl', dpi: 203, paper: 'A6', position: 0 },
  );
  return prepared.bytes;
}
