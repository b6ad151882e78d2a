import type { station as english } from '../en/station';
import type { Translation } from '../translation';

export const station: Translation<typeof english> = {
  'station.queue.noJob': 'Taak {{id}} bestaat niet.',
  'station.queue.nothingToRetry': 'Niets om opnieuw te proberen: deze taak loopt al of is klaar.',
  'station.queue.cannotCancel':
    'Deze taak kan niet meer worden geannuleerd: hij loopt al of is klaar.',
  'station.queue.batchOnItsScreen': 'Een batch pauzeer of annuleer je op het scherm Batch.',
  'station.merchant.needsAccount':
    'Een decentrale verkoper heeft een eigen Sendcloud-account nodig: voeg dat eerst toe onder Accounts.',
  'station.merchant.taken':
    'Een andere verkoper heeft deze naam of dit begin van het ordernummer al.',
  'station.billing.daysReversed': 'De eerste dag ligt na de laatste.',
  'station.demo.onlyInDemo': 'Storingen nabootsen kan alleen in de demomodus.',
  'station.demo.onlyVirtualPrinter':
    'Printerstoringen kun je alleen op de virtuele printer nabootsen.',
  'station.label.notFound': 'Geen label met trackingcode {{tracking}}.',
  'station.label.notStored':
    'Het label van {{tracking}} staat niet op dit station; het wordt bij Sendcloud opgehaald om te printen.',
};
