import { useEffect, useState, type FormEvent } from 'react';
import type { AccountRouting, AccountView } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

const codes = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Accounts screen: how each account's labels choose their option, and its fallbacks. */
export function AccountRoutingSection({ accounts }: { accounts: readonly AccountView[] }) {
  const setup = useStation((s) => s.routing);
  const load = useStation((s) => s.loadRouting);
  const { t } = useSpeaker();
  useEffect(() => {
    void load();
  }, [load]);
  if (!setup || accounts.length === 0) return null;
  return (
    <section
      className="printers-section"
      aria-labelledby="account-routing-title"
      data-testid="account-routing"
    >
      <h3 id="account-routing-title">{t('ui.routing.account.title')}</h3>
      {accounts.map((account) => {
        const found = setup.accounts.find((a) => a.accountId === account.id);
        return found ? (
          <AccountRoutingForm
            key={account.id}
            name={account.name}
            accountId={account.id}
            routing={found.routing}
          />
        ) : null;
      })}
    </section>
  );
}

function AccountRoutingForm({
  name,
  accountId,
  routing,
}: {
  name: string;
  accountId: string;
  routing: AccountRouting;
}) {
  const save = useStation((s) => s.saveAccountRouting);
  const saved = useStation((s) => s.accountRoutingSaves[accountId]);
  const { t, say } = useSpeaker();
  const [applyShippingRules, setApply] = useState(routing.applyShippingRules);
  const [useStationRules, setStation] = useState(routing.useStationRules);
  const [fallbacks, setFallbacks] = useState(routing.fallbacks.join(', '));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save({ accountId, applyShippingRules, useStationRules, fallbacks: codes(fallbacks) });
  };

  return (
    <form
      className="account-row"
      onSubmit={onSubmit}
      data-testid="account-routing-form"
      data-account-id={accountId}
    >
      <strong>{name}</strong>
      <label className="routing-field">
        <input
          type="checkbox"
          checked={useStationRules}
          onChange={(e) => setStation(e.target.checked)}
          data-testid="account-routing-station"
        />{' '}
        {t('ui.routing.account.stationRules')}
      </label>
      <label className="routing-field">
        <input
          type="checkbox"
          checked={applyShippingRules}
          onChange={(e) => setApply(e.target.checked)}
          data-testid="account-routing-sendcloud"
        />{' '}
        {t('ui.routing.account.shippingRules')}
      </label>
      <label className="routing-field">
        {t('ui.routing.account.fallbacks')}{' '}
        <input
          value={fallbacks}
          onChange={(e) => setFallbacks(e.target.value)}
          spellCheck={false}
          data-testid="account-routing-fallbacks"
        />
      </label>
      <button type="submit" className="button button-small" data-testid="account-routing-save">
        {t('ui.routing.account.save')}
      </button>{' '}
      <span role="status" data-testid="account-routing-state">
        {saved?.kind === 'saved' && t('ui.routing.account.saved')}
        {saved?.kind === 'failed' && t('ui.routing.account.failed', { reason: say(saved.error) })}
      </span>
    </form>
  );
}
