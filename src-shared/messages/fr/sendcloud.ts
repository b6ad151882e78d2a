import type { sendcloud as english } from '../en/sendcloud';
import type { Translation } from '../translation';

export const sendcloud: Translation<typeof english> = {
  'sendcloud.keysRefused':
    'Sendcloud refuse les clés API. Vérifiez la clé publique et la clé secrète.',
  'sendcloud.orderUnknown': 'Sendcloud ne connaît pas cette commande.',
  'sendcloud.orderUnknown.detail': 'Sendcloud ne connaît pas cette commande : {{detail}}.',
  'sendcloud.notFound': 'Sendcloud n’a pas trouvé ce qui était demandé.',
  'sendcloud.notFound.detail': 'Sendcloud n’a pas trouvé ce qui était demandé : {{detail}}.',
  'sendcloud.rateLimited': 'Sendcloud limite les requêtes de ce compte.',
  'sendcloud.timeout': 'Sendcloud n’a pas répondu à temps.',
  'sendcloud.unreachable': 'Sendcloud est injoignable. Vérifiez la connexion Internet.',
  'sendcloud.refused': 'Sendcloud a refusé la requête.',
  'sendcloud.refused.detail': 'Sendcloud a refusé la requête : {{detail}}.',
  'sendcloud.serverError': 'Erreur chez Sendcloud ({{status}}).',
  'sendcloud.serverError.detail': 'Erreur chez Sendcloud ({{status}}) : {{detail}}.',
  'sendcloud.noStatus': 'sans statut',
  'sendcloud.noIntegrations': 'Ce compte Sendcloud n’a aucune intégration.',
  'sendcloud.noIntegration': 'Sendcloud n’a pas d’intégration {{id}}.',
};
