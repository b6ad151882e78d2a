import { useEffect, useRef, useState } from 'react';
import { returnDeliveries, type ReturnDelivery, type ShipmentDetails } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { returnOfParcel } from '../../state/slices/returns';
import { useStation } from '../../state/station';

/** Put the link on the clipboard; false where the browser refuses (no focus, no permission). */
async function copied(url: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Make a return for this shipment: the customer gets the return label, printed here for the box,
 * or the return portal link, shown and copied. Nothing is chosen for the packer, so a stray
 * Enter (or a scanner's) cannot make a return. A shipment that has one shows it instead.
 */
export function ReturnForm({ details, onDone }: { details: ShipmentDetails; onDone: () => void }) {
  const parcelId = details.row.parcelId;
  const createReturn = useStation((s) => s.createReturn);
  const printReturn = useStation((s) => s.printReturn);
  const action = useStation((s) => s.returnActions[String(parcelId)]);
  const kept = useStation((s) => returnOfParcel(s.returns, parcelId));
  const [delivery, setDelivery] = useState<ReturnDelivery | null>(null);
  const [copy, setCopy] = useState<'copied' | 'refused' | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const pending = action?.kind === 'pending';
  const { t, say } = useSpeaker();

  // T on a row lands here: how the customer gets the return is the first thing to answer.
  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const made = action?.kind === 'done' ? action.made : null;
  const row = made?.row ?? kept;
  const copyLink = (url: string) =>
    void copied(url).then((ok) => setCopy(ok ? 'copied' : 'refused'));

  return (
    <div
      className="shipment-form shipment-return"
      role="group"
      aria-label={t('ui.returns.title')}
      data-testid="return-form"
    >
      <h3>{t('ui.returns.title')}</h3>
      {!row && (
        <>
          <p className="muted">{t('ui.returns.intro')}</p>
          <fieldset>
            <legend>{t('ui.returns.delivery')}</legend>
            {returnDeliveries.map((value, i) => (
              <label key={value} className="shipment-choice">
                <input
                  ref={i === 0 ? firstRef : undefined}
                  type="radio"
                  name="return-delivery"
                  value={value}
                  checked={delivery === value}
                  onChange={() => setDelivery(value)}
                  data-testid={`return-delivery-${value}`}
                />
                {t(`ui.returns.delivery.${value}`)}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {pending && (
        <p className="muted" role="status" data-testid="return-pending">
          {t('ui.returns.making')}
        </p>
      )}
      {action?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="return-result" data-state="failed">
          {t('ui.returns.failed', { reason: say(action.error) })}
        </p>
      )}
      {made && (
        <p
          className={made.printProblem || made.noPortal ? 'inline-error' : 'queue-note'}
          role="status"
          data-testid="return-result"
          data-state={made.existing ? 'existing' : 'made'}
        >
          {made.existing && t('ui.returns.existing')}
          {!made.existing &&
            made.printProblem === null &&
            !made.noPortal &&
            (made.row.portalUrl ? t('ui.returns.made.link') : t('ui.returns.made.label'))}
          {made.printProblem &&
            ` ${t('ui.returns.notPrinted', { reason: say(made.printProblem) })}`}
          {made.noPortal && ` ${t('ui.returns.noPortal')}`}
        </p>
      )}
      {row && (
        <dl className="shipment-facts" data-testid="return-facts" data-return-id={row.returnId}>
          <div>
            <dt>{t('ui.returns.column.status')}</dt>
            <dd data-testid="return-status">{t(`ui.returns.status.${row.status}`)}</dd>
          </div>
          {row.trackingNumber && (
            <div>
              <dt>{t('ui.returns.column.tracking')}</dt>
              <dd className="mono">{row.trackingNumber}</dd>
            </div>
          )}
          {row.portalUrl && (
            <div>
              <dt>{t('ui.returns.column.link')}</dt>
              <dd>
                <a href={row.portalUrl} target="_blank" rel="noreferrer" data-testid="return-link">
                  {row.portalUrl}
                </a>{' '}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => copyLink(row.portalUrl ?? '')}
                  data-testid="return-copy"
                >
                  {t('ui.returns.copy')}
                </button>
                {copy === 'copied' && <span className="muted"> {t('ui.returns.copied')}</span>}
              </dd>
            </div>
          )}
        </dl>
      )}
      <div className="queue-actions">
        {!row && (
          <button
            type="button"
            className="button button-small"
            disabled={delivery === null || pending}
            aria-busy={pending}
            onClick={() => {
              if (delivery === null) return;
              void createReturn(parcelId, delivery).then((answer) => {
                if (answer?.row.portalUrl) copyLink(answer.row.portalUrl);
              });
            }}
            data-testid="return-confirm"
          >
            {pending ? t('ui.returns.making') : t('ui.returns.confirm')}
          </button>
        )}
        {row && !row.portalUrl && (
          <button
            type="button"
            className="button button-small"
            disabled={pending}
            onClick={() => void printReturn(parcelId, row.returnId)}
            data-testid="return-print"
          >
            {t('ui.returns.printAgain')}
          </button>
        )}
        <button type="button" className="button button-small" onClick={onDone}>
          {t('ui.common.close')}
        </button>
      </div>
    </div>
  );
}
