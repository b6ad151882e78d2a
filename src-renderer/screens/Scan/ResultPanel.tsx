import { useEffect } from 'react';
import { carrierName } from '../../../src-shared/carriers';
import { useSpeaker } from '../../i18n/messages';
import type { ResultView } from '../../state/scans';
import { printWarning } from '../../state/printers';
import { useStation } from '../../state/station';
import { playFailed, playPrinted, playQueued } from '../../scan/sounds';
import { isServicePointRefusal } from '../../../src-shared/views-service-points';
import { ServicePointChooser, ServicePointLine } from './ServicePoint';
import { ReturnFromScan } from './ReturnFromScan';

/**
 * The huge panel a packer reads from across the bench: green printed, red failed, amber queued
 * (safe in the outbox, will print later), grey working.
 */
export function ResultPanel({ view }: { view: ResultView }) {
  // Read beside the view: the warning is about the print, which the scan view does not carry.
  const warning = useStation((s) => printWarning(s.current, s.scans));
  const { t, say } = useSpeaker();
  // Sound once per outcome: the key names the scan, the state says whether it has finished.
  useEffect(() => {
    if (view.state === 'printed') playPrinted();
    else if (view.state === 'failed') playFailed();
    else if (view.state === 'queued') playQueued();
  }, [view.key, view.state]);

  return (
    <section
      className={`result result-${view.state}`}
      data-testid="scan-result"
      data-state={view.state}
      aria-live="polite"
      aria-label={t('ui.scan.result.label')}
    >
      {view.state === 'idle' && (
        <>
          <p className="result-headline">{t('ui.scan.result.ready')}</p>
          <p className="result-detail">{t('ui.scan.result.readyHint')}</p>
        </>
      )}
      {view.state === 'working' && (
        <>
          <p className="result-headline">
            {t('ui.scan.result.working', { step: view.step ? say(view.step) : '' })}
          </p>
          <p className="result-detail">
            <span className="result-code">{view.code}</span>
          </p>
        </>
      )}
      {view.state === 'printed' && (
        <>
          <p className="result-headline">
            {t(
              view.command
                ? 'boxes.next.title'
                : view.reprint
                  ? 'ui.scan.state.reprinted'
                  : view.trackingNumber
                    ? 'ui.scan.state.printed'
                    : 'ui.scan.state.handedOver',
            )}
          </p>
          {/* A decentralised merchant's order gets no label here: the step says where it went.
              An order in several boxes says how many labels came out. */}
          {(!view.trackingNumber || view.step?.key === 'boxes.step.printed') && (
            <p className="result-reason" data-testid="result-step">
              {view.step && say(view.step)}
            </p>
          )}
          {/* A customs order: whether its customs documents printed too, or wait (and why). */}
          {view.step?.key.startsWith('customs.') && (
            <p className="result-reason" data-testid="result-customs" data-step={view.step.key}>
              {say(view.step)}
              {view.reason && <> · {say(view.reason)}</>}
            </p>
          )}
          {warning && (
            <p className="result-warning" data-testid="result-warning">
              <strong>{t('ui.scan.result.checkLabel')}</strong> {say(warning)}
            </p>
          )}
          {/* A command barcode names no order and makes no label: its step says what it set. */}
          {!view.command && (
            <>
              <p className="result-detail">
                {t('ui.scan.result.order')}{' '}
                <strong data-testid="result-order">{view.orderNumber ?? view.code}</strong>
                {view.carrier && (
                  <>
                    {' · '}
                    <span data-testid="result-carrier">{carrierName(view.carrier)}</span>
                  </>
                )}
                {view.shippingOption && (
                  <>
                    {' · '}
                    <span data-testid="result-shipping-option">{view.shippingOption}</span>
                    {view.optionWhy && (
                      <span data-testid="result-option-why" data-key={view.optionWhy.key}>
                        {' '}
                        {t('ui.routing.why', { why: say(view.optionWhy) })}
                      </span>
                    )}
                  </>
                )}
              </p>
              <p className="result-tracking" data-testid="result-tracking">
                {view.trackingNumber ?? '–'}
              </p>
            </>
          )}
          {view.servicePoint && <ServicePointLine point={view.servicePoint} />}
          {view.reprint && view.trackingNumber && (
            <ReturnFromScan trackingNumber={view.trackingNumber} />
          )}
        </>
      )}
      {view.state === 'queued' && (
        <>
          <p className="result-headline">{t('ui.scan.state.queued')}</p>
          <p className="result-detail">
            {t('ui.scan.result.order')}{' '}
            <strong data-testid="result-order">{view.orderNumber ?? view.code}</strong>
          </p>
          <p className="result-reason" data-testid="result-reason">
            {view.reason ? say(view.reason) : t('ui.scan.result.queuedHint')}
          </p>
        </>
      )}
      {view.state === 'failed' && (
        <>
          <p className="result-headline">{t('ui.scan.result.notPrinted')}</p>
          <p className="result-reason" data-testid="result-reason">
            {view.reason ? say(view.reason) : t('ui.scan.result.noReason')}
          </p>
          <p className="result-detail">
            {t('ui.scan.result.scanned')} <span className="result-code">{view.code}</span>
            {view.errorCode && <span className="result-error-code"> · {view.errorCode}</span>}
          </p>
          {view.orderNumber && isServicePointRefusal(view.reason) && (
            <ServicePointChooser key={view.key} orderNumber={view.orderNumber} />
          )}
        </>
      )}
    </section>
  );
}
