import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DemoFaults, PrinterFault } from '../../src-shared';
import { builtInPrinter, demoPrinterFaults, faultLabel, statusSummary } from '../state/printers';
import { useStation } from '../state/station';
import { PrinterStatusPill } from './PrinterStatus';

const percent = (rate: number) => String(Math.round(rate * 100));
const rate = (value: string) => Math.min(100, Math.max(0, Number(value) || 0)) / 100;

/**
 * Switches for the virtual printer's faults. Each applies at once, as opening the printer's lid
 * would, and the live status next to them shows what the station now reads from the printer.
 */
function PrinterFaultSwitches() {
  const setup = useStation((s) => s.printers);
  const staging = useStation((s) => s.demoPrinterFaults);
  const stage = useStation((s) => s.setDemoPrinterFaults);
  const printer = builtInPrinter(setup);
  // While a change is on its way, show the switches as asked, not as last reported.
  const on: readonly PrinterFault[] =
    staging?.kind === 'pending' ? staging.faults : (printer?.status.faults ?? []);

  const toggle = (fault: PrinterFault, checked: boolean) => {
    const next = checked ? [...on, fault] : on.filter((f) => f !== fault);
    void stage(demoPrinterFaults.filter((f) => next.includes(f)));
  };

  return (
    <fieldset
      className="demo-printer-faults"
      data-testid="demo-printer-faults"
      aria-busy={staging?.kind === 'pending'}
    >
      <legend>Virtual printer{printer ? ` (${printer.name})` : ''} — switches apply at once</legend>
      {demoPrinterFaults.map((fault) => (
        <label key={fault} className="demo-choice">
          <input
            type="checkbox"
            checked={on.includes(fault)}
            onChange={(e) => toggle(fault, e.target.checked)}
            data-testid={`demo-printer-fault-${fault}`}
          />
          {faultLabel[fault]}
        </label>
      ))}
      <PrinterStatusPill
        summary={statusSummary(printer?.status ?? null)}
        title={printer?.status.message ?? null}
        testId="demo-printer-status"
      />
      {staging?.kind === 'failed' && (
        <p className="fact-error" role="alert" data-testid="demo-printer-faults-error">
          {staging.error.message}
        </p>
      )}
    </fieldset>
  );
}

/**
 * Demo mode's fault switches: make the embedded Sendcloud slow or failing on purpose, to see
 * (and train on) what the station does when the real one has a bad minute.
 */
export function DemoFaultsPanel({ onClose }: { onClose: () => void }) {
  const faults = useStation((s) => s.demoFaults);
  const error = useStation((s) => s.demoFaultsError);
  const load = useStation((s) => s.loadDemoFaults);
  const apply = useStation((s) => s.applyDemoFaults);
  const [draft, setDraft] = useState<Record<keyof DemoFaults, string> | null>(null);
  const id = useId();

  useEffect(() => {
    void load();
  }, [load]);
  const shown = draft ??
    (faults && {
      latencyMs: String(faults.latencyMs),
      errorRate: percent(faults.errorRate),
      errorStatus: String(faults.errorStatus),
      timeoutRate: percent(faults.timeoutRate),
      lostResponseRate: percent(faults.lostResponseRate),
    }) ?? {
      latencyMs: '0',
      errorRate: '0',
      errorStatus: '500',
      timeoutRate: '0',
      lostResponseRate: '0',
    };
  const edit = (key: keyof DemoFaults) => (value: string) => setDraft({ ...shown, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await apply({
      latencyMs: Math.min(60_000, Math.max(0, Math.round(Number(shown.latencyMs) || 0))),
      errorRate: rate(shown.errorRate),
      errorStatus: shown.errorStatus === '429' ? 429 : shown.errorStatus === '503' ? 503 : 500,
      timeoutRate: rate(shown.timeoutRate),
      lostResponseRate: rate(shown.lostResponseRate),
    });
    if (ok) {
      setDraft(null);
      onClose();
    }
  };

  const field = (key: keyof DemoFaults, label: string, unit: string) => (
    <label className="demo-field" htmlFor={`${id}-${key}`}>
      <span>{label}</span>
      <input
        id={`${id}-${key}`}
        type="number"
        min={0}
        max={key === 'latencyMs' ? 60000 : 100}
        value={shown[key]}
        onChange={(e) => edit(key)(e.target.value)}
        data-testid={`demo-${key}`}
      />
      <span className="muted">{unit}</span>
    </label>
  );

  return (
    <form
      className="demo-faults"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      data-testid="demo-faults"
      aria-label="Demo faults"
    >
      <p className="demo-faults-intro">
        Make the demo Sendcloud or printer misbehave, to see how the station copes.
      </p>
      {field('latencyMs', 'Delay every call by', 'ms')}
      <div className="demo-field">
        {field('errorRate', 'Fail calls', '%')}
        <select
          aria-label="Failure status"
          value={shown.errorStatus}
          onChange={(e) => edit('errorStatus')(e.target.value)}
          data-testid="demo-errorStatus"
        >
          <option value="500">with 500 (server error)</option>
          <option value="503">with 503 (unavailable)</option>
          <option value="429">with 429 (rate limited)</option>
        </select>
      </div>
      {field('timeoutRate', 'Never answer', '% of calls')}
      {field('lostResponseRate', 'Lose the answer after applying', '% of calls')}
      <PrinterFaultSwitches />
      {error && (
        <p className="fact-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="demo-faults-actions">
        <button type="submit" className="button" data-testid="demo-apply">
          Apply
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
