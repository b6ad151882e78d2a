// Label formats: PDF → ZPL rasterising at 203 and 300 dpi, the size Z64 saves over ASCII hex, and
// label bytes in memory → last byte accepted by a TCP printer on 127.0.0.1 for a native ZPL label
// and a graphic one. `npx tsx bench/formats.ts` runs this one alone.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { renderPdfToBitmap } from '../src-main/printing/pdf';
import {
  bitmapToHexGraphic,
  bitmapToZplGraphic,
  graphicLabel,
  pdfToZpl,
} from '../src-main/printing/raster';
import { renderPdfLabel, renderZplLabel, type LabelData } from '../src-main/simulator/labels';
import { msResult, round, writeResults, type BenchResult } from './stats';

const ITERATIONS = 60;
const WARMUP = 20;

const address = {
  name: 'Sophie Dubois',
  address_line_1: 'Rue de Rivoli',
  house_number: '42',
  postal_code: '75004',
  city: 'Paris',
  country_code: 'FR',
};
// DHL's 21-character piece number: the longest barcode a 4×6 label here carries.
export const label: LabelData = {
  trackingNumber: 'JJD000390012345678901',
  carrierName: 'DHL',
  service: 'Standard',
  orderNumber: 'ORD-2001',
  parcelId: 4242,
  weightKg: 2.5,
  createdAt: '2025-03-01T10:00:00.000Z',
  sender: { ...address, name: 'Packdesk Warehouse', city: 'Eindhoven', country_code: 'NL' },
  recipient: address,
};

/** Run `measure` WARMUP times unrecorded, then ITERATIONS times; it returns its own duration. */
async function samples(measure: () => Promise<number>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await measure();
  const durations: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) durations.push(await measure());
  return durations;
}

/** A port-9100 style printer: one connection a job; notes when the job's last byte arrived. */
async function tcpPrinter() {
  let expecting: { length: number; arrived: (atMs: number) => void } | undefined;
  const server = net.createServer((socket) => {
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (expecting && received >= expecting.length) expecting.arrived(performance.now());
    });
    socket.on('error', () => undefined);
    socket.on('end', () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    /**
     * Send a job on a fresh connection, as port 9100 takes them; resolves with the listener's
     * clock when the last byte arrived.
     */
    async send(bytes: Buffer): Promise<number> {
      const arrived = new Promise<number>((resolve) => {
        expecting = { length: bytes.length, arrived: resolve };
      });
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.end(bytes);
      const atMs = await arrived;
      expecting = undefined;
      return atMs;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const ms = msResult;
const fixed = (name: string, unit: string, value: number): BenchResult => ({
  name,
  unit,
  p50: value,
  p95: value,
  goal: null,
});

export async function benchFormats(): Promise<BenchResult[]> {
  const pdf = await renderPdfLabel(label);
  const zpl = renderZplLabel(label);
  const results: BenchResult[] = [];

  // Interleaved, so both resolutions see the same machine load; pdfjs and the JIT warm up first.
  const conversion = { 203: [] as number[], 300: [] as number[] };
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    for (const dpi of [203, 300] as const) {
      const start = performance.now();
      await pdfToZpl(pdf, { dpi });
      if (i >= WARMUP) conversion[dpi].push(performance.now() - start);
    }
  }
  results.push(
    ms('pdf-to-zpl 203 dpi', conversion[203], 'p95 < 80 ms'),
    ms('pdf-to-zpl 300 dpi', conversion[300]),
  );

  const bitmap = await renderPdfToBitmap(pdf, { dpi: 203, fit: { widthIn: 4, heightIn: 6 } });
  const z64 = graphicLabel(bitmapToZplGraphic(bitmap), bitmap.width, bitmap.height);
  const hex = graphicLabel(bitmapToHexGraphic(bitmap), bitmap.width, bitmap.height);
  results.push(
    fixed('pdf-to-zpl 203 dpi label size, Z64', 'bytes', z64.length),
    fixed('pdf-to-zpl 203 dpi label size, ASCII hex', 'bytes', hex.length),
    fixed('pdf-to-zpl 203 dpi ASCII hex / Z64 size', 'ratio', round(hex.length / z64.length, 1)),
  );

  const printer = await tcpPrinter();
  try {
    // From bytes in memory (or the PDF, for the last) to the listener's last-byte timestamp.
    const sent = (bytes: () => Buffer | Promise<Buffer>) =>
      samples(async () => {
        const start = performance.now();
        return (await printer.send(await bytes())) - start;
      });
    results.push(
      ms(`native ZPL label (${zpl.length} B) to TCP printer`, await sent(() => zpl)),
      ms(`pdf-to-zpl 203 dpi label (${z64.length} B) to TCP printer`, await sent(() => z64)),
      ms(`the same label as ASCII hex (${hex.length} B) to TCP printer`, await sent(() => hex)),
      ms(
        'PDF label converted at 203 dpi and sent to TCP printer',
        await sent(() => pdfToZpl(pdf, { dpi: 203 })),
      ),
    );
  } finally {
    await printer.close();
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchFormats();
  writeResults(results);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(55)} p50 ${String(r.p50).padStart(8)} ${r.unit}   p95 ${String(r.p95).padStart(8)} ${r.unit}${r.goal ? `   goal: ${r.goal}` : ''}`,
    );
  }
}
