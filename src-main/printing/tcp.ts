import net from 'node:net';
import { msg, type Message } from '../../src-shared';
import { PrinterError, type Printer, type PrinterStatus } from './printer';
import { queryZplIdentity, queryZplStatus, type ZplExchange } from './zpl-status';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  name?: string;
  /** How long to wait for the printer to accept the connection. */
  connectTimeoutMs?: number;
  /** How long the whole job may take once connected. */
  jobTimeoutMs?: number;
  /** How long to wait for each status answer; a printer silent that long does not report status. */
  statusTimeoutMs?: number;
  /** Also ask `~HQES` (cutter, motor and printhead faults); for printers that answer it. */
  extendedStatus?: boolean;
  /** How long to trust "this printer does not report status" before asking ~HS again. */
  statusRecheckMs?: number;
}

/** The connection could not be made: the printer is off, unplugged or at another address. */
class ConnectError extends PrinterError {
  constructor(
    /** Short reason for a status line, e.g. "ECONNREFUSED at tcp://10.0.0.7:9100". */
    readonly reason: Message,
    said: Message,
    log: string,
    cause?: unknown,
  ) {
    super('printer-offline', said, { cause, log });
  }
}

/** A status command got no (complete) answer in time. */
class NoAnswerError extends Error {}

interface Connection {
  socket: net.Socket;
  /** Resolves when the socket has closed, with the error that closed it, if any. */
  closed: Promise<Error | undefined>;
}

/**
 * A status exchange over one open connection: write the command, collect what comes back
 * until the answer is complete, fail on timeout or when the printer hangs up.
 */
function exchangeOver({ socket, closed }: Connection): ZplExchange {
  let answer = Buffer.alloc(0);
  let gone: Error | undefined;
  let notify: ((error?: Error) => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    answer = Buffer.concat([answer, chunk]);
    notify?.();
  });
  void closed.then((error) => {
    gone = new Error(`The printer hung up during a status query (${error?.message ?? 'closed'}).`);
    notify?.(gone);
  });
  return (command, complete, timeoutMs) =>
    new Promise<Buffer>((resolve, reject) => {
      if (gone) {
        reject(gone);
        return;
      }
      // Each command reads only what comes back after it.
      answer = Buffer.alloc(0);
      const timer = setTimeout(() => {
        notify = undefined;
        reject(new NoAnswerError(`No complete answer to ${command} within ${timeoutMs} ms.`));
      }, timeoutMs);
      notify = (error) => {
        if (!error && !complete(answer)) return;
        clearTimeout(timer);
        notify = undefined;
        if (error) reject(error);
        else resolve(answer);
      };
      socket.write(command);
    });
}

/**
 * Raw TCP "port 9100" printing: open a connection, write the job, half-close, and wait for
 * the printer to close its side, which is when it has taken the whole job. Status is read
 * back with ZPL `~HS` (and `~HQES`) on a connection of its own. Jobs and status queries share
 * one queue, so nothing interleaves on the wire.
 */
