// The rules for what a person types, shared by the forms (checked as they type, explained next to
// the field) and the contract's schemas (checked again in main, whatever sent the command). Pure
// and zod-free. A rule answers with a message key and its params, never with English: the
// renderer says it in the packer's language.

/** What a rule found wrong: a message key (`rules.*`) and the params its text names. */
export interface RuleProblem<Key extends string = RuleProblemKey> {
  key: Key;
  params: { readonly [name: string]: string | number };
}

const problem = <Key extends string>(
  key: Key,
  params: RuleProblem<Key>['params'] = {},
): RuleProblem<Key> => ({ key, params });

// ---------------------------------------------------------------------------------------------
// A network printer's address

/** Where label printers listen for raw ZPL: the port when an address names none. */
export const DEFAULT_PRINTER_PORT = 9100;

export const addressProblemKeys = [
  'rules.address.empty',
  'rules.address.webAddress',
  'rules.address.space',
  'rules.address.badIpv6',
  'rules.address.ipv6NeedsBrackets',
  'rules.address.noHost',
  'rules.address.badIp',
  'rules.address.badHost',
  'rules.address.noPort',
  'rules.address.badPort',
] as const;
export type AddressProblemKey = (typeof addressProblemKeys)[number];

export type NetworkAddress =
  | {
      ok: true;
      host: string;
      port: number;
      /** The address in one spelling: `host:port`, an IPv6 host in brackets. */
      address: string;
    }
  | { ok: false; problem: RuleProblem<AddressProblemKey> };

const hostnamePattern =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function validIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

const invalid = (key: AddressProblemKey, params: RuleProblem['params'] = {}): NetworkAddress => ({
  ok: false,
  problem: problem(key, params),
});

/**
 * A network printer's address as a packer types it: an IPv4 address, a host name or a bracketed
 * IPv6 address, then `:port` (9100 when left out); a leading `tcp://` and a trailing `/` are
 * allowed. The Printers form and main (printing/printer.ts) read addresses with this one rule.
 */
export function parseNetworkAddress(raw: string): NetworkAddress {
  const text = raw.trim();
  if (!text) return invalid('rules.address.empty');
  const rest = text.replace(/^tcp:\/\//i, '').replace(/\/$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) return invalid('rules.address.webAddress', { text });
  if (/\s/.test(rest)) return invalid('rules.address.space', { text });

  let host: string;
  let portText: string | undefined;
  if (rest.startsWith('[')) {
    const match = /^\[([0-9a-f:.]+)\](?::(.*))?$/i.exec(rest);
    if (!match?.[1] || !match[1].includes(':')) return invalid('rules.address.badIpv6', { text });
    host = match[1];
    portText = match[2];
  } else {
    const parts = rest.split(':');
    if (parts.length > 2) return invalid('rules.address.ipv6NeedsBrackets');
    host = parts[0] ?? '';
    portText = parts[1];
    if (!host) return invalid('rules.address.noHost', { text });
    if (/^[\d.]+$/.test(host)) {
      if (!validIpv4(host)) return invalid('rules.address.badIp', { host });
    } else if (!hostnamePattern.test(host)) {
      return invalid('rules.address.badHost', { host });
    }
  }

  let port = DEFAULT_PRINTER_PORT;
  if (portText !== undefined) {
    const n = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
    if (!(n >= 1 && n <= 65535)) {
      return portText === ''
        ? invalid('rules.address.noPort', { defaultPort: DEFAULT_PRINTER_PORT })
        : invalid('rules.address.badPort', { port: portText, defaultPort: DEFAULT_PRINTER_PORT });
    }
    port = n;
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { ok: true, host, port, address: `${shownHost}:${port}` };
}

// ---------------------------------------------------------------------------------------------
// Sendcloud's API keys

export type KeyField = 'publicKey' | 'secretKey';

/** Longer than any key Sendcloud gives out: what was pasted is something else. */
export const KEY_MAX_LENGTH = 200;

export const keyProblemKeys = [
  'rules.publicKey.empty',
  'rules.secretKey.empty',
  'rules.key.space',
  'rules.key.tooLong',
] as const;
export type KeyProblemKey = (typeof keyProblemKeys)[number];

export type KeyFieldCheck =
  { ok: true; value: string } | { ok: false; problem: RuleProblem<KeyProblemKey> };

/**
 * One of the two key fields of an account (onboarding, reconnect, verify): what was pasted,
 * trimmed; never empty, no space or line break inside, no longer than a key can be.
 */
export function checkKeyField(field: KeyField, raw: string): KeyFieldCheck {
  const value = raw.trim();
  if (!value) {
    return {
      ok: false,
      problem: problem(field === 'publicKey' ? 'rules.publicKey.empty' : 'rules.secretKey.empty'),
    };
  }
  if (/\s/.test(value)) return { ok: false, problem: problem('rules.key.space') };
  if (value.length > KEY_MAX_LENGTH) {
    return { ok: false, problem: problem('rules.key.tooLong', { max: KEY_MAX_LENGTH }) };
  }
  return { ok: true, value };
}

/** Every key a rule may answer with: the catalogues must hold them all. */
export const ruleProblemKeys = [...addressProblemKeys, ...keyProblemKeys] as const;
export type RuleProblemKey = (typeof ruleProblemKeys)[number];
