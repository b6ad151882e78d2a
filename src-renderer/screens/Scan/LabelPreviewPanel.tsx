import { useEffect, useRef } from 'react';
import { useSpeaker } from '../../i18n/messages';
import type { PreviewState } from '../../state/station';

/** A printed label as the printer got it, rendered to PNG by the station. */
export function LabelPreviewPanel({
  preview,
  onClose,
}: {
  preview: PreviewState;
  onClose: () => void;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const { t, say } = useSpeaker();
  // Move focus into the panel so a keyboard user lands on it; Escape returns to the scan field.
  useEffect(() => {
    closeRef.current?.focus();
  }, []);

  const trackingNumber =
    preview.kind === 'ready' ? preview.preview.trackingNumber : preview.trackingNumber;

  return (
    <aside
      className="preview"
      aria-label={t('ui.scan.preview.title', { tracking: trackingNumber })}
      data-testid="label-preview"
    >
      <div className="preview-head">
        <h2>
          {t('ui.scan.preview.heading')} <span className="mono">{trackingNumber}</span>
        </h2>
        <button ref={closeRef} type="button" className="button button-small" onClick={onClose}>
          {t('ui.common.close')}
        </button>
      </div>
      {preview.kind === 'loading' && <p className="muted">{t('ui.scan.preview.loading')}</p>}
      {preview.kind === 'failed' && (
        <p className="preview-error" role="alert">
          {say(preview.error)}
        </p>
      )}
      {preview.kind === 'ready' && (
        <>
          <img
            className="preview-image"
            src={`data:image/png;base64,${preview.preview.pngBase64}`}
            alt={t('ui.scan.preview.alt', { tracking: trackingNumber })}
          />
          <p className="muted">
            {t('ui.scan.preview.format', { format: preview.preview.format.toUpperCase() })}
          </p>
        </>
      )}
    </aside>
  );
}
