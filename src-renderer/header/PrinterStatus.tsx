import { useMemo } from 'react';
import { labelPrinterFact, labelPrinterProblem, type StatusSummary } from '../state/printers';
import { useStation } from '../state/station';

/** A printer's state in one coloured word or two; the tone is also a data attribute for tests. */
export function PrinterStatusPill({
  summary,
  title,
  testId,
}: {
  summary: StatusSummary;
  title?: string | null;
  testId?: string;
}) {
  return (
    <span
      className={`printer-pill printer-tone-${summary.tone}`}
      data-tone={summary.tone}
      data-testid={testId}
      title={title ?? undefined}
    >
      {summary.label}
    </span>
  );
}

/** The header's printer fact: the label printer by name with its live status. */
export function LabelPrinterFact() {
  const setup = useStation((s) => s.printers);
  const status = useStation((s) => s.status);
  const fact = useMemo(() => labelPrinterFact(setup, status), [setup, status]);
  return (
    <div className="fact">
      <dt>Label printer</dt>
      <dd className="printer-fact">
        {fact.name && <span data-testid="printer-name">{fact.name}</span>}
        {/* Polite: a packer hears a change of state without losing their place. */}
        <span aria-live="polite">
          <PrinterStatusPill summary={fact.summary} title={fact.message} testId="printer-status" />
        </span>
      </dd>
    </div>
  );
}

/** Opens the Printers panel. */
export function PrintersButton() {
  const open = useStation((s) => s.printersOpen);
  const openPrinters = useStation((s) => s.openPrinters);
  const closePrinters = useStation((s) => s.closePrinters);
  return (
    <button
      type="button"
      className="button"
      aria-expanded={open}
      aria-controls="printers-panel"
      onClick={() => (open ? closePrinters() : openPrinters())}
      data-testid="printers-toggle"
    >
      Printers
    </button>
  );
}

/**
 * The label printer cannot print: say what is wrong and what to do, and that nothing is lost —
 * labels wait in the outbox and each prints once when the printer is back.
 */
export function PrinterBanner() {
  const setup = useStation((s) => s.printers);
  const problem = useMemo(() => labelPrinterProblem(setup), [setup]);
  if (!problem) return null;
  return (
    <div
      className="printer-banner"
      role="alert"
      data-testid="printer-banner"
      data-kind={problem.kind}
    >
      <strong>
        Label printer: <span data-testid="printer-banner-headline">{problem.headline}</span>
      </strong>{' '}
      — {problem.printer.name}. {problem.advice}
      <span className="printer-banner-detail">
        Keep scanning: labels wait in the queue and print once this is fixed, each exactly once.
      </span>
    </div>
  );
}
