import type { sharedSettings as english } from '../en/shared-settings';
import type { Translation } from '../translation';

export const sharedSettings: Translation<typeof english> = {
  'account.state.keysElsewhere':
    'Ingesteld op een ander station van het magazijn: de sleutels blijven daar. Voer ze hier in om er ook op dit station mee te verzenden.',
};
