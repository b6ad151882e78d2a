import { AppError } from '../errors';

/**
 * What the station needs from any label printer. Transports (raw TCP today; USB and the OS
 * spooler later) implement it; `print` resolves only when the printer has taken every byte,
 * and rejects with a PrinterError a packer can act on.
 */
export interface LabelPrinter {
  /** A name a packer recognises, e.g. "Virtual ZPL printer" or "Zebra at 10.0.0.7". */
  readonly name: string;
  /** Where the bytes go, e.g. "tcp://127.0.0.1:9100". */
  readonly address: string;
  print(job: Uint8Array): Promise<void>;
}

export type PrinterErrorCode = 'printer-offline' | 'printer-error';

/** A printer failure: an AppError whose code is one of the two a printer can cause. */
export class PrinterError extends AppError {
  declare readonly code: PrinterErrorCode;
  constructor(code: PrinterErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'PrinterError';
  }
}

/** Parse `tcp://host:port` (the form of PACKDESK_PRINTER). Port 9100 when omitted. */
export function parsePrinterUrl(value: string): { host: string; port: number } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PACKDESK_PRINTER must look like tcp://host:port, not "${value}".`);
  }
  if (url.protocol !== 'tcp:' || !url.hostname) {
    throw new Error(`PACKDESK_PRINTER must look like tcp://host:port, not "${value}".`);
  }
  const port = url.port ? Number(url.port) : 9100;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PACKDESK_PRINTER has an invalid port: "${value}".`);
  }
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port };
}
