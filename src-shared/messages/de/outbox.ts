import type { outbox as english } from '../en/outbox';
import type { Translation } from '../translation';

export const outbox: Translation<typeof english> = {
  'job.invalidTransition': 'Ein Auftrag im Zustand {{state}} kann nicht: {{event}}.',
  'job.cancelled': 'Von einem Packer abgebrochen.',
  'job.recovered':
    'Der Packplatz wurde während dieses Auftrags beendet; er fragt erst bei Sendcloud nach, bevor er es erneut versucht.',
  'job.held': 'Für den Sammeldruck zurückgehalten.',
  'job.internal':
    'Der Packplatz ist bei diesem Auftrag auf einen Fehler gestoßen. Erneut versuchen oder abbrechen.',
  'job.error.internal': 'Der Packplatz ist bei diesem Auftrag auf einen Fehler gestoßen.',
  'job.waiting.offline':
    'Sendcloud ist nicht erreichbar: in der Warteschlange, das Etikett kommt, sobald die Verbindung wieder da ist.',
  'job.waiting.printer': 'Wartet auf den Drucker: {{problem}}',
  'job.waiting.keysRefused': 'Sendcloud lehnt die API-Schlüssel ab: wartet auf neue Verbindung.',
  'job.waiting.accountKeys':
    'Sendcloud lehnt die Schlüssel von {{account}} ab: wartet auf neue Verbindung (Konten).',
  'job.waiting.slowDown': 'Sendcloud bittet um weniger Anfragen: gleich neuer Versuch.',
  'job.waiting.sendcloudTrouble': 'Sendcloud hat Probleme: gleich neuer Versuch.',
  'job.waiting.syncFailed': 'Aufträge abgleichen fehlgeschlagen: {{problem}}',
  'job.labellingElsewhere':
    'Auftrag {{order}} bekommt schon über einen anderen Scan ein Etikett; brich diesen ab.',
  'job.error.labellingElsewhere': 'Ein anderer Scan erstellt schon das Etikett für diesen Auftrag.',
  'job.labelMissing': 'Das Etikett dieses Auftrags fehlt; brich ihn ab und scanne den Auftrag neu.',
  'job.error.labelMissing': 'Das Etikett dieses Auftrags fehlt.',
  'job.stale': 'Etikett für {{order}} wartet seit {{minutes}} Min. Jetzt drucken?',
  'job.error.stale': 'Vor {{minutes}} Min. gescannt.',
  'job.noPrinter':
    'Kein Etikettendrucker eingerichtet: füge unter Drucker einen hinzu; das Etikett wartet.',
  'job.error.noPrinter': 'Kein Etikettendrucker eingerichtet.',
};
