// Batch documents: 200 simulator PDF labels merged 50 at a time (the batch's print chunk) into A6
// pages and A4 four-up sheets, ZPL labels drawn into a chunk as pictures, and bulk answers of 20
// split back into labels. `npx tsx bench/batch-documents.ts` runs this one alone.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  mergeLabelsA4FourUp,
  mergeLabelsA6,
  splitPdfPages,
  splitZplLabels,
} from '../src-main/printing/batch-documents';
import type { StoredLabel } from '../src-main/printing/formats';
import {
  renderPdfLabel,
  renderPdfLabels,
  renderZplLabel,
  type LabelData,
} from '../src-main/simulator/labels';
import { label } from './formats';
import { msResult, round, writeResults, type BenchResult } from './stats';

const LABELS = 200;
const CHUNK = 50;
/** Rounds over the 200 labels: four chunks each, the first round unrecorded. */
const ROUNDS = 6;
const ZPL_CHUNK = 10;

const carriers = [
  ['PostNL', '3SKLMN'],
  ['DHL', 'JJD0003900'],
  ['DPD', '0512345'],
  ['UPS', '1Z4F8E23'],
  ['Colissimo', '6A1234'],
] as const;

const labelData = (i: number): LabelData => {
  const [carrierName, prefix] = carriers[i % carriers.length]!;
  return {
    ...label,
    trackingNumber: `${prefix}${String(i).padStart(8, '0')}`,
    carrierName,
    orderNumber: `ORD-${3000 + i}`,
    parcelId: 412_000_001 + i,
  };
};

const ms = msResult;

/** What `run` made, and how long it took in ms. */
async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const made = await run();
  return [made, performance.now() - start];
}

export async function benchBatchDocuments(): Promise<BenchResult[]> {
  const labels: StoredLabel[] = [];
  for (let i = 0; i < LABELS; i++) {
    labels.push({ bytes: await renderPdfLabel(labelData(i)), format: 'pdf', dpi: 72 });
  }
  const chunks = Array.from({ length: LABELS / CHUNK }, (_, i) =>
    labels.slice(i * CHUNK, (i + 1) * CHUNK),
  );

  // Interleaved, so both layouts see the same machine load.
  const merged = { A6: [] as number[], A4: [] as number[] };
  let sizes = { A6: 0, A4: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const chunk of chunks) {
      const [a6, a6Ms] = await timed(() => mergeLabelsA6(chunk));
      const [a4, a4Ms] = await timed(() => mergeLabelsA4FourUp(chunk));
      if (round === 0) continue;
      merged.A6.push(a6Ms);
      merged.A4.push(a4Ms);
      sizes = { A6: a6.length, A4: a4.length };
    }
  }

  // ZPL on a PDF printer: each label is rendered to a picture first, the slow part.
  const zpl: StoredLabel[] = Array.from({ length: ZPL_CHUNK }, (_, i) => ({
    bytes: renderZplLabel(labelData(i)),
    format: 'zpl',
    dpi: 203,
  }));
  await mergeLabelsA6(zpl.slice(0, 1));
  const zplPerLabel: number[] = [];
  for (let round = 0; round < 3; round++) {
    zplPerLabel.push((await timed(() => mergeLabelsA6(zpl)))[1] / ZPL_CHUNK);
  }

  // Bulk answers of 20 as Sendcloud sends them, split into labels.
  const twenty = Array.from({ length: 20 }, (_, i) => labelData(i));
  const bulkPdf = await renderPdfLabels(twenty, 'A6');
  const bulkZpl = Buffer.concat(twenty.map(renderZplLabel));
  const split = { pdf: [] as number[], zpl: [] as number[] };
  for (let round = 0; round < 25; round++) {
    const [, pdfMs] = await timed(() => splitPdfPages(bulkPdf));
    const [, zplMs] = await timed(() => splitZplLabels(bulkZpl));
    if (round < 5) continue;
    split.pdf.push(pdfMs);
    split.zpl.push(zplMs);
  }

  return [
    ms(`batch merge: ${CHUNK} PDF labels onto A6 pages`, merged.A6),
    ms(`batch merge: ${CHUNK} PDF labels onto A4 four-up sheets`, merged.A4),
    ...(['A6', 'A4'] as const).map((paper) => ({
      name: `batch merge: ${CHUNK}-label ${paper} document size`,
      unit: 'KB',
      p50: round(sizes[paper] / 1024, 0),
      p95: round(sizes[paper] / 1024, 0),
      goal: null,
    })),
    ms('batch merge: a ZPL label onto A6, per label', zplPerLabel),
    ms('batch split: bulk PDF of 20 labels', split.pdf),
    ms('batch split: bulk ZPL of 20 labels', split.zpl),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchBatchDocuments();
  writeResults(results);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(55)} p50 ${String(r.p50).padStart(8)} ${r.unit}   p95 ${String(r.p95).padStart(8)} ${r.unit}${r.goal ? `   goal: ${r.goal}` : ''}`,
    );
  }
}
