// Find printers a packer can add: USB printer-class devices and the OS print queues. Each source
// that cannot be searched says why in `notes` instead of failing the whole search.
import { msg, type DiscoveredPrinter, type Message, type PrinterDiscovery } from '../../src-shared';
import { AppError } from '../errors';
import { listCupsQueues, type CupsOptions } from './cups';
import { discoverUsbPrinters, type UsbDeps } from './usb';
import { listWindowsQueues } from './windows-spooler';

export interface DiscoveryDeps {
  usb?: UsbDeps;
  cups?: CupsOptions;
  platform?: NodeJS.Platform;
}

/** Names the OS or the printer gives itself (a driver, a model): shown as they are. */
function facts(texts: readonly (string | null | undefined)[]): Message[] {
  return texts
    .filter((text): text is string => Boolean(text))
    .map((text) => msg('printer.discovery.fact.text', { text }));
}

export async function discoverPrinters(deps: DiscoveryDeps = {}): Promise<PrinterDiscovery> {
  const platform = deps.platform ?? process.platform;
  const notes: Message[] = [];
  const printers: DiscoveredPrinter[] = [];

  const usb = discoverUsbPrinters(deps.usb ?? {}).then(
    (found) => {
      if (found.length === 0) notes.push(msg('printer.discovery.noUsb'));
      for (const device of found) {
        const name = [device.manufacturer, device.product].filter(Boolean).join(' ');
        printers.push({
          transport: 'usb',
          address: device.id,
          name: name || `USB printer ${device.id.slice('usb://'.length)}`,
          language: 'zpl',
          detail: [
            msg(device.zpl ? 'printer.discovery.fact.zpl' : 'printer.discovery.fact.usb'),
            ...(device.serial
              ? [msg('printer.discovery.fact.serial', { serial: device.serial })]
              : []),
          ],
          problem: device.problem,
          added: false,
        });
      }
    },
    (error: unknown) => {
      notes.push(
        msg('printer.discovery.usbFailed', {
          problem:
            error instanceof AppError
              ? error.said
              : msg('printer.status.error', { detail: String(error) }),
        }),
      );
    },
  );

  const queues =
    platform === 'win32'
      ? listWindowsQueues().then((list) => {
          if (list.reason) notes.push(list.reason);
          for (const queue of list.queues) {
            printers.push({
              transport: 'windows',
              address: queue.address,
              name: queue.name,
              language: queue.language,
              detail: facts([queue.driver, queue.port]),
              problem: null,
              added: false,
            });
          }
        })
      : listCupsQueues(deps.cups ?? {}).then((list) => {
          if (list.reason) notes.push(list.reason);
          else if (list.queues.length === 0) notes.push(msg('printer.discovery.noQueues'));
          for (const queue of list.queues) {
            printers.push({
              transport: 'cups',
              address: queue.uri,
              name: queue.description || queue.name,
              language: queue.language,
              detail: [
                ...facts([queue.name, queue.makeAndModel]),
                ...(queue.raw ? [msg('printer.discovery.fact.raw')] : []),
              ],
              problem: queue.acceptingJobs ? null : msg('printer.discovery.queueRejecting'),
              added: false,
            });
          }
        });

  await Promise.all([usb, queues]);
  return { printers, notes };
}
