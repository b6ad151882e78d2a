import net from 'node:net';
import { printerFaults, type PrinterFault } from './printer';
import { renderZplToPng } from '../zpl-render';

export interface VirtualPrinterJob {
  bytes: Buffer;
  receivedAt: string;
  /** `performance.now()` when the last byte arrived, for timing in the same process. */
  receivedAtMs: number;
}

export interface VirtualPrinterOptions {
  host?: string;
  port?: number;
  /** Printhead resolution: 203 (default), 300 or 600. Used by `render` and reported by ~HI. */
  dpi?: number;
  /** False: behave like a printer without status support, which never answers ~HS. */
  answersStatus?: boolean;
  /** Faults active from the start; change them later with `setFaults`. */
  faults?: readonly PrinterFault[];
}

export interface VirtualPrinter {
  readonly host: string;
  readonly port: number;
  readonly address: string;
  readonly dpi: number;
  /** Every job received, in order: one TCP connection is one job. Status queries are not jobs. */
  readonly jobs: readonly VirtualPrinterJob[];
  /** Jobs that came out of the printer, in order: all of `jobs` except those held by a fault. */
  readonly printed: readonly VirtualPrinterJob[];
  /** The faults the printer reports right now. */
  readonly faults: readonly PrinterFault[];
  /**
   * Set the printer's faults. While any fault but `buffer-full` is active, received jobs wait in
   * the printer's buffer; once those clear, they print in order. `buffer-full` stops the
   * printer reading job data until cleared.
   */
  setFaults(faults: readonly PrinterFault[]): void;
  /** Resolve once at least `count` jobs have arrived. */
  waitForJobs(count: number, timeoutMs?: number): Promise<readonly VirtualPrinterJob[]>;
  /** Resolve once at least `count` jobs have printed. */
  waitForPrinted(count: number, timeoutMs?: number): Promise<readonly VirtualPrinterJob[]>;
  /** Render a received ZPL job to PNG, as the printer at this resolution would print it. */
  render(job: VirtualPrinterJob): Promise<Buffer>;
  close(): Promise<void>;
}

type StatusCommand = '~HS' | '~HQES' | '~HI';
const statusCommands = (['~HQES', '~HS', '~HI'] as const).map(
  (command) => [command, Buffer.from(command, 'latin1')] as const,
);
const longestCommand = Math.max(...statusCommands.map(([, bytes]) => bytes.length));
const TILDE = 0x7e;

/**
 * Cut the status commands out of the bytes a connection sent, as a Zebra does: they are
 * answered on arrival and never become part of a format. A command cut in two by the network
 * is carried over to the next chunk.
 */
function takeCommands(
  data: Buffer,
  onCommand: (command: StatusCommand) => void,
): { job: Buffer; carry: Buffer } {
  const parts: Buffer[] = [];
  let from = 0;
  let at = data.indexOf(TILDE);
  while (at !== -1) {
    const rest = data.subarray(at);
    const found = statusCommands.find(
      ([, bytes]) => rest.length >= bytes.length && rest.subarray(0, bytes.length).equals(bytes),
    );
    if (found) {
      parts.push(data.subarray(from, at));
      onCommand(found[0]);
      from = at + found[1].length;
      at = data.indexOf(TILDE, from);
      continue;
    }
    const startOfCommand =
      rest.length < longestCommand &&
      statusCommands.some(([, bytes]) => bytes.subarray(0, rest.length).equals(rest));
    if (startOfCommand) {
      parts.push(data.subarray(from, at));
      return { job: Buffer.concat(parts), carry: Buffer.from(rest) };
    }
    at = data.indexOf(TILDE, at + 1);
  }
  parts.push(data.subarray(from));
  return { job: Buffer.concat(parts), carry: Buffer.alloc(0) };
}

function isBlank(bytes: Buffer): boolean {
  return bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
}

const dotsPerMmOfDpi: Readonly<Record<number, number>> = { 152: 6, 203: 8, 300: 12, 600: 24 };

/** ~HQES group-1 error bits; `other` stands in as a cutter fault. */
const extendedErrorBit: Readonly<Record<PrinterFault, number>> = {
  'paper-out': 0x1,
  'ribbon-out': 0x2,
  'head-open': 0x4,
  other: 0x8,
  'head-too-hot': 0x10,
  paused: 0x1_0000,
  'buffer-full': 0,
};

interface Connection {
  socket: net.Socket;
  chunks: Buffer[];
  carry: Buffer;
  /** Job data arrived while the buffer was full: not reading until it clears. */
  stalled: boolean;
  ended: boolean;
}

/**
 * A ZPL label printer on 127.0.0.1 that keeps every job it receives: demo mode prints here,
 * and tests read what arrived. It answers ~HS, ~HQES and ~HI like a Zebra, can be given
 * faults that hold jobs back, and `render` turns a job into a picture for preview.
 */
