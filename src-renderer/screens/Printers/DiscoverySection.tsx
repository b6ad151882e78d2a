import { useId, useMemo, useState } from 'react';
import type { DiscoveredPrinter } from '../../../src-shared';
import {
  discoveredInput,
  dpis,
  groupDiscovered,
  parseDpi,
  transportLabel,
  type Dpi,
} from '../../state/printers';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { blockTypeahead } from '../shared/selectKeys';

/** Find printers on USB and in the OS print queues, and add one with a click. */
export function DiscoverySection() {
  const discovery = useStation((s) => s.discovery);
  const discover = useStation((s) => s.discoverPrinters);
  const id = useId();
  const { t, say } = useSpeaker();
  const running = discovery?.kind === 'running';
  const groups = useMemo(
    () => (discovery?.kind === 'done' ? groupDiscovered(discovery.result) : []),
    [discovery],
  );

  return (
    <section
      className="printers-section discovery"
      aria-labelledby={`${id}-title`}
      aria-busy={running}
      data-testid="discovery"
    >
      <h3 id={`${id}-title`}>{t('ui.printers.find.title')}</h3>
      <div className="printer-actions">
        <button
          type="button"
          className="button button-small"
          aria-disabled={running}
          aria-busy={running}
          onClick={() => !running && void discover()}
          data-testid="printers-discover"
        >
          {t(
            running
              ? 'ui.printers.find.searching'
              : discovery
                ? 'ui.printers.find.again'
                : 'ui.printers.find.start',
          )}
        </button>
      </div>
      {running && (
        <p className="discovery-progress" role="status" data-testid="discovery-progress">
          <span className="spinner" aria-hidden="true" /> {t('ui.printers.find.progress')}
        </p>
      )}
      {discovery?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="discovery-error">
          {t('ui.printers.find.failed', { reason: say(discovery.error) })}{' '}
          <button type="button" className="button button-small" onClick={() => void discover()}>
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}
      {discovery?.kind === 'done' && (
        <div data-testid="discovery-results" role="status">
          {groups.length === 0 && <p className="muted">{t('ui.printers.find.none')}</p>}
          {groups.map((group) => (
            <div key={group.transport} className="discovery-group">
              <h4>
                {say(group.title)} <span className="muted">({group.printers.length})</span>
              </h4>
              <ul className="discovery-list">
                {group.printers.map((printer) => (
                  <DiscoveredRow key={printer.address} printer={printer} />
                ))}
              </ul>
            </div>
          ))}
          {discovery.result.notes.length > 0 && (
            <ul className="discovery-notes muted" data-testid="discovery-notes">
              {discovery.result.notes.map((note, index) => (
                <li key={index}>{say(note)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function DiscoveredRow({ printer }: { printer: DiscoveredPrinter }) {
  const adding = useStation((s) => s.printerAdds[printer.address]);
  const addPrinter = useStation((s) => s.addPrinter);
  const [dpi, setDpi] = useState<Dpi>(203);
  const [paper, setPaper] = useState<'A6' | 'A4'>('A6');
  const id = useId();
  const pending = adding?.kind === 'pending';
  const { t, say } = useSpeaker();

  return (
    <li
      className="discovered-row"
      data-testid="discovered-printer"
      data-address={printer.address}
      aria-labelledby={`${id}-name`}
    >
      <div className="printer-row-head">
        <strong id={`${id}-name`}>{printer.name}</strong>
        <span className="muted">
          {say(transportLabel(printer.transport))} · {printer.language === 'zpl' ? 'ZPL' : 'PDF'}
        </span>
      </div>
      <p className="printer-row-fact">{printer.detail.map((fact) => say(fact)).join(', ')}</p>
      <p className="printer-row-fact mono">{printer.address}</p>
      {printer.problem && (
        <p className="discovered-problem" data-testid="discovered-problem">
          {say(printer.problem)}
        </p>
      )}
      {printer.added ? (
        <p className="printers-note" data-testid="discovered-added">
          {t('ui.printers.find.added')}
        </p>
      ) : (
        <div className="printer-edit">
          <label htmlFor={`${id}-dpi`}>{t('ui.printers.resolution')}</label>
          <select
            onKeyDown={blockTypeahead}
            id={`${id}-dpi`}
            value={String(dpi)}
            onChange={(e) => setDpi(parseDpi(e.target.value))}
            data-testid="discovered-dpi"
          >
            {dpis.map((value) => (
              <option key={value} value={value}>
                {t('ui.printers.dpi', { dpi: value })}
              </option>
            ))}
          </select>
          {printer.language === 'pdf' && (
            <>
              <label htmlFor={`${id}-paper`}>{t('ui.printers.paper')}</label>
              <select
                onKeyDown={blockTypeahead}
                id={`${id}-paper`}
                value={paper}
                onChange={(e) => setPaper(e.target.value === 'A4' ? 'A4' : 'A6')}
                data-testid="discovered-paper"
              >
                <option value="A6">{t('ui.printers.paper.a6')}</option>
                <option value="A4">{t('ui.printers.paper.a4')}</option>
              </select>
            </>
          )}
          <button
            type="button"
            className="button button-small"
            aria-disabled={pending}
            aria-busy={pending}
            aria-label={t('ui.printers.find.addNamed', { name: printer.name })}
            onClick={() =>
              !pending && void addPrinter(discoveredInput(printer, { dpi, paper }), printer.address)
            }
            data-testid="discovered-add"
          >
            {pending ? t('ui.common.adding') : t('ui.common.add')}
          </button>
        </div>
      )}
      {adding?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="discovered-error">
          {t('ui.printers.notAdded', { reason: say(adding.error) })}{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              void addPrinter(discoveredInput(printer, { dpi, paper }), printer.address)
            }
          >
            {t('ui.common.tryAgain')}
          </button>
        </p>
      )}
    </li>
  );
}
