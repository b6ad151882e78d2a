import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import './next-label.css';

/** The most boxes one shipment takes from a scan (as main's command barcodes allow). */
const MAX_BOXES = 50;

/**
 * What the next order's label takes: its boxes and a one-off option, set by a command barcode
 * (`PD:BOXES:3`) or Alt+B, shown until a label uses it or it is cleared. Alt+B opens a number
 * field; Enter sets it, Escape closes it and clears the boxes.
 */
export function NextLabelPanel({ onDone }: { onDone: () => void }) {
  const next = useStation((s) => s.nextScan);
  const error = useStation((s) => s.nextScanError);
  const applied = useStation((s) => s.nextScanApplied);
  const fieldOpen = useStation((s) => s.boxesFieldOpen);
  const openField = useStation((s) => s.openBoxesField);
  const closeField = useStation((s) => s.closeBoxesField);
  const setBoxes = useStation((s) => s.setNextBoxes);
  const clear = useStation((s) => s.clearNextScan);
  const { t, say } = useSpeaker();

  // Alt+B, wherever focus is on the scan screen: a letter alone would be typed into a field.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyB') return;
      event.preventDefault();
      openField();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openField]);

  const set = next.boxes !== null;
  // Nothing set: nothing shows, so the idle scan screen keeps its height at 1366×768 (Alt+B
  // opens the field; a command barcode sets it).
  if (!set && !fieldOpen && !error && !applied) {
    return <section className="next-label" hidden data-testid="next-label" data-boxes={1} />;
  }
  return (
    <section
      className={set ? 'next-label next-label-set' : 'next-label'}
      aria-label={t('boxes.next.title')}
      data-testid="next-label"
      data-boxes={next.boxes ?? 1}
    >
      <h2 className="next-label-title">{t('boxes.next.title')}</h2>
      <p className="next-label-facts" role="status">
        {next.boxes !== null && (
          <strong data-testid="next-label-boxes">
            {t('boxes.next.boxes', { boxes: next.boxes })}
          </strong>
        )}
        {set && <span className="muted">{t('boxes.next.until')}</span>}
      </p>
      {fieldOpen ? (
        <BoxesField
          initial={next.boxes}
          onSet={(boxes) => void setBoxes(boxes).then((ok) => ok && onDone())}
          onEscape={() => {
            closeField();
            if (next.boxes !== null) void setBoxes(null);
            onDone();
          }}
        />
      ) : (
        <div className="queue-actions">
          <button
            type="button"
            className="button button-small"
            onClick={openField}
            data-testid="next-label-set-boxes"
          >
            {t('boxes.next.set')}
          </button>
          {set && (
            <button
              type="button"
              className="button button-small"
              onClick={() => void clear().then(onDone)}
              data-testid="next-label-clear"
            >
              {t('boxes.next.clear')}
            </button>
          )}
        </div>
      )}
      {/* Boxes said right after a scan went to that order: the panel says so, or nothing would. */}
      {applied && (
        <p className="next-label-applied" data-testid="next-label-applied" data-key={applied.key}>
          {say(applied)}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {t('boxes.next.failed', { reason: say(error) })}
        </p>
      )}
    </section>
  );
}

/** The small number field Alt+B opens: Enter sets the boxes, Escape closes it. */
function BoxesField({
  initial,
  onSet,
  onEscape,
}: {
  initial: number | null;
  onSet: (boxes: number) => void;
  onEscape: () => void;
}) {
  const { t } = useSpeaker();
  const [value, setValue] = useState(initial !== null ? String(initial) : '');
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const boxes = Number(value);
    if (!Number.isInteger(boxes) || boxes < 1 || boxes > MAX_BOXES) return;
    onSet(boxes);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onEscape();
  };

  return (
    <form className="next-label-form" onSubmit={onSubmit}>
      <label htmlFor="next-label-boxes-field">{t('boxes.next.field')}</label>
      <input
        id="next-label-boxes-field"
        ref={fieldRef}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_BOXES}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="next-label-boxes-field"
      />
      <span className="muted">{t('boxes.next.hint')}</span>
    </form>
  );
}
