import { HomeDeliveryToggle } from './HomeDeliveryToggle';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../src-shared';
import type { Message } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
import {
  checkAccountEdit,
  editDraftOf,
  fixedAccountText,
  knownAccounts,
  type AccountEditDraft,
} from '../../state/accounts';
import { useStation, type AccountActionName } from '../../state/station';
import { ConfirmAction } from '../shared/ConfirmAction';
import { AccountPill } from '../shared/pills';
import { ReconnectForm } from './ReconnectForm';

const failedKey = (action: AccountActionName) => `ui.accounts.failed.${action}` as const;

/** One account: what it ships with, how it is, and its buttons. */
export function AccountRow({ account }: { account: AccountView }) {
  const action = useStation((s) => s.accountActions[account.id]);
  const reconnecting = useStation((s) => s.reconnectTarget === account.id);
  const showReconnect = useStation((s) => s.showReconnect);
  const removeAccount = useStation((s) => s.removeAccount);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const pending = action?.kind === 'pending' ? action.action : null;
  const { t, say } = useSpeaker();

  return (
    <li
      className={`account-row account-row-${account.state}`}
      data-testid="account-row"
      data-account-id={account.id}
      data-state={account.state}
      aria-labelledby={`${id}-name`}
    >
      <div className="printer-row-head">
        <strong id={`${id}-name`} className="printer-row-name" data-testid="account-row-name">
          {account.name}
        </strong>
        <AccountPill state={account.state} title={account.stateReason} testId="account-row-state" />
        {account.testMode && (
          <span className="test-badge" data-testid="account-test-badge">
            {t('ui.accounts.testMode')}
          </span>
        )}
      </div>
      <p className="printer-row-fact">
        {t('ui.accounts.row.integration', { id: account.integrationId, api: account.api })}
        {account.senderAddressId !== null && (
          <> · {t('ui.accounts.row.sender', { id: account.senderAddressId })}</>
        )}
        {account.brandId !== null && <> · {t('ui.accounts.row.brand', { id: account.brandId })}</>}
      </p>
      <p className="printer-row-fact muted">
        {account.shippingOptionCode
          ? t('ui.accounts.row.shipsWith', { option: account.shippingOptionCode })
          : t('ui.accounts.row.shipsAsOrder')}
      </p>
      {account.stateReason && account.state !== 'connected' && (
        <p className="printer-row-message" data-testid="account-row-reason">
          {say(account.stateReason)}
        </p>
      )}
      {account.fixed && (
        <p className="printer-fixed muted" data-testid="account-fixed">
          {say(fixedAccountText)}
        </p>
      )}

      {reconnecting && !account.fixed && <ReconnectForm account={account} />}
      {editing && !account.fixed && (
        <AccountEditForm account={account} onDone={() => setEditing(false)} />
      )}

      {confirming ? (
        <ConfirmAction
          look="printer"
          label={t('ui.accounts.remove.confirmLabel', { name: account.name })}
          confirmText={t('ui.accounts.remove.confirm')}
          confirmTestId="account-remove-confirm"
          keepTestId="account-remove-keep"
          onConfirm={() => {
            setConfirming(false);
            void removeAccount(account.id);
          }}
          onKeep={() => setConfirming(false)}
        >
          {t('ui.accounts.remove.question', { name: account.name })}
        </ConfirmAction>
      ) : (
        <div className="printer-actions">
          {account.state !== 'connected' && !account.fixed && !reconnecting && (
            <button
              type="button"
              className="button button-small button-primary"
              onClick={() => showReconnect(account.id)}
              data-testid="account-reconnect"
            >
              {t('ui.accounts.reconnect')}
            </button>
          )}
          {!account.fixed && !editing && (
            <button
              type="button"
              className="button button-small"
              aria-disabled={pending !== null}
              onClick={() => pending === null && setEditing(true)}
              data-testid="account-edit"
            >
              {t('ui.common.edit')}
            </button>
          )}
          {!account.fixed && (
            <button
              type="button"
              className="button button-small"
              aria-disabled={pending !== null}
              aria-busy={pending === 'remove'}
              onClick={() => pending === null && setConfirming(true)}
              data-testid="account-remove"
            >
              {pending === 'remove' ? t('ui.common.removing') : t('ui.common.remove')}
            </button>
          )}
        </div>
      )}

      {/* A refused reconnect is shown in its own form, next to the keys. */}
      {action?.kind === 'failed' && action.action !== 'reconnect' && (
        <p className="inline-error" role="alert" data-testid="account-row-error">
          {t(failedKey(action.action), { reason: say(action.error) })}{' '}
          {action.action === 'remove' && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setConfirming(true)}
              data-testid="account-row-retry"
            >
              {t('ui.common.tryAgain')}
            </button>
          )}
        </p>
      )}
    </li>
  );
}

