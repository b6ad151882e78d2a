import type { claims as english } from '../en/claims';
import type { Translation } from '../translation';

export const claims: Translation<typeof english> = {
  'claims.labellingAt': 'Deze order wordt gelabeld op station {{station}}.',
  'claims.labelledAt':
    'Deze order is al gelabeld op station {{station}} (trackingnummer {{tracking}}).',
  'claims.conflict.labelledTwice':
    'Order {{order}} is hier gelabeld ({{ours}}) terwijl de magazijndatabase onbereikbaar was, en ook op station {{station}} ({{tracking}}): annuleer een van de labels.',
};
