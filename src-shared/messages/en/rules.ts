// The shared rules' answers: a printer's network address, an account's key fields.
export const rules = {
  'rules.address.empty': 'Give the printer’s address, e.g. 10.0.0.7:9100.',
  'rules.address.webAddress':
    '"{{text}}" is a web address; give the printer’s host and port, e.g. 10.0.0.7:9100.',
  'rules.address.space': '"{{text}}" has a space in it; e.g. 10.0.0.7:9100.',
  'rules.address.badIpv6': '"{{text}}" is not a valid IPv6 address; write it as [fe80::1]:9100.',
  'rules.address.ipv6NeedsBrackets': 'Put an IPv6 address in brackets, e.g. [fe80::1]:9100.',
  'rules.address.noHost': '"{{text}}" has no host before the port; e.g. 10.0.0.7:9100.',
  'rules.address.badIp': '"{{host}}" is not a valid IP address; e.g. 10.0.0.7:9100.',
  'rules.address.badHost': '"{{host}}" is not a valid host name or IP address; e.g. 10.0.0.7:9100.',
  'rules.address.noPort':
    'Give a port after the colon; label printers usually listen on {{defaultPort}}.',
  'rules.address.badPort':
    '"{{port}}" is not a port: use a number from 1 to 65535 (label printers usually listen on {{defaultPort}}).',
  'rules.publicKey.empty': 'Enter the public key.',
  'rules.secretKey.empty': 'Enter the secret key.',
  'rules.key.space': 'A key has no spaces or line breaks: copy it again from Sendcloud.',
  'rules.key.tooLong': 'A key is at most {{max}} characters: copy it again from Sendcloud.',
} as const;
