import type { uiCommon as english } from '../en/ui-common';
import type { Translation } from '../translation';

export const uiCommon: Translation<typeof english> = {
  'ui.common.add': 'Toevoegen',
  'ui.common.adding': 'Bezig met toevoegen…',
  'ui.common.cancel': 'Annuleren',
  'ui.common.close': 'Sluiten',
  'ui.common.edit': 'Wijzigen',
  'ui.common.keepIt': 'Laten staan',
  'ui.common.name': 'Naam',
  'ui.common.notAdded': 'Niet toegevoegd: {{reason}}',
  'ui.common.notSaved': 'Niet opgeslagen: {{reason}}',
  'ui.common.remove': 'Verwijderen',
  'ui.common.removing': 'Bezig met verwijderen…',
  'ui.common.save': 'Opslaan',
  'ui.common.saving': 'Bezig met opslaan…',
  'ui.common.tryAgain': 'Opnieuw proberen',
};
