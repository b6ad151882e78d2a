import { threadId } from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import { labelData } from '../../test/helpers/fixtures';
import { renderPdfLabel, renderZplLabel } from '../simulator/labels';
import { pdfToZplInThread } from './raster';
import { RasterPool } from './raster-pool';

const data = labelData;

const pools: RasterPool[] = [];
/** A pool of one worker that tells the test about every worker it starts. */
function pool() {
  const workers: Worker[] = [];
  const raster = new RasterPool({ size: 1, onSpawn: (worker) => workers.push(worker) });
  pools.push(raster);
  return { raster, workers };
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** Resolves when the worker has loaded its code and posted that it is ready. */
const ready = (worker: Worker) =>
  new Promise<void>((resolve) => {
    worker.on('message', (message) => {
      if (message === 'raster-worker-ready') resolve();
    });
  });

// Every first label in a worker loads tsx, pdfjs and the ZPL renderer in it.
describe('RasterPool', { timeout: 60_000 }, () => {
  it('draws a PDF label in another thread, byte for byte as this thread would', async () => {
    const { raster } = pool();
    const pdf = await renderPdfLabel(data);
    const drawn = await raster.run({ kind: 'pdf-to-zpl', pdf, dpi: 203 });
    expect(drawn.threadId).not.toBe(threadId);
    expect(drawn.bytes.equals(await pdfToZplInThread(pdf, { dpi: 203 }))).toBe(true);
    // The caller's label is copied before its buffer is moved to the worker, never detached.
    expect(pdf.byteLength).toBeGreaterThan(0);
  });

  it('draws two labels at once in two workers, and the first label after warm() in the warm one', async () => {
    const workers: Worker[] = [];
    const raster = new RasterPool({ size: 2, onSpawn: (worker) => workers.push(worker) });
    pools.push(raster);
    raster.warm();
    expect(workers).toHaveLength(1);
    const pdf = await renderPdfLabel(data);
    const [one, two] = await Promise.all([
      raster.run({ kind: 'pdf-to-zpl', pdf, dpi: 203 }),
      raster.run({ kind: 'pdf-to-zpl', pdf, dpi: 203 }),
    ]);
    expect(one.threadId).toBe(workers[0]!.threadId);
    expect(two.threadId).toBe(workers[1]!.threadId);
    expect(one.bytes.equals(two.bytes)).toBe(true);
  });

  it('rescales a ZPL label in another thread', async () => {
    const { raster } = pool();
    const drawn = await raster.run({
      kind: 'rescale-zpl',
      zpl: renderZplLabel(data),
      fromDpi: 203,
      toDpi: 300,
    });
    expect(drawn.threadId).not.toBe(threadId);
    expect(drawn.bytes.toString('latin1')).toMatch(/^\^XA\^PW1200\^LL1800\^FO0,0\^GFA,/);
  });

  it('calls a corrupt PDF label-invalid, as this thread does, and the same worker goes on', async () => {
    const { raster, workers } = pool();
    await expect(
      raster.run({ kind: 'pdf-to-zpl', pdf: Buffer.from('%PDF-1.7 not really'), dpi: 203 }),
    ).rejects.toMatchObject({ code: 'label-invalid', said: msg('printer.label.notPdf') });
    const next = await raster.run({
      kind: 'pdf-to-zpl',
      pdf: await renderPdfLabel(data),
      dpi: 203,
    });
    expect(next.bytes.toString('latin1')).toMatch(/^\^XA\^PW812\^LL1218\^FO0,0\^GFA,/);
    expect(workers).toHaveLength(1);
  });

  it('calls a label whose worker dies drawing it label-invalid, and draws the next in a new one', async () => {
    const { raster, workers } = pool();
    const pdf = await renderPdfLabel(data);
    const first = raster.run({ kind: 'pdf-to-zpl', pdf, dpi: 300 });
    const [worker] = workers as [Worker];
    await ready(worker);
    // A request no worker knows throws outside any job: the thread ends with the label unfinished.
    worker.postMessage({ id: -1, task: { kind: 'no-such-task' } });
    await expect(first).rejects.toMatchObject({
      code: 'label-invalid',
      said: msg('printer.label.notPdf'),
    });
    const next = await raster.run({ kind: 'pdf-to-zpl', pdf, dpi: 203 });
    expect(next.bytes.toString('latin1')).toMatch(/^\^XA\^PW812\^LL1218\^FO0,0\^GFA,/);
    expect(workers).toHaveLength(2);
    expect(next.threadId).toBe(workers[1]!.threadId);
  });

  it('calls a ZPL label whose worker is killed drawing it label-invalid', async () => {
    const { raster, workers } = pool();
    const rescaled = raster.run({
      kind: 'rescale-zpl',
      zpl: renderZplLabel(data),
      fromDpi: 203,
      toDpi: 300,
    });
    const [worker] = workers as [Worker];
    await ready(worker);
    await worker.terminate();
    await expect(rescaled).rejects.toMatchObject({
      code: 'label-invalid',
      said: msg('printer.label.unrenderable'),
    });
  });

  it('stops an idle worker on close, and starts a new one for the next label', async () => {
    const { raster, workers } = pool();
    const pdf = await renderPdfLabel(data);
    await raster.run({ kind: 'pdf-to-zpl', pdf, dpi: 203 });
    const exited = new Promise((resolve) => workers[0]!.once('exit', resolve));
    await raster.close();
    await exited;
    await raster.run({ kind: 'pdf-to-zpl', pdf, dpi: 203 });
    expect(workers).toHaveLength(2);
  });

  it('lets a label that is being drawn finish when the pool is closed', async () => {
    const { raster } = pool();
    const drawing = raster.run({ kind: 'pdf-to-zpl', pdf: await renderPdfLabel(data), dpi: 203 });
    const closed = raster.close();
    await expect(drawing).resolves.toMatchObject({ threadId: expect.any(Number) });
    await closed;
  });
});
