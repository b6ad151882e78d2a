import type { uiLedger as english } from '../en/ui-ledger';
import type { Translation } from '../translation';

export const uiLedger: Translation<typeof english> = {
  'ui.ledger.station': 'Station',
  'ui.ledger.allStations': 'Alle Stationen',
  'ui.ledger.thisStation': '{{name}} (diese Station)',
  'ui.ledger.aloneShipments':
    'Arbeitet allein: Das sind nur die Sendungen dieser Station. Die anderen kommen mit dem Lager zurück.',
  'ui.ledger.aloneDay':
    'Arbeitet allein: Das ist nur der Tag dieser Station. Die anderen Stationen kommen mit dem Lager zurück.',
  'ui.ledger.labelledAt':
    '{{order}} wurde an {{station}} etikettiert. Nachdrucken oder stornieren Sie es an dieser Station.',
};