export function createTcpPrinter(options: TcpPrinterOptions): Printer {
  const address = `tcp://${options.host}:${options.port}`;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const jobTimeoutMs = options.jobTimeoutMs ?? 15000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 1500;
  const statusRecheckMs = options.statusRecheckMs ?? 5 * 60_000;
  const open = new Set<net.Socket>();
  let queue: Promise<unknown> = Promise.resolve();
  let closing = false;

  /** Null until ~HI has been asked; then the dpi it reported, or null for no answer. */
  let dpi: number | null = null;
  let identified = false;
  /** The printer has answered ~HS at least once, so silence now means trouble. */
  let answeredBefore = false;
  /** When ~HS last went unanswered by a printer that never answered it. */
  let silentSince: number | undefined;

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  const connect = () =>
    new Promise<Connection>((resolve, reject) => {
      if (closing) {
        reject(
          new ConnectError(
            msg('printer.net.closed'),
            msg('printer.net.closedByStation', { address }),
            `The printer at ${address} was closed by the station.`,
          ),
        );
        return;
      }
      const socket = net.connect({ host: options.host, port: options.port });
      socket.setNoDelay(true);
      let connected = false;
      let failure: Error | undefined;
      const closed = new Promise<Error | undefined>((done) =>
        socket.once('close', () => {
          open.delete(socket);
          done(failure);
        }),
      );
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new ConnectError(
            msg('printer.net.noAnswerWithin', { address, ms: connectTimeoutMs }),
            msg('printer.net.noAnswer', { address }),
            `${address} did not answer within ${connectTimeoutMs} ms`,
          ),
        );
      }, connectTimeoutMs);
      socket.on('error', (error: NodeJS.ErrnoException) => {
        failure ??= error;
        if (connected) return;
        clearTimeout(timer);
        const code = error.code ?? error.message;
        reject(
          new ConnectError(
            msg('printer.net.codeAt', { code, address }),
            msg('printer.net.unreachable', { address, code }),
            `${code} at ${address}`,
            error,
          ),
        );
      });
      socket.once('connect', () => {
        connected = true;
        clearTimeout(timer);
        open.add(socket);
        resolve({ socket, closed });
      });
    });

  const sendNow = async (job: Uint8Array) => {
    const { socket, closed } = await connect();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new PrinterError('printer-error', msg('printer.net.stoppedTaking', { address }), {
            log: `The printer at ${address} stopped taking data.`,
          }),
        );
        socket.destroy();
      }, jobTimeoutMs);
      // Printers rarely answer on 9100 without a status query; drain whatever they send.
      socket.on('data', () => undefined);
      socket.end(job);
      void closed.then((error) => {
        clearTimeout(timer);
        if (!error) resolve();
        else {
          const code = (error as NodeJS.ErrnoException).code ?? error.message;
          reject(
            new PrinterError('printer-error', msg('printer.net.brokeMidJob', { address, code }), {
              cause: error,
              log: `The connection to the printer at ${address} broke mid-job (${code}).`,
            }),
          );
        }
      });
    });
  };

  const silentStatus = (): PrinterStatus => ({
    reachable: true,
    faults: [],
    pending: null,
    dpi,
    source: 'none',
    message: msg('printer.status.readyNoStatus'),
  });

  const statusNow = async (): Promise<PrinterStatus> => {
    let connection: Connection;
    try {
      connection = await connect();
    } catch (error) {
      const reason = error instanceof ConnectError ? error.reason : String(error);
      return {
        reachable: false,
        faults: [],
        pending: null,
        dpi,
        source: 'none',
        message: msg('printer.status.unreachable', { reason }),
      };
    }
    try {
      // Connecting proved it is there; do not wait out another timeout to learn it is silent.
      if (silentSince !== undefined && performance.now() - silentSince < statusRecheckMs) {
        return silentStatus();
      }
      const exchange = exchangeOver(connection);
      let status: PrinterStatus;
      try {
        status = await queryZplStatus(exchange, {
          extended: options.extendedStatus ?? false,
          timeoutMs: statusTimeoutMs,
        });
      } catch (error) {
        if (!(error instanceof NoAnswerError)) return silentStatus();
        if (answeredBefore) {
          // Some Zebras stay silent on ~HS while out of media or with the head open.
          return {
            reachable: true,
            faults: ['other'],
            pending: null,
            dpi,
            source: 'none',
            message: msg('printer.status.notAnswering'),
          };
        }
        silentSince = performance.now();
        return silentStatus();
      }
      answeredBefore = true;
      silentSince = undefined;
      if (!identified) {
        identified = true;
        dpi = await queryZplIdentity(exchange, statusTimeoutMs).then(
          (identity) => identity.dpi,
          () => null,
        );
      }
      return { ...status, dpi };
    } finally {
      connection.socket.destroy();
    }
  };

  return {
    name: options.name ?? `ZPL printer at ${options.host}:${options.port}`,
    address,
    transport: 'tcp',
    language: 'zpl',
    // Raw 9100 has no job title or media to set: the ZPL carries its own.
    send(job) {
      return enqueue(() => sendNow(job));
    },
    status() {
      return enqueue(statusNow).catch((error: unknown): PrinterStatus => ({
        reachable: false,
        faults: [],
        pending: null,
        dpi,
        source: 'none',
        message: msg('printer.status.unreachable', { reason: reasonOf(error) }),
      }));
    },
    async close() {
      closing = true;
      for (const socket of open) socket.destroy(new Error('The station closed the printer.'));
      await queue;
    },
  };
}

/** Why a status query failed, for the status line: the printer's own message when it has one. */
function reasonOf(error: unknown): Message | string {
  if (error instanceof PrinterError) return error.said;
  return error instanceof Error ? error.message : String(error);
}
