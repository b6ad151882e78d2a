import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { AccountChoices } from '../../../src-shared';
import {
  checkAccountDraft,
  checkKeys,
  chooseIntegration,
  emptyKeys,
  initialDraft,
  isKeysError,
  keysErrorText,
  knownAccounts,
  parseChoiceId,
  type AccountDraft,
  type KeysDraft,
} from '../../state/accounts';
import { Trans } from 'react-i18next';
import { carrierName } from '../../../src-shared/carriers';
import type { Message } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { blockTypeahead } from '../shared/selectKeys';
import { KeyFields } from './KeyFields';

/**
 * Add a Sendcloud account in two steps: the keys, checked with Sendcloud; then what they give
 * access to, to choose from. The keys stay in this form's own state until the account is added
 * (then the fields are emptied) or the form goes away; the store never holds them.
 */
export function AddAccountForm({
  heading,
  focusOnMount = false,
}: {
  heading: 'h2' | 'h3';
  focusOnMount?: boolean;
}) {
  const verify = useStation((s) => s.accountVerify);
  const adding = useStation((s) => s.accountAdd);
  const verifyKeys = useStation((s) => s.verifyKeys);
  const addAccount = useStation((s) => s.addAccount);
  const resetOnboarding = useStation((s) => s.resetOnboarding);
  const status = useStation((s) => s.status);
  const slice = useStation((s) => s.accounts);
  const accounts = knownAccounts(slice, status);

  const [keys, setKeys] = useState<KeysDraft>(emptyKeys);
  const [keysProblem, setKeysProblem] = useState<{
    field: 'publicKey' | 'secretKey';
    message: Message;
  } | null>(null);
  const [draft, setDraft] = useState<AccountDraft | null>(null);
  const [draftProblem, setDraftProblem] = useState<{
    field: 'name' | 'integration';
    message: Message;
  } | null>(null);
  const { t, say } = useSpeaker();
  const [added, setAdded] = useState<string | null>(null);
  const id = useId();
  const publicKeyRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const Heading = heading;

  const choices = verify?.kind === 'done' ? verify.choices : null;
  const shown = draft ?? (choices ? initialDraft(choices) : null);
  const checking = verify?.kind === 'pending';
  const pending = adding?.kind === 'pending';

  useEffect(() => {
    if (focusOnMount) publicKeyRef.current?.focus();
  }, [focusOnMount]);

  // Choices read with keys this form no longer shows are forgotten with it.
  useEffect(() => () => resetOnboarding(), [resetOnboarding]);

  // Step 2 starts at its first field; back at step 1 the keys are the thing to fix.
  const step = choices ? 2 : 1;
  useEffect(() => {
    if (step === 2) nameRef.current?.focus();
  }, [step]);

  const editKeys = (change: Partial<KeysDraft>) => {
    setKeys((current) => ({ ...current, ...change }));
    setKeysProblem(null);
    setAdded(null);
    if (verify?.kind === 'failed') resetOnboarding();
  };

  const editDraft = (change: Partial<AccountDraft>) => {
    if (!shown) return;
    setDraft({ ...shown, ...change });
    setDraftProblem(null);
  };

  const check = async (event?: FormEvent) => {
    event?.preventDefault();
    if (checking) return;
    const checked = checkKeys(keys);
    if (!checked.ok) {
      setKeysProblem({ field: checked.field, message: checked.problem });
      document.getElementById(`${id}-${checked.field}`)?.focus();
      return;
    }
    setAdded(null);
    setDraft(null);
    if (!(await verifyKeys(checked.keys))) publicKeyRef.current?.focus();
  };

  const add = async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending || !shown) return;
    const checked = checkAccountDraft(keys, shown, accounts);
    if (!checked.ok) {
      setDraftProblem({ field: checked.field, message: checked.message });
      document.getElementById(`${id}-${checked.field}`)?.focus();
      return;
    }
    const account = await addAccount(checked.input);
    if (account) {
      setKeys(emptyKeys);
      setDraft(null);
      setAdded(account.name);
    }
  };

  const changeKeys = () => {
    resetOnboarding();
    setDraft(null);
    setDraftProblem(null);
    publicKeyRef.current?.focus();
  };

  const verifyError = verify?.kind === 'failed' ? verify.error : null;
  const keysError = keysProblem
    ? say(keysProblem.message)
    : verifyError
      ? say(keysErrorText(verifyError))
      : null;
  const keysInvalid =
    keysProblem?.field ?? (verifyError && isKeysError(verifyError) ? 'both' : null);
  const addError = adding?.kind === 'failed' ? adding.error : null;

  return (
    <section
      className="add-account"
      aria-labelledby={`${id}-title`}
      data-testid="add-account-form"
      data-step={step}
    >
      <Heading id={`${id}-title`}>{t('ui.accounts.add.title')}</Heading>
      <form onSubmit={(e) => void check(e)} noValidate aria-label={t('ui.accounts.add.keys')}>
        <p className="account-hint">
          <Trans i18nKey="ui.accounts.add.step1" components={{ strong: <strong /> }} />
        </p>
        <KeyFields
          id={id}
          keys={keys}
          onChange={editKeys}
          invalid={keysInvalid}
          errorId={`${id}-keys-error`}
          disabled={checking || step === 2}
          testIdPrefix="account"
          publicKeyRef={publicKeyRef}
        />
        {step === 1 && (
          <div className="printer-actions">
            <button
              type="submit"
              className="button button-small"
              aria-disabled={checking}
              aria-busy={checking}
              data-testid="account-verify"
            >
              {checking ? t('ui.accounts.keys.checking') : t('ui.accounts.keys.check')}
            </button>
          </div>
        )}
        {keysError && (
          <p
            id={`${id}-keys-error`}
            className="inline-error"
            role="alert"
            data-testid="account-keys-error"
            data-code={verifyError?.code}
          >
            {keysError}{' '}
            {verifyError && !isKeysError(verifyError) && (
              <button
                type="button"
                className="button button-small"
                onClick={() => void check()}
                data-testid="account-verify-retry"
              >
                {t('ui.common.tryAgain')}
              </button>
            )}
          </p>
        )}
      </form>

      {choices && shown && (
        <AccountChoicesForm
          id={id}
          choices={choices}
          draft={shown}
          problem={draftProblem}
          pending={pending}
          nameRef={nameRef}
          onEdit={editDraft}
          onChooseIntegration={(integrationId) => {
            setDraft(chooseIntegration(shown, choices, integrationId));
            setDraftProblem(null);
          }}
          onSubmit={(e) => void add(e)}
          onChangeKeys={changeKeys}
        />
      )}
      {addError && (
        <p className="inline-error" role="alert" data-testid="account-add-error">
          {t('ui.common.notAdded', { reason: say(keysErrorText(addError)) })}{' '}
          {addError.code === 'auth-failed' ? (
            <button type="button" className="button button-small" onClick={changeKeys}>
              {t('ui.accounts.keys.change')}
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() => void add()}
              data-testid="account-add-retry"
            >
              {t('ui.common.tryAgain')}
            </button>
          )}
        </p>
      )}
      {added && (
        <p className="printers-note" role="status" data-testid="account-added">
          {t('ui.accounts.add.done', { name: added })}
        </p>
      )}
    </section>
  );
}

