import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../src-shared';
import {
  checkKeys,
  emptyKeys,
  isKeysError,
  keysErrorText,
  type KeysDraft,
} from '../../state/accounts';
import { Trans } from 'react-i18next';
import type { Message } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { KeyFields } from './KeyFields';

/**
 * New keys for an account Sendcloud stopped accepting. The form closes itself on success (the
 * store clears the reconnect target), taking the typed keys with it.
 */
export function ReconnectForm({ account }: { account: AccountView }) {
  const action = useStation((s) => s.accountActions[account.id]);
  const reconnect = useStation((s) => s.reconnectAccount);
  const showReconnect = useStation((s) => s.showReconnect);
  const [keys, setKeys] = useState<KeysDraft>(emptyKeys);
  const [problem, setProblem] = useState<{
    field: 'publicKey' | 'secretKey';
    message: Message;
  } | null>(null);
  const { t, say } = useSpeaker();
  // The station's refusal belongs to the keys sent: editing them puts it away.
  const [showRefusal, setShowRefusal] = useState(false);
  const publicKeyRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const pending = action?.kind === 'pending' && action.action === 'reconnect';

  useEffect(() => {
    publicKeyRef.current?.focus();
  }, []);

  const edit = (change: Partial<KeysDraft>) => {
    setKeys((current) => ({ ...current, ...change }));
    setProblem(null);
    setShowRefusal(false);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    const checked = checkKeys(keys);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.problem });
      document.getElementById(`${id}-${checked.field}`)?.focus();
      return;
    }
    setProblem(null);
    if (await reconnect(account.id, checked.keys)) setKeys(emptyKeys);
    else {
      setShowRefusal(true);
      publicKeyRef.current?.focus();
    }
  };

  const refusal =
    showRefusal && action?.kind === 'failed' && action.action === 'reconnect' ? action.error : null;
  const error = problem ? say(problem.message) : refusal ? say(keysErrorText(refusal)) : null;
  const invalid = problem?.field ?? (refusal && isKeysError(refusal) ? 'both' : null);

  return (
    <form
      className="reconnect-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('ui.accounts.reconnect.label', { name: account.name })}
      data-testid="reconnect-form"
    >
      <p className="account-hint">
        <Trans
          i18nKey="ui.accounts.reconnect.hint"
          values={{ name: account.name }}
          components={{ strong: <strong /> }}
        />
      </p>
      <KeyFields
        id={id}
        keys={keys}
        onChange={edit}
        invalid={invalid}
        errorId={`${id}-error`}
        disabled={pending}
        testIdPrefix="reconnect"
        publicKeyRef={publicKeyRef}
      />
      {error && (
        <p id={`${id}-error`} className="inline-error" role="alert" data-testid="reconnect-error">
          {error}{' '}
          {refusal && !isKeysError(refusal) && (
            <button type="button" className="button button-small" onClick={() => void submit()}>
              {t('ui.common.tryAgain')}
            </button>
          )}
        </p>
      )}
      <div className="printer-actions">
        <button
          type="submit"
          className="button button-small button-primary"
          aria-disabled={pending}
          aria-busy={pending}
          data-testid="reconnect-submit"
        >
          {pending ? t('ui.accounts.keys.checking') : t('ui.accounts.reconnect')}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => showReconnect(null)}
          data-testid="reconnect-cancel"
        >
          {t('ui.common.cancel')}
        </button>
      </div>
    </form>
  );
}
