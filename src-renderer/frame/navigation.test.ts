import { describe, expect, it } from 'vitest';
import { createWedgeDetector } from '../scan/wedge';
import { navItems, screenForKey, type ShortcutKey } from './navigation';

const press = (key: string, extra: Partial<ShortcutKey> = {}): ShortcutKey => ({
  key,
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...extra,
});

describe('screen shortcuts', () => {
  it('gives every screen its own function key and Alt+digit', () => {
    expect(new Set(navItems.map((item) => item.screen)).size).toBe(9);
    expect(new Set(navItems.map((item) => item.key)).size).toBe(navItems.length);
    expect(new Set(navItems.map((item) => item.digit)).size).toBe(navItems.length);
    for (const item of navItems) {
      expect(screenForKey(press(item.key))).toBe(item.screen);
      expect(screenForKey(press('¡', { altKey: true, code: `Digit${item.digit}` }))).toBe(
        item.screen,
      );
    }
  });

  it('leaves F5, plain digits and chords with Ctrl, Shift or Meta alone', () => {
    expect(screenForKey(press('F5'))).toBeNull();
    expect(screenForKey(press('1', { code: 'Digit1' }))).toBeNull();
    expect(screenForKey(press('F1', { ctrlKey: true }))).toBeNull();
    expect(screenForKey(press('F1', { shiftKey: true }))).toBeNull();
    expect(screenForKey(press('1', { metaKey: true, code: 'Digit1' }))).toBeNull();
    expect(screenForKey(press('0', { altKey: true, code: 'Digit0' }))).toBeNull();
    expect(screenForKey(press('F11'))).toBeNull();
  });

  it('cannot be part of a wedge scan: a scanner burst is printable keys and Enter', () => {
    const wedge = createWedgeDetector();
    let time = 0;
    for (const key of 'PD-10001') {
      wedge.key({ key, time: (time += 5) });
      expect(screenForKey(press(key))).toBeNull();
    }
    // A function key in the middle of a burst breaks it, rather than passing for a character.
    expect(wedge.key({ key: 'F2', time: (time += 5) })).toEqual({ type: 'pass' });
    expect(wedge.key({ key: 'Enter', time: time + 5 })).toEqual({ type: 'pass' });
  });
});
