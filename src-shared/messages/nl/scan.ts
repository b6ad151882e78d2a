import type { scan as english } from '../en/scan';
import type { Translation } from '../translation';

export const scan: Translation<typeof english> = {
  'scan.step.lookingUp': 'Scan opzoeken',
  'scan.step.askingSendcloud': 'Order opvragen bij Sendcloud',
  'scan.step.creatingLabel': 'Label aanmaken bij Sendcloud',
  'scan.step.checkingEarlierTry': 'Bij Sendcloud kijken of een eerdere poging al een label maakte',
  'scan.step.printing': 'Printen op {{printer}}',
  'scan.step.queued': 'In de wachtrij',
  'scan.step.waitingGoAhead': 'Wacht op akkoord',
  'scan.step.failed': 'Mislukt',
  'scan.step.printed': 'Geprint',
  'scan.step.reprinted': 'Opnieuw geprint',
  'scan.step.cancelled': 'Geannuleerd',
  'scan.printer.unnamed': 'de labelprinter',
  'scan.waiting.offline':
    'Sendcloud is niet bereikbaar: in de wachtrij, het label komt zodra de verbinding terug is.',
  'scan.waiting.behindEarlier': 'In de wachtrij achter eerdere scans.',
  'scan.waiting.accountUnusable':
    '{{account}} kan Sendcloud niet bereiken: {{reason}} Het label wacht.',
  'scan.waiting.reconnectIt': 'Verbind het opnieuw.',
  'scan.waiting.accountUnnamed': 'Het account',
  'scan.error.cancelled': 'Geannuleerd vanuit de wachtrij: er is niets geprint.',
  'scan.error.alreadyLabelled':
    'Order {{order}} heeft al een label ({{tracking}}). Scan de trackingcode om opnieuw te printen.',
  'scan.command.boxes': 'De volgende bestelling gaat in {{boxes}} dozen.',
  'scan.command.option': 'Het volgende label gaat met {{option}}.',
  'scan.command.cleared': 'Gewist: het volgende label gaat volgens de regels, in één doos.',
  'scan.command.badBoxes': 'Geen aantal dozen: scan PD:BOXES: en 1 tot {{max}}.',
  'scan.command.badOption': 'Geen verzendoptie: scan PD:OPTION: en een code zoals postnl:standard.',
  'scan.command.unknown': '{{code}} is geen Packdesk-opdrachtbarcode.',
};
