import { useId, useState, type FormEvent } from 'react';
import {
  checkNetworkPrinter,
  dpis,
  parseDpi,
  type NetworkPrinterDraft,
} from '../../state/printers';
import type { Message } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { blockTypeahead } from '../shared/selectKeys';

const ADD_KEY = 'network';
const emptyDraft: NetworkPrinterDraft = { name: '', address: '', language: 'zpl', dpi: 203 };

/**
 * A printer on the network, by host:port. The address is checked here before anything is sent,
 * so a typo is explained next to the field. Scanner bursts never land in these fields: the
 * window-wide wedge detector takes them (and puts the field back) before they do.
 */
export function AddNetworkPrinter() {
  const setup = useStation((s) => s.printers);
  const adding = useStation((s) => s.printerAdds[ADD_KEY]);
  const addPrinter = useStation((s) => s.addPrinter);
  const [draft, setDraft] = useState<NetworkPrinterDraft>(emptyDraft);
  const [problem, setProblem] = useState<{ field: 'name' | 'address'; message: Message } | null>(
    null,
  );
  const { t, say } = useSpeaker();
  const [added, setAdded] = useState<string | null>(null);
  // The station's refusal belongs to what was sent: editing the form puts it away.
  const [showRefusal, setShowRefusal] = useState(false);
  const id = useId();
  const pending = adding?.kind === 'pending';

  const edit = (change: Partial<NetworkPrinterDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setProblem(null);
    setAdded(null);
    setShowRefusal(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const checked = checkNetworkPrinter(draft, setup, (language, host) =>
      t('ui.printers.add.defaultName', { language, host }),
    );
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      document.getElementById(`${id}-${checked.field}`)?.focus();
      return;
    }
    setProblem(null);
    if (await addPrinter(checked.input, ADD_KEY)) {
      setDraft(emptyDraft);
      setAdded(checked.input.name);
    } else {
      setShowRefusal(true);
    }
  };

  const refusal = showRefusal && adding?.kind === 'failed' ? adding.error : null;
  const error = problem
    ? say(problem.message)
    : refusal
      ? t('ui.printers.notAdded', { reason: say(refusal) })
      : null;
  const errorField = problem?.field ?? (refusal ? 'address' : null);

  return (
    <form
      className="printers-section add-printer"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="add-printer-form"
    >
      <h3 id={`${id}-title`}>{t('ui.printers.add.title')}</h3>
      <div className="add-printer-fields">
        <label htmlFor={`${id}-name`}>{t('ui.common.name')}</label>
        <input
          id={`${id}-name`}
          value={draft.name}
          maxLength={80}
          autoComplete="off"
          placeholder={t('ui.printers.add.namePlaceholder')}
          aria-invalid={errorField === 'name'}
          aria-describedby={errorField === 'name' ? `${id}-error` : undefined}
          onChange={(e) => edit({ name: e.target.value })}
          data-testid="add-printer-name"
        />
        <label htmlFor={`${id}-address`}>{t('ui.printers.add.address')}</label>
        <input
          id={`${id}-address`}
          value={draft.address}
          maxLength={300}
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
          placeholder="10.0.0.7:9100"
          aria-invalid={errorField === 'address'}
          aria-describedby={`${id}-address-hint${errorField === 'address' ? ` ${id}-error` : ''}`}
          onChange={(e) => edit({ address: e.target.value })}
          data-testid="add-printer-address"
        />
        <span id={`${id}-address-hint`} className="add-printer-hint muted">
          {t('ui.printers.add.addressHint')}
        </span>
        <label htmlFor={`${id}-language`}>{t('ui.printers.add.prints')}</label>
        <select
          onKeyDown={blockTypeahead}
          id={`${id}-language`}
          value={draft.language}
          onChange={(e) => edit({ language: e.target.value === 'pdf' ? 'pdf' : 'zpl' })}
          data-testid="add-printer-language"
        >
          <option value="zpl">{t('ui.printers.add.zpl')}</option>
          <option value="pdf">{t('ui.printers.add.pdf')}</option>
        </select>
        <label htmlFor={`${id}-dpi`}>{t('ui.printers.resolution')}</label>
        <select
          onKeyDown={blockTypeahead}
          id={`${id}-dpi`}
          value={String(draft.dpi)}
          onChange={(e) => edit({ dpi: parseDpi(e.target.value) })}
          data-testid="add-printer-dpi"
        >
          {dpis.map((dpi) => (
            <option key={dpi} value={dpi}>
              {t('ui.printers.dpi', { dpi })}
            </option>
          ))}
        </select>
      </div>
      <div className="printer-actions">
        <button
          type="submit"
          className="button button-small"
          aria-disabled={pending}
          aria-busy={pending}
          data-testid="add-printer-submit"
        >
          {pending ? t('ui.common.adding') : t('ui.printers.add.submit')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="inline-error" role="alert" data-testid="add-printer-error">
          {error}
        </p>
      )}
      {added && (
        <p className="printers-note" role="status" data-testid="add-printer-done">
          {t('ui.printers.add.done', { name: added })}
        </p>
      )}
    </form>
  );
}
