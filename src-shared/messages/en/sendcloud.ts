// What Sendcloud said, in a packer's words (its own detail is a parameter).
export const sendcloud = {
  'sendcloud.keysRefused': 'Sendcloud refused the API keys. Check the public and secret key.',
  'sendcloud.orderUnknown': 'Sendcloud does not know this order.',
  'sendcloud.orderUnknown.detail': 'Sendcloud does not know this order: {{detail}}.',
  'sendcloud.notFound': 'Sendcloud could not find what was asked for.',
  'sendcloud.notFound.detail': 'Sendcloud could not find what was asked for: {{detail}}.',
  'sendcloud.rateLimited': 'Sendcloud is limiting requests for this account.',
  'sendcloud.timeout': 'Sendcloud did not answer in time.',
  'sendcloud.unreachable': 'Sendcloud cannot be reached. Check the internet connection.',
  'sendcloud.refused': 'Sendcloud refused the request.',
  'sendcloud.refused.detail': 'Sendcloud refused the request: {{detail}}.',
  'sendcloud.serverError': 'Sendcloud had an error ({{status}}).',
  'sendcloud.serverError.detail': 'Sendcloud had an error ({{status}}): {{detail}}.',
  'sendcloud.noStatus': 'no status',
  'sendcloud.noIntegrations': 'This Sendcloud account has no integrations.',
  'sendcloud.noIntegration': 'Sendcloud has no integration {{id}}.',
} as const;
