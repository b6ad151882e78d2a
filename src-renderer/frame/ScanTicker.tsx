import type { MessageKey } from '../../src-shared/messages';
import { useSpeaker } from '../i18n/messages';
import { useStation } from '../state/station';
import { navItem } from './navigation';

type TickerState = 'sending' | 'working' | 'queued' | 'printed' | 'failed';

const stateWord: Record<TickerState, MessageKey> = {
  sending: 'frame.ticker.sending',
  working: 'frame.ticker.working',
  queued: 'frame.ticker.queued',
  printed: 'frame.ticker.printed',
  failed: 'frame.ticker.failed',
};

/**
 * Away from the scan screen, the wedge scanner still prints: this line says how the last scan
 * went and where its full result is, without taking the packer off the screen they are on.
 */
export function ScanTicker() {
  const { t, say } = useSpeaker();
  const current = useStation((s) => s.current);
  const scans = useStation((s) => s.scans);
  const showScreen = useStation((s) => s.showScreen);
  if (!current) return null;

  const entry =
    current.kind === 'entry'
      ? (scans.find((scan) => scan.id === current.id) ?? current.entry)
      : null;
  let state: TickerState;
  let code: string;
  if (entry) {
    state = entry.state;
    code = entry.orderNumber ?? entry.code;
  } else {
    state = current.kind === 'rejected' ? 'failed' : 'sending';
    code = current.kind === 'entry' ? current.entry.code : current.code;
  }

  return (
    <div
      className={`scan-ticker scan-ticker-${state}`}
      role="status"
      data-testid="scan-ticker"
      data-state={state}
    >
      <span className="scan-ticker-label">{t('frame.ticker.label')}</span>
      <strong className="scan-ticker-code" data-testid="scan-ticker-code">
        {code}
      </strong>
      <span className="scan-ticker-state">{say({ key: stateWord[state], params: {} })}</span>
      {entry?.trackingNumber && (
        <span className="scan-ticker-tracking">{entry.trackingNumber}</span>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={() => showScreen('scan')}
        data-testid="scan-ticker-open"
      >
        {t('frame.ticker.open', { key: navItem('scan').key })}
      </button>
    </div>
  );
}
