import { useState } from 'react';
import type { StationStatus } from '../../src-shared';
import { AccountsBanner, AccountsButton, AccountsFact } from './AccountsBanner';
import { DemoFaultsPanel } from './DemoFaults';
import { OfflineBanner } from './OfflineBanner';
import { LabelPrinterFact, PrinterBanner, PrintersButton } from './PrinterStatus';
import { QueueButton } from './QueueButton';
import { useStation, type HostState } from '../state/station';
import { dateTime } from '../format';

const hostLabel: Record<HostState, string> = {
  ipc: 'desktop app',
  connecting: 'connecting…',
  connected: 'connected',
  disconnected: 'disconnected',
};

function OrdersFact({ status }: { status: StationStatus }) {
  const synced = status.ordersSyncedAt
    ? `synced ${dateTime(status.ordersSyncedAt)}`
    : 'never synced';
  return (
    <div className="fact">
      <dt>Orders</dt>
      <dd>
        {status.ordersCached} cached · {synced}
        {status.syncError && (
          <span className="fact-error" role="alert">
            Sync failed: {status.syncError.message}
          </span>
        )}
      </dd>
    </div>
  );
}

/**
 * What the station is doing, in one glance: mode, Sendcloud accounts, label printer and its live
 * status, orders, host link, queue.
 */
export function StationHeader() {
  const status = useStation((s) => s.status);
  const statusError = useStation((s) => s.statusError);
  const host = useStation((s) => s.host);
  const syncing = useStation((s) => s.syncing);
  const syncError = useStation((s) => s.syncError);
  const syncOrders = useStation((s) => s.syncOrders);
  const [faultsOpen, setFaultsOpen] = useState(false);

  return (
    <>
      <header className="station-header">
        <div className="brand">
          <span className="brand-name">Packdesk</span>
          {status && (
            <span className={`mode-pill mode-${status.mode}`}>
              {status.mode === 'demo' ? 'Demo' : 'Live'}
            </span>
          )}
        </div>
        <dl className="facts">
          {status ? (
            <>
              <div className="fact">
                <dt>Sendcloud</dt>
                <dd>{status.sendcloudUrl}</dd>
              </div>
              <AccountsFact />
              <LabelPrinterFact />
              <OrdersFact status={status} />
            </>
          ) : (
            <div className="fact">
              <dt>Station</dt>
              <dd>{statusError ? statusError.message : 'loading…'}</dd>
            </div>
          )}
          <div className="fact">
            <dt>Host</dt>
            <dd className={`host-${host}`} data-testid="host-state">
              {hostLabel[host]}
            </dd>
          </div>
        </dl>
        <div className="header-actions">
          <QueueButton />
          <PrintersButton />
          <AccountsButton />
          <button
            type="button"
            className="button"
            onClick={() => void syncOrders()}
            aria-disabled={syncing}
            aria-busy={syncing}
            data-testid="sync-orders"
          >
            {syncing ? 'Syncing…' : 'Sync orders'}
          </button>
          {status?.mode === 'demo' && (
            <button
              type="button"
              className="button"
              aria-expanded={faultsOpen}
              onClick={() => setFaultsOpen((open) => !open)}
              data-testid="demo-faults-toggle"
            >
              Demo faults
            </button>
          )}
          {syncError && (
            <span className="header-error" role="alert">
              {syncError.message}
            </span>
          )}
        </div>
      </header>
      <OfflineBanner />
      <PrinterBanner />
      <AccountsBanner />
      {faultsOpen && status?.mode === 'demo' && (
        <DemoFaultsPanel onClose={() => setFaultsOpen(false)} />
      )}
      {status?.mode === 'demo' && (
        <div className="demo-banner" data-testid="demo-banner" role="note">
          <strong>DEMO MODE</strong> — orders come from the embedded Sendcloud simulator and labels
          go to the built-in virtual printer, unless another is set up under Printers. Nothing is
          shipped.
        </div>
      )}
      {host === 'disconnected' && (
        <div className="host-banner" role="alert" data-testid="host-banner">
          <strong>Station host disconnected</strong> — retrying. Scans may not be taken. If this
          lasts, reload the page from the address the host printed.
        </div>
      )}
    </>
  );
}
