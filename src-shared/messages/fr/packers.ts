import type { packers as english } from '../en/packers';
import type { Translation } from '../translation';

export const packers: Translation<typeof english> = {
  'packers.signedIn': '{{name}} est connecté·e.',
  'packers.signInFirst':
    'Connectez-vous d’abord : scannez votre badge, ou choisissez votre nom et tapez votre code.',
  'packers.supervisorOnly':
    'Seul un superviseur peut faire ceci. Demandez à un superviseur de se connecter.',
  'packers.badge.removed':
    'Ce badge appartient à un préparateur supprimé : il ne permet plus de se connecter.',
  'packers.pin.refused_one':
    'Code erroné. Encore {{count}} essai avant le blocage de la connexion par code.',
  'packers.pin.refused_many':
    'Code erroné. Encore {{count}} essais avant le blocage de la connexion par code.',
  'packers.pin.refused_other':
    'Code erroné. Encore {{count}} essais avant le blocage de la connexion par code.',
  'packers.pin.locked':
    'Trop de codes erronés : la connexion par code est bloquée une minute. Scannez votre badge, ou patientez.',
  'packers.needsSupervisor':
    'Un poste avec des préparateurs a besoin d’au moins un superviseur, sinon personne ne peut le gérer.',
  'packers.unknown': 'Ce préparateur n’est pas (plus) enregistré sur ce poste.',
  'packers.nameTaken': 'Un autre préparateur s’appelle déjà {{name}}.',
  'packers.badgeTaken': 'Le code de badge {{badge}} est déjà utilisé.',
};
