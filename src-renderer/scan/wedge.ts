// Keyboard-wedge scanner detection. A scanner "types" its barcode as a burst of keys far faster
// than a person can, then presses Enter. The detector only sees keys and their timestamps, so it
// holds no DOM and no clock of its own: the caller passes the KeyboardEvent's `timeStamp`.

export interface WedgeOptions {
  /** The longest pause between two keys of one burst, in ms. Scanners send 1–20 ms; people 80+. */
  maxGapMs?: number;
  /** The fewest characters a burst needs to count as a scan. */
  minLength?: number;
}

export interface WedgeKey {
  /** `KeyboardEvent.key`. */
  key: string;
  /** `KeyboardEvent.timeStamp`, or any monotonic clock in ms. */
  time: number;
  /** True for auto-repeat from a held key: a held key is fast but is never a scan. */
  repeat?: boolean;
  /** Ctrl, Alt or Meta held: a shortcut, not a scanner. */
  modified?: boolean;
}

export type WedgeVerdict =
  /** This printable key began a new burst (the caller may snapshot the focused field now). */
  | { type: 'burst-start' }
  /** This printable key continued the current burst. */
  | { type: 'burst-key' }
  /** This Enter ended a fast burst: it was a scan. */
  | { type: 'scan'; code: string }
  /** Not part of a scan; let the key do what it normally does. */
  | { type: 'pass' };

export interface WedgeDetector {
  key(input: WedgeKey): WedgeVerdict;
  reset(): void;
}

export const defaultWedgeOptions: Required<WedgeOptions> = { maxGapMs: 40, minLength: 4 };

// Keys a scanner's keyboard emulation may press between characters without breaking a burst.
const modifierKeys = new Set(['Shift', 'CapsLock']);

function isPrintable(key: string): boolean {
  // `key` is one character for printable keys and a name ("Tab", "ArrowLeft") for the others.
  return key.length === 1 && key >= ' ' && key !== '\x7f';
}

export function createWedgeDetector(options: WedgeOptions = {}): WedgeDetector {
  const { maxGapMs, minLength } = { ...defaultWedgeOptions, ...options };
  let chars = '';
  let lastTime = 0;

  const reset = (): void => {
    chars = '';
  };

  return {
    reset,
    key({ key, time, repeat = false, modified = false }) {
      if (modifierKeys.has(key)) return { type: 'pass' };
      if (repeat || modified) {
        reset();
        return { type: 'pass' };
      }
      const fast = chars.length > 0 && time - lastTime <= maxGapMs;
      if (key === 'Enter') {
        const code = chars;
        reset();
        return fast && code.length >= minLength ? { type: 'scan', code } : { type: 'pass' };
      }
      if (!isPrintable(key)) {
        reset();
        return { type: 'pass' };
      }
      lastTime = time;
      if (fast) {
        chars += key;
        return { type: 'burst-key' };
      }
      // Too slow to belong to the previous keys: this key may be the first of a new burst.
      chars = key;
      return { type: 'burst-start' };
    },
  };
}
