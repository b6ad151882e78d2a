import { describeFaults, printerFaults, type PrinterFault, type PrinterStatus } from './printer';

/**
 * Send `command` to the printer and resolve with the answer once `complete(answerSoFar)` is
 * true; reject on timeout. Each transport (TCP, USB) supplies its own.
 */
export type ZplExchange = (
  command: string,
  complete: (answer: Buffer) => boolean,
  timeoutMs: number,
) => Promise<Buffer>;

const STX = '\x02';
const ETX = '\x03';
const STX_BYTE = 0x02;
const ETX_BYTE = 0x03;

/** The `<STX>…<ETX>` strings of an answer, in order; an unterminated last string is left out. */
function frames(answer: string): string[] {
  const found: string[] = [];
  let start = answer.indexOf(STX);
  while (start !== -1) {
    const end = answer.indexOf(ETX, start + 1);
    if (end === -1) break;
    found.push(answer.slice(start + 1, end));
    start = answer.indexOf(STX, end + 1);
  }
  return found;
}

function countFrames(answer: Buffer): number {
  let count = 0;
  let start = answer.indexOf(STX_BYTE);
  while (start !== -1) {
    const end = answer.indexOf(ETX_BYTE, start + 1);
    if (end === -1) break;
    count += 1;
    start = answer.indexOf(STX_BYTE, end + 1);
  }
  return count;
}

/** Faults in the order of `printerFaults`, each once, so messages read the same every time. */
function ordered(faults: Iterable<PrinterFault>): PrinterFault[] {
  const set = new Set(faults);
  return printerFaults.filter((fault) => set.has(fault));
}

function flag(fields: readonly string[], index: number): boolean {
  return fields[index]?.trim() === '1';
}

function count(fields: readonly string[], index: number): number {
  const value = Number.parseInt(fields[index]?.trim() ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Parse the answer to `~HS`: three strings,
 * `aaa,b,c,dddd,eee,f,g,h,iii,j,k,l` (b paper out, c paused, eee formats in the receive buffer,
 * f buffer full, l over temperature),
 * `mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www` (o head up, p ribbon out, uuuuuuuu labels remaining in
 * the batch) and `xxxx,y` (password, static RAM), each as `<STX>…<ETX><CR><LF>`.
 * `pending` counts formats waiting plus labels still to print. Throws on anything else.
 */
export function parseHostStatus(answer: string): { faults: PrinterFault[]; pending: number } {
  const [first, second] = frames(answer);
  const one = first?.split(',') ?? [];
  const two = second?.split(',') ?? [];
  // Field counts are fixed by the guide; fewer means this is not a ~HS answer we can trust.
  if (one.length < 12 || two.length < 9 || !/^\d+$/.test(one[1]?.trim() ?? '')) {
    throw new Error(`Not an answer to ~HS: ${JSON.stringify(answer.slice(0, 120))}`);
  }
  const faults: PrinterFault[] = [];
  if (flag(one, 1)) faults.push('paper-out');
  if (flag(one, 2)) faults.push('paused');
  if (flag(one, 5)) faults.push('buffer-full');
  // Under temperature (k) is left out: the printer keeps printing, only lighter.
  if (flag(one, 11)) faults.push('head-too-hot');
  if (flag(two, 2)) faults.push('head-open');
  if (flag(two, 3)) faults.push('ribbon-out');
  return { faults: ordered(faults), pending: count(one, 4) + count(two, 8) };
}

/** ~HQES error bits (group 1, the last eight hex digits) that name one of our faults. */
const extendedErrorBits: readonly (readonly [number, PrinterFault])[] = [
  [0x0000_0001, 'paper-out'], // media out
  [0x0000_0002, 'ribbon-out'],
  [0x0000_0004, 'head-open'],
  [0x0000_0010, 'head-too-hot'], // printhead over temperature
  [0x0001_0000, 'paused'],
];

/**
 * Parse the answer to `~HQES`:
 * `PRINTER STATUS / ERRORS: f gggggggg hhhhhhhh / WARNINGS: f gggggggg hhhhhhhh`, where f says
 * whether any flag is set and the two hex groups are bit masks. Known error bits map to faults;
 * any other error bit (cutter fault, motor over temperature, bad printhead element, …) is
 * `other`. Warnings (clean the printhead, paper near end) do not stop printing and are left out.
 * Throws when no ERRORS line is found.
 */
export function parseExtendedStatus(answer: string): PrinterFault[] {
  const match = /ERRORS:\s*([01])\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8})/.exec(answer);
  if (!match) throw new Error(`Not an answer to ~HQES: ${JSON.stringify(answer.slice(0, 120))}`);
  const [, present = '0', group2 = '0', group1 = '0'] = match;
  let bits = Number.parseInt(group1, 16);
  const faults: PrinterFault[] = [];
  for (const [bit, fault] of extendedErrorBits) {
    if ((bits & bit) === 0) continue;
    faults.push(fault);
    bits &= ~bit;
  }
  const unknown = bits !== 0 || Number.parseInt(group2, 16) !== 0;
  if (unknown || (present === '1' && faults.length === 0)) faults.push('other');
  return ordered(faults);
}

