import type { uiLedger as english } from '../en/ui-ledger';
import type { Translation } from '../translation';

export const uiLedger: Translation<typeof english> = {
  'ui.ledger.station': 'Station',
  'ui.ledger.allStations': 'Alle stations',
  'ui.ledger.thisStation': '{{name}} (deze station)',
  'ui.ledger.aloneShipments':
    'Werkt alleen: dit zijn alleen de zendingen van deze station. De andere komen terug met het magazijn.',
  'ui.ledger.aloneDay':
    'Werkt alleen: dit is alleen de dag van deze station. De andere stations komen terug met het magazijn.',
  'ui.ledger.labelledAt':
    '{{order}} is gelabeld op {{station}}. Druk het daar opnieuw af of annuleer het daar.',
};
