import type { errors as english } from '../en/errors';
import type { Translation } from '../translation';

export const errors: Translation<typeof english> = {
  'error.invalidInput': 'Cette saisie n’est pas valable : {{detail}}',
  'error.input.scanEmpty': 'Le scan est vide.',
  'error.input.scanTooLong': 'Le scan est plus long que tout numéro de commande ou de suivi.',
  'error.input.scanCharacters': 'Le scan contient des caractères qu’aucun code-barres ne porte.',
  'error.input.printerName': 'Donnez un nom à l’imprimante.',
  'error.input.packerName': 'Donnez un nom au préparateur.',
  'error.input.pin': 'Un code PIN a quatre chiffres.',
  'error.input.badge': 'Un code de badge a de 4 à 40 lettres, chiffres ou signes, sans espace.',
  'error.input.printerAddress': 'Indiquez l’adresse de l’imprimante.',
  'error.input.accountName': 'Donnez un nom au compte.',
  'error.input.merchantName': 'Donnez un nom au marchand.',
  'error.input.merchantPrefix': 'Indiquez le préfixe des numéros de commande de ce marchand.',
  'error.input.merchantPrefixCharacters':
    'Un préfixe de numéro de commande ne contient que des lettres, des chiffres et des signes simples.',
  'error.input.date': 'Une date comme 2026-11-21.',
  'error.internal': 'Un problème est survenu dans le poste. Voir le journal.',
  'error.unknownCommand': 'Le poste ne connaît pas la commande {{command}}.',
  'error.forbidden': 'Cette fenêtre n’a pas le droit d’utiliser le poste.',
  'error.notJson': 'Le contenu de la requête n’est pas du JSON.',
  'error.orderNotFound':
    'Aucune commande ouverte ne correspond à « {{code}} ». Vérifiez le numéro de commande ou synchronisez les commandes.',
  'error.orderNotCached': 'La commande {{order}} n’est pas dans la liste locale.',
};
