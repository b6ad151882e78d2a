// Whether a service-point order of this account may ship to the customer's address when its
// point is closed or unknown: saved at once, apart from the account's other fields.
import { useEffect } from 'react';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

export function HomeDeliveryToggle({ accountId }: { accountId: string }) {
  const allowed = useStation((s) => s.homeDelivery[accountId]);
  const load = useStation((s) => s.loadHomeDelivery);
  const save = useStation((s) => s.setHomeDelivery);
  const { t } = useSpeaker();
  useEffect(() => {
    void load(accountId);
  }, [accountId, load]);
  return (
    <label className="outbox-choice">
      <input
        type="checkbox"
        checked={allowed === true}
        disabled={allowed === undefined}
        onChange={(e) => void save(accountId, e.target.checked)}
        data-testid="account-edit-home-delivery"
      />
      {t('servicePoints.ui.allowHome')}
    </label>
  );
}
