import type { outbox as english } from '../en/outbox';
import type { Translation } from '../translation';

export const outbox: Translation<typeof english> = {
  'job.invalidTransition': 'Une tâche à l’état {{state}} ne peut pas faire : {{event}}.',
  'job.cancelled': 'Annulé par un préparateur.',
  'job.recovered':
    'Le poste s’est arrêté pendant cette tâche ; il vérifie auprès de Sendcloud avant de réessayer.',
  'job.held': 'Retenu pour l’impression groupée.',
  'job.internal': 'Le poste a rencontré une erreur sur cette tâche. Réessayez ou annulez-la.',
  'job.error.internal': 'Le poste a rencontré une erreur sur cette tâche.',
  'job.waiting.offline':
    'Sendcloud est injoignable : en file d’attente, l’étiquette sortira dès le retour de la connexion.',
  'job.waiting.printer': 'En attente de l’imprimante : {{problem}}',
  'job.waiting.keysRefused': 'Sendcloud refuse les clés API : en attente d’une reconnexion.',
  'job.waiting.accountKeys':
    'Sendcloud refuse les clés de {{account}} : en attente d’une reconnexion (Comptes).',
  'job.waiting.slowDown': 'Sendcloud demande de ralentir : nouvel essai dans un instant.',
  'job.waiting.sendcloudTrouble': 'Sendcloud a des soucis : nouvel essai dans un instant.',
  'job.waiting.syncFailed': 'Échec de la synchronisation des commandes : {{problem}}',
  'job.labellingElsewhere':
    'La commande {{order}} reçoit déjà une étiquette par un autre scan ; annulez celui-ci.',
  'job.error.labellingElsewhere': 'Un autre scan crée déjà l’étiquette de cette commande.',
  'job.labelMissing':
    'L’étiquette de cette tâche manque ; annulez-la et scannez à nouveau la commande.',
  'job.error.labelMissing': 'L’étiquette de cette tâche manque.',
  'job.stale': 'L’étiquette de {{order}} attend depuis {{minutes}} min. L’imprimer maintenant ?',
  'job.error.stale': 'Scanné il y a {{minutes}} min.',
  'job.noPrinter':
    'Aucune imprimante d’étiquettes configurée : ajoutez-en une dans Imprimantes ; l’étiquette attend.',
  'job.error.noPrinter': 'Aucune imprimante d’étiquettes configurée.',
};
