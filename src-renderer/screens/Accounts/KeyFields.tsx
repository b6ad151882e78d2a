import type { Ref } from 'react';
import { useSpeaker } from '../../i18n/messages';
import type { KeysDraft } from '../../state/accounts';

/**
 * The two key fields, shared by onboarding and reconnect. The values live in the calling form's
 * own state only, never in the store; the secret is a password field the browser must not keep.
 */
export function KeyFields({
  id,
  keys,
  onChange,
  invalid,
  errorId,
  disabled,
  testIdPrefix,
  publicKeyRef,
}: {
  id: string;
  keys: KeysDraft;
  onChange: (change: Partial<KeysDraft>) => void;
  invalid: 'publicKey' | 'secretKey' | 'both' | null;
  errorId: string | undefined;
  disabled?: boolean;
  testIdPrefix: string;
  publicKeyRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useSpeaker();
  const publicInvalid = invalid === 'publicKey' || invalid === 'both';
  const secretInvalid = invalid === 'secretKey' || invalid === 'both';
  return (
    <div className="account-fields">
      <label htmlFor={`${id}-publicKey`}>{t('ui.accounts.keys.public')}</label>
      <input
        id={`${id}-publicKey`}
        ref={publicKeyRef}
        className="mono"
        value={keys.publicKey}
        maxLength={200}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        readOnly={disabled}
        aria-invalid={publicInvalid}
        aria-describedby={publicInvalid ? errorId : undefined}
        onChange={(e) => onChange({ publicKey: e.target.value })}
        data-testid={`${testIdPrefix}-public-key`}
      />
      <label htmlFor={`${id}-secretKey`}>{t('ui.accounts.keys.secret')}</label>
      <input
        id={`${id}-secretKey`}
        type="password"
        className="mono"
        value={keys.secretKey}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        readOnly={disabled}
        aria-invalid={secretInvalid}
        aria-describedby={secretInvalid ? errorId : undefined}
        onChange={(e) => onChange({ secretKey: e.target.value })}
        data-testid={`${testIdPrefix}-secret-key`}
      />
    </div>
  );
}
