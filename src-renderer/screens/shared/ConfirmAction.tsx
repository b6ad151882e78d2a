import { useEffect, useRef, type ReactNode } from 'react';
import { useSpeaker } from '../../i18n/messages';

// The Accounts rows wear the printer rows' look.
const classNames = {
  printer: { box: 'printer-confirm', actions: 'printer-actions' },
  queue: { box: 'queue-confirm', actions: 'queue-actions' },
} as const;

/**
 * The question before a remove or cancel that cannot be undone: a danger button that does it and
 * "Keep it". Shown in place of the row's buttons while the packer makes up their mind.
 */
export function ConfirmAction({
  look,
  label,
  children,
  confirmText,
  confirmTestId,
  keepTestId,
  onConfirm,
  onKeep,
}: {
  look: keyof typeof classNames;
  label: string;
  children: ReactNode;
  confirmText: string;
  confirmTestId: string;
  keepTestId: string;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const keepRef = useRef<HTMLButtonElement>(null);
  const { t } = useSpeaker();

  // The safe answer gets the focus, so a stray Enter (or a scan's) cannot remove or cancel.
  useEffect(() => {
    keepRef.current?.focus();
  }, []);

  return (
    <div className={classNames[look].box} role="group" aria-label={label}>
      <p>{children}</p>
      <div className={classNames[look].actions}>
        <button
          type="button"
          className="button button-small button-danger"
          onClick={onConfirm}
          data-testid={confirmTestId}
        >
          {confirmText}
        </button>
        <button
          ref={keepRef}
          type="button"
          className="button button-small"
          onClick={onKeep}
          data-testid={keepTestId}
        >
          {t('ui.common.keepIt')}
        </button>
      </div>
    </div>
  );
}
