import type { rules as english } from '../en/rules';
import type { Translation } from '../translation';

export const rules: Translation<typeof english> = {
  'rules.address.empty': 'Adresse des Druckers eingeben, z. B. 10.0.0.7:9100.',
  'rules.address.webAddress':
    '„{{text}}“ ist eine Webadresse; Host und Port des Druckers eingeben, z. B. 10.0.0.7:9100.',
  'rules.address.space': '„{{text}}“ enthält ein Leerzeichen; z. B. 10.0.0.7:9100.',
  'rules.address.badIpv6':
    '„{{text}}“ ist keine gültige IPv6-Adresse; so schreiben: [fe80::1]:9100.',
  'rules.address.ipv6NeedsBrackets':
    'IPv6-Adresse in eckige Klammern setzen, z. B. [fe80::1]:9100.',
  'rules.address.noHost': '„{{text}}“ hat keinen Host vor dem Port; z. B. 10.0.0.7:9100.',
  'rules.address.badIp': '„{{host}}“ ist keine gültige IP-Adresse; z. B. 10.0.0.7:9100.',
  'rules.address.badHost':
    '„{{host}}“ ist weder ein gültiger Hostname noch eine IP-Adresse; z. B. 10.0.0.7:9100.',
  'rules.address.noPort':
    'Nach dem Doppelpunkt einen Port angeben; Etikettendrucker hören meist auf {{defaultPort}}.',
  'rules.address.badPort':
    '„{{port}}“ ist kein Port: eine Zahl von 1 bis 65535 angeben (Etikettendrucker hören meist auf {{defaultPort}}).',
  'rules.publicKey.empty': 'Öffentlichen Schlüssel eingeben.',
  'rules.secretKey.empty': 'Geheimen Schlüssel eingeben.',
  'rules.key.space':
    'Ein Schlüssel hat keine Leerzeichen oder Zeilenumbrüche: noch einmal aus Sendcloud kopieren.',
  'rules.key.tooLong':
    'Ein Schlüssel hat höchstens {{max}} Zeichen: noch einmal aus Sendcloud kopieren.',
};
