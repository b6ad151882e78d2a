import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { resultView } from '../../state/scans';
import { QueuePanel } from '../Queue/QueuePanel';
import { LabelPreviewPanel } from './LabelPreviewPanel';
import { NextOptionPicker } from './NextOptionPicker';
import { NextLabelPanel } from './NextLabelPanel';
import { RecentScans } from './RecentScans';
import { ResultPanel } from './ResultPanel';

/**
 * The packer's screen: one big field, one big answer, the last scans below, and on the side the
 * queue panel and label preview when open. Scanner bursts are caught window-wide by
 * `useWedgeScanner`; this field is for typing an order number by hand.
 */
export function ScanScreen() {
  const submitScan = useStation((s) => s.submitScan);
  const current = useStation((s) => s.current);
  const scans = useStation((s) => s.scans);
  const recentError = useStation((s) => s.recentError);
  const preview = useStation((s) => s.preview);
  const showPreview = useStation((s) => s.showPreview);
  const closePreview = useStation((s) => s.closePreview);
  const queueOpen = useStation((s) => s.queueOpen);
  const closeQueue = useStation((s) => s.closeQueue);
  const view = useMemo(() => resultView(current, scans), [current, scans]);
  const { t, say } = useSpeaker();

  const [code, setCode] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // Escape always brings the packer back to the scan field, whatever else is open.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      closePreview();
      closeQueue();
      inputRef.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closePreview, closeQueue]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!code.trim()) return;
    void submitScan(code);
    setCode('');
  };

  const closePreviewAndRefocus = (): void => {
    closePreview();
    inputRef.current?.focus();
  };

  const closeQueueAndRefocus = (): void => {
    closeQueue();
    inputRef.current?.focus();
  };

  const side = preview || queueOpen;
  return (
    <main className={side ? 'scan-screen with-side' : 'scan-screen'}>
      <div className="scan-main">
        <form className="scan-form" onSubmit={onSubmit} role="search">
          <label htmlFor="scan-input" className="scan-label">
            {t('ui.scan.field.label')}
          </label>
          <div className="scan-row">
            <input
              id="scan-input"
              ref={inputRef}
              className="scan-input"
              data-testid="scan-input"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              enterKeyHint="go"
              maxLength={100}
              placeholder={t('ui.scan.field.placeholder')}
            />
            <button type="submit" className="button button-large">
              {t('ui.scan.field.submit')}
            </button>
          </div>
        </form>
        <NextOptionPicker onClosed={() => inputRef.current?.focus()} />
        <NextLabelPanel onDone={() => inputRef.current?.focus()} />
        <ResultPanel view={view} />
        {recentError && (
          <p className="inline-error" role="alert">
            {t('ui.scan.recent.failed', { reason: say(recentError) })}
          </p>
        )}
        <RecentScans scans={scans} onPreview={(tracking) => void showPreview(tracking)} />
      </div>
      {side && (
        <div className="scan-side">
          {queueOpen && <QueuePanel onClose={closeQueueAndRefocus} />}
          {preview && <LabelPreviewPanel preview={preview} onClose={closePreviewAndRefocus} />}
        </div>
      )}
    </main>
  );
}
