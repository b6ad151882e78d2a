import { useEffect, useRef } from 'react';
import { useStation } from '../../state/station';
import { AddNetworkPrinter } from './AddNetworkPrinter';
import { DiscoverySection } from './DiscoverySection';
import { PrinterRow } from './PrinterRow';
import { RoutesSection } from './RoutesSection';

/**
 * Printer set-up: the printers with their live status, which printer takes which document,
 * adding a network printer and finding USB printers and print queues. Scanning goes on while
 * it is open: the wedge scanner listens window-wide.
 */
export function PrintersPanel({ onClose }: { onClose: () => void }) {
  const setup = useStation((s) => s.printers);
  const error = useStation((s) => s.printersError);
  const load = useStation((s) => s.loadPrinters);
  const refresh = useStation((s) => s.refreshPrinters);
  const refreshing = useStation((s) => s.printersRefresh);

  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening from the header moves focus here, so the keyboard lands on the panel it opened.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Escape closes it from anywhere, as it does the queue panel.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const checking = refreshing?.kind === 'pending';
  return (
    <aside
      id="printers-panel"
      className="printers-panel"
      aria-labelledby="printers-title"
      data-testid="printers-panel"
    >
      <div className="panel-head">
        <h2 id="printers-title" ref={headingRef} tabIndex={-1}>
          Printers <span className="muted">({setup?.printers.length ?? '–'})</span>
        </h2>
        <div className="printer-actions">
          <button
            type="button"
            className="button button-small"
            aria-disabled={checking}
            aria-busy={checking}
            onClick={() => !checking && void refresh()}
            data-testid="printers-refresh"
          >
            {checking ? 'Checking…' : 'Check now'}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={onClose}
            data-testid="printers-close"
          >
            Close
          </button>
        </div>
      </div>

      {error && (
        <p className="inline-error" role="alert" data-testid="printers-error">
          Could not read the printers: {error.message}{' '}
          <button type="button" className="button button-small" onClick={() => void load()}>
            Try again
          </button>
        </p>
      )}
      {refreshing?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="printers-refresh-error">
          Could not ask the printers: {refreshing.error.message}{' '}
          <button type="button" className="button button-small" onClick={() => void refresh()}>
            Try again
          </button>
        </p>
      )}

      {setup === null && !error && <p className="muted">Reading the printers…</p>}
      {setup !== null && setup.printers.length === 0 && (
        <p className="printers-empty" data-testid="printers-empty">
          No printers set up yet: add a network printer or find one below. Scans queue until labels
          have a printer.
        </p>
      )}
      {setup !== null && setup.printers.length > 0 && (
        <ul className="printer-list" aria-label="Set-up printers">
          {setup.printers.map((printer) => (
            <PrinterRow key={printer.id} printer={printer} />
          ))}
        </ul>
      )}

      {setup !== null && <RoutesSection setup={setup} />}
      <AddNetworkPrinter />
      <DiscoverySection />
    </aside>
  );
}
