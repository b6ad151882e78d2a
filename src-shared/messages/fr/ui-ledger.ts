import type { uiLedger as english } from '../en/ui-ledger';
import type { Translation } from '../translation';

export const uiLedger: Translation<typeof english> = {
  'ui.ledger.station': 'Poste',
  'ui.ledger.allStations': 'Tous les postes',
  'ui.ledger.thisStation': '{{name}} (ce poste)',
  'ui.ledger.aloneShipments':
    'Travaille seul : ce sont les envois de ce poste uniquement. Les autres reviennent avec l’entrepôt.',
  'ui.ledger.aloneDay':
    'Travaille seul : c’est la journée de ce poste uniquement. Les autres postes reviennent avec l’entrepôt.',
  'ui.ledger.labelledAt':
    '{{order}} a été étiqueté au poste {{station}}. Réimprimez-le ou annulez-le à ce poste.',
};
