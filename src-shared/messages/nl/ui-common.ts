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
  'ui.common.hostOffline': 'Het station reageert niet.',
  'ui.common.hostRefused':
    'Het station weigert deze pagina: de sessiecookie ontbreekt of is verlopen. Open het adres dat het station bij het starten toonde.',
  'ui.common.hostUnreadable': 'Het station stuurde een antwoord dat deze pagina niet kan lezen.',
};