export async function startVirtualPrinter(
  options: VirtualPrinterOptions = {},
): Promise<VirtualPrinter> {
  const host = options.host ?? '127.0.0.1';
  const dpi = options.dpi ?? 203;
  const answersStatus = options.answersStatus ?? true;
  const jobs: VirtualPrinterJob[] = [];
  const printed: VirtualPrinterJob[] = [];
  /** Received, not yet printed: the "formats in receive buffer" of ~HS. */
  const held: VirtualPrinterJob[] = [];
  const waiters = new Set<() => void>();
  const connections = new Set<Connection>();
  let faults: PrinterFault[] = [];

  const has = (fault: PrinterFault) => faults.includes(fault);
  // A full receive buffer slows the sender down but does not stop the printhead.
  const holdsJobs = () => faults.some((fault) => fault !== 'buffer-full');
  const wake = () => {
    for (const check of [...waiters]) check();
  };

  const answer = (command: StatusCommand): string => {
    const bit = (fault: PrinterFault) => (has(fault) ? '1' : '0');
    switch (command) {
      case '~HS': {
        const labelLength = String(Math.round(6 * dpi)).padStart(4, '0');
        const formats = String(Math.min(held.length, 999)).padStart(3, '0');
        return (
          `\x02030,${bit('paper-out')},${bit('paused')},${labelLength},${formats},` +
          `${bit('buffer-full')},0,0,000,0,0,${bit('head-too-hot')}\x03\r\n` +
          `\x02000,0,${bit('head-open')},${bit('ribbon-out')},1,2,6,0,00000000,1,000\x03\r\n` +
          `\x021234,0\x03\r\n`
        );
      }
      case '~HQES': {
        const errors = faults.reduce((mask, fault) => mask | extendedErrorBit[fault], 0);
        const hex = errors.toString(16).toUpperCase().padStart(8, '0');
        return (
          `\x02\r\n  PRINTER STATUS\r\n` +
          `    ERRORS:         ${errors ? 1 : 0} 00000000 ${hex}\r\n` +
          `    WARNINGS:       0 00000000 00000000\r\n\x03\r\n`
        );
      }
      case '~HI': {
        const dotsPerMm = dotsPerMmOfDpi[dpi] ?? Math.round(dpi / 25.4);
        return `\x02VIRTUAL-ZPL-${dpi}dpi,V1.0.0,${dotsPerMm},8192KB\x03\r\n`;
      }
    }
  };

  const receive = (bytes: Buffer) => {
    const job = { bytes, receivedAt: new Date().toISOString(), receivedAtMs: performance.now() };
    jobs.push(job);
    if (holdsJobs()) held.push(job);
    else printed.push(job);
    wake();
  };

  const finish = (connection: Connection) => {
    const bytes = Buffer.concat([...connection.chunks, connection.carry]);
    if (!isBlank(bytes)) receive(bytes);
    connection.socket.end();
  };

  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    const connection: Connection = {
      socket,
      chunks: [],
      carry: Buffer.alloc(0),
      stalled: false,
      ended: false,
    };
    connections.add(connection);
    socket.on('data', (chunk: Buffer) => {
      const data = connection.carry.length ? Buffer.concat([connection.carry, chunk]) : chunk;
      const { job, carry } = takeCommands(data, (command) => {
        if (answersStatus) socket.write(answer(command));
      });
      connection.carry = carry;
      if (job.length === 0) return;
      connection.chunks.push(job);
      if (has('buffer-full')) {
        connection.stalled = true;
        socket.pause();
      }
    });
    socket.on('error', () => undefined);
    // Node still reports the end of a paused stream whose bytes all came in one chunk.
    socket.on('end', () => {
      connection.ended = true;
      if (!connection.stalled) finish(connection);
    });
    socket.on('close', () => connections.delete(connection));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  const setFaults = (next: readonly PrinterFault[]) => {
    faults = printerFaults.filter((fault) => next.includes(fault));
    if (!has('buffer-full')) {
      for (const connection of connections) {
        if (!connection.stalled) continue;
        connection.stalled = false;
        if (connection.ended) finish(connection);
        else connection.socket.resume();
      }
    }
    if (!holdsJobs() && held.length > 0) {
      printed.push(...held.splice(0));
      wake();
    }
  };
  setFaults(options.faults ?? []);

  const waitFor = (list: readonly VirtualPrinterJob[], what: string) =>
    function wait(count: number, timeoutMs = 10_000): Promise<readonly VirtualPrinterJob[]> {
      if (list.length >= count) return Promise.resolve(list);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `Virtual printer ${what} ${list.length} of ${count} jobs in ${timeoutMs} ms.`,
            ),
          );
        }, timeoutMs);
        const check = () => {
          if (list.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(list);
        };
        waiters.add(check);
      });
    };

  return {
    host,
    port,
    address: `tcp://${host}:${port}`,
    dpi,
    jobs,
    printed,
    get faults() {
      return [...faults];
    },
    setFaults,
    waitForJobs: waitFor(jobs, 'got'),
    waitForPrinted: waitFor(printed, 'printed'),
    render: (job) => renderZplToPng(job.bytes, dpi),
    close() {
      for (const { socket } of connections) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
