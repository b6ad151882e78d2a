import { useEffect } from 'react';
import type { ResultView } from '../../state/scans';
import { printWarning } from '../../state/printers';
import { useStation } from '../../state/station';
import { playFailed, playPrinted, playQueued } from '../../scan/sounds';

/**
 * The huge panel a packer reads from across the bench: green printed, red failed, amber queued
 * (safe in the outbox, will print later), grey working.
 */
export function ResultPanel({ view }: { view: ResultView }) {
  // Read beside the view: the warning is about the print, which the scan view does not carry.
  const warning = useStation((s) => printWarning(s.current, s.scans));
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
      aria-label="Scan result"
    >
      {view.state === 'idle' && (
        <>
          <p className="result-headline">Ready</p>
          <p className="result-detail">Scan an order barcode or type an order number.</p>
        </>
      )}
      {view.state === 'working' && (
        <>
          <p className="result-headline">Working… {view.step}</p>
          <p className="result-detail">
            <span className="result-code">{view.code}</span>
          </p>
        </>
      )}
      {view.state === 'printed' && (
        <>
          <p className="result-headline">
            {view.reprint ? 'Reprinted' : view.trackingNumber ? 'Printed' : 'Handed over'}
          </p>
          {/* A decentralised merchant's order gets no label here: the step says where it went. */}
          {!view.trackingNumber && (
            <p className="result-reason" data-testid="result-step">
              {view.step}
            </p>
          )}
          {warning && (
            <p className="result-warning" data-testid="result-warning">
              <strong>Check the label:</strong> {warning}
            </p>
          )}
          <p className="result-detail">
            Order <strong data-testid="result-order">{view.orderNumber ?? view.code}</strong>
            {view.carrier && (
              <>
                {' · '}
                <span data-testid="result-carrier">{view.carrier}</span>
              </>
            )}
          </p>
          <p className="result-tracking" data-testid="result-tracking">
            {view.trackingNumber ?? '–'}
          </p>
        </>
      )}
      {view.state === 'queued' && (
        <>
          <p className="result-headline">Queued</p>
          <p className="result-detail">
            Order <strong data-testid="result-order">{view.orderNumber ?? view.code}</strong>
          </p>
          <p className="result-reason" data-testid="result-reason">
            {view.reason ?? 'Waiting in the outbox; it will print by itself.'}
          </p>
        </>
      )}
      {view.state === 'failed' && (
        <>
          <p className="result-headline">Not printed</p>
          <p className="result-reason" data-testid="result-reason">
            {view.reason ?? 'The station did not say why.'}
          </p>
          <p className="result-detail">
            Scanned <span className="result-code">{view.code}</span>
            {view.errorCode && <span className="result-error-code"> · {view.errorCode}</span>}
          </p>
        </>
      )}
    </section>
  );
}
