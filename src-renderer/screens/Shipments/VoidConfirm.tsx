import { useEffect, useRef } from 'react';
import type { ShipmentDetails } from '../../../src-shared';
import { dateTime } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

/**
 * Cancel a label, with Sendcloud's rules shown before the packer says yes: the free window, the
 * refund rule after it, that Sendcloud may only queue it, and why it cannot be done when not.
 */
export function VoidConfirm({ details, onDone }: { details: ShipmentDetails; onDone: () => void }) {
  const voidShipment = useStation((s) => s.voidShipment);
  const action = useStation((s) => s.voids[String(details.row.parcelId)]);
  const keepRef = useRef<HTMLButtonElement>(null);
  const pending = action?.kind === 'pending';
  const rules = details.voidRules;
  const { t, say, language } = useSpeaker();

  // The safe answer has the focus, so a stray Enter (or a scan's) cannot void a label.
  useEffect(() => {
    keepRef.current?.focus();
  }, []);

  const freeUntil = dateTime(language, rules.freeUntil);
  const refundUntil = dateTime(language, rules.refundUntil);

  return (
    <div
      className={`shipment-form shipment-void shipment-void-${rules.window}`}
      role="group"
      aria-label={t('ui.shipments.void.title')}
      data-testid="void-confirm"
      data-window={rules.window}
      data-allowed={rules.allowed}
    >
      <h3>{t('ui.shipments.void.title')}</h3>
      <p data-testid="void-window">
        {rules.window === 'free' && t('ui.shipments.void.window.free', { time: freeUntil })}
        {rules.window === 'refund' &&
          t('ui.shipments.void.window.refund', { time: freeUntil, until: refundUntil })}
        {rules.window === 'none' && t('ui.shipments.void.window.none')}
      </p>
      <p data-testid="void-rule">{say(rules.rule)}</p>
      {details.row.collo && (
        <p className="inline-error" data-testid="void-all-boxes">
          {t('boxes.void.all', { nr: details.row.collo.nr, count: details.row.collo.count })}
        </p>
      )}
      <p className="muted">{t('ui.shipments.void.queuedNote')}</p>
      {rules.refusal && (
        <p className="inline-error" data-testid="void-refusal">
          {say(rules.refusal)}
        </p>
      )}
      <div className="queue-actions">
        <button
          type="button"
          className="button button-small button-danger"
          disabled={!rules.allowed || pending}
          aria-busy={pending}
          onClick={() => void voidShipment(details.row.parcelId).then((ok) => ok && onDone())}
          data-testid="void-confirm-button"
        >
          {pending ? t('ui.shipments.void.sending') : t('ui.shipments.void.confirm')}
        </button>
        <button
          ref={keepRef}
          type="button"
          className="button button-small"
          onClick={onDone}
          data-testid="void-keep"
        >
          {t('ui.common.keepIt')}
        </button>
      </div>
    </div>
  );
}
