import { useEffect, useRef } from 'react';
import { knownAccounts, needsOnboarding } from '../../state/accounts';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { AccountRow } from './AccountRow';
import { AddAccountForm } from './AddAccountForm';
import { BillingExportSection } from './BillingExportSection';
import { MerchantsSection } from './MerchantsSection';
import { AccountRoutingSection } from '../Routing/AccountRoutingSection';

/**
 * The Sendcloud accounts the station ships with, a marketplace's merchants and the billing
 * export. Scanning goes on while it is open: the wedge scanner listens window-wide.
 */
export function AccountsPanel({ onClose }: { onClose: () => void }) {
  const status = useStation((s) => s.status);
  const slice = useStation((s) => s.accounts);
  const error = useStation((s) => s.accountsError);
  const load = useStation((s) => s.loadAccounts);
  const reconnectTarget = useStation((s) => s.reconnectTarget);
  const accounts = knownAccounts(slice, status);
  // The first screen is already the add form; two forms would share one key check.
  const onboarding = needsOnboarding(status, slice);

  const { t, say } = useSpeaker();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening from the header moves focus here, unless the banner opened it at a reconnect form,
  // which takes the focus itself.
  const openedAtReconnect = useRef(reconnectTarget !== null);
  useEffect(() => {
    if (!openedAtReconnect.current) headingRef.current?.focus();
  }, []);

  // Escape closes it from anywhere, as it does the printers panel.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <aside
      id="accounts-panel"
      className="printers-panel accounts-panel"
      aria-labelledby="accounts-title"
      data-testid="accounts-panel"
    >
      <div className="panel-head">
        <h2 id="accounts-title" ref={headingRef} tabIndex={-1}>
          {t('ui.accounts.title')}{' '}
          <span className="muted">({slice || status ? accounts.length : '–'})</span>
        </h2>
        <button
          type="button"
          className="button button-small"
          onClick={onClose}
          data-testid="accounts-close"
        >
          {t('ui.common.close')}
        </button>
      </div>

      {error && (
        <p className="inline-error" role="alert" data-testid="accounts-error">
          {t('ui.accounts.readFailed', { reason: say(error) })}{' '}
          <button type="button" className="button button-small" onClick={() => void load()}>
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}
      {status?.keychainError && (
        <p className="inline-error" role="alert" data-testid="accounts-keychain-error">
          {say(status.keychainError)}
        </p>
      )}

      {accounts.length === 0 && !error && (
        <p className="printers-empty" data-testid="accounts-empty">
          {t(status?.mode === 'demo' ? 'ui.accounts.emptyDemo' : 'ui.accounts.empty')}
        </p>
      )}
      {accounts.length > 0 && (
        <ul className="printer-list" aria-label={t('ui.accounts.title')}>
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} />
          ))}
        </ul>
      )}

      {!onboarding && (
        <div className="printers-section">
          <AddAccountForm heading="h3" />
        </div>
      )}
      <MerchantsSection accounts={accounts} />
      <AccountRoutingSection accounts={accounts} />
      <BillingExportSection />
    </aside>
  );
}
