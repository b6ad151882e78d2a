import type { uiPackers as english } from '../en/ui-packers';
import type { Translation } from '../translation';

export const uiPackers: Translation<typeof english> = {
  'ui.packers.signIn.title': 'Anmelden an {{station}}',
  'ui.packers.signIn.scanBadge': 'Zum Anmelden den Ausweis scannen.',
  'ui.packers.signIn.orPick': 'Oder Namen wählen und PIN eingeben:',
  'ui.packers.signIn.pinFor': 'PIN von {{name}}',
  'ui.packers.signIn.backspace': 'Ziffer löschen',
  'ui.packers.signIn.back': 'Zurück zu den Namen',
  'ui.packers.signIn.locked':
    'Zu oft eine falsche PIN: Die PIN-Anmeldung ist eine Minute gesperrt. Mit dem Ausweis geht es weiter.',
  'ui.packers.header.signedIn': 'Angemeldet',
  'ui.packers.header.lock': 'Sperren',
  'ui.packers.role.packer': 'Packer',
  'ui.packers.role.supervisor': 'Schichtleiter',
  'ui.packers.roleOf': 'Rolle von {{name}}',
  'ui.packers.title': 'Packer',
  'ui.packers.intro':
    'Packer melden sich mit ihrem Ausweis an, oder mit Namen und einer vierstelligen PIN. Schichtleiter ändern außerdem Einstellungen, Drucker, Konten und Packer. Ohne Packer muss sich niemand anmelden.',
  'ui.packers.printBadges': 'Ausweise drucken (PDF)',
  'ui.packers.empty':
    'Noch keine Packer: Jeder an diesem Packplatz kann scannen und Einstellungen ändern.',
  'ui.packers.column.name': 'Name',
  'ui.packers.column.role': 'Rolle',
  'ui.packers.column.badge': 'Ausweis',
  'ui.packers.column.pin': 'PIN',
  'ui.packers.newPin': 'Neue PIN für {{name}}',
  'ui.packers.newPinPlaceholder': '4 Ziffern',
  'ui.packers.changePin': 'PIN ändern',
  'ui.packers.remove': 'Entfernen',
  'ui.packers.removeConfirm': '{{name}} entfernen',
  'ui.packers.keep': 'Behalten',
  'ui.packers.add.title': 'Packer hinzufügen',
  'ui.packers.add.submit': 'Hinzufügen',
  'ui.packers.idle.label': 'Sperren nach so vielen Minuten ohne Eingabe',
  'ui.packers.idle.hint': '0: nie von selbst sperren.',
  'ui.packers.idle.save': 'Speichern',
};
