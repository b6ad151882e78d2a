// Drawing labels off the station's event loop: pdfjs and the ZPL renderer run for 50–250 ms a
// label, which in the main thread froze scans, the UI's socket and the printer checks for a whole
// batch. A few worker threads (raster-worker.ts) draw instead, started on the first label, reused,
// and unref'd while idle so they never keep a process alive.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { msg, type ErrorCode, type Message } from '../../src-shared';
import { AppError } from '../errors';
import { createLogger } from '../log';

const log = createLogger('raster');

export type RasterTask =
  | { kind: 'pdf-to-zpl'; pdf: Uint8Array; dpi: number }
  | { kind: 'rescale-zpl'; zpl: Uint8Array; fromDpi: number; toDpi: number };

export interface RasterRequest {
  id: number;
  task: RasterTask;
}

export type RasterReply =
  | { id: number; ok: true; bytes: Uint8Array; threadId: number }
  | {
      id: number;
      ok: false;
      /** An AppError as data, or null for anything else thrown (then `log` is its text). */
      error: { code: ErrorCode; said: Message } | null;
      log: string;
    };

/** The worker posts this once its modules have loaded. */
export const WORKER_READY = 'raster-worker-ready';

export interface RasterResult {
  bytes: Buffer;
  /** The worker thread that drew it. */
  threadId: number;
}

export interface RasterPoolOptions {
  /**
   * Most workers at once; default 2, so a label scanned at the packing table is not drawn after
   * the batch label being drawn. The second starts only when two labels are drawn at once.
   */
  size?: number;
  /** Told of every worker started: tests use it to crash one. */
  onSpawn?: (worker: Worker) => void;
}

interface Job {
  id: number;
  task: RasterTask;
  resolve: (result: RasterResult) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  /** Stop once the current job is done: the pool was closed while it ran. */
  retire: boolean;
  failure: unknown;
  exited: Promise<void>;
}

/**
 * The worker thread's code. From source (vitest, tsx) it is the sibling .ts file, loaded after
 * registering tsx's loader in the new thread: `--import tsx` in a worker's execArgv is not applied
 * to the worker's own entry on Node 20. Built by electron-vite it is its own entry,
 * out/main/raster-worker.js, while this code sits in out/main or in a shared chunk in
 * out/main/chunks.
 */
function workerEntry(): { code: URL } | { script: string } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const require = createRequire(here);
    // require.resolve finds the CommonJS build of tsx's API; its ES build sits next to it.
    const api = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs'));
    // pdfjs and its in-thread worker code are loaded before tsx's loader is, which would transform
    // their 4 MB for seconds in every new worker; pdfjs's own imports then find them loaded.
    const pdfjs = ['pdf.mjs', 'pdf.worker.mjs'].map((file) =>
      pathToFileURL(require.resolve(`pdfjs-dist/legacy/build/${file}`)),
    );
    const entry = new URL('raster-worker.ts', here);
    const load = (url: URL) => `import(${JSON.stringify(url.href)})`;
    return {
      script: `Promise.all([${pdfjs.map(load).join(', ')}]).then(() => ${load(api)}).then(({ register }) => { register(); return ${load(entry)}; });`,
    };
  }
  const dir = path.dirname(fileURLToPath(here));
  const mainDir = path.basename(dir) === 'chunks' ? path.dirname(dir) : dir;
  return { code: pathToFileURL(path.join(mainDir, 'raster-worker.js')) };
}

// A PDF that makes pdfjs allocate without end ends the worker, not the station.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 512 };

export class RasterPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private readonly size: number;

  constructor(private readonly options: RasterPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
  }

  /** Draw one label in a worker. Errors are what the same work throws in this thread. */
  run(task: RasterTask): Promise<RasterResult> {
    return new Promise<RasterResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Start a worker now, ahead of the first label, so that label does not wait for the worker's
   * code, pdfjs and the ZPL renderer to load (about a second; several from source).
   */
  warm(): void {
    if (this.slots.length === 0) this.spawn();
  }

  /**
   * Stop the workers, as the hosts do when the station stops: idle ones now, busy ones when their
   * label is done, so nothing drawn is lost. A later label starts a fresh worker.
   */
  async close(): Promise<void> {
    const exits = this.slots.map((slot) => slot.exited);
    for (const slot of this.slots) {
      slot.retire = true;
      if (!slot.job) void slot.worker.terminate();
    }
    await Promise.all(exits);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job && !s.retire);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      this.assign(slot, this.queue.shift()!);
    }
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    const { task } = job;
    // Our own copy of the label, moved rather than copied again: the caller keeps theirs.
    const bytes = new Uint8Array(task.kind === 'pdf-to-zpl' ? task.pdf : task.zpl);
    const request: RasterRequest = {
      id: job.id,
      task: task.kind === 'pdf-to-zpl' ? { ...task, pdf: bytes } : { ...task, zpl: bytes },
    };
    slot.worker.postMessage(request, [bytes.buffer]);
  }

  private spawn(): Slot {
    const entry = workerEntry();
    const worker =
      'code' in entry
        ? new Worker(entry.code, { resourceLimits: RESOURCE_LIMITS })
        : new Worker(entry.script, { eval: true, resourceLimits: RESOURCE_LIMITS });
    let exited!: () => void;
    const slot: Slot = {
      worker,
      ready: false,
      job: null,
      retire: false,
      failure: undefined,
      exited: new Promise<void>((resolve) => (exited = resolve)),
    };
    worker.unref();
    worker.on('message', (message: RasterReply | typeof WORKER_READY) => {
      if (message === WORKER_READY) {
        slot.ready = true;
        return;
      }
      this.settle(slot, message);
    });
    worker.on('error', (error) => {
      slot.failure = error;
    });
    worker.on('exit', (code) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      const job = slot.job;
      slot.job = null;
      if (job) {
        log.warn('raster worker stopped while drawing a label', {
          exitCode: code,
          started: slot.ready,
          error: String(slot.failure),
        });
        job.reject(slot.ready ? crashed(job.task, slot.failure) : notStarted(slot.failure));
      }
      exited();
      this.dispatch();
    });
    this.slots.push(slot);
    this.options.onSpawn?.(worker);
    return slot;
  }

  private settle(slot: Slot, reply: RasterReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    slot.job = null;
    slot.worker.unref();
    if (reply.ok) {
      const { bytes, threadId } = reply;
      job.resolve({
        bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        threadId,
      });
    } else {
      job.reject(
        reply.error
          ? new AppError(reply.error.code, reply.error.said, { log: reply.log })
          : new Error(reply.log),
      );
    }
    if (slot.retire) void slot.worker.terminate();
    this.dispatch();
  }
}

/**
 * The worker died drawing this label (it threw outside a job, ran out of memory, was killed): the
 * label is what made it, so it is called invalid as an unreadable one is, and the next label gets
 * a new worker.
 */
function crashed(task: RasterTask, cause: unknown): AppError {
  return new AppError(
    'label-invalid',
    task.kind === 'pdf-to-zpl' ? msg('printer.label.notPdf') : msg('printer.label.unrenderable'),
    { cause, log: `The raster worker stopped while drawing a ${task.kind} label.` },
  );
}

/** The worker's code did not load: a broken install, not a bad label. */
function notStarted(cause: unknown): Error {
  return new Error(`The raster worker could not start: ${String(cause)}`, { cause });
}

/** The pool every label printed by this process goes through. */
export const rasterPool = new RasterPool();
