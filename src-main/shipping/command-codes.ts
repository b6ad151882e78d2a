// Command barcodes: a packer scans `PD:BOXES:3` or `PD:OPTION:dhl:parcel` to say what the next
// order's label needs, or `PD:CLEAR` to take it back. They name no order: they change the next
// scan, and the screen shows what is set until a label uses it or it is cleared.
import { msg, type Message, type NextScan } from '../../src-shared';
import { AppError } from '../errors';

export const COMMAND_PREFIX = 'PD:';
/** The most boxes one shipment takes from a scan (Sendcloud's async endpoint takes 50 parcels). */
export const MAX_BOXES = 50;

export type CommandCode =
  { type: 'boxes'; boxes: number } | { type: 'option'; optionCode: string } | { type: 'clear' };

/** A command barcode's meaning; null for a code that is no command (an order, a badge). */
export function parseCommandCode(code: string): CommandCode | null {
  if (!code.toUpperCase().startsWith(COMMAND_PREFIX)) return null;
  const [verb = '', ...rest] = code.slice(COMMAND_PREFIX.length).split(':');
  const argument = rest.join(':').trim();
  switch (verb.toUpperCase()) {
    case 'BOXES': {
      const boxes = /^\d{1,3}$/.test(argument) ? Number(argument) : Number.NaN;
      if (!Number.isInteger(boxes) || boxes < 1 || boxes > MAX_BOXES) {
        throw new AppError('invalid-input', msg('scan.command.badBoxes', { max: MAX_BOXES }), {
          log: `command barcode ${code}: not a number of boxes`,
        });
      }
      return { type: 'boxes', boxes };
    }
    case 'OPTION':
      // A shipping option code: `carrier:product`, with optional `/key=value` parts.
      if (!/^[a-z0-9_-]+:[\w\-/=.,]+$/i.test(argument)) {
        throw new AppError('invalid-input', msg('scan.command.badOption'), {
          log: `command barcode ${code}: not a shipping option code`,
        });
      }
      return { type: 'option', optionCode: argument };
    case 'CLEAR':
      return { type: 'clear' };
    default:
      throw new AppError('invalid-input', msg('scan.command.unknown', { code }), {
        log: `unknown command barcode ${code}`,
      });
  }
}

/** What the next order's label takes, until a label uses it or it is cleared. */
export function createNextScan(onChange: (next: NextScan) => void) {
  let next: NextScan = { boxes: null, optionCode: null };
  const set = (value: NextScan): NextScan => {
    next = { ...value };
    onChange({ ...next });
    return { ...next };
  };
  return {
    current: (): NextScan => ({ ...next }),
    set,
    /** A command barcode changes it. */
    apply(command: CommandCode): NextScan {
      switch (command.type) {
        case 'boxes':
          return set({ ...next, boxes: command.boxes === 1 ? null : command.boxes });
        case 'option':
          return set({ ...next, optionCode: command.optionCode });
        case 'clear':
          return set({ boxes: null, optionCode: null });
      }
    },
    /** A new label job takes what is set, once: the scan after it starts from nothing. */
    take(): NextScan {
      const taken = { ...next };
      if (taken.boxes !== null || taken.optionCode !== null) set({ boxes: null, optionCode: null });
      return taken;
    },
  };
}

export type NextScanState = ReturnType<typeof createNextScan> & {
  /** What the last change did when it was not for the next label (boxes-after-scan.ts). */
  said?: () => Message | null;
};
