import { useMemo } from 'react';
import { useSpeaker } from '../i18n/messages';
import { accountProblems, knownAccounts } from '../state/accounts';
import { useStation } from '../state/station';
import { AccountPill } from '../screens/shared/pills';

/** The header's account fact: which Sendcloud account labels are made with, and how it is. */
export function AccountsFact() {
  const { t } = useSpeaker();
  const status = useStation((s) => s.status);
  const slice = useStation((s) => s.accounts);
  const accounts = knownAccounts(slice, status);
  const waiting = accounts.filter((account) => account.state !== 'connected').length;
  const only = accounts.length === 1 ? accounts[0] : undefined;

  // Demo mode may ship without accounts: its integration is then the one to name.
  if (accounts.length === 0) {
    return (
      <div className="fact">
        <dt>{t('header.integration')}</dt>
        <dd data-testid="accounts-fact">
          <span className="fact-name">
            {status?.integration
              ? t('header.integration.name', {
                  name: status.integration.name,
                  id: status.integration.id,
                })
              : t('header.accounts.none')}
          </span>
        </dd>
      </div>
    );
  }
  return (
    <div className="fact">
      <dt>{only ? t('header.account') : t('header.accounts')}</dt>
      <dd className="printer-fact" data-testid="accounts-fact">
        {only ? (
          <>
            <span className="fact-name" title={only.name}>
              {only.name}
            </span>
            {only.testMode && <span className="test-badge">{t('header.testMode')}</span>}
            {only.state !== 'connected' && <AccountPill state={only.state} />}
          </>
        ) : (
          <>
            <span className="fact-name">
              {t('header.accounts.count', { count: accounts.length })}
            </span>
            {waiting > 0 && (
              <span className="printer-pill printer-tone-fault">
                {t('header.attention', { count: waiting })}
              </span>
            )}
          </>
        )}
      </dd>
    </div>
  );
}

/**
 * An account Sendcloud refused or whose keys the keychain would not give: name it, say its
 * labels wait (nothing is lost), and open its reconnect form. Shown on every screen.
 */
export function AccountsBanner() {
  const { t, say } = useSpeaker();
  const status = useStation((s) => s.status);
  const slice = useStation((s) => s.accounts);
  const openAccounts = useStation((s) => s.openAccounts);
  const problems = useMemo(() => accountProblems(knownAccounts(slice, status)), [slice, status]);
  const keychainError = status?.keychainError ?? null;

  return (
    <>
      {keychainError && (
        <div className="banner accounts-banner" role="alert" data-testid="keychain-banner">
          <strong>{t('header.banner.keychain.title')}</strong>
          <span>{t('header.banner.keychain.body')}</span>
          <span className="banner-detail">{say(keychainError)}</span>
        </div>
      )}
      {problems.length > 0 && (
        <div className="banner accounts-banner" role="alert" data-testid="accounts-banner">
          <ul className="accounts-banner-list">
            {problems.map(({ account, headline, advice }) => (
              <li
                key={account.id}
                data-testid="accounts-banner-item"
                data-account-id={account.id}
                data-state={account.state}
              >
                <strong>
                  {t('header.banner.account.title', {
                    name: account.name,
                    problem: say(headline),
                  })}
                </strong>{' '}
                <span>{t('header.banner.account.body')}</span>{' '}
                {/* Keys from the environment are changed there; the advice says so. */}
                {!account.fixed && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => openAccounts(account.id)}
                    aria-label={t('header.banner.account.reconnectName', { name: account.name })}
                    data-testid="accounts-banner-reconnect"
                  >
                    {t('header.banner.account.reconnect')}
                  </button>
                )}
                <span className="banner-detail">{say(advice)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
