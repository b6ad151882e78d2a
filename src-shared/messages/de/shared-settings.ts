import type { sharedSettings as english } from '../en/shared-settings';
import type { Translation } from '../translation';

export const sharedSettings: Translation<typeof english> = {
  'account.state.keysElsewhere':
    'An einer anderen Station des Lagers eingerichtet: Ihre Schlüssel bleiben dort. Geben Sie sie hier ein, um auch an dieser Station damit zu versenden.',
};
