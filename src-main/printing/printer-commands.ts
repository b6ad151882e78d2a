// The Printers screen's commands: what is set up, what is on the network, add, change, remove,
// route a document, test and refresh.
import type { CommandHandlers } from '../host/dispatch';
import { discoverPrinters } from './discovery';
import { parseTcpAddress } from './printer';
import type { PrinterRegistry } from './registry';
import { printTestPage } from './test-print';

type PrinterCommands = Pick<
  CommandHandlers,
  | 'printers.list'
  | 'printers.discover'
  | 'printers.add'
  | 'printers.update'
  | 'printers.remove'
  | 'printers.route'
  | 'printers.test'
  | 'printers.refresh'
>;

type Position = 0 | 1 | 2 | 3;

/**
 * A network address as the registry keeps it: `tcp://host:port`, an IPv6 host in brackets. One
 * that is none throws the address rule's own key (`rules.address.*`, invalid input) from
 * `parseTcpAddress`.
 */
function tcpAddress(address: string): string {
  const { host, port } = parseTcpAddress(address);
  return `tcp://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** `cupsUrl`: the CUPS scheduler whose queues discovery lists (default 127.0.0.1:631). */
export function printerCommands(printers: PrinterRegistry, cupsUrl?: string): PrinterCommands {
  return {
    'printers.list': async () => printers.setup(),
    'printers.discover': async () => {
      const found = await discoverPrinters(cupsUrl ? { cups: { url: cupsUrl } } : {});
      const known = new Set(printers.entries().map((entry) => entry.record.address));
      return {
        ...found,
        printers: found.printers.map((printer) => ({
          ...printer,
          added: known.has(printer.address),
        })),
      };
    },
    'printers.add': async (input) =>
      printers.add({
        name: input.name,
        transport: input.transport,
        address: input.transport === 'tcp' ? tcpAddress(input.address) : input.address,
        language: input.language,
        dpi: input.dpi,
        paper: input.paper,
        position: input.position as Position,
      }),
    'printers.update': async ({ id, name, dpi, paper, position }) =>
      printers.update(id, {
        ...(name !== undefined ? { name } : {}),
        ...(dpi !== undefined ? { dpi } : {}),
        ...(paper !== undefined ? { paper } : {}),
        ...(position !== undefined ? { position: position as Position } : {}),
      }),
    'printers.remove': async ({ id }) => printers.remove(id),
    'printers.route': async ({ document, printerId }) => printers.route(document, printerId),
    'printers.test': async ({ id }) => printTestPage(printers, id),
    'printers.refresh': async () => printers.refreshAll(),
  };
}
