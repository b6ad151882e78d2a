// Open the transport a stored printer needs: raw TCP, USB, CUPS over IPP or the Windows spooler.
import type { PrinterRecord } from '../store/printers';
import { parseTcpAddress, type Printer } from './printer';
import { createCupsPrinter } from './cups';
import { createTcpPrinter } from './tcp';
import { createUsbPrinter } from './usb';
import { createWindowsPrinter, parseWindowsAddress } from './windows-spooler';

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
