import net from 'node:net';
import { PrinterError, type LabelPrinter } from './printer';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  name?: string;
  /** How long to wait for the printer to accept the connection. */
  connectTimeoutMs?: number;
  /** How long the whole job may take once connected. */
  jobTimeoutMs?: number;
}

/**
 * Raw TCP "port 9100" printing: open a connection, write the job, half-close, and wait for
 * the printer to close its side, which is when it has taken the whole job.
 * Jobs are queued so two labels never interleave on the wire.
 */
export function createTcpPrinter(options: TcpPrinterOptions): LabelPrinter {
  const address = `tcp://${options.host}:${options.port}`;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const jobTimeoutMs = options.jobTimeoutMs ?? 15000;
  let queue: Promise<void> = Promise.resolve();

  const send = (job: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      let connected = false;
      let settled = false;
      const socket = net.connect({ host: options.host, port: options.port });
      socket.setNoDelay(true);
      const finish = (error?: PrinterError) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(jobTimer);
        socket.destroy();
        if (error) reject(error);
        else resolve();
      };
      const connectTimer = setTimeout(
        () =>
          finish(new PrinterError('printer-offline', `The printer at ${address} did not answer.`)),
        connectTimeoutMs,
      );
      let jobTimer: NodeJS.Timeout | undefined;
      socket.once('connect', () => {
        connected = true;
        clearTimeout(connectTimer);
        jobTimer = setTimeout(
          () =>
            finish(
              new PrinterError('printer-error', `The printer at ${address} stopped taking data.`),
            ),
          jobTimeoutMs,
        );
        socket.end(job);
      });
      // Printers rarely answer on 9100 without a status query; drain whatever they send.
      socket.on('data', () => undefined);
      socket.once('close', () => {
        if (connected) finish();
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        finish(
          connected
            ? new PrinterError(
                'printer-error',
                `The connection to the printer at ${address} broke mid-job (${error.code ?? error.message}).`,
                { cause: error },
              )
            : new PrinterError(
                'printer-offline',
                `The printer at ${address} is unreachable (${error.code ?? error.message}). Check that it is on and connected.`,
                { cause: error },
              ),
        );
      });
    });

  return {
    name: options.name ?? `ZPL printer at ${options.host}:${options.port}`,
    address,
    print(job) {
      const run = queue.then(() => send(job));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
