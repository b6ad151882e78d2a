import { useId, useState, type FormEvent } from 'react';
import { checkRange, exportedText, todayRange, type DateRange } from '../../state/accounts';
import type { Message } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { csvBlob, saveFile } from '../shared/save-file';

/** Labels made per merchant per day, as a CSV for billing the marketplace's merchants. */
export function BillingExportSection() {
  const billing = useStation((s) => s.billing);
  const exportBilling = useStation((s) => s.exportBilling);
  const [range, setRange] = useState<DateRange>(() => todayRange(new Date()));
  const [problem, setProblem] = useState<{ field: 'from' | 'to'; message: Message } | null>(null);
  const { t, say } = useSpeaker();
  const id = useId();
  const pending = billing?.kind === 'pending';

  const edit = (change: Partial<DateRange>) => {
    setRange((current) => ({ ...current, ...change }));
    setProblem(null);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    const checked = checkRange(range);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      document.getElementById(`${id}-${checked.field}`)?.focus();
      return;
    }
    const exported = await exportBilling(checked.range);
    if (exported) saveFile(exported.filename, csvBlob(exported.csv));
  };

  return (
    <form
      className="printers-section billing-export"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="billing-export"
    >
      <h3 id={`${id}-title`}>{t('ui.accounts.billing.title')}</h3>
      <div className="billing-range">
        <label htmlFor={`${id}-from`}>{t('ui.accounts.billing.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={range.from}
          aria-invalid={problem?.field === 'from'}
          aria-describedby={problem?.field === 'from' ? `${id}-error` : undefined}
          onChange={(e) => edit({ from: e.target.value })}
          data-testid="billing-from"
        />
        <label htmlFor={`${id}-to`}>{t('ui.accounts.billing.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={range.to}
          aria-invalid={problem?.field === 'to'}
          aria-describedby={problem?.field === 'to' ? `${id}-error` : undefined}
          onChange={(e) => edit({ to: e.target.value })}
          data-testid="billing-to"
        />
        <button
          type="submit"
          className="button button-small"
          aria-disabled={pending}
          aria-busy={pending}
          data-testid="billing-submit"
        >
          {pending ? t('ui.accounts.billing.exporting') : t('ui.accounts.billing.submit')}
        </button>
      </div>
      {problem && (
        <p id={`${id}-error`} className="inline-error" role="alert" data-testid="billing-error">
          {say(problem.message)}
        </p>
      )}
      {billing?.kind === 'failed' && !problem && (
        <p className="inline-error" role="alert" data-testid="billing-error">
          {t('ui.accounts.billing.failed', { reason: say(billing.error) })}{' '}
          <button type="button" className="button button-small" onClick={() => void submit()}>
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}
      {billing?.kind === 'done' && (
        <p
          className="printers-note"
          role="status"
          data-testid="billing-result"
          data-rows={billing.rows}
        >
          {say(exportedText(billing.rows, billing.filename))}
        </p>
      )}
    </form>
  );
}
