import { useEffect, useRef } from 'react';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { AddNetworkPrinter } from './AddNetworkPrinter';
import { CustomsCopiesSection } from './CustomsCopiesSection';
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

  const { t, say } = useSpeaker();
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
          {t('ui.printers.title')} <span className="muted">({setup?.printers.length ?? '–'})</span>
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
            {checking ? t('ui.printers.checking') : t('ui.printers.checkNow')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={onClose}
            data-testid="printers-close"
          >
            {t('ui.common.close')}
          </button>
        </div>
      </div>

      {error && (
        <p className="inline-error" role="alert" data-testid="printers-error">
          {t('ui.printers.readFailed', { reason: say(error) })}{' '}
          <button type="button" className="button button-small" onClick={() => void load()}>
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}
      {refreshing?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="printers-refresh-error">
          {t('ui.printers.refreshFailed', { reason: say(refreshing.error) })}{' '}
          <button type="button" className="button button-small" onClick={() => void refresh()}>
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}

      {setup === null && !error && <p className="muted">{t('ui.printers.reading')}</p>}
      {setup !== null && setup.printers.length === 0 && (
        <p className="printers-empty" data-testid="printers-empty">
          {t('ui.printers.empty')}
        </p>
      )}
      {setup !== null && setup.printers.length > 0 && (
        <ul className="printer-list" aria-label={t('ui.printers.list')}>
          {setup.printers.map((printer) => (
            <PrinterRow key={printer.id} printer={printer} />
          ))}
        </ul>
      )}

      {setup !== null && <RoutesSection setup={setup} />}
      <CustomsCopiesSection />
      <AddNetworkPrinter />
      <DiscoverySection />
    </aside>
  );
}
