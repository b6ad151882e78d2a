import { useId, useState } from 'react';
import type { PrinterView } from '../../../src-shared';
import { clockTime } from '../../format';
import { PrinterStatusPill } from '../../header/PrinterStatus';
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
import { blockTypeahead } from '../shared/selectKeys';

const failedText: Record<PrinterActionName, string> = {
  test: 'The test print failed',
  remove: 'Could not remove the printer',
  update: 'Could not change the printer',
};

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
        <PrinterStatusPill summary={summary} title={status.message} testId="printer-row-status" />
      </div>
      <p className="printer-row-fact">
        {transportLabel[printer.transport]} · <span className="mono">{printer.address}</span>
      </p>
      <p className="printer-row-fact">
        {printer.language === 'zpl' ? 'ZPL' : 'PDF'} · {printer.dpi} dpi
        {reported !== null && (
          <span className="printer-reported-dpi" data-testid="printer-reported-dpi">
            {' '}
            (the printer reports {reported} dpi; labels are made for that)
          </span>
        )}
        {printer.language === 'pdf' && (
          <>
            {' '}
            · {printer.paper}
            {printer.paper === 'A4' && <> · label in the {positionLabel[printer.position]}</>}
          </>
        )}
      </p>
      {status.checkedAt !== null && summary.tone !== 'ready' && (
        <p className="printer-row-message" data-testid="printer-row-message">
          {status.message}
        </p>
      )}
      {status.pending !== null && status.pending > 0 && (
        <p className="printer-row-fact">
          {status.pending === 1
            ? '1 job is in the printer, not printed yet.'
            : `${status.pending} jobs are in the printer, not printed yet.`}
        </p>
      )}
      <p className="printer-row-fact muted">
        {documents.length > 0
          ? `Takes ${documents.map((document) => documentLabel[document]).join(', ')}.`
          : 'Takes no documents yet.'}{' '}
        {status.checkedAt && <>Checked {clockTime(status.checkedAt)}.</>}
      </p>

      {printer.fixed ? (
        <p className="printer-fixed muted" data-testid="printer-fixed">
          {fixedReason(mode)}
        </p>
      ) : (
        <div className="printer-edit">
          <label htmlFor={`${id}-dpi`}>Resolution</label>
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
                {dpi} dpi
              </option>
            ))}
          </select>
          {printer.language === 'pdf' && (
            <>
              <label htmlFor={`${id}-paper`}>Paper</label>
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
                <option value="A6">A6 label paper</option>
                <option value="A4">A4 sheets, one label a quarter</option>
              </select>
              {printer.paper === 'A4' && (
                <>
                  <label htmlFor={`${id}-position`}>Label in the</label>
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
                        {positionLabel[position]}
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
          label={`Confirm removing ${printer.name}`}
          confirmText="Remove printer"
          confirmTestId="printer-remove-confirm"
          keepTestId="printer-remove-keep"
          onConfirm={() => {
            setConfirming(false);
            void removePrinter(printer.id);
          }}
          onKeep={() => setConfirming(false)}
        >
          Remove {printer.name}?{' '}
          {documents.length > 0
            ? `It takes ${documents.map((document) => documentLabel[document]).join(', ')}: choose another printer for them below.`
            : 'Nothing is routed to it.'}
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
            {pending === 'test' ? 'Printing test page…' : 'Test print'}
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
              {pending === 'remove' ? 'Removing…' : 'Remove'}
            </button>
          )}
        </div>
      )}

      {action?.kind === 'tested' && <TestOutcome {...testPrintOutcome(action.result)} />}
      {action?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="printer-row-error">
          {failedText[action.action]}: {action.error.message}{' '}
          {action.action !== 'update' && (
            <button
              type="button"
              className="button button-small"
              onClick={() => retry(action.action)}
              data-testid="printer-row-retry"
            >
              Try again
            </button>
          )}
        </p>
      )}
    </li>
  );
}

function TestOutcome({ tone, text }: { tone: 'printed' | 'warning'; text: string }) {
  return (
    <p
      className={`printer-test-result printer-test-${tone}`}
      role="status"
      data-testid="printer-test-result"
      data-tone={tone}
    >
      {tone === 'printed' ? 'Printed. ' : 'Printed, but: '}
      {text}
    </p>
  );
}
