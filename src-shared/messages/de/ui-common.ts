import type { uiCommon as english } from '../en/ui-common';
import type { Translation } from '../translation';

export const uiCommon: Translation<typeof english> = {
  'ui.common.add': 'Hinzufügen',
  'ui.common.adding': 'Wird hinzugefügt…',
  'ui.common.cancel': 'Abbrechen',
  'ui.common.close': 'Schließen',
  'ui.common.edit': 'Bearbeiten',
  'ui.common.keepIt': 'Behalten',
  'ui.common.name': 'Name',
  'ui.common.notAdded': 'Nicht hinzugefügt: {{reason}}',
  'ui.common.notSaved': 'Nicht gespeichert: {{reason}}',
  'ui.common.remove': 'Entfernen',
  'ui.common.removing': 'Wird entfernt…',
  'ui.common.save': 'Speichern',
  'ui.common.saving': 'Wird gespeichert…',
  'ui.common.tryAgain': 'Nochmal versuchen',
  'ui.common.hostOffline': 'Die Station antwortet nicht.',
  'ui.common.hostRefused':
    'Die Station lehnt diese Seite ab: das Sitzungs-Cookie fehlt oder ist veraltet. Die Adresse öffnen, die die Station beim Start angezeigt hat.',
  'ui.common.hostUnreadable':
    'Die Station hat eine Antwort geschickt, die diese Seite nicht lesen kann.',
};
