import type { sharedSettings as english } from '../en/shared-settings';
import type { Translation } from '../translation';

export const sharedSettings: Translation<typeof english> = {
  'account.state.keysElsewhere':
    'Configuré sur un autre poste de l’entrepôt : ses clés y restent. Saisissez-les ici pour expédier avec ce compte sur ce poste.',
};
