import { useId } from 'react';
import type { PrinterDocument, PrinterSetup } from '../../../src-shared';
import { documentLabel, routeChoices, unroutedText } from '../../state/printers';
import { useStation } from '../../state/station';
import { blockTypeahead } from '../shared/selectKeys';

const documents: readonly PrinterDocument[] = ['zpl-label', 'pdf-label', 'a4-document'];

const hint: Record<PrinterDocument, string> = {
  'zpl-label': 'Only ZPL printers.',
  'pdf-label': 'Any printer; a ZPL printer gets the label as a picture.',
  'a4-document': 'Only PDF printers.',
};

/** Which printer takes which document: one choice per document, only printers that can. */
export function RoutesSection({ setup }: { setup: PrinterSetup }) {
  const actions = useStation((s) => s.routeActions);
  const route = useStation((s) => s.routeDocument);
  const id = useId();

  return (
    <section className="printers-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Which printer takes which document</h3>
      {documents.map((document) => {
        const action = actions[document];
        const choices = routeChoices(setup, document);
        // While a change is on its way, show the choice made rather than jump back.
        const chosen = action?.kind === 'pending' ? action.printerId : setup.routes[document];
        return (
          <div key={document} className="route-row">
            <label htmlFor={`${id}-${document}`}>{documentLabel[document]}</label>
            <select
              onKeyDown={blockTypeahead}
              id={`${id}-${document}`}
              value={chosen ?? ''}
              aria-describedby={`${id}-${document}-hint`}
              aria-busy={action?.kind === 'pending'}
              onChange={(e) => void route(document, e.target.value || null)}
              data-testid={`route-${document}`}
            >
              <option value="">{unroutedText(setup, document)}</option>
              {choices.map((printer) => (
                <option key={printer.id} value={printer.id}>
                  {printer.name}
                </option>
              ))}
            </select>
            <span id={`${id}-${document}-hint`} className="route-hint muted">
              {action?.kind === 'pending' ? 'Saving…' : hint[document]}
            </span>
            {action?.kind === 'failed' && (
              <p className="inline-error" role="alert" data-testid={`route-${document}-error`}>
                Not changed: {action.error.message}{' '}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void route(document, action.printerId)}
                >
                  Try again
                </button>
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
