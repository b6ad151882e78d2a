import { describe, expect, it } from 'vitest';
import { checkKeyField, KEY_MAX_LENGTH, parseNetworkAddress } from './rules';

describe('parseNetworkAddress', () => {
  it.each([
    ['10.0.0.7:9100', '10.0.0.7', 9100],
    ['  10.0.0.7:6101 ', '10.0.0.7', 6101],
    ['10.0.0.7', '10.0.0.7', 9100],
    ['tcp://zebra-bench2.local:9100', 'zebra-bench2.local', 9100],
    ['TCP://printer', 'printer', 9100],
    ['PRINTER1:9100/', 'PRINTER1', 9100],
    ['[fe80::1]:9100', 'fe80::1', 9100],
    ['localhost:65535', 'localhost', 65535],
  ])('reads %j', (input, host, port) => {
    expect(parseNetworkAddress(input)).toMatchObject({ ok: true, host, port });
  });

  it('writes the address back in one spelling, IPv6 in brackets', () => {
    expect(parseNetworkAddress('tcp://10.0.0.7')).toMatchObject({ address: '10.0.0.7:9100' });
    expect(parseNetworkAddress('[fe80::1]')).toMatchObject({ address: '[fe80::1]:9100' });
  });

  it.each([
    ['', 'rules.address.empty', {}],
    ['   ', 'rules.address.empty', {}],
    ['printer.local:99999', 'rules.address.badPort', { port: '99999', defaultPort: 9100 }],
    ['printer.local:0', 'rules.address.badPort', { port: '0', defaultPort: 9100 }],
    ['printer.local:abc', 'rules.address.badPort', { port: 'abc', defaultPort: 9100 }],
    ['printer.local:', 'rules.address.noPort', { defaultPort: 9100 }],
    [':9100', 'rules.address.noHost', { text: ':9100' }],
    ['10.0.0.300:9100', 'rules.address.badIp', { host: '10.0.0.300' }],
    ['10.0.7:9100', 'rules.address.badIp', { host: '10.0.7' }],
    ['http://10.0.0.7:9100', 'rules.address.webAddress', { text: 'http://10.0.0.7:9100' }],
    ['zebra bench:9100', 'rules.address.space', { text: 'zebra bench:9100' }],
    ['fe80::1:9100', 'rules.address.ipv6NeedsBrackets', {}],
    ['[nope]:9100', 'rules.address.badIpv6', { text: '[nope]:9100' }],
    ['under_score:9100', 'rules.address.badHost', { host: 'under_score' }],
    ['-bad.local', 'rules.address.badHost', { host: '-bad.local' }],
  ])('says what is wrong with %j', (input, key, params) => {
    expect(parseNetworkAddress(input)).toEqual({ ok: false, problem: { key, params } });
  });
});

describe('checkKeyField', () => {
  it('trims what was pasted', () => {
    expect(checkKeyField('publicKey', '  pub-1\n')).toEqual({ ok: true, value: 'pub-1' });
  });

  it('asks for each key by its own name', () => {
    expect(checkKeyField('publicKey', ' ')).toEqual({
      ok: false,
      problem: { key: 'rules.publicKey.empty', params: {} },
    });
    expect(checkKeyField('secretKey', '')).toEqual({
      ok: false,
      problem: { key: 'rules.secretKey.empty', params: {} },
    });
  });

  it('refuses a key with a space or line break inside, as a copy gone wrong', () => {
    for (const pasted of ['pub 1', 'pub\n1', 'pub\t1']) {
      expect(checkKeyField('secretKey', pasted)).toMatchObject({
        ok: false,
        problem: { key: 'rules.key.space' },
      });
    }
  });

  it('refuses more than a key can be', () => {
    expect(checkKeyField('publicKey', 'k'.repeat(KEY_MAX_LENGTH)).ok).toBe(true);
    expect(checkKeyField('publicKey', 'k'.repeat(KEY_MAX_LENGTH + 1))).toEqual({
      ok: false,
      problem: { key: 'rules.key.tooLong', params: { max: KEY_MAX_LENGTH } },
    });
  });
});
