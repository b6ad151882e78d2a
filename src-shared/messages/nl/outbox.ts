import type { outbox as english } from '../en/outbox';
import type { Translation } from '../translation';

export const outbox: Translation<typeof english> = {
  'job.invalidTransition': 'Een taak in de status {{state}} kan niet: {{event}}.',
  'job.cancelled': 'Geannuleerd door een inpakker.',
  'job.recovered':
    'Het station stopte tijdens deze taak; het kijkt eerst bij Sendcloud voordat het opnieuw probeert.',
  'job.held': 'Vastgehouden voor de batchprint.',
  'job.internal': 'Het station liep vast op deze taak. Probeer opnieuw of annuleer de taak.',
  'job.error.internal': 'Het station liep vast op deze taak.',
  'job.waiting.offline':
    'Sendcloud is niet bereikbaar: in de wachtrij, het label komt zodra de verbinding terug is.',
  'job.waiting.printer': 'Wacht op de printer: {{problem}}',
  'job.waiting.keysRefused': 'Sendcloud weigert de API-sleutels: wacht op opnieuw verbinden.',
  'job.waiting.accountKeys':
    'Sendcloud weigert de sleutels van {{account}}: wacht op opnieuw verbinden (Accounts).',
  'job.waiting.slowDown': 'Sendcloud vraagt om rustiger aan te doen: zo meteen opnieuw.',
  'job.waiting.sendcloudTrouble': 'Sendcloud heeft problemen: zo meteen opnieuw.',
  'job.waiting.syncFailed': 'Orders synchroniseren mislukt: {{problem}}',
  'job.labellingElsewhere':
    'Order {{order}} krijgt al een label via een andere scan; annuleer deze.',
  'job.error.labellingElsewhere': 'Een andere scan maakt al het label voor deze order.',
  'job.labelMissing':
    'Het label van deze taak ontbreekt; annuleer de taak en scan de order opnieuw.',
  'job.error.labelMissing': 'Het label van deze taak ontbreekt.',
  'job.stale': 'Label voor {{order}} wacht al {{minutes}} min. Nu printen?',
  'job.error.stale': '{{minutes}} min geleden gescand.',
  'job.noPrinter':
    'Er is geen labelprinter ingesteld: voeg er een toe onder Printers; het label wacht.',
  'job.error.noPrinter': 'Er is geen labelprinter ingesteld.',
};
