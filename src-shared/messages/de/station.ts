import type { station as english } from '../en/station';
import type { Translation } from '../translation';

export const station: Translation<typeof english> = {
  'station.queue.noJob': 'Vorgang {{id}} gibt es nicht.',
  'station.queue.nothingToRetry':
    'Nichts zu wiederholen: Dieser Vorgang läuft schon oder ist erledigt.',
  'station.queue.cannotCancel':
    'Dieser Vorgang lässt sich nicht mehr abbrechen: Er läuft schon oder ist erledigt.',
  'station.queue.batchOnItsScreen':
    'Ein Stapel wird auf dem Bildschirm Stapel pausiert oder abgebrochen.',
  'station.merchant.needsAccount':
    'Ein dezentraler Händler braucht ein eigenes Sendcloud-Konto: Zuerst unter Konten hinzufügen.',
  'station.merchant.taken':
    'Ein anderer Händler hat diesen Namen oder dieses Bestellnummer-Präfix schon.',
  'station.billing.daysReversed': 'Der erste Tag liegt nach dem letzten.',
  'station.demo.onlyInDemo': 'Störungen lassen sich nur im Demo-Modus simulieren.',
  'station.demo.onlyVirtualPrinter':
    'Druckerstörungen lassen sich nur am virtuellen Drucker simulieren.',
  'station.label.notFound': 'Kein Etikett mit Sendungsnummer {{tracking}}.',
  'station.label.notStored':
    'Das Etikett von {{tracking}} liegt nicht auf dieser Station; es wird zum Drucken bei Sendcloud abgeholt.',
};
