import type { scan as english } from '../en/scan';
import type { Translation } from '../translation';

export const scan: Translation<typeof english> = {
  'scan.step.lookingUp': 'Scan wird gesucht',
  'scan.step.askingSendcloud': 'Bestellung wird bei Sendcloud abgefragt',
  'scan.step.creatingLabel': 'Etikett wird bei Sendcloud erstellt',
  'scan.step.checkingEarlierTry':
    'Prüfe bei Sendcloud, ob ein früherer Versuch schon ein Etikett erstellt hat',
  'scan.step.printing': 'Druckt auf {{printer}}',
  'scan.step.queued': 'In der Warteschlange',
  'scan.step.waitingGoAhead': 'Wartet auf Freigabe',
  'scan.step.failed': 'Fehlgeschlagen',
  'scan.step.printed': 'Gedruckt',
  'scan.step.reprinted': 'Erneut gedruckt',
  'scan.step.cancelled': 'Storniert',
  'scan.printer.unnamed': 'den Etikettendrucker',
  'scan.waiting.offline':
    'Sendcloud ist nicht erreichbar: in der Warteschlange, das Etikett kommt, sobald die Verbindung zurück ist.',
  'scan.waiting.behindEarlier': 'In der Warteschlange hinter früheren Scans.',
  'scan.waiting.accountUnusable':
    '{{account}} erreicht Sendcloud nicht: {{reason}} Das Etikett wartet.',
  'scan.waiting.reconnectIt': 'Bitte neu verbinden.',
  'scan.waiting.accountUnnamed': 'Das Konto',
  'scan.error.cancelled': 'In der Warteschlange storniert: Es wurde nichts gedruckt.',
  'scan.error.alreadyLabelled':
    'Bestellung {{order}} hat schon ein Etikett ({{tracking}}). Sendungsnummer scannen, um es erneut zu drucken.',
  'scan.command.boxes': 'Die nächste Bestellung geht in {{boxes}} Kartons.',
  'scan.command.option': 'Das nächste Etikett geht mit {{option}}.',
  'scan.command.cleared':
    'Zurückgesetzt: Das nächste Etikett geht nach seinen Regeln, in einem Karton.',
  'scan.command.badBoxes': 'Keine Kartonanzahl: PD:BOXES: und 1 bis {{max}} scannen.',
  'scan.command.badOption':
    'Keine Versandoption: PD:OPTION: und einen Code wie postnl:standard scannen.',
  'scan.command.unknown': '{{code}} ist kein Packdesk-Befehlsbarcode.',
};
