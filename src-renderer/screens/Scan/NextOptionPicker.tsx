import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import '../Routing/routing.css';

/** The key that opens the picker: a function key, which no scanner types and no nav takes. */
export const NEXT_OPTION_KEY = 'F10';

/**
 * The one-off option for the next scan: F10 opens a list of the options the station knows (the
 * command barcode `PD:OPTION:<code>` does the same), and what is set shows until a label uses
 * it or it is cleared.
 */
export function NextOptionPicker({ onClosed }: { onClosed: () => void }) {
  const next = useStation((s) => s.nextScan);
  const error = useStation((s) => s.nextScanError);
  const setNext = useStation((s) => s.setNextOption);
  const setup = useStation((s) => s.routing);
  const load = useStation((s) => s.loadRouting);
  const { t, say } = useSpeaker();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const options = setup?.options ?? [];

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== NEXT_OPTION_KEY) return;
      event.preventDefault();
      void load();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [load]);
  useEffect(() => {
    if (open) listRef.current?.focus();
  }, [open, options.length]);

  const close = () => {
    setOpen(false);
    onClosed();
  };
  const choose = async (code: string | null) => {
    if (await setNext(code)) close();
  };
  const onKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const by = event.key === 'ArrowUp' ? -1 : 1;
      setSelected((at) => Math.max(0, Math.min(options.length - 1, at + by)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[selected];
      if (option) void choose(option.code);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      void choose(null);
    } else if (event.key === 'Escape') {
      close();
    }
  };

  const chosen = next.optionCode;
  const chosenName = options.find((o) => o.code === chosen)?.name ?? chosen;
  return (
    // Nothing shows while nothing is set: the idle scan screen keeps its height.
    <div className="next-option" data-testid="next-option">
      {chosen && (
        <p
          className="result-warning"
          role="status"
          data-testid="next-option-set"
          data-option={chosen}
        >
          {t('ui.routing.override.set', { option: chosenName ?? chosen })}{' '}
          <button type="button" className="button button-small" onClick={() => void choose(null)}>
            {t('ui.routing.override.clear')}
          </button>
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {t('ui.routing.override.failed', { reason: say(error) })}
        </p>
      )}
      {open && (
        <div className="next-option-picker" data-testid="next-option-picker">
          <h3>{t('ui.routing.override.title')}</h3>
          <p className="muted">{t('ui.routing.override.open')}</p>
          {options.length === 0 && <p className="muted">{t('ui.routing.override.none')}</p>}
          <ul
            ref={listRef}
            role="listbox"
            tabIndex={0}
            aria-label={t('ui.routing.override.title')}
            onKeyDown={onKey}
            className="printer-list"
          >
            {options.map((option, index) => (
              <li
                key={option.code}
                role="option"
                aria-selected={index === selected}
                className={index === selected ? 'account-row selected' : 'account-row'}
                onClick={() => void choose(option.code)}
              >
                {option.name} <span className="mono muted">{option.code}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-small" onClick={close}>
            {t('ui.routing.override.close')}
          </button>
        </div>
      )}
    </div>
  );
}
