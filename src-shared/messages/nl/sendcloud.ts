import type { sendcloud as english } from '../en/sendcloud';
import type { Translation } from '../translation';

export const sendcloud: Translation<typeof english> = {
  'sendcloud.keysRefused':
    'Sendcloud weigert de API-sleutels. Controleer de publieke en de geheime sleutel.',
  'sendcloud.orderUnknown': 'Sendcloud kent deze order niet.',
  'sendcloud.orderUnknown.detail': 'Sendcloud kent deze order niet: {{detail}}.',
  'sendcloud.notFound': 'Sendcloud kon het gevraagde niet vinden.',
  'sendcloud.notFound.detail': 'Sendcloud kon het gevraagde niet vinden: {{detail}}.',
  'sendcloud.rateLimited': 'Sendcloud remt de verzoeken van dit account af.',
  'sendcloud.timeout': 'Sendcloud antwoordde niet op tijd.',
  'sendcloud.unreachable': 'Sendcloud is niet bereikbaar. Controleer de internetverbinding.',
  'sendcloud.refused': 'Sendcloud weigerde het verzoek.',
  'sendcloud.refused.detail': 'Sendcloud weigerde het verzoek: {{detail}}.',
  'sendcloud.serverError': 'Fout bij Sendcloud ({{status}}).',
  'sendcloud.serverError.detail': 'Fout bij Sendcloud ({{status}}): {{detail}}.',
  'sendcloud.noStatus': 'geen status',
  'sendcloud.noIntegrations': 'Dit Sendcloud-account heeft geen koppelingen.',
  'sendcloud.noIntegration': 'Sendcloud heeft geen koppeling {{id}}.',
};
