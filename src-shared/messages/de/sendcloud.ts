import type { sendcloud as english } from '../en/sendcloud';
import type { Translation } from '../translation';

export const sendcloud: Translation<typeof english> = {
  'sendcloud.keysRefused':
    'Sendcloud lehnt die API-Schlüssel ab. Prüfe den öffentlichen und den geheimen Schlüssel.',
  'sendcloud.orderUnknown': 'Sendcloud kennt diesen Auftrag nicht.',
  'sendcloud.orderUnknown.detail': 'Sendcloud kennt diesen Auftrag nicht: {{detail}}.',
  'sendcloud.notFound': 'Sendcloud hat das Gesuchte nicht gefunden.',
  'sendcloud.notFound.detail': 'Sendcloud hat das Gesuchte nicht gefunden: {{detail}}.',
  'sendcloud.rateLimited': 'Sendcloud bremst die Anfragen dieses Kontos.',
  'sendcloud.timeout': 'Sendcloud hat nicht rechtzeitig geantwortet.',
  'sendcloud.unreachable': 'Sendcloud ist nicht erreichbar. Prüfe die Internetverbindung.',
  'sendcloud.refused': 'Sendcloud hat die Anfrage abgelehnt.',
  'sendcloud.refused.detail': 'Sendcloud hat die Anfrage abgelehnt: {{detail}}.',
  'sendcloud.serverError': 'Fehler bei Sendcloud ({{status}}).',
  'sendcloud.serverError.detail': 'Fehler bei Sendcloud ({{status}}): {{detail}}.',
  'sendcloud.noStatus': 'kein Status',
  'sendcloud.noIntegrations': 'Dieses Sendcloud-Konto hat keine Integrationen.',
  'sendcloud.noIntegration': 'Sendcloud hat keine Integration {{id}}.',
};
