import type { errors as english } from '../en/errors';
import type { Translation } from '../translation';

export const errors: Translation<typeof english> = {
  'error.invalidInput': 'Deze invoer kan niet worden gebruikt: {{detail}}',
  'error.internal': 'Er ging iets mis in het station. Kijk in het logboek.',
};
