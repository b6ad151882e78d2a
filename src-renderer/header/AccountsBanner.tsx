import { useMemo } from 'react';
import type { AccountState } from '../../src-shared';
import {
  accountProblems,
  accountStateLabel,
  accountStateTone,
  knownAccounts,
} from '../state/accounts';
import { useStation } from '../state/station';

/** An account's state in a word or two, coloured like the printer pill. */
export function AccountStatePill({
  state,
  title,
  testId,
}: {
  state: AccountState;
  title?: string | null;
  testId?: string;
}) {
  const tone = accountStateTone[state];
  return (
    <span
      className={`printer-pill printer-tone-${tone}`}
      data-state={state}
      data-testid={testId}
      title={title ?? undefined}
    >
      {accountStateLabel[state]}
    </span>
  );
}

/** The header's account fact: which Sendcloud account labels are made with, and how it is. */
export function AccountsFact() {
  const status = useStation((s) => s.status);
  const slice = useStation((s) => s.accounts);
  const accounts = knownAccounts(slice, status);
  const waiting = accounts.filter((account) => account.state !== 'connected').length;
  const only = accounts.length === 1 ? accounts[0] : undefined;

  // Demo mode may ship without accounts: its integration is then the one to name.
  if (accounts.length === 0) {
    return (
      <div className="fact">
        <dt>Integration</dt>
        <dd data-testid="accounts-fact">
          {status?.integration
            ? `${status.integration.name} (#${status.integration.id})`
            : 'no account yet'}
        </dd>
      </div>
    );
  }
  return (
    <div className="fact">
      <dt>{only ? 'Account' : 'Accounts'}</dt>
      <dd className="printer-fact" data-testid="accounts-fact">
        {only ? (
          <>
            <span>{only.name}</span>
            {only.testMode && <span className="test-badge">Test mode</span>}
            {only.state !== 'connected' && <AccountStatePill state={only.state} />}
          </>
        ) : (
          <>
            <span>{accounts.length} accounts</span>
            {waiting > 0 && (
              <span className="printer-pill printer-tone-fault">
                {waiting} {waiting === 1 ? 'needs' : 'need'} attention
              </span>
            )}
          </>
        )}
      </dd>
    </div>
  );
}

/** Opens the Accounts panel. */
export function AccountsButton() {
  const open = useStation((s) => s.accountsOpen);
  const openAccounts = useStation((s) => s.openAccounts);
  const closeAccounts = useStation((s) => s.closeAccounts);
  return (
    <button
      type="button"
      className="button"
      aria-expanded={open}
      aria-controls="accounts-panel"
      onClick={() => (open ? closeAccounts() : openAccounts())}
      data-testid="accounts-toggle"
    >
      Accounts
    </button>
  );
}

/**
 * An account Sendcloud refused or whose keys the keychain would not give: name it, say its
 * labels wait (nothing is lost), and open its reconnect form. Shown on every screen.
 */
export function AccountsBanner() {
  const status = useStation((s) => s.status);
  const slice = useStation((s) => s.accounts);
  const openAccounts = useStation((s) => s.openAccounts);
  const problems = useMemo(() => accountProblems(knownAccounts(slice, status)), [slice, status]);
  const keychainError = status?.keychainError ?? null;

  return (
    <>
      {keychainError && (
        <div className="accounts-banner" role="alert" data-testid="keychain-banner">
          <strong>The OS keychain is locked or missing</strong> — Sendcloud keys cannot be read or
          stored. Unlock it (log in to this computer again), then reload.
          <span className="accounts-banner-detail">{keychainError.message}</span>
        </div>
      )}
      {problems.length > 0 && (
        <div className="accounts-banner" role="alert" data-testid="accounts-banner">
          <ul className="accounts-banner-list">
            {problems.map(({ account, headline, advice }) => (
              <li
                key={account.id}
                data-testid="accounts-banner-item"
                data-account-id={account.id}
                data-state={account.state}
              >
                <strong>
                  Sendcloud account {account.name} {headline}
                </strong>{' '}
                — its labels wait until it is reconnected; scans of its orders are kept.{' '}
                {/* Keys from the environment are changed there; the advice says so. */}
                {!account.fixed && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => openAccounts(account.id)}
                    aria-label={`Reconnect ${account.name}`}
                    data-testid="accounts-banner-reconnect"
                  >
                    Reconnect
                  </button>
                )}
                <span className="accounts-banner-detail">{advice}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
