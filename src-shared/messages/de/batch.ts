import type { batch as english } from '../en/batch';
import type { Translation } from '../translation';

export const batch: Translation<typeof english> = {
  'batch.order.notFound': 'Sendcloud kennt diese Bestellung (nicht mehr).',
  'batch.order.houseNumber':
    'Der Adresse fehlt die Hausnummer: in Sendcloud ergänzen, dann erneut versuchen.',
  'batch.order.weight': 'Das Paket ist zu schwer für die Versandoption: {{detail}}',
  'batch.order.address':
    'Die Lieferadresse ist unvollständig: in Sendcloud korrigieren, dann erneut versuchen.',
  'batch.order.option': 'Die Versandoption passt nicht zu dieser Bestellung: {{detail}}',
  'batch.order.servicePoint':
    'Der Paketshop ist geschlossen oder unbekannt ({{detail}}): Scannen Sie die Bestellung einzeln, um einen anderen zu wählen.',
  'batch.order.carrier': 'Der Versanddienstleister hat das Paket abgelehnt: {{detail}}',
  'batch.order.refused': 'Sendcloud hat die Bestellung abgelehnt: {{detail}}',
  'batch.waiting.accountKeys':
    'Sendcloud hat die Schlüssel des Kontos abgelehnt: der Stapel wartet, bis das Konto neu verbunden ist.',
  'batch.step.waitingForLabels_one': 'Sendcloud erstellt {{count}} Etikett.',
  'batch.step.waitingForLabels_other': 'Sendcloud erstellt {{count}} Etiketten.',
  'batch.paused': 'Pausiert: geht beim Fortsetzen dort weiter, wo er stand.',
  'batch.event.made': 'In einem Stapel erstellt.',
  'batch.event.printed': 'In einem Stapel gedruckt.',
  'batch.event.reprinted': 'Mit seinem Stapel erneut gedruckt.',
  'batch.scan.inBatch':
    'Bestellung {{order}} ist in einem laufenden Stapel: ihr Etikett kommt mit dem Stapel.',
  'batch.scan.labelled': 'Bestellung {{order}} hat schon ein Etikett: siehe Sendungen.',
  'batch.scan.unknown': 'Keine offene Bestellung {{code}} an dieser Station.',
  'batch.start.skipped.labelled': 'Hat inzwischen ein Etikett.',
  'batch.start.skipped.inBatch': 'Ist in einem anderen Stapel.',
  'batch.start.skipped.gone': 'Ist keine offene Bestellung dieser Station mehr.',
  'batch.error.notFound': 'Diese Station kennt keinen Stapel {{id}}.',
  'batch.error.orderNotInBatch': 'Bestellung {{order}} ist nicht in diesem Stapel.',
  'batch.error.notFailed':
    'Nur eine abgelehnte Bestellung kann erneut versucht oder ausgelassen werden.',
  'batch.error.running': 'Der Stapel läuft noch: warten, bis er fertig ist.',
  'batch.error.nothingPrinted': 'Von diesem Stapel wurde noch kein Etikett gedruckt.',
  'batch.error.noPrinter': 'Kein Etikettendrucker eingerichtet: unter Drucker hinzufügen.',
  'batch.error.finished': 'Der Stapel ist fertig: nichts mehr zu pausieren oder abzubrechen.',
};
