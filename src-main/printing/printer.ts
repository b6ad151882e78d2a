import type { Message, PrinterFault, PrinterStatusView } from '../../src-shared';
import { parseNetworkAddress } from '../../src-shared/rules';
import { AppError } from '../errors';

/** What a printer speaks: ZPL II for thermal label printers, PDF for office and A6 printers. */
export type PrinterLanguage = 'zpl' | 'pdf';

/** How the station reaches a printer. */
export type PrinterTransport = 'tcp' | 'usb' | 'cups' | 'windows';

/** Faults a printer reports about itself, and their messages: one list, shared with the screen. */
export { describeFaults, faultMessage, printerFaults, type PrinterFault } from '../../src-shared';

/**
 * What a printer says about itself right now: the contract's view of it, before the station
 * stamps when it asked. `source` is the printer itself (ZPL `~HS`/`~HQES`), the OS spooler (IPP
 * printer-state-reasons), or nowhere (a printer that does not answer status queries).
 */
export type PrinterStatus = Omit<PrinterStatusView, 'checkedAt'>;

/** Options of one job a transport may honour (the spooler does; raw transports ignore them). */
export interface SendOptions {
  /** Shown in the OS print queue. */
  title?: string;
  /** Paper of a PDF job. */
  media?: 'A4' | 'A6';
  /**
   * A spooler took the job and named it (CUPS's job id), before it has printed: kept, a station
   * killed while the spooler holds the job can ask about that job instead of sending it again.
   */
  onSpooled?: (ref: string) => void;
}

/** What became of a job a spooler took before the station stopped (see `Printer.spooled`). */
export type SpooledOutcome = 'printed' | 'not-printed';

/**
 * One printer, whatever the transport. `send` resolves only when the printer (or the OS
 * spooler, for a queue) has taken every byte, and rejects with a PrinterError a packer can act
 * on. `status` never throws: an unreachable printer is a status. A transport sends one job at
 * a time, in the order `send` was called, so two jobs never interleave.
 */
export interface Printer {
  /** A name a packer recognises, e.g. "Zebra ZD421 at 10.0.0.7". */
  readonly name: string;
  /** Where the bytes go: tcp://host:port, usb://vid:pid[/serial], ipp://host:631/printers/Q, winspool://Q. */
  readonly address: string;
  readonly transport: PrinterTransport;
  readonly language: PrinterLanguage;
  send(job: Uint8Array, options?: SendOptions): Promise<void>;
  /**
   * A spooler's job named by `onSpooled` in an earlier life, followed to its end: printed, or
   * not (cancelled, aborted, or stuck and cancelled now), so it is sent again. Transports with
   * no spooler have none: their `send` resolves when the printer took every byte.
   */
  spooled?(ref: string): Promise<SpooledOutcome>;
  status(): Promise<PrinterStatus>;
  /** Release sockets, USB handles and timers. */
  close(): Promise<void>;
}

export type PrinterErrorCode = 'printer-offline' | 'printer-error' | 'printer-fault';

/**
 * A printer failure: an AppError whose code is one a printer can cause, what a packer reads as
 * a message, and (in `log`) the English for the log.
 */
export class PrinterError extends AppError {
  declare readonly code: PrinterErrorCode;
  /** The faults the printer reported, for `printer-fault`. */
  readonly faults: PrinterFault[];
  constructor(
    code: PrinterErrorCode,
    said: Message,
    options?: { cause?: unknown; faults?: PrinterFault[]; log?: string },
  ) {
    super(code, said, options);
    this.name = 'PrinterError';
    this.faults = options?.faults ?? [];
  }
}

/**
 * `tcp://host:port`, `host:port` or a bare host (port 9100): a network printer's address, read by
 * the rule the Printers form uses (src-shared/rules.ts).
 */
export function parseTcpAddress(address: string): { host: string; port: number } {
  const parsed = parseNetworkAddress(address);
  if (!parsed.ok) {
    // The rule's own answer is what the packer reads: the same words the Printers form shows.
    const said: Message = { key: parsed.problem.key, params: parsed.problem.params };
    throw new AppError('invalid-input', said, {
      log: `"${address}" is not a network printer address.`,
    });
  }
  return { host: parsed.host, port: parsed.port };
}

/** Parse PACKDESK_PRINTER, which names its scheme: `tcp://host:port` (port 9100 when omitted). */
export function parsePrinterUrl(value: string): { host: string; port: number } {
  const problem = `PACKDESK_PRINTER must look like tcp://host:port, not "${value}".`;
  if (!value.trim().startsWith('tcp://')) throw new Error(problem);
  try {
    return parseTcpAddress(value);
  } catch {
    throw new Error(problem);
  }
}
