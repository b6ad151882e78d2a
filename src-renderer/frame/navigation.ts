// The screens the frame offers, in the order of the nav, and their keyboard shortcuts. Function
// keys and Alt+digit: a keyboard-wedge scanner only ever types printable characters and Enter, so
// neither can be part of a scan, and neither types into a form field that has the focus.
import type { MessageKey } from '../../src-shared/messages';
import type { ScreenId } from '../state/station';

export interface NavItem {
  screen: ScreenId;
  label: MessageKey;
  group: 'work' | 'settings';
  /**
   * `KeyboardEvent.key` of the function key. F5 is left to reload, as everywhere; F10 is the scan
   * screen's one-off option, F11 and F12 the browser's: a screen past F9 says its Alt key here.
   */
  key: string;
  /** Alt plus this digit, for keyboards whose function keys need Fn. */
  digit: number;
}

export const navItems: readonly NavItem[] = [
  { screen: 'scan', label: 'nav.scan', group: 'work', key: 'F1', digit: 1 },
  { screen: 'batch', label: 'nav.batch', group: 'work', key: 'F2', digit: 2 },
  { screen: 'shipments', label: 'nav.shipments', group: 'work', key: 'F3', digit: 3 },
  { screen: 'day', label: 'nav.day', group: 'work', key: 'F4', digit: 4 },
  { screen: 'printers', label: 'nav.printers', group: 'settings', key: 'F6', digit: 5 },
  { screen: 'accounts', label: 'nav.accounts', group: 'settings', key: 'F7', digit: 6 },
  { screen: 'packers', label: 'nav.packers', group: 'settings', key: 'F8', digit: 7 },
  { screen: 'rules', label: 'nav.rules', group: 'settings', key: 'F9', digit: 8 },
  { screen: 'warehouse', label: 'nav.warehouse', group: 'settings', key: 'Alt+9', digit: 9 },
];

export function navItem(screen: ScreenId): NavItem {
  const item = navItems.find((candidate) => candidate.screen === screen);
  if (!item) throw new Error(`No nav item for the screen ${screen}.`);
  return item;
}

export interface ShortcutKey {
  key: string;
  /** `KeyboardEvent.code`: Alt changes `key` on some layouts (Option+1 is "¡" on a Mac). */
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The screen a key press asks for, or null when it is not a shortcut. */
export function screenForKey(event: ShortcutKey): ScreenId | null {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.altKey) {
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
    return navItems.find((item) => String(item.digit) === digit)?.screen ?? null;
  }
  return navItems.find((item) => item.key === event.key)?.screen ?? null;
}
