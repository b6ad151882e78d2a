import { describe, expect, it } from 'vitest';
import { redact } from '../log';
import { hashPin, verifyPin } from './pin';

describe('PIN hashes', () => {
  it('salts every hash and keeps no digit of the PIN in the clear', async () => {
    const one = await hashPin('4821');
    const two = await hashPin('4821');
    expect(one).not.toBe(two);
    expect(one).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPin('4821', one)).toBe(true);
    expect(await verifyPin('4821', two)).toBe(true);
  });

  it('refuses a wrong PIN and a hash of any other shape', async () => {
    const stored = await hashPin('0000');
    expect(await verifyPin('0001', stored)).toBe(false);
    expect(await verifyPin('0000', '0000')).toBe(false);
    expect(await verifyPin('0000', stored.replace('scrypt', 'md5'))).toBe(false);
    // A hash cut short never matches (the compare needs equal lengths).
    expect(await verifyPin('0000', stored.slice(0, -8))).toBe(false);
  });

  it('is never logged, even if a PIN or its hash reached a log line’s fields', () => {
    expect(redact({ pin: '4821', pinHash: 'scrypt$x', pin_hash: 'y', packerId: 'p1' })).toEqual({
      pin: '[redacted]',
      pinHash: '[redacted]',
      pin_hash: '[redacted]',
      packerId: 'p1',
    });
  });
});
