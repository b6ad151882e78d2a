import { useEffect, useId } from 'react';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { carrierName } from '../../../src-shared/carriers';
import { blockTypeahead } from '../shared/selectKeys';

const COPIES = [1, 2, 3, 4, 5] as const;

/** How many copies of the customs documents each carrier needs, printed on the A4 route. */
export function CustomsCopiesSection() {
  const copies = useStation((s) => s.customsCopies);
  const error = useStation((s) => s.customsCopiesError);
  const load = useStation((s) => s.loadCustomsCopies);
  const set = useStation((s) => s.setCustomsCopies);
  const id = useId();
  const { t, say } = useSpeaker();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section
      className="printers-section"
      aria-labelledby={`${id}-title`}
      data-testid="customs-copies"
    >
      <h3 id={`${id}-title`}>{t('customs.copies.title')}</h3>
      <p className="muted">{t('customs.copies.help')}</p>
      {error && (
        <p className="inline-error" role="alert">
          {say(error)}
        </p>
      )}
      {copies?.carriers.map((carrier) => (
        <div key={carrier} className="route-row">
          <label htmlFor={`${id}-${carrier}`}>
            {t('customs.copies.carrier', { carrier: carrierName(carrier) })}
          </label>
          <select
            id={`${id}-${carrier}`}
            onKeyDown={blockTypeahead}
            value={copies.copies[carrier] ?? 1}
            onChange={(e) => void set(carrier, Number(e.target.value))}
            data-testid={`customs-copies-${carrier}`}
          >
            {COPIES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ))}
    </section>
  );
}
