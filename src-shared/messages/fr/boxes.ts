import type { boxes as english } from '../en/boxes';
import type { Translation } from '../translation';

export const boxes: Translation<typeof english> = {
  'boxes.error.noWeight':
    'La commande {{order}} n’a pas de poids connu à répartir entre ses colis : indiquez le poids dans la boutique, puis scannez-la à nouveau.',
  'boxes.step.printing': 'Impression de l’étiquette {{nr}} sur {{count}}…',
  'boxes.step.printed': '{{labels}} étiquettes imprimées',
  'boxes.applied': 'La commande {{order}} part en {{boxes}} colis.',
  'boxes.next.title': 'Prochaine étiquette',
  'boxes.next.boxes': '{{boxes}} colis',
  'boxes.next.until': 'Jusqu’à ce que l’étiquette de la prochaine commande l’utilise.',
  'boxes.next.set': 'Colis (Alt+B)',
  'boxes.next.clear': 'Effacer',
  'boxes.next.field': 'Nombre de colis',
  'boxes.next.hint': 'Entrée pour valider, Échap pour fermer',
  'boxes.next.failed': 'Non défini : {{reason}}',
  'boxes.void.all':
    'Cette étiquette est le colis {{nr}} sur {{count}} : l’annuler annule les {{count}} étiquettes de l’envoi chez Sendcloud.',
  'boxes.row.box': 'Colis {{nr}}/{{count}}',
};
