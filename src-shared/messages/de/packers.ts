import type { packers as english } from '../en/packers';
import type { Translation } from '../translation';

export const packers: Translation<typeof english> = {
  'packers.signedIn': '{{name}} ist angemeldet.',
  'packers.signInFirst':
    'Bitte zuerst anmelden: Ausweis scannen oder Namen wählen und PIN eingeben.',
  'packers.supervisorOnly':
    'Das darf nur ein Schichtleiter. Bitte einen Schichtleiter anmelden lassen.',
  'packers.badge.removed':
    'Dieser Ausweis gehört zu einem entfernten Packer und meldet nicht mehr an.',
  'packers.pin.refused_one':
    'Falsche PIN. Noch {{count}} Versuch, dann wird die PIN-Anmeldung gesperrt.',
  'packers.pin.refused_other':
    'Falsche PIN. Noch {{count}} Versuche, dann wird die PIN-Anmeldung gesperrt.',
  'packers.pin.locked':
    'Zu oft eine falsche PIN: Die PIN-Anmeldung ist für eine Minute gesperrt. Ausweis scannen oder kurz warten.',
  'packers.needsSupervisor':
    'Ein Packplatz mit Packern braucht mindestens einen Schichtleiter, sonst kann ihn niemand verwalten.',
  'packers.unknown': 'Dieser Packer ist an diesem Packplatz nicht (mehr) eingerichtet.',
  'packers.nameTaken': 'Es gibt schon einen Packer mit dem Namen {{name}}.',
  'packers.badgeTaken': 'Der Ausweiscode {{badge}} wird schon verwendet.',
};
