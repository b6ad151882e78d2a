import net from 'node:net';
import { renderZplToPng } from './render';

export interface VirtualPrinterJob {
  bytes: Buffer;
  receivedAt: string;
  /** `performance.now()` when the last byte arrived, for timing in the same process. */
  receivedAtMs: number;
}

export interface VirtualPrinter {
  readonly host: string;
  readonly port: number;
  readonly address: string;
  /** Every job received, in order: one TCP connection is one job. */
  readonly jobs: readonly VirtualPrinterJob[];
  /** Resolve once at least `count` jobs have arrived. */
  waitForJobs(count: number, timeoutMs?: number): Promise<readonly VirtualPrinterJob[]>;
  /** Render a received ZPL job to PNG, as the printer at this resolution would print it. */
  render(job: VirtualPrinterJob): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * A ZPL label printer on 127.0.0.1 that keeps every job it receives: demo mode prints here,
 * and tests read what arrived. `render` turns a job into a picture for preview.
 */
export async function startVirtualPrinter(
  options: { host?: string; port?: number; dpi?: number } = {},
): Promise<VirtualPrinter> {
  const host = options.host ?? '127.0.0.1';
  const dpi = options.dpi ?? 203;
  const jobs: VirtualPrinterJob[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('end', () => {
      const receivedAtMs = performance.now();
      if (chunks.length > 0) {
        jobs.push({
          bytes: Buffer.concat(chunks),
          receivedAt: new Date().toISOString(),
          receivedAtMs,
        });
        for (const wake of [...waiters]) wake();
      }
      socket.end();
    });
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    host,
    port,
    address: `tcp://${host}:${port}`,
    jobs,
    waitForJobs(count, timeoutMs = 10_000) {
      if (jobs.length >= count) return Promise.resolve(jobs);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`Virtual printer got ${jobs.length} of ${count} jobs in ${timeoutMs} ms.`),
          );
        }, timeoutMs);
        const check = () => {
          if (jobs.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(jobs);
        };
        waiters.add(check);
      });
    },
    render: (job) => renderZplToPng(job.bytes, dpi),
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
