import type { errors as english } from '../en/errors';
import type { Translation } from '../translation';

export const errors: Translation<typeof english> = {
  'error.invalidInput': 'Diese Eingabe geht nicht: {{detail}}',
  'error.internal': 'Im Packplatz ist etwas schiefgelaufen. Siehe Protokoll.',
};
