import { useEffect, useRef } from 'react';
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
  // Move focus into the panel so a keyboard user lands on it; Escape returns to the scan field.
  useEffect(() => {
    closeRef.current?.focus();
  }, []);

  const trackingNumber =
    preview.kind === 'ready' ? preview.preview.trackingNumber : preview.trackingNumber;

  return (
    <aside className="preview" aria-label={`Label ${trackingNumber}`} data-testid="label-preview">
      <div className="preview-head">
        <h2>
          Label <span className="mono">{trackingNumber}</span>
        </h2>
        <button ref={closeRef} type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      {preview.kind === 'loading' && <p className="muted">Rendering the label…</p>}
      {preview.kind === 'failed' && (
        <p className="preview-error" role="alert">
          {preview.error.message}
        </p>
      )}
      {preview.kind === 'ready' && (
        <>
          <img
            className="preview-image"
            src={`data:image/png;base64,${preview.preview.pngBase64}`}
            alt={`Shipping label ${trackingNumber}`}
          />
          <p className="muted">Format: {preview.preview.format.toUpperCase()}</p>
        </>
      )}
    </aside>
  );
}
