import { useState } from 'react';
import type { StationStatus } from '../../src-shared';
import type { MessageKey } from '../../src-shared/messages';
import { useSpeaker } from '../i18n/messages';
import { SessionFact } from '../screens/Packers/SessionFact';
import { useStation, type HostState } from '../state/station';
import { AccountsBanner, AccountsFact } from './AccountsBanner';
import { BatchFact } from './BatchFact';
import { DemoFaultsPanel } from './DemoFaults';
import { LanguagePicker } from './LanguagePicker';
import { OfflineBanner } from './OfflineBanner';
import { LabelPrinterFact, PrinterBanner } from './PrinterStatus';
import { OrdersLine } from './OrdersLine';
import { QueueButton } from './QueueButton';
import { WarehouseFact } from './WarehouseFact';

/** The cached orders a scan resolves against (synced from Settings → Accounts). */
function OrdersFact({ status }: { status: StationStatus }) {
  const { t, language } = useSpeaker();
  return (
    <div className="fact">
      <dt>{t('header.orders')}</dt>
      <dd className="printer-fact">
        <OrdersLine status={status} language={language} t={t} />
      </dd>
    </div>
  );
}

type Link = { word: MessageKey; tone: 'ready' | 'fault' | 'unknown' };

function connection(host: HostState, online: boolean | null): Link {
  if (host === 'disconnected') return { word: 'header.connection.hostDown', tone: 'fault' };
  if (host === 'connecting') return { word: 'header.connection.connecting', tone: 'unknown' };
  if (online === null) return { word: 'header.connection.checking', tone: 'unknown' };
  return online
    ? { word: 'header.connection.online', tone: 'ready' }
    : { word: 'header.connection.offline', tone: 'fault' };
}

/** Sendcloud reachable or not, and (in a browser) whether the station host is. */
function ConnectionFact() {
  const { t, say } = useSpeaker();
  const host = useStation((s) => s.host);
  const online = useStation((s) => s.connectivity?.online ?? null);
  const link = connection(host, online);
  return (
    <div className="fact fact-fixed">
      <dt>{t('header.connection')}</dt>
      <dd>
        <span
          className={`printer-pill printer-tone-${link.tone}`}
          data-testid="host-state"
          data-host={host}
          data-online={online ?? undefined}
        >
          {say({ key: link.word, params: {} })}
        </span>
      </dd>
    </div>
  );
}

/**
 * What the station is doing, in one row: mode, account, label printer, orders, queue,
 * connection and language. The banners under it say what needs a packer, on every screen.
 */
export function StationHeader() {
  const { t, say } = useSpeaker();
  const status = useStation((s) => s.status);
  const statusError = useStation((s) => s.statusError);
  const host = useStation((s) => s.host);
  const syncError = useStation((s) => s.syncError);
  const [faultsOpen, setFaultsOpen] = useState(false);
  const demo = status?.mode === 'demo';
  const syncProblem = syncError ?? status?.syncError ?? null;

  return (
    <>
      <header className="station-header">
        <div className="brand">
          <span className="brand-name">Packdesk</span>
          {status && (
            <span className={`mode-pill mode-${status.mode}`}>
              {demo ? t('header.mode.demo') : t('header.mode.live')}
            </span>
          )}
        </div>
        <dl className="facts">
          {status ? (
            <>
              <AccountsFact />
              <LabelPrinterFact />
              <OrdersFact status={status} />
            </>
          ) : (
            <div className="fact">
              <dt>Packdesk</dt>
              <dd>
                {statusError
                  ? t('header.statusError', { reason: say(statusError) })
                  : t('header.loading')}
              </dd>
            </div>
          )}
          <QueueButton />
          <BatchFact />
          <SessionFact />
          <ConnectionFact />
          <WarehouseFact />
        </dl>
        <div className="header-actions">
          {demo && (
            <button
              type="button"
              className="button button-small"
              aria-expanded={faultsOpen}
              onClick={() => setFaultsOpen((open) => !open)}
              data-testid="demo-faults-toggle"
            >
              {t('header.demoFaults')}
            </button>
          )}
          <LanguagePicker />
        </div>
      </header>
      {syncProblem && (
        <div className="banner sync-banner" role="alert" data-testid="sync-error">
          {t('header.orders.syncFailed', { reason: say(syncProblem) })}
        </div>
      )}
      <OfflineBanner />
      <PrinterBanner />
      <AccountsBanner />
      {faultsOpen && demo && <DemoFaultsPanel onClose={() => setFaultsOpen(false)} />}
      {demo && (
        <div className="banner demo-banner" data-testid="demo-banner" role="note">
          <strong>{t('header.banner.demo.title')}</strong>
          <span>{t('header.banner.demo.body')}</span>
        </div>
      )}
      {host === 'disconnected' && (
        <div className="banner host-banner" role="alert" data-testid="host-banner">
          <strong>{t('header.banner.host.title')}</strong>
          <span>{t('header.banner.host.body')}</span>
        </div>
      )}
    </>
  );
}