/**
 * What can change without the keys: the name, the default shipping option and test mode. The
 * integration and sender address come from Sendcloud's lists, which only the keys can read.
 */
function AccountEditForm({ account, onDone }: { account: AccountView; onDone: () => void }) {
  const status = useStation((s) => s.status);
  const slice = useStation((s) => s.accounts);
  const action = useStation((s) => s.accountActions[account.id]);
  const updateAccount = useStation((s) => s.updateAccount);
  const [draft, setDraft] = useState<AccountEditDraft>(() => editDraftOf(account));
  const [problem, setProblem] = useState<Message | null>(null);
  const { t, say } = useSpeaker();
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const pending = action?.kind === 'pending' && action.action === 'update';

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const edit = (change: Partial<AccountEditDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const checked = checkAccountEdit(account, draft, knownAccounts(slice, status));
    if (!checked.ok) {
      setProblem(checked.message);
      nameRef.current?.focus();
      return;
    }
    if (!checked.changes || (await updateAccount(account.id, checked.changes))) onDone();
  };

  return (
    <form
      className="account-edit"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        // Escape leaves the edit, not the whole panel.
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
      noValidate
      aria-label={t('ui.accounts.edit.label', { name: account.name })}
      data-testid="account-edit-form"
    >
      <div className="account-fields">
        <label htmlFor={`${id}-name`}>{t('ui.common.name')}</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          value={draft.name}
          maxLength={80}
          autoComplete="off"
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => edit({ name: e.target.value })}
          data-testid="account-edit-name"
        />
        <label htmlFor={`${id}-shipping`}>{t('ui.accounts.edit.shippingCode')}</label>
        <input
          id={`${id}-shipping`}
          className="mono"
          value={draft.shippingOptionCode}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('ui.accounts.edit.shippingPlaceholder')}
          onChange={(e) => edit({ shippingOptionCode: e.target.value })}
          data-testid="account-edit-shipping-option"
        />
      </div>
      <label className="outbox-choice">
        <input
          type="checkbox"
          checked={draft.testMode}
          onChange={(e) => edit({ testMode: e.target.checked })}
          data-testid="account-edit-test-mode"
        />
        {t('ui.accounts.testModeHint')}
      </label>
      <HomeDeliveryToggle accountId={account.id} />
      {problem && (
        <p id={`${id}-error`} className="inline-error" role="alert">
          {say(problem)}
        </p>
      )}
      {action?.kind === 'failed' && action.action === 'update' && (
        <p className="inline-error" role="alert" data-testid="account-edit-error">
          {t('ui.common.notSaved', { reason: say(action.error) })}
        </p>
      )}
      <div className="printer-actions">
        <button
          type="submit"
          className="button button-small button-primary"
          aria-disabled={pending}
          aria-busy={pending}
          data-testid="account-edit-save"
        >
          {pending ? t('ui.common.saving') : t('ui.common.save')}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={onDone}
          data-testid="account-edit-cancel"
        >
          {t('ui.common.cancel')}
        </button>
      </div>
    </form>
  );
}
