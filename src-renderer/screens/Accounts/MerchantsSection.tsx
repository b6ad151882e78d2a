import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AccountView, MerchantMode, MerchantView } from '../../../src-shared';
import {
  checkMerchant,
  emptyMerchant,
  merchantDraftOf,
  merchantModeLabel,
  type MerchantDraft,
} from '../../state/accounts';
import type { Message } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { ConfirmAction } from '../shared/ConfirmAction';
import { blockTypeahead } from '../shared/selectKeys';

const NEW = 'new';

/**
 * A marketplace's merchants: which orders are whose (by order number prefix) and whether their
 * labels are made here with the marketplace account or their orders go to their own account.
 */
export function MerchantsSection({ accounts }: { accounts: readonly AccountView[] }) {
  const merchants = useStation((s) => s.merchants);
  const error = useStation((s) => s.merchantsError);
  const load = useStation((s) => s.loadMerchants);
  const [editing, setEditing] = useState<string | null>(null);
  const id = useId();
  const { t, say } = useSpeaker();

  return (
    <section
      className="printers-section merchants"
      aria-labelledby={`${id}-title`}
      data-testid="merchants"
    >
      <h3 id={`${id}-title`}>
        {t('ui.accounts.merchants.title')}{' '}
        <span className="muted">({merchants?.length ?? '–'})</span>
      </h3>
      {error && (
        <p className="inline-error" role="alert" data-testid="merchants-error">
          {t('ui.accounts.merchants.readFailed', { reason: say(error) })}{' '}
          <button type="button" className="button button-small" onClick={() => void load()}>
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}
      {merchants === null && !error && (
        <p className="muted">{t('ui.accounts.merchants.reading')}</p>
      )}
      {merchants !== null && merchants.length === 0 && (
        <p className="muted" data-testid="merchants-empty">
          {t('ui.accounts.merchants.empty')}
        </p>
      )}
      {merchants !== null && merchants.length > 0 && (
        <ul className="printer-list" aria-label={t('ui.accounts.merchants.title')}>
          {merchants.map((merchant) =>
            editing === merchant.id ? (
              <li key={merchant.id} className="account-row" data-testid="merchant-row">
                <MerchantForm
                  merchant={merchant}
                  merchants={merchants}
                  accounts={accounts}
                  onDone={() => setEditing(null)}
                />
              </li>
            ) : (
              <MerchantRow
                key={merchant.id}
                merchant={merchant}
                accounts={accounts}
                onEdit={() => setEditing(merchant.id)}
              />
            ),
          )}
        </ul>
      )}
      {merchants !== null && (
        <MerchantForm merchant={null} merchants={merchants} accounts={accounts} onDone={null} />
      )}
    </section>
  );
}

function MerchantRow({
  merchant,
  accounts,
  onEdit,
}: {
  merchant: MerchantView;
  accounts: readonly AccountView[];
  onEdit: () => void;
}) {
  const removing = useStation((s) => s.merchantRemoves[merchant.id]);
  const removeMerchant = useStation((s) => s.removeMerchant);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const pending = removing?.kind === 'pending';
  const account = accounts.find((candidate) => candidate.id === merchant.accountId) ?? null;
  const mode = merchantModeLabel(merchant.mode);
  const { t, say } = useSpeaker();

  return (
    <li
      className="account-row"
      data-testid="merchant-row"
      data-merchant-id={merchant.id}
      data-mode={merchant.mode}
      aria-labelledby={`${id}-name`}
    >
      <div className="printer-row-head">
        <strong id={`${id}-name`} className="printer-row-name" data-testid="merchant-row-name">
          {merchant.name}
        </strong>
        <span className="muted">
          {t('ui.accounts.merchant.orders')} <span className="mono">{merchant.orderPrefix}…</span>
        </span>
      </div>
      <p className="printer-row-fact">
        <strong>{say(mode.title)}</strong>: {say(mode.detail)}
        {merchant.mode === 'decentralised' && (
          <> ({account ? account.name : t('ui.accounts.merchant.accountGone')})</>
        )}
      </p>
      {confirming ? (
        <ConfirmAction
          look="printer"
          label={t('ui.accounts.merchant.remove.confirmLabel', { name: merchant.name })}
          confirmText={t('ui.accounts.merchant.remove.confirm')}
          confirmTestId="merchant-remove-confirm"
          keepTestId="merchant-remove-keep"
          onConfirm={() => {
            setConfirming(false);
            void removeMerchant(merchant.id);
          }}
          onKeep={() => setConfirming(false)}
        >
          {t('ui.accounts.merchant.remove.question', { name: merchant.name })}
        </ConfirmAction>
      ) : (
        <div className="printer-actions">
          <button
            type="button"
            className="button button-small"
            aria-disabled={pending}
            onClick={() => !pending && onEdit()}
            data-testid="merchant-edit"
          >
            {t('ui.common.edit')}
          </button>
          <button
            type="button"
            className="button button-small"
            aria-disabled={pending}
            aria-busy={pending}
            onClick={() => !pending && setConfirming(true)}
            data-testid="merchant-remove"
          >
            {pending ? t('ui.common.removing') : t('ui.common.remove')}
          </button>
        </div>
      )}
      {removing?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="merchant-row-error">
          {t('ui.accounts.merchant.remove.failed', { reason: say(removing.error) })}{' '}
          <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}
    </li>
  );
}

/** Add a merchant (`merchant` null, always shown) or edit one (closes with `onDone`). */
function MerchantForm({
  merchant,
  merchants,
  accounts,
  onDone,
}: {
  merchant: MerchantView | null;
  merchants: readonly MerchantView[];
  accounts: readonly AccountView[];
  onDone: (() => void) | null;
}) {
  const key = merchant?.id ?? NEW;
  const saving = useStation((s) => s.merchantSaves[key]);
  const saveMerchant = useStation((s) => s.saveMerchant);
  const [draft, setDraft] = useState<MerchantDraft>(() =>
    merchant ? merchantDraftOf(merchant) : emptyMerchant,
  );
  const [problem, setProblem] = useState<{
    field: 'name' | 'orderPrefix' | 'accountId';
    message: Message;
  } | null>(null);
  const { t, say } = useSpeaker();
  const [showRefusal, setShowRefusal] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const pending = saving?.kind === 'pending';

  useEffect(() => {
    if (merchant) nameRef.current?.focus();
  }, [merchant]);

  const edit = (change: Partial<MerchantDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setProblem(null);
    setShowRefusal(false);
    setSaved(null);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    const checked = checkMerchant(draft, merchant?.id ?? null, merchants, accounts);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      document.getElementById(`${id}-${checked.field}`)?.focus();
      return;
    }
    if (await saveMerchant(checked.input)) {
      if (onDone) onDone();
      else {
        setDraft(emptyMerchant);
        setSaved(checked.input.name);
      }
    } else {
      setShowRefusal(true);
    }
  };

  const refusal = showRefusal && saving?.kind === 'failed' ? saving.error : null;
  const invalid = (field: 'name' | 'orderPrefix' | 'accountId') => problem?.field === field;
  const modes: MerchantMode[] = ['centralised', 'decentralised'];

  return (
    <form
      className={merchant ? 'merchant-form' : 'merchant-form merchant-form-new'}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        // Escape leaves the edit, not the whole panel.
        if (onDone && e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="merchant-form"
    >
      <h4 id={`${id}-title`}>
        {merchant
          ? t('ui.accounts.merchant.editTitle', { name: merchant.name })
          : t('ui.accounts.merchant.addTitle')}
      </h4>
      <div className="account-fields">
        <label htmlFor={`${id}-name`}>{t('ui.common.name')}</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          value={draft.name}
          maxLength={80}
          autoComplete="off"
          aria-invalid={invalid('name')}
          aria-describedby={invalid('name') ? `${id}-error` : undefined}
          onChange={(e) => edit({ name: e.target.value })}
          data-testid="merchant-name"
        />
        <label htmlFor={`${id}-orderPrefix`}>{t('ui.accounts.merchant.prefix')}</label>
        <input
          id={`${id}-orderPrefix`}
          className="mono"
          value={draft.orderPrefix}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('ui.accounts.merchant.prefixPlaceholder')}
          aria-invalid={invalid('orderPrefix')}
          aria-describedby={invalid('orderPrefix') ? `${id}-error` : undefined}
          onChange={(e) => edit({ orderPrefix: e.target.value })}
          data-testid="merchant-prefix"
        />
      </div>
      <fieldset className="account-api">
        <legend>{t('ui.accounts.merchant.how')}</legend>
        {modes.map((mode) => (
          <label key={mode} className="outbox-choice">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={draft.mode === mode}
              onChange={() => edit({ mode })}
              data-testid={`merchant-mode-${mode}`}
            />
            <span>
              <strong>{say(merchantModeLabel(mode).title)}</strong> —{' '}
              {say(merchantModeLabel(mode).detail)}
            </span>
          </label>
        ))}
      </fieldset>
      {draft.mode === 'decentralised' && (
        <div className="account-fields">
          <label htmlFor={`${id}-accountId`}>{t('ui.accounts.merchant.account')}</label>
          <select
            onKeyDown={blockTypeahead}
            id={`${id}-accountId`}
            value={draft.accountId ?? ''}
            aria-invalid={invalid('accountId')}
            aria-describedby={invalid('accountId') ? `${id}-error` : undefined}
            onChange={(e) => edit({ accountId: e.target.value || null })}
            data-testid="merchant-account"
          >
            <option value="">{t('ui.accounts.merchant.chooseAccount')}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {(problem || refusal) && (
        <p id={`${id}-error`} className="inline-error" role="alert" data-testid="merchant-error">
          {problem
            ? say(problem.message)
            : refusal && t('ui.common.notSaved', { reason: say(refusal) })}{' '}
          {refusal && (
            <button type="button" className="button button-small" onClick={() => void submit()}>
              {t('ui.common.tryAgain')}
            </button>
          )}
        </p>
      )}
      <div className="printer-actions">
        <button
          type="submit"
          className="button button-small"
          aria-disabled={pending}
          aria-busy={pending}
          data-testid="merchant-save"
        >
          {pending
            ? t('ui.common.saving')
            : merchant
              ? t('ui.common.save')
              : t('ui.accounts.merchant.addSubmit')}
        </button>
        {onDone && (
          <button
            type="button"
            className="button button-small"
            onClick={onDone}
            data-testid="merchant-cancel"
          >
            {t('ui.common.cancel')}
          </button>
        )}
      </div>
      {saved && (
        <p className="printers-note" role="status" data-testid="merchant-saved">
          {t('ui.accounts.merchant.added', { name: saved })}
        </p>
      )}
    </form>
  );
}
