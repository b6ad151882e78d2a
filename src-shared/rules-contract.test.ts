// The contract checks with the same rules as the forms: what a form refuses, main refuses too.
import { describe, expect, it } from 'vitest';
import { parseInput } from './commands';

const printer = { name: 'Bench 2', language: 'zpl' } as const;

describe('the contract and the rules', () => {
  it('refuses a network printer address by the address rule', () => {
    const refused = parseInput('printers.add', {
      ...printer,
      transport: 'tcp',
      address: 'zebra bench:9100',
    });
    // The rule's own key and params, and the field it is about.
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        key: 'rules.address.space',
        params: { text: 'zebra bench:9100', field: 'address' },
      },
    });
  });

  it('takes a good network address, and leaves other transports to their own checks', () => {
    expect(
      parseInput('printers.add', { ...printer, transport: 'tcp', address: '10.0.0.7:9100' }).ok,
    ).toBe(true);
    expect(
      parseInput('printers.add', { ...printer, transport: 'usb', address: 'usb://0a5f:0181' }).ok,
    ).toBe(true);
  });

  it.each(['accounts.verify', 'accounts.add', 'accounts.reconnect'] as const)(
    '%s checks its keys by the key-field rule',
    (command) => {
      // The first problem is the one a packer reads.
      const refused = parseInput(command, { publicKey: ' ', secretKey: 'sec 1' });
      expect(refused).toMatchObject({
        ok: false,
        error: { key: 'rules.publicKey.empty', params: { field: 'publicKey' } },
      });
      const secret = parseInput(command, { publicKey: 'pub-1', secretKey: 'sec 1' });
      expect(secret).toMatchObject({
        ok: false,
        error: { key: 'rules.key.space', params: { field: 'secretKey' } },
      });
    },
  );

  it('trims the keys it takes', () => {
    const parsed = parseInput('accounts.verify', { publicKey: ' pub-1 ', secretKey: 'sec-1\n' });
    expect(parsed).toEqual({ ok: true, value: { publicKey: 'pub-1', secretKey: 'sec-1' } });
  });
});
