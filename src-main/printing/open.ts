// Open the transport a stored printer needs: raw TCP, USB, CUPS over IPP or the Windows spooler.
import type { PrinterRecord } from '../store/printers';
import type { Printer } from './printer';
import { createCupsPrinter } from './cups';
import { createTcpPrinter } from './tcp';
import { createUsbPrinter } from './usb';
import { createWindowsPrinter, parseWindowsAddress } from './windows-spooler';

/** `tcp://host:port`, `host:port` or a bare host (port 9100). */
export function parseTcpAddress(address: string): { host: string; port: number } {
  const match = /^(?:tcp:\/\/)?(\[[^\]]+\]|[^:/\s]+)(?::(\d{1,5}))?\/?$/.exec(address.trim());
  const port = match?.[2] ? Number(match[2]) : 9100;
  if (!match?.[1] || port < 1 || port > 65535) {
    throw new Error(
      `"${address}" is not a network printer address; use host:port, e.g. 10.0.0.7:9100.`,
    );
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

export function openPrinter(record: PrinterRecord): Printer {
  switch (record.transport) {
    case 'tcp': {
      const { host, port } = parseTcpAddress(record.address);
      return createTcpPrinter({ host, port, name: record.name });
    }
    case 'usb':
      return createUsbPrinter({ address: record.address, name: record.name });
    case 'cups':
      return createCupsPrinter({
        uri: record.address,
        name: record.name,
        language: record.language,
      });
    case 'windows':
      return createWindowsPrinter({
        queue: parseWindowsAddress(record.address),
        name: record.name,
        language: record.language,
      });
  }
}
