import type { rules as english } from '../en/rules';
import type { Translation } from '../translation';

export const rules: Translation<typeof english> = {
  'rules.address.empty': 'Vul het adres van de printer in, bijv. 10.0.0.7:9100.',
  'rules.address.webAddress':
    '"{{text}}" is een webadres; vul host en poort van de printer in, bijv. 10.0.0.7:9100.',
  'rules.address.space': '"{{text}}" bevat een spatie; bijv. 10.0.0.7:9100.',
  'rules.address.badIpv6': '"{{text}}" is geen geldig IPv6-adres; schrijf het als [fe80::1]:9100.',
  'rules.address.ipv6NeedsBrackets': 'Zet een IPv6-adres tussen haken, bijv. [fe80::1]:9100.',
  'rules.address.noHost': '"{{text}}" heeft geen host vóór de poort; bijv. 10.0.0.7:9100.',
  'rules.address.badIp': '"{{host}}" is geen geldig IP-adres; bijv. 10.0.0.7:9100.',
  'rules.address.badHost': '"{{host}}" is geen geldige hostnaam of IP-adres; bijv. 10.0.0.7:9100.',
  'rules.address.noPort':
    'Vul na de dubbele punt een poort in; labelprinters luisteren meestal op {{defaultPort}}.',
  'rules.address.badPort':
    '"{{port}}" is geen poort: gebruik een getal van 1 tot 65535 (labelprinters luisteren meestal op {{defaultPort}}).',
  'rules.publicKey.empty': 'Vul de publieke sleutel in.',
  'rules.secretKey.empty': 'Vul de geheime sleutel in.',
  'rules.key.space':
    'Een sleutel heeft geen spaties of regeleinden: kopieer hem opnieuw uit Sendcloud.',
  'rules.key.tooLong': 'Een sleutel is hooguit {{max}} tekens: kopieer hem opnieuw uit Sendcloud.',
};
