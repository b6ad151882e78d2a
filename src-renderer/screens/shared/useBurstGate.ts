// A grid's one-letter keys (R, V, Space) act a moment after the key, and only when no other key
// follows at a scanner's pace: a barcode scanned with the grid focused ("PD-RV-7") must not open
// a reprint, a void, or choose rows on its way in.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { defaultWedgeOptions } from '../../scan/wedge';

export interface BurstGate {
  /** Call for every key: true when this printable key is part of a burst (ignore it). */
  inBurst(event: KeyboardEvent): boolean;
  /** Do this once the key turns out to be a person's, not a scanner's. */
  later(act: () => void): void;
}

export function useBurstGate(): BurstGate {
  const gate = useRef<{ timer: ReturnType<typeof setTimeout> | null; last: number }>({
    timer: null,
    last: -Infinity,
  });
  useEffect(() => {
    const held = gate.current;
    return () => {
      if (held.timer) clearTimeout(held.timer);
    };
  }, []);
  return {
    inBurst(event) {
      if (event.key.length !== 1) return false;
      const burst = event.timeStamp - gate.current.last < defaultWedgeOptions.maxGapMs;
      gate.current.last = event.timeStamp;
      if (gate.current.timer) {
        clearTimeout(gate.current.timer);
        gate.current.timer = null;
      }
      return burst;
    },
    later(act) {
      gate.current.timer = setTimeout(() => {
        gate.current.timer = null;
        act();
      }, defaultWedgeOptions.maxGapMs + 10);
    },
  };
}
