import type { claims as english } from '../en/claims';
import type { Translation } from '../translation';

export const claims: Translation<typeof english> = {
  'claims.labellingAt': 'L’étiquette de cette commande est en cours au poste {{station}}.',
  'claims.labelledAt':
    'Cette commande a déjà son étiquette, faite au poste {{station}} (numéro de suivi {{tracking}}).',
  'claims.conflict.labelledTwice':
    'La commande {{order}} a été étiquetée ici ({{ours}}) pendant que la base de l’entrepôt était injoignable, et aussi au poste {{station}} ({{tracking}}) : annulez l’une des étiquettes.',
};
