import type { day as english } from '../en/day';
import type { Translation } from '../translation';

export const day: Translation<typeof english> = {
  'day.exception.needsAttention': 'Cette étiquette est bloquée ; quelqu’un doit décider.',
  'day.exception.stale': 'Cette étiquette a longtemps attendu et demande avant d’imprimer.',
  'day.exception.failed': 'Ce scan a échoué.',
  'day.exception.voided': 'L’étiquette a été annulée.',
  'day.exception.reprinted': 'L’étiquette a été réimprimée.',
  'day.handover.noParcels': 'Aucun colis {{carrier}} à remettre le {{day}}.',
  'day.handover.noA4Printer':
    'Aucune imprimante pour les documents A4 : choisissez-en une dans Imprimantes, ou enregistrez la liste.',
  'day.handover.pdf.title': 'Bordereau de remise {{carrier}} {{day}}',
  'day.handover.pdf.heading': 'Bordereau de remise : {{carrier}}',
  'day.handover.pdf.day': 'Jour : {{day}}',
  'day.handover.pdf.station': 'Poste : {{station}}',
  'day.handover.pdf.parcels_one': '{{count}} colis',
  'day.handover.pdf.parcels_many': '{{count}} colis',
  'day.handover.pdf.parcels_other': '{{count}} colis',
  'day.handover.pdf.page': 'Page {{page}} sur {{pages}}',
  'day.handover.pdf.received_one': '{{count}} colis reçu en bon état.',
  'day.handover.pdf.received_many': '{{count}} colis reçus en bon état.',
  'day.handover.pdf.received_other': '{{count}} colis reçus en bon état.',
  'day.handover.pdf.driver': 'Nom du chauffeur',
  'day.handover.pdf.signature': 'Signature du chauffeur et heure',
};
