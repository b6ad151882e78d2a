import { useId } from 'react';
import type { PrinterDocument, PrinterSetup } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { documentLabel, printerDocuments, routeChoices, unroutedText } from '../../state/printers';
import { useStation } from '../../state/station';
import { blockTypeahead } from '../shared/selectKeys';

/** Which printer takes which document: one choice per document, only printers that can. */
export function RoutesSection({ setup }: { setup: PrinterSetup }) {
  const actions = useStation((s) => s.routeActions);
  const route = useStation((s) => s.routeDocument);
  const id = useId();
  const { t, say } = useSpeaker();

  return (
    <section className="printers-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('ui.printers.route.title')}</h3>
      {printerDocuments.map((document: PrinterDocument) => {
        const action = actions[document];
        const choices = routeChoices(setup, document);
        // While a change is on its way, show the choice made rather than jump back.
        const chosen = action?.kind === 'pending' ? action.printerId : setup.routes[document];
        return (
          <div key={document} className="route-row">
            <label htmlFor={`${id}-${document}`}>{say(documentLabel(document))}</label>
            <select
              onKeyDown={blockTypeahead}
              id={`${id}-${document}`}
              value={chosen ?? ''}
              aria-describedby={`${id}-${document}-hint`}
              aria-busy={action?.kind === 'pending'}
              onChange={(e) => void route(document, e.target.value || null)}
              data-testid={`route-${document}`}
            >
              <option value="">{say(unroutedText(setup, document))}</option>
              {choices.map((printer) => (
                <option key={printer.id} value={printer.id}>
                  {printer.name}
                </option>
              ))}
            </select>
            <span id={`${id}-${document}-hint`} className="route-hint muted">
              {action?.kind === 'pending'
                ? t('ui.common.saving')
                : t(`ui.printers.route.hint.${document}`)}
            </span>
            {action?.kind === 'failed' && (
              <p className="inline-error" role="alert" data-testid={`route-${document}-error`}>
                {t('ui.printers.route.failed', { reason: say(action.error) })}{' '}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void route(document, action.printerId)}
                >
                  {t('ui.common.tryAgain')}
                </button>
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
