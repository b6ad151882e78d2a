import { batchLayouts, batchSortFields, type BatchLayout } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { labelPrinter } from '../../state/printers';
import { useStation } from '../../state/station';

const MAX_CHUNK = 200;

/**
 * The order the labels come out in (the pick cart's), the size of each print job, the paper for
 * a PDF printer, and the Start button with what the start left out.
 */
export function PrintOrderForm({ onStart }: { onStart: () => void }) {
  const order = useStation((s) => s.batchPrintOrder);
  const change = useStation((s) => s.changePrintOrder);
  const chosen = useStation((s) => s.batchSelection.length);
  const start = useStation((s) => s.batchStart);
  const setup = useStation((s) => s.printers);
  const { t, say } = useSpeaker();
  const printer = setup ? labelPrinter(setup) : null;

  return (
    <section className="batch-card" aria-labelledby="batch-order-title" data-testid="batch-order">
      <h2 id="batch-order-title">{t('ui.batch.order.title')}</h2>
      <form
        className="batch-order-form"
        onSubmit={(event) => {
          event.preventDefault();
          onStart();
        }}
      >
        <label>
          <span>{t('ui.batch.order.field')}</span>
          <select
            value={order.sort.field}
            onChange={(event) =>
              change({
                sort: {
                  ...order.sort,
                  field: event.target.value as (typeof batchSortFields)[number],
                },
              })
            }
            data-testid="batch-order-field"
          >
            {batchSortFields.map((field) => (
              <option key={field} value={field}>
                {t(`ui.batch.order.field.${field}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="batch-direction">
          <legend>{t('ui.batch.order.direction')}</legend>
          {(['asc', 'desc'] as const).map((direction) => (
            <label key={direction}>
              <input
                type="radio"
                name="batch-direction"
                value={direction}
                checked={order.sort.direction === direction}
                onChange={() => change({ sort: { ...order.sort, direction } })}
                data-testid={`batch-order-${direction}`}
              />
              {t(`ui.batch.order.${direction}`)}
            </label>
          ))}
        </fieldset>
        <label>
          <span>{t('ui.batch.order.chunk')}</span>
          <input
            type="number"
            min={1}
            max={MAX_CHUNK}
            value={order.chunkSize}
            onChange={(event) => {
              const size = Math.round(Number(event.target.value));
              if (size >= 1 && size <= MAX_CHUNK) change({ chunkSize: size });
            }}
            data-testid="batch-order-chunk"
          />
        </label>
        {printer?.language === 'pdf' && (
          <label>
            <span>{t('ui.batch.order.layout')}</span>
            <select
              value={order.layout ?? ''}
              onChange={(event) =>
                change({ layout: (event.target.value || null) as BatchLayout | null })
              }
              data-testid="batch-order-layout"
            >
              <option value="">{t('ui.batch.order.layout.auto')}</option>
              {batchLayouts.map((layout) => (
                <option key={layout} value={layout}>
                  {t(`ui.batch.order.layout.${layout}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {setup && (
          <p className="muted" data-testid="batch-order-printer">
            {printer
              ? t('ui.batch.order.printer', { printer: printer.name })
              : t('ui.batch.order.noPrinter')}
          </p>
        )}
        <button
          type="submit"
          className="button button-primary"
          disabled={chosen === 0 || start?.kind === 'pending'}
          data-testid="batch-start"
        >
          {start?.kind === 'pending'
            ? t('ui.batch.starting')
            : t('ui.batch.start', { count: chosen })}
        </button>
        {chosen === 0 && start?.kind !== 'done' && (
          <p className="muted">{t('ui.batch.start.chooseFirst')}</p>
        )}
      </form>
      {start?.kind === 'failed' && (
        <p
          className="inline-error"
          role="alert"
          data-testid="batch-start-error"
          data-key={start.error.key}
        >
          {t('ui.batch.startFailed', { reason: say(start.error) })}
        </p>
      )}
      {start?.kind === 'done' && start.started.skipped.length > 0 && (
        <div className="batch-skipped" role="status" data-testid="batch-skipped">
          <p>{t('ui.batch.skipped', { count: start.started.skipped.length })}</p>
          <ul>
            {start.started.skipped.map((skip) => (
              <li key={skip.orderRef} data-key={skip.reason.key}>
                <strong>{skip.orderNumber}</strong> {say(skip.reason)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
