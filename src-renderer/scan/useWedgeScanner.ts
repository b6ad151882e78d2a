// One window-wide listener that catches a scanner burst wherever focus is. It listens in the
// capture phase so it sees the Enter before any field, button or form does.
import { useEffect, useRef } from 'react';
import { createWedgeDetector, type WedgeOptions } from './wedge';

interface FieldSnapshot {
  field: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

function snapshot(target: EventTarget | null): FieldSnapshot | null {
  if (!(target instanceof HTMLInputElement) && !(target instanceof HTMLTextAreaElement)) {
    return null;
  }
  return {
    field: target,
    value: target.value,
    selectionStart: safeSelection(() => target.selectionStart),
    selectionEnd: safeSelection(() => target.selectionEnd),
  };
}

// Some input types (number, email) throw on selection access.
function safeSelection(read: () => number | null): number | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/**
 * Put the field back as it was before the burst. The value goes through the prototype's setter
 * and an `input` event, so a React-controlled field updates its state as if the user had typed.
 */
function restore({ field, value, selectionStart, selectionEnd }: FieldSnapshot): void {
  if (!field.isConnected || field.value === value) return;
  const prototype = Object.getPrototypeOf(field) as HTMLInputElement | HTMLTextAreaElement;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  if (selectionStart !== null && selectionEnd !== null) {
    try {
      field.setSelectionRange(selectionStart, selectionEnd);
    } catch {
      // Not every input type has a selection; the value is what matters.
    }
  }
}

/** Call `onScan` for every wedge scan, wherever focus is, and keep the burst out of fields. */
export function useWedgeScanner(onScan: (code: string) => void, options?: WedgeOptions): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  const maxGapMs = options?.maxGapMs;
  const minLength = options?.minLength;

  useEffect(() => {
    const detector = createWedgeDetector({
      ...(maxGapMs !== undefined ? { maxGapMs } : {}),
      ...(minLength !== undefined ? { minLength } : {}),
    });
    let before: FieldSnapshot | null = null;

    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.isComposing) {
        detector.reset();
        return;
      }
      const verdict = detector.key({
        key: event.key,
        time: event.timeStamp,
        repeat: event.repeat,
        modified: event.ctrlKey || event.altKey || event.metaKey,
      });
      switch (verdict.type) {
        case 'burst-start':
          // Keydown comes before the character lands, so this is the field's value before it.
          before = snapshot(event.target);
          return;
        case 'burst-key':
          return;
        case 'scan': {
          // The Enter belongs to the scanner: no form submit, no button press, no field handler.
          event.preventDefault();
          event.stopImmediatePropagation();
          const field = before;
          before = null;
          if (field && field.field === event.target) restore(field);
          onScanRef.current(verdict.code);
          return;
        }
        case 'pass':
          before = null;
          return;
      }
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [maxGapMs, minLength]);
}
