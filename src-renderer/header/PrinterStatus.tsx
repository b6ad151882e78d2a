import { useMemo } from 'react';
import { useSpeaker } from '../i18n/messages';
import { labelPrinterFact, labelPrinterProblem } from '../state/printers';
import { useStation } from '../state/station';
import { PrinterPill } from '../screens/shared/pills';

/** The header's printer fact: the label printer by name with its live status. */
export function LabelPrinterFact() {
  const { t } = useSpeaker();
  const setup = useStation((s) => s.printers);
  const status = useStation((s) => s.status);
  const fact = useMemo(() => labelPrinterFact(setup, status), [setup, status]);
  return (
    <div className="fact">
      <dt>{t('header.printer')}</dt>
      <dd className="printer-fact">
        {fact.name && (
          <span className="fact-name" title={fact.name} data-testid="printer-name">
            {fact.name}
          </span>
        )}
        {/* Polite: a packer hears a change of state without losing their place. */}
        <span aria-live="polite">
          <PrinterPill summary={fact.summary} title={fact.message} testId="printer-status" />
        </span>
      </dd>
    </div>
  );
}

/**
 * The label printer cannot print: say what is wrong and what to do, and that nothing is lost —
 * labels wait in the outbox and each prints once when the printer is back.
 */
export function PrinterBanner() {
  const { t, say } = useSpeaker();
  const setup = useStation((s) => s.printers);
  const problem = useMemo(() => labelPrinterProblem(setup), [setup]);
  if (!problem) return null;
  const headline = say(problem.headline);
  return (
    <div
      className="banner printer-banner"
      role="alert"
      data-testid="printer-banner"
      data-kind={problem.kind}
    >
      <strong data-testid="printer-banner-headline">
        {t('header.banner.printer.title', { problem: headline })}
      </strong>
      <span>
        {problem.printer.name}. {say(problem.advice)}
      </span>
      <span className="banner-detail">{t('header.banner.printer.keepScanning')}</span>
    </div>
  );
}
