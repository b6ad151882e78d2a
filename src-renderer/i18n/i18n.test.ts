import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../src-shared/messages/catalogues';
import { legacyText, msg } from '../../src-shared/messages';
import { clockTime, dateTime, money, number, weight } from './format';
import { detectLanguage, initI18n, PSEUDO } from './index';
import { renderMessage } from './messages';
import { pseudoCatalogue, pseudoText } from './pseudo';

describe('detectLanguage', () => {
  it('keeps the packer’s stored choice, the pseudo-locale too', () => {
    expect(detectLanguage('de', ['nl-NL'])).toBe('de');
    expect(detectLanguage(PSEUDO, ['nl-NL'])).toBe(PSEUDO);
  });

  it('ignores a stored value it does not ship, and follows the locale by its language', () => {
    expect(detectLanguage('es', ['nl-BE', 'en'])).toBe('nl');
    expect(detectLanguage(null, ['fr-CH'])).toBe('fr');
    expect(detectLanguage(null, ['DE-at'])).toBe('de');
  });

  it('takes the first preferred language it has, else English', () => {
    expect(detectLanguage(null, ['es-ES', 'pt', 'de-DE', 'fr'])).toBe('de');
    expect(detectLanguage(null, ['es-ES'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
});

describe('the pseudo-locale', () => {
  it('accents every letter and makes the text about 40 % longer, in brackets', () => {
    const text = pseudoText('Paper out');
    expect(text.startsWith('[Þáþéŕ öúţ ')).toBe(true);
    expect(text.endsWith(']')).toBe(true);
    expect(text.length).toBeGreaterThanOrEqual(Math.round('Paper out'.length * 1.4));
    // No plain ASCII letter survives, so untranslated text stands out.
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('leaves parameters and nestings as they are, so i18next still fills them in', () => {
    expect(pseudoText('Printing on {{printer}}')).toContain('{{printer}}');
    expect(pseudoText('Sent $t(ui.x) to {{count}}')).toContain('$t(ui.x)');
    expect(pseudoText('Under <strong>Accounts</strong>.')).toMatch(/<strong>Áççöúñţš<\/strong>/);
  });

  it('covers every key of the English catalogue', () => {
    const pseudo = pseudoCatalogue(catalogues.en);
    expect(Object.keys(pseudo)).toEqual(Object.keys(catalogues.en));
  });
});

describe('Intl formats in the language', () => {
  const iso = '2026-11-21T14:03:27.000Z';

  it('writes numbers, weights and money the way each language does', () => {
    expect(number('de', 1234.5)).toBe('1.234,5');
    expect(number('en', 1234.5)).toBe('1,234.5');
    expect(weight('nl', 1250)).toBe('1,25 kg');
    expect(weight('en', 800)).toBe('800 g');
    expect(money('fr', 12.5, 'EUR')).toMatch(/^12,50\s€$/);
    expect(money('en', 12.5, 'EUR')).toBe('€12.50');
  });

  it('writes times and dates in the language, a dash for none or junk', () => {
    expect(clockTime('de', iso)).toBe(new Date(iso).toLocaleTimeString('de'));
    expect(clockTime('en', null)).toBe('–');
    expect(dateTime('nl', 'not a date')).toBe('–');
    expect(dateTime('fr', iso)).toBe(
      new Date(iso).toLocaleString('fr', {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }),
    );
  });
});

describe('renderMessage', () => {
  beforeAll(async () => {
    await initI18n('de');
  });

  it('renders a key with params in the language, nested messages and lists too', async () => {
    await i18next.changeLanguage('de');
    const t = i18next.t.bind(i18next);
    expect(renderMessage(t, 'de', msg('ui.queue.attempts', { count: 2 }))).toBe(
      catalogues.de['ui.queue.attempts_other']?.replace('{{count}}', '2'),
    );
    const faults = msg('ui.printers.faultList', {
      faults: [msg('ui.printers.fault.paper-out'), msg('ui.printers.fault.head-open')],
    });
    expect(renderMessage(t, 'de', faults)).toBe(
      new Intl.ListFormat('de', { type: 'conjunction' }).format([
        catalogues.de['ui.printers.fault.paper-out'] ?? '',
        catalogues.de['ui.printers.fault.head-open'] ?? '',
      ]),
    );
  });

  it('uses the French plural forms i18next asks for', async () => {
    await i18next.changeLanguage('fr');
    const t = i18next.t.bind(i18next);
    expect(renderMessage(t, 'fr', msg('ui.queue.attempts', { count: 1 }))).toBe('1 essai');
    expect(renderMessage(t, 'fr', msg('ui.queue.attempts', { count: 1_000_000 }))).toBe(
      catalogues.fr['ui.queue.attempts_many']?.replace('{{count}}', '1000000'),
    );
  });

  it('shows text stored before messages were keys in its own words, in any language', async () => {
    await i18next.changeLanguage('de');
    const t = i18next.t.bind(i18next);
    expect(renderMessage(t, 'de', legacyText('Printed on the old station'))).toBe(
      'Printed on the old station',
    );
  });

  it('speaks the pseudo-locale', async () => {
    await i18next.changeLanguage(PSEUDO);
    const t = i18next.t.bind(i18next);
    expect(renderMessage(t, PSEUDO, msg('ui.scan.result.ready'))).toBe(pseudoText('Ready'));
  });
});
