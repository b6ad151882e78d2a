// The contract checks with the same rules as the forms: what a form refuses, main refuses too.
import { describe, expect, it } from 'vitest';
import { parseInput } from './commands';

const printer = { name: 'Bench 2', language: 'zpl' } as const;
const detail = (result: ReturnType<typeof parseInput>) =>
  result.ok ? null : String(result.error.params.detail);

describe('the contract and the rules', () => {
  it('refuses a network printer address by the address rule', () => {
    const refused = parseInput('printers.add', {
      ...printer,
      transport: 'tcp',
      address: 'zebra bench:9100',
    });
    expect(refused.ok).toBe(false);
    expect(detail(refused)).toBe('address: rules.address.space');
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
      const refused = parseInput(command, { publicKey: ' ', secretKey: 'sec 1' });
      expect(detail(refused)).toContain('publicKey: rules.publicKey.empty');
      expect(detail(refused)).toContain('secretKey: rules.key.space');
    },
  );

  it('trims the keys it takes', () => {
    const parsed = parseInput('accounts.verify', { publicKey: ' pub-1 ', secretKey: 'sec-1\n' });
    expect(parsed).toEqual({ ok: true, value: { publicKey: 'pub-1', secretKey: 'sec-1' } });
  });
});
