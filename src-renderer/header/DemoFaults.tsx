import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DemoFaults, PrinterFault } from '../../src-shared';
import { useSpeaker } from '../i18n/messages';
import { builtInPrinter, demoPrinterFaults, faultLabel, statusSummary } from '../state/printers';
import { useStation } from '../state/station';
import { PrinterPill } from '../screens/shared/pills';

const percent = (rate: number) => String(Math.round(rate * 100));
const rate = (value: string) => Math.min(100, Math.max(0, Number(value) || 0)) / 100;

/**
 * Switches for the virtual printer's faults. Each applies at once, as opening the printer's lid
 * would, and the live status next to them shows what the station now reads from the printer.
 */
function PrinterFaultSwitches() {
  const { t, say } = useSpeaker();
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
      <legend>{t('header.demo.printer', { name: printer?.name ?? '' })}</legend>
      {demoPrinterFaults.map((fault) => (
        <label key={fault} className="demo-choice">
          <input
            type="checkbox"
            checked={on.includes(fault)}
            onChange={(e) => toggle(fault, e.target.checked)}
            data-testid={`demo-printer-fault-${fault}`}
          />
          {say(faultLabel[fault])}
        </label>
      ))}
      <PrinterPill
        summary={statusSummary(printer?.status ?? null)}
        title={printer?.status.message ?? null}
        testId="demo-printer-status"
      />
      {staging?.kind === 'failed' && (
        <p className="fact-error" role="alert" data-testid="demo-printer-faults-error">
          {say(staging.error)}
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
  const { t, say } = useSpeaker();
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
      aria-label={t('header.demo.title')}
    >
      <p className="demo-faults-intro">{t('header.demo.intro')}</p>
      {field('latencyMs', t('header.demo.latency'), t('header.demo.ms'))}
      <div className="demo-field">
        {field('errorRate', t('header.demo.errorRate'), t('header.demo.percent'))}
        <select
          aria-label={t('header.demo.errorStatus')}
          value={shown.errorStatus}
          onChange={(e) => edit('errorStatus')(e.target.value)}
          data-testid="demo-errorStatus"
        >
          <option value="500">{t('header.demo.status500')}</option>
          <option value="503">{t('header.demo.status503')}</option>
          <option value="429">{t('header.demo.status429')}</option>
        </select>
      </div>
      {field('timeoutRate', t('header.demo.timeoutRate'), t('header.demo.percentOfCalls'))}
      {field(
        'lostResponseRate',
        t('header.demo.lostResponseRate'),
        t('header.demo.percentOfCalls'),
      )}
      <PrinterFaultSwitches />
      {error && (
        <p className="fact-error" role="alert">
          {say(error)}
        </p>
      )}
      <div className="demo-faults-actions">
        <button type="submit" className="button" data-testid="demo-apply">
          {t('header.demo.apply')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('header.demo.close')}
        </button>
      </div>
    </form>
  );
}
