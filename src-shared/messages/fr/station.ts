import type { station as english } from '../en/station';
import type { Translation } from '../translation';

export const station: Translation<typeof english> = {
  'station.queue.noJob': 'La tâche {{id}} n’existe pas.',
  'station.queue.nothingToRetry': 'Rien à relancer : cette tâche est en cours ou terminée.',
  'station.queue.cannotCancel': 'Impossible d’annuler cette tâche : elle est en cours ou terminée.',
  'station.queue.batchOnItsScreen': 'Un lot se met en pause ou s’annule sur l’écran Lots.',
  'station.merchant.needsAccount':
    'Un marchand décentralisé a besoin de son propre compte Sendcloud : ajoutez-le d’abord dans Comptes.',
  'station.merchant.taken': 'Un autre marchand a déjà ce nom ou ce préfixe de numéro de commande.',
  'station.billing.daysReversed': 'Le premier jour est après le dernier.',
  'station.demo.onlyInDemo': 'La simulation de pannes n’existe qu’en mode démo.',
  'station.demo.onlyVirtualPrinter':
    'Les pannes d’imprimante ne se simulent que sur l’imprimante virtuelle.',
  'station.label.notFound': 'Aucune étiquette avec le numéro de suivi {{tracking}}.',
  'station.label.notStored':
    'L’étiquette de {{tracking}} n’est pas gardée sur ce poste ; elle est récupérée chez Sendcloud pour l’impression.',
};
