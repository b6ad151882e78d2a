import type { errors as english } from '../en/errors';
import type { Translation } from '../translation';

export const errors: Translation<typeof english> = {
  'error.invalidInput': 'Cette saisie n’est pas valable : {{detail}}',
  'error.internal': 'Un problème est survenu dans le poste. Voir le journal.',
};