function AccountChoicesForm({
  id,
  choices,
  draft,
  problem,
  pending,
  nameRef,
  onEdit,
  onChooseIntegration,
  onSubmit,
  onChangeKeys,
}: {
  id: string;
  choices: AccountChoices;
  draft: AccountDraft;
  problem: { field: 'name' | 'integration'; message: Message } | null;
  pending: boolean;
  nameRef: RefObject<HTMLInputElement | null>;
  onEdit: (change: Partial<AccountDraft>) => void;
  onChooseIntegration: (integrationId: number) => void;
  onSubmit: (event: FormEvent) => void;
  onChangeKeys: () => void;
}) {
  const errorId = `${id}-choices-error`;
  const { t, say } = useSpeaker();
  return (
    <form
      className="account-choices"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('ui.accounts.add.settings')}
      data-testid="account-choices"
    >
      <p className="account-hint">
        {t('ui.accounts.add.step2')}{' '}
        <button
          type="button"
          className="button button-small"
          onClick={onChangeKeys}
          data-testid="account-change-keys"
        >
          {t('ui.accounts.keys.change')}
        </button>
      </p>
      <div className="account-fields">
        <label htmlFor={`${id}-name`}>{t('ui.common.name')}</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          value={draft.name}
          maxLength={80}
          autoComplete="off"
          aria-invalid={problem?.field === 'name'}
          aria-describedby={problem?.field === 'name' ? errorId : undefined}
          onChange={(e) => onEdit({ name: e.target.value, nameEdited: true })}
          data-testid="account-name"
        />
        <label htmlFor={`${id}-integration`}>{t('ui.accounts.add.integration')}</label>
        <select
          onKeyDown={blockTypeahead}
          id={`${id}-integration`}
          value={draft.integrationId === null ? '' : String(draft.integrationId)}
          aria-invalid={problem?.field === 'integration'}
          aria-describedby={problem?.field === 'integration' ? errorId : undefined}
          onChange={(e) => {
            const integrationId = parseChoiceId(e.target.value);
            if (integrationId !== null) onChooseIntegration(integrationId);
          }}
          data-testid="account-integration"
        >
          {choices.integrations.length === 0 && (
            <option value="">{t('ui.accounts.add.noIntegration')}</option>
          )}
          {choices.integrations.map((integration) => (
            <option key={integration.id} value={integration.id}>
              {integration.name} (#{integration.id})
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-sender`}>{t('ui.accounts.add.sender')}</label>
        <select
          onKeyDown={blockTypeahead}
          id={`${id}-sender`}
          value={draft.senderAddressId === null ? '' : String(draft.senderAddressId)}
          onChange={(e) => onEdit({ senderAddressId: parseChoiceId(e.target.value) })}
          data-testid="account-sender-address"
        >
          <option value="">{t('ui.accounts.add.senderDefault')}</option>
          {choices.senderAddresses.map((address) => (
            <option key={address.id} value={address.id}>
              {address.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-brand`}>{t('ui.accounts.add.brand')}</label>
        <select
          onKeyDown={blockTypeahead}
          id={`${id}-brand`}
          value={draft.brandId === null ? '' : String(draft.brandId)}
          onChange={(e) => onEdit({ brandId: parseChoiceId(e.target.value) })}
          data-testid="account-brand"
        >
          <option value="">{t('ui.accounts.add.noBrand')}</option>
          {choices.brands.map((brand) => (
            <option key={brand.id} value={brand.id}>
              {brand.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-shipping`}>{t('ui.accounts.add.shipping')}</label>
        <select
          onKeyDown={blockTypeahead}
          id={`${id}-shipping`}
          value={draft.shippingOptionCode ?? ''}
          onChange={(e) => onEdit({ shippingOptionCode: e.target.value || null })}
          data-testid="account-shipping-option"
        >
          <option value="">{t('ui.accounts.add.shippingDefault')}</option>
          {choices.shippingOptions.map((option) => (
            <option key={option.code} value={option.code}>
              {carrierName(option.carrier)} — {option.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="account-api" data-testid="account-api">
        <legend>{t('ui.accounts.add.api')}</legend>
        <label className="outbox-choice">
          <input
            type="radio"
            name={`${id}-api`}
            value="v3"
            checked={draft.api === 'v3'}
            onChange={() => onEdit({ api: 'v3' })}
            data-testid="account-api-v3"
          />
          {t('ui.accounts.add.apiV3')}
        </label>
        <label className="outbox-choice">
          <input
            type="radio"
            name={`${id}-api`}
            value="v2"
            checked={draft.api === 'v2'}
            onChange={() => onEdit({ api: 'v2' })}
            data-testid="account-api-v2"
          />
          {t('ui.accounts.add.apiV2')}
        </label>
      </fieldset>
      <label className="outbox-choice">
        <input
          type="checkbox"
          checked={draft.testMode}
          onChange={(e) => onEdit({ testMode: e.target.checked })}
          data-testid="account-test-mode"
        />
        {t('ui.accounts.testModeHint')}
      </label>
      {problem && (
        <p id={errorId} className="inline-error" role="alert" data-testid="account-choices-error">
          {say(problem.message)}
        </p>
      )}
      <div className="printer-actions">
        <button
          type="submit"
          className="button button-small button-primary"
          aria-disabled={pending}
          aria-busy={pending}
          data-testid="account-add"
        >
          {pending ? t('ui.common.adding') : t('ui.accounts.add.submit')}
        </button>
      </div>
    </form>
  );
}
