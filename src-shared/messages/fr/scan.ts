import type { scan as english } from '../en/scan';
import type { Translation } from '../translation';

export const scan: Translation<typeof english> = {
  'scan.step.lookingUp': 'Recherche du code scanné',
  'scan.step.askingSendcloud': 'Recherche de la commande chez Sendcloud',
  'scan.step.creatingLabel': 'Création de l’étiquette chez Sendcloud',
  'scan.step.checkingEarlierTry':
    'Vérification chez Sendcloud d’une étiquette créée par un essai précédent',
  'scan.step.printing': 'Impression sur {{printer}}',
  'scan.step.queued': 'En file d’attente',
  'scan.step.waitingGoAhead': 'En attente de validation',
  'scan.step.failed': 'Échec',
  'scan.step.printed': 'Imprimée',
  'scan.step.reprinted': 'Réimprimée',
  'scan.step.cancelled': 'Annulée',
  'scan.printer.unnamed': 'l’imprimante d’étiquettes',
  'scan.waiting.offline':
    'Sendcloud est injoignable : en file d’attente, l’étiquette sortira dès le retour de la connexion.',
  'scan.waiting.behindEarlier': 'En file d’attente derrière des scans précédents.',
  'scan.waiting.accountUnusable':
    '{{account}} ne peut pas joindre Sendcloud : {{reason}} L’étiquette attend.',
  'scan.waiting.reconnectIt': 'Reconnectez-le.',
  'scan.waiting.accountUnnamed': 'Son compte',
  'scan.error.cancelled': 'Annulée depuis la file d’attente : rien n’a été imprimé.',
  'scan.error.alreadyLabelled':
    'La commande {{order}} a déjà une étiquette ({{tracking}}). Scannez le numéro de suivi pour la réimprimer.',
  'scan.command.boxes': 'La prochaine commande part en {{boxes}} colis.',
  'scan.command.option': 'La prochaine étiquette part avec {{option}}.',
  'scan.command.cleared': 'Effacé : la prochaine étiquette part selon ses règles, en un colis.',
  'scan.command.badBoxes': 'Pas un nombre de colis : scannez PD:BOXES: et 1 à {{max}}.',
  'scan.command.badOption':
    'Pas une option d’expédition : scannez PD:OPTION: et un code comme postnl:standard.',
  'scan.command.unknown': '{{code}} n’est pas un code-barres de commande Packdesk.',
};
