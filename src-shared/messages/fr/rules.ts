import type { rules as english } from '../en/rules';
import type { Translation } from '../translation';

export const rules: Translation<typeof english> = {
  'rules.address.empty': 'Saisissez l’adresse de l’imprimante, par ex. 10.0.0.7:9100.',
  'rules.address.webAddress':
    '« {{text}} » est une adresse web ; saisissez l’hôte et le port de l’imprimante, par ex. 10.0.0.7:9100.',
  'rules.address.space': '« {{text}} » contient un espace ; par ex. 10.0.0.7:9100.',
  'rules.address.badIpv6':
    '« {{text}} » n’est pas une adresse IPv6 valide ; écrivez-la ainsi : [fe80::1]:9100.',
  'rules.address.ipv6NeedsBrackets':
    'Mettez l’adresse IPv6 entre crochets, par ex. [fe80::1]:9100.',
  'rules.address.noHost': '« {{text}} » n’a pas d’hôte avant le port ; par ex. 10.0.0.7:9100.',
  'rules.address.badIp': '« {{host}} » n’est pas une adresse IP valide ; par ex. 10.0.0.7:9100.',
  'rules.address.badHost':
    '« {{host}} » n’est ni un nom d’hôte ni une adresse IP valide ; par ex. 10.0.0.7:9100.',
  'rules.address.noPort':
    'Indiquez un port après les deux-points ; les imprimantes d’étiquettes écoutent souvent sur {{defaultPort}}.',
  'rules.address.badPort':
    '« {{port}} » n’est pas un port : indiquez un nombre de 1 à 65535 (les imprimantes d’étiquettes écoutent souvent sur {{defaultPort}}).',
  'rules.publicKey.empty': 'Saisissez la clé publique.',
  'rules.secretKey.empty': 'Saisissez la clé secrète.',
  'rules.key.space':
    'Une clé ne contient ni espace ni retour à la ligne : recopiez-la depuis Sendcloud.',
  'rules.key.tooLong': 'Une clé fait au plus {{max}} caractères : recopiez-la depuis Sendcloud.',
};