/** Dots per millimetre of Zebra printheads and the dpi they are sold as. */
const dpiOfDotsPerMm: Readonly<Record<number, number>> = { 6: 152, 8: 203, 12: 300, 24: 600 };

/**
 * Parse the answer to `~HI`: `<STX>model,firmware,dots/mm,memory,options<ETX>`, e.g.
 * `ZD421-300dpi,V84.20.18Z,12,8192KB`. An unknown dots/mm gives `dpi: null`.
 */
export function parseHostIdentification(answer: string): { model: string; dpi: number | null } {
  const text = frames(answer)[0] ?? answer.trim();
  const [model = '', , dotsPerMm = ''] = text.split(',');
  if (!model.trim()) throw new Error(`Not an answer to ~HI: ${JSON.stringify(text.slice(0, 120))}`);
  return { model: model.trim(), dpi: dpiOfDotsPerMm[Number(dotsPerMm.trim())] ?? null };
}

/** True once the three `<STX>…<ETX>` strings of a ~HS answer are in. */
export const hostStatusComplete = (answer: Buffer): boolean => countFrames(answer) >= 3;

/** True once the single `<STX>…<ETX>` block of a ~HI answer is in. */
export const hostIdentificationComplete = (answer: Buffer): boolean => countFrames(answer) >= 1;

/** True once the ~HQES block is in, or at least its WARNINGS line (some firmware sends no STX). */
export const extendedStatusComplete = (answer: Buffer): boolean =>
  countFrames(answer) >= 1 || /WARNINGS:[^\n]*\n/.test(answer.toString('latin1'));

/**
 * Ask the printer how it is: `~HS`, and `~HQES` too when `extended` (printers that answer it
 * report cutter and printhead faults ~HS cannot). Rejects when the ~HS exchange rejects (the
 * printer did not answer in time) or the answer is not a ~HS answer; a failed ~HQES only
 * loses the extra detail. `dpi` is null here: ask once with `queryZplIdentity`.
 */
export async function queryZplStatus(
  exchange: ZplExchange,
  options: { extended?: boolean; timeoutMs?: number } = {},
): Promise<PrinterStatus> {
  const timeoutMs = options.timeoutMs ?? 1500;
  const host = parseHostStatus(
    (await exchange('~HS', hostStatusComplete, timeoutMs)).toString('latin1'),
  );
  let faults = host.faults;
  if (options.extended) {
    try {
      const answer = await exchange('~HQES', extendedStatusComplete, timeoutMs);
      faults = ordered([...faults, ...parseExtendedStatus(answer.toString('latin1'))]);
    } catch {
      // ~HS already answered; the status stands without the extended detail.
    }
  }
  return {
    reachable: true,
    faults,
    pending: host.pending,
    dpi: null,
    source: 'printer',
    message: describeFaults(faults),
  };
}

/** Ask `~HI` for the model and resolution. Rejects like the exchange, or on a non-~HI answer. */
export async function queryZplIdentity(
  exchange: ZplExchange,
  timeoutMs = 1500,
): Promise<{ model: string; dpi: number | null }> {
  const answer = await exchange('~HI', hostIdentificationComplete, timeoutMs);
  return parseHostIdentification(answer.toString('latin1'));
}
