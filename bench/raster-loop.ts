// Main-loop delay while a batch rasterises: 100 PDF labels of a PDF-only carrier (Colissimo, in
// the simulator's own PDFs) converted one after another for a 203 dpi ZPL printer, as a batch
// sends them, while perf_hooks.monitorEventLoopDelay samples the main thread every millisecond.
// The same 100 labels drawn in this thread (the path before issue 12) are the baseline, in the
// same run. Both paths are warmed first (worker started, pdfjs loaded), so the figures are a
// batch in a running station. `npx tsx bench/raster-loop.ts` runs this one alone.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { pdfToZpl, pdfToZplInThread } from '../src-main/printing/raster';
import { rasterPool } from '../src-main/printing/raster-pool';
import { renderPdfLabel, type LabelData } from '../src-main/simulator/labels';
import { warehouseAddress } from '../test/helpers/fixtures';
import { round, writeResults, type BenchResult } from './stats';

const LABELS = 100;
const DPI = 203;

const cities = [
  ['Paris', '75004', 'Rue de Rivoli'],
  ['Lyon', '69002', 'Rue de la République'],
  ['Marseille', '13001', 'La Canebière'],
  ['Lille', '59000', 'Rue Faidherbe'],
] as const;

function colissimoLabel(i: number): LabelData {
  const [city, postalCode, street] = cities[i % cities.length]!;
  return {
    trackingNumber: `6A${String(10_000_000_000 + i * 7_919).slice(0, 11)}`,
    carrierName: 'Colissimo',
    service: 'Domicile sans signature',
    orderNumber: `ORD-${5000 + i}`,
    parcelId: 9000 + i,
    weightKg: 0.5 + (i % 7) * 0.4,
    createdAt: '2025-03-01T17:00:00.000Z',
    sender: warehouseAddress,
    recipient: {
      name: `Client ${i + 1}`,
      address_line_1: street,
      house_number: String(1 + (i % 90)),
      postal_code: postalCode,
      city,
      country_code: 'FR',
    },
  };
}

/** The batch's labels drawn one after another by `draw`, with the main loop's delay sampled. */
async function batch(
  pdfs: readonly Buffer[],
  draw: (pdf: Buffer) => Promise<Buffer>,
): Promise<{ p50: number; p95: number; p99: number; max: number; totalMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const start = performance.now();
  histogram.enable();
  for (const pdf of pdfs) {
    const zpl = await draw(pdf);
    if (!zpl.toString('latin1', 0, 3).startsWith('^XA')) throw new Error('not a ZPL label');
  }
  histogram.disable();
  const totalMs = performance.now() - start;
  const ms = (ns: number) => round(ns / 1e6);
  return {
    p50: ms(histogram.percentile(50)),
    p95: ms(histogram.percentile(95)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    totalMs: round(totalMs, 0),
  };
}

export async function benchRasterLoop(): Promise<BenchResult[]> {
  const pdfs: Buffer[] = [];
  for (let i = 0; i < LABELS; i++) pdfs.push(await renderPdfLabel(colissimoLabel(i)));
  const inWorker = (pdf: Buffer) => pdfToZpl(pdf, { dpi: DPI });
  const inThread = (pdf: Buffer) => pdfToZplInThread(pdf, { dpi: DPI });
  // Warm both: the worker's start and pdfjs's first load are not part of a running batch.
  for (let i = 0; i < 3; i++) {
    await inWorker(pdfs[i]!);
    await inThread(pdfs[i]!);
  }
  const worker = await batch(pdfs, inWorker);
  const thread = await batch(pdfs, inThread);
  await rasterPool.close();

  const delay = (name: string, r: typeof worker, goal: string | null): BenchResult => ({
    name,
    unit: 'ms',
    p50: r.p50,
    p95: r.p95,
    p99: r.p99,
    goal,
  });
  const total = (name: string, r: typeof worker): BenchResult => ({
    name,
    unit: 'ms',
    p50: r.totalMs,
    p95: r.totalMs,
    goal: null,
  });
  return [
    delay(`main-loop delay, ${LABELS} PDF labels rasterised in a worker`, worker, 'p99 < 20 ms'),
    delay(`main-loop delay, ${LABELS} PDF labels rasterised in the main thread`, thread, null),
    total(`${LABELS} PDF labels rasterised in a worker, batch time`, worker),
    total(`${LABELS} PDF labels rasterised in the main thread, batch time`, thread),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchRasterLoop();
  writeResults(results);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(70)} p50 ${String(r.p50).padStart(8)} ${r.unit}   p95 ${String(r.p95).padStart(8)} ${r.unit}${r.p99 !== undefined ? `   p99 ${String(r.p99).padStart(8)} ${r.unit}` : ''}${r.goal ? `   goal: ${r.goal}` : ''}`,
    );
  }
}
