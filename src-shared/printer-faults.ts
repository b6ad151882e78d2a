// Printer faults and the words for them, shared by the station and the screen. Plain data with
// no dependencies, so the renderer can import it without pulling the contract's zod in.

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

/** What a packer reads for each fault, on the screen and in a waiting label's reason. */
export const faultText: Record<PrinterFault, string> = {
  'paper-out': 'Paper out',
  'head-open': 'Print head open',
  'ribbon-out': 'Ribbon out',
  paused: 'Paused',
  'buffer-full': 'Receive buffer full',
  'head-too-hot': 'Print head too hot',
  other: 'Printer error',
};

/** "Paper out, print head open" — or "Ready" when there are no faults. */
export function describeFaults(faults: readonly PrinterFault[]): string {
  if (faults.length === 0) return 'Ready';
  const text = faults.map((fault) => faultText[fault]).join(', ');
  return text.charAt(0) + text.slice(1).toLowerCase();
}
