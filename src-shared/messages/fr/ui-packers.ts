import type { uiPackers as english } from '../en/ui-packers';
import type { Translation } from '../translation';

export const uiPackers: Translation<typeof english> = {
  'ui.packers.signIn.title': 'Connexion au poste {{station}}',
  'ui.packers.signIn.scanBadge': 'Scannez votre badge pour vous connecter.',
  'ui.packers.signIn.orPick': 'Ou choisissez votre nom et tapez votre code :',
  'ui.packers.signIn.pinFor': 'Code de {{name}}',
  'ui.packers.signIn.backspace': 'Effacer un chiffre',
  'ui.packers.signIn.back': 'Retour aux noms',
  'ui.packers.signIn.locked':
    'Trop de codes erronés : la connexion par code est bloquée une minute. Le badge fonctionne toujours.',
  'ui.packers.header.signedIn': 'Connecté·e',
  'ui.packers.header.lock': 'Verrouiller',
  'ui.packers.role.packer': 'Préparateur',
  'ui.packers.role.supervisor': 'Superviseur',
  'ui.packers.roleOf': 'Rôle de {{name}}',
  'ui.packers.title': 'Préparateurs',
  'ui.packers.intro':
    'Les préparateurs se connectent en scannant leur badge, ou avec leur nom et un code à 4 chiffres. Les superviseurs modifient aussi les réglages, imprimantes, comptes et préparateurs. Sans préparateurs, personne n’a besoin de se connecter.',
  'ui.packers.printBadges': 'Imprimer les badges (PDF)',
  'ui.packers.empty':
    'Pas encore de préparateurs : tout le monde à ce poste peut scanner et modifier les réglages.',
  'ui.packers.column.name': 'Nom',
  'ui.packers.column.role': 'Rôle',
  'ui.packers.column.badge': 'Badge',
  'ui.packers.column.pin': 'Code',
  'ui.packers.newPin': 'Nouveau code pour {{name}}',
  'ui.packers.newPinPlaceholder': '4 chiffres',
  'ui.packers.changePin': 'Changer le code',
  'ui.packers.remove': 'Supprimer',
  'ui.packers.removeConfirm': 'Supprimer {{name}}',
  'ui.packers.keep': 'Garder',
  'ui.packers.add.title': 'Ajouter un préparateur',
  'ui.packers.add.submit': 'Ajouter',
  'ui.packers.idle.label': 'Verrouiller après ce nombre de minutes d’inactivité',
  'ui.packers.idle.hint': '0 : ne jamais verrouiller tout seul.',
  'ui.packers.idle.save': 'Enregistrer',
};
