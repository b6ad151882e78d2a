// A raster worker thread (see raster-pool.ts): draws one label at a time as the main thread would,
// and hands the ZPL back by moving its buffer.
import { parentPort, threadId } from 'node:worker_threads';
import { AppError } from '../errors';
import { pdfToZplInThread, rescaleZplLabelInThread } from './raster';
import { WORKER_READY, type RasterReply, type RasterRequest, type RasterTask } from './raster-pool';

if (!parentPort) throw new Error('raster-worker.ts runs only as a worker thread.');
const port = parentPort;

function draw(task: RasterTask): Promise<Buffer> {
  switch (task.kind) {
    case 'pdf-to-zpl':
      return pdfToZplInThread(task.pdf, { dpi: task.dpi });
    case 'rescale-zpl':
      return rescaleZplLabelInThread(Buffer.from(task.zpl), task);
    default:
      // A request this code does not know is a mismatched build: end the worker, loudly.
      throw new Error(`Unknown raster task ${JSON.stringify(task satisfies never)}.`);
  }
}

port.on('message', (request: RasterRequest) => {
  // Outside the promise, so an unknown task is an uncaught error that ends the worker.
  const drawing = draw(request.task);
  drawing.then(
    (zpl) => {
      // A Buffer may be a slice of a shared pool; only a buffer of its own can be moved.
      const own =
        zpl.byteOffset === 0 && zpl.byteLength === zpl.buffer.byteLength
          ? zpl
          : new Uint8Array(zpl);
      const reply: RasterReply = { id: request.id, ok: true, bytes: own, threadId };
      port.postMessage(reply, [own.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: RasterReply = {
        id: request.id,
        ok: false,
        error: error instanceof AppError ? { code: error.code, said: error.said } : null,
        log: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      port.postMessage(reply);
    },
  );
});

port.postMessage(WORKER_READY);
// Load the renderers while no label waits; a label that comes sooner waits for the same import.
void import('pdfjs-dist/legacy/build/pdf.mjs');
void import('zpl-renderer-js');
