// Printer faults and their message keys, shared by the station and the screen. Plain data with
// no zod, so the renderer can import it without pulling the contract's schemas in.
import { msg, type Message, type MessageKey } from './messages';

/** Faults a printer reports about itself. */
export const printerFaults = [
  'paper-out',
  'head-open',
  'ribbon-out',
  'paused',
  'buffer-full',
  'head-too-hot',
  'other',
] as const;
export type PrinterFault = (typeof printerFaults)[number];

// Spelt out, not built from the fault's name, so every key can be found where it is used.
const faultKeys = {
  'paper-out': 'printer.fault.paper-out',
  'head-open': 'printer.fault.head-open',
  'ribbon-out': 'printer.fault.ribbon-out',
  paused: 'printer.fault.paused',
  'buffer-full': 'printer.fault.buffer-full',
  'head-too-hot': 'printer.fault.head-too-hot',
  other: 'printer.fault.other',
} as const satisfies Record<PrinterFault, MessageKey>;

/** What a packer reads for a fault: its message key, `printer.fault.<fault>`. */
export function faultMessage(fault: PrinterFault): Message {
  return msg(faultKeys[fault]);
}

/** The faults as one message (a list the renderer joins), or "Ready" when there are none. */
export function describeFaults(faults: readonly PrinterFault[]): Message {
  if (faults.length === 0) return msg('printer.ready');
  return msg('printer.faults', { faults: faults.map(faultMessage) });
}
