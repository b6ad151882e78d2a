import type { shipments as english } from '../en/shipments';
import type { Translation } from '../translation';

export const shipments: Translation<typeof english> = {
  'shipments.notFound': 'Ce poste ne connaît pas d’envoi {{parcel}}.',
  'shipments.label.voided':
    'L’étiquette {{tracking}} est annulée : elle ne peut pas être réimprimée.',
  'shipments.range.reversed': 'Le premier jour est après le dernier.',
  'shipments.reprint.damaged': 'Étiquette abîmée : réimprimée sur {{printer}}.',
  'shipments.reprint.lost': 'Étiquette perdue : réimprimée sur {{printer}}.',
  'shipments.reprint.wrongPrinter':
    'Partie sur la mauvaise imprimante : réimprimée sur {{printer}}.',
  'shipments.reprint.other': 'Réimprimée sur {{printer}}.',
  'shipments.reprint.otherNote': '{{note}} : réimprimée sur {{printer}}.',
};
