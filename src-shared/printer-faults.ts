// Printer faults and their message keys, shared by the station and the screen. Plain data with
// no zod, so the renderer can import it without pulling the contract's schemas in.
import { msg, type Message } from './messages';

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

/** What a packer reads for a fault: its message key, `printer.fault.<fault>`. */
export function faultMessage(fault: PrinterFault): Message {
  return msg(`printer.fault.${fault}`);
}

/** The faults as one message (a list the renderer joins), or "Ready" when there are none. */
export function describeFaults(faults: readonly PrinterFault[]): Message {
  if (faults.length === 0) return msg('printer.ready');
  return msg('printer.faults', { faults: faults.map(faultMessage) });
}
