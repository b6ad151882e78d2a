import { useId, useState } from 'react';
import type { PrinterView } from '../../../src-shared';
import type { Message } from '../../../src-shared/messages';
import { clockTime } from '../../i18n/format';
import { useSpeaker } from '../../i18n/messages';
import {
  documentLabel,
  documentsFor,
  dpis,
  fixedReason,
  parseDpi,
  positionLabel,
  reportedDpiDiffers,
  statusSummary,
  testPrintOutcome,
  transportLabel,
} from '../../state/printers';
import { useStation, type PrinterActionName } from '../../state/station';
import { ConfirmAction } from '../shared/ConfirmAction';
import { PrinterPill } from '../shared/pills';
import { blockTypeahead } from '../shared/selectKeys';

/** One printer: how it is reached, what it takes, how it is right now, and its buttons. */
export function PrinterRow({ printer }: { printer: PrinterView }) {
  const setup = useStation((s) => s.printers);
  const mode = useStation((s) => s.status?.mode ?? null);
  const action = useStation((s) => s.printerActions[printer.id]);
  const testPrinter = useStation((s) => s.testPrinter);
  const removePrinter = useStation((s) => s.removePrinter);
  const updatePrinter = useStation((s) => s.updatePrinter);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const { t, say, language } = useSpeaker();

  const summary = statusSummary(printer.status);
  const reported = reportedDpiDiffers(printer);
  const documents = setup ? documentsFor(setup, printer.id) : [];
  const pending = action?.kind === 'pending' ? action.action : null;
  const { status } = printer;

  const retry = (failed: PrinterActionName) => {
    if (failed === 'test') void testPrinter(printer.id);
    else if (failed === 'remove') setConfirming(true);
  };

  return (
    <li
      className={`printer-row printer-row-${summary.tone}`}
      data-testid="printer-row"
      data-printer-id={printer.id}
      data-tone={summary.tone}
      aria-labelledby={`${id}-name`}
    >
      <div className="printer-row-head">
        <strong id={`${id}-name`} className="printer-row-name" data-testid="printer-row-name">
          {printer.name}
        </strong>
        <PrinterPill summary={summary} title={status.message} testId="printer-row-status" />
      </div>
      <p className="printer-row-fact">
        {say(transportLabel(printer.transport))} · <span className="mono">{printer.address}</span>
      </p>
      <p className="printer-row-fact">
        {printer.language === 'zpl' ? 'ZPL' : 'PDF'} · {t('ui.printers.dpi', { dpi: printer.dpi })}
        {reported !== null && (
          <span className="printer-reported-dpi" data-testid="printer-reported-dpi">
            {' '}
            {t('ui.printers.row.reportedDpi', { dpi: reported })}
          </span>
        )}
        {printer.language === 'pdf' && (
          <>
            {' '}
            · {printer.paper}
            {printer.paper === 'A4' && (
              <>
                {' '}
                · {t('ui.printers.row.labelAt', { position: say(positionLabel(printer.position)) })}
              </>
            )}
          </>
        )}
      </p>
      {status.checkedAt !== null && summary.tone !== 'ready' && (
        <p className="printer-row-message" data-testid="printer-row-message">
          {say(status.message)}
        </p>
      )}
      {status.pending !== null && status.pending > 0 && (
        <p className="printer-row-fact">
          {t('ui.printers.row.pending', { count: status.pending })}
        </p>
      )}
      <p className="printer-row-fact muted">
        {documents.length > 0
          ? t('ui.printers.row.takes', { documents: documents.map(documentLabel) })
          : t('ui.printers.row.takesNothing')}{' '}
        {status.checkedAt &&
          t('ui.printers.row.checked', { time: clockTime(language, status.checkedAt) })}
      </p>

      {printer.fixed ? (
        <p className="printer-fixed muted" data-testid="printer-fixed">
          {say(fixedReason(mode))}
        </p>
      ) : (
        <div className="printer-edit">
          <label htmlFor={`${id}-dpi`}>{t('ui.printers.resolution')}</label>
          <select
            onKeyDown={blockTypeahead}
            id={`${id}-dpi`}
            value={String(printer.dpi)}
            aria-disabled={pending !== null}
            onChange={(e) =>
              pending === null && void updatePrinter(printer.id, { dpi: parseDpi(e.target.value) })
            }
            data-testid="printer-dpi"
          >
            {dpis.map((dpi) => (
              <option key={dpi} value={dpi}>
                {t('ui.printers.dpi', { dpi })}
              </option>
            ))}
          </select>
          {printer.language === 'pdf' && (
            <>
              <label htmlFor={`${id}-paper`}>{t('ui.printers.paper')}</label>
              <select
                onKeyDown={blockTypeahead}
                id={`${id}-paper`}
                value={printer.paper}
                onChange={(e) =>
                  pending === null &&
                  void updatePrinter(printer.id, { paper: e.target.value === 'A4' ? 'A4' : 'A6' })
                }
                data-testid="printer-paper"
              >
                <option value="A6">{t('ui.printers.paper.a6')}</option>
                <option value="A4">{t('ui.printers.paper.a4Quarter')}</option>
              </select>
              {printer.paper === 'A4' && (
                <>
                  <label htmlFor={`${id}-position`}>{t('ui.printers.row.position')}</label>
                  <select
                    onKeyDown={blockTypeahead}
                    id={`${id}-position`}
                    value={String(printer.position)}
                    onChange={(e) =>
                      pending === null &&
                      void updatePrinter(printer.id, { position: Number(e.target.value) })
                    }
                    data-testid="printer-position"
                  >
                    {([0, 1, 2, 3] as const).map((position) => (
                      <option key={position} value={position}>
                        {say(positionLabel(position))}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </>
          )}
        </div>
      )}

      {confirming ? (
        <ConfirmAction
          look="printer"
          label={t('ui.printers.remove.confirmLabel', { name: printer.name })}
          confirmText={t('ui.printers.remove.confirm')}
          confirmTestId="printer-remove-confirm"
          keepTestId="printer-remove-keep"
          onConfirm={() => {
            setConfirming(false);
            void removePrinter(printer.id);
          }}
          onKeep={() => setConfirming(false)}
        >
          {t('ui.printers.remove.question', { name: printer.name })}{' '}
          {documents.length > 0
            ? t('ui.printers.remove.routed', { documents: documents.map(documentLabel) })
            : t('ui.printers.remove.unrouted')}
        </ConfirmAction>
      ) : (
        <div className="printer-actions">
          <button
            type="button"
            className="button button-small"
            aria-disabled={pending !== null}
            aria-busy={pending === 'test'}
            onClick={() => pending === null && void testPrinter(printer.id)}
            data-testid="printer-test"
          >
            {pending === 'test' ? t('ui.printers.test.printing') : t('ui.printers.test.start')}
          </button>
          {!printer.fixed && (
            <button
              type="button"
              className="button button-small"
              aria-disabled={pending !== null}
              aria-busy={pending === 'remove'}
              onClick={() => pending === null && setConfirming(true)}
              data-testid="printer-remove"
            >
              {pending === 'remove' ? t('ui.common.removing') : t('ui.common.remove')}
            </button>
          )}
        </div>
      )}

      {action?.kind === 'tested' && <TestOutcome {...testPrintOutcome(action.result)} />}
      {action?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="printer-row-error">
          {t(`ui.printers.failed.${action.action}`, { reason: say(action.error) })}{' '}
          {action.action !== 'update' && (
            <button
              type="button"
              className="button button-small"
              onClick={() => retry(action.action)}
              data-testid="printer-row-retry"
            >
              {t('ui.common.tryAgain')}
            </button>
          )}
        </p>
      )}
    </li>
  );
}

function TestOutcome({ tone, text }: { tone: 'printed' | 'warning'; text: Message }) {
  const { t, say } = useSpeaker();
  return (
    <p
      className={`printer-test-result printer-test-${tone}`}
      role="status"
      data-testid="printer-test-result"
      data-tone={tone}
    >
      {t(tone === 'printed' ? 'ui.printers.test.printed' : 'ui.printers.test.printedBut', {
        detail: say(text),
      })}
    </p>
  );
}
