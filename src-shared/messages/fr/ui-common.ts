import type { uiCommon as english } from '../en/ui-common';
import type { Translation } from '../translation';

export const uiCommon: Translation<typeof english> = {
  'ui.common.add': 'Ajouter',
  'ui.common.adding': 'Ajout…',
  'ui.common.cancel': 'Annuler',
  'ui.common.close': 'Fermer',
  'ui.common.edit': 'Modifier',
  'ui.common.keepIt': 'Garder',
  'ui.common.name': 'Nom',
  'ui.common.notAdded': 'Pas ajouté : {{reason}}',
  'ui.common.notSaved': 'Pas enregistré : {{reason}}',
  'ui.common.remove': 'Supprimer',
  'ui.common.removing': 'Suppression…',
  'ui.common.save': 'Enregistrer',
  'ui.common.saving': 'Enregistrement…',
  'ui.common.tryAgain': 'Réessayer',
  'ui.common.hostOffline': 'Le poste ne répond pas.',
  'ui.common.hostRefused':
    'Le poste refuse cette page : son cookie de session manque ou a expiré. Ouvrez l’adresse affichée par le poste au démarrage.',
  'ui.common.hostUnreadable': 'Le poste a envoyé une réponse que cette page ne sait pas lire.',
};
