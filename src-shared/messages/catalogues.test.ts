// The catalogues against the code: every key the code names is in every language, every key a
// catalogue has is named by some code, translations pass only English's parameters, each
// language has the plural forms it needs, and no key is defined by two area files.
import { readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  duplicateKeys,
  findKeyUses,
  mergeUses,
  missingKeys,
  missingPluralForms,
  paramsOf,
  readSources,
  strayParams,
  unusedKeys,
  untranslatedKeys,
  type Catalogue,
  type KeyUses,
} from '../../test/helpers/catalogues';
import { catalogues, languages } from './catalogues';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const english = catalogues.en;
const namespaces = new Set(Object.keys(english).map((key) => key.split('.')[0] ?? ''));
const translations = languages.filter((language) => language !== 'en');

describe('the checks themselves', () => {
  const small: Catalogue = {
    'ui.a.title': 'Title',
    'ui.a.rows_one': '{{count}} row in {{file}}',
    'ui.a.rows_other': '{{count}} rows in {{file}}',
    'ui.a.fault.paper': 'Paper out',
    'ui.a.unused': 'Nobody says this',
  };
  const code = `
    const title = t('ui.a.title');
    const rows = msg('ui.a.rows', { count, file });
    const fault = msg(\`ui.a.fault.\${fault}\`);
    const id = \`scan-\${entry.id}\`;
    const gone = t(done ? 'ui.a.gone' : 'ui.a.title');
    const typed = { key: 'ui.b.typed', params: {} };
    const command = 'scan.submit';
  `;
  const uses = findKeyUses(code, new Set(['ui']));

  it('finds keys in calls (both sides of a ternary), after key:, and template families', () => {
    expect([...uses.keys].sort()).toEqual(['ui.a.gone', 'ui.a.rows', 'ui.a.title', 'ui.b.typed']);
    expect([...uses.families]).toEqual(['ui.a.fault.']);
  });

  it('reports a key the code names that the catalogue lacks, and an empty family', () => {
    expect(missingKeys(uses, small)).toEqual(['ui.a.gone', 'ui.b.typed']);
    const noFaults = Object.fromEntries(
      Object.entries(small).filter(([key]) => !key.startsWith('ui.a.fault.')),
    );
    expect(missingKeys(uses, noFaults)).toContain('ui.a.fault.*');
  });

  it('reports a catalogue key no code names; plural forms count as their base', () => {
    expect(unusedKeys(small, uses)).toEqual(['ui.a.unused']);
  });

  it('reports a parameter a translation names that English does not pass', () => {
    const dutch: Catalogue = {
      'ui.a.title': 'Titel {{name}}',
      'ui.a.rows_one': '{{count}} regel in {{bestand}}',
      'ui.a.rows_other': '{{count, number}} regels in {{file}}',
    };
    expect(strayParams(small, dutch)).toEqual(['ui.a.rows_one: bestand', 'ui.a.title: name']);
    expect(paramsOf('{{ count, number }} of {{max}}')).toEqual(new Set(['count', 'max']));
  });

  it('reports a plural form the language needs, by Intl.PluralRules', () => {
    const french: Catalogue = { 'ui.a.rows_one': '', 'ui.a.rows_other': '' };
    expect(missingPluralForms(small, french, 'fr')).toEqual(['ui.a.rows_many']);
    expect(missingPluralForms(small, french, 'de')).toEqual([]);
    expect(missingPluralForms(small, { 'ui.a.rows_other': '' }, 'nl')).toEqual(['ui.a.rows_one']);
  });

  it('reports an English key a translation lacks', () => {
    expect(untranslatedKeys(small, { 'ui.a.title': 'Titel' })).toEqual([
      'ui.a.fault.paper',
      'ui.a.unused',
    ]);
  });

  it('reports a key defined in two area files', () => {
    expect(duplicateKeys({ scan: { 'a.b': 'x', 'a.c': 'y' }, station: { 'a.b': 'z' } })).toEqual([
      'a.b: scan, station',
    ]);
  });
});

describe('the catalogues against the code', () => {
  let uses: KeyUses;

  beforeAll(() => {
    const catalogueDirs = languages.map((language) => join(here, language) + sep);
    const sources = readSources(
      ['src-main', 'src-shared', 'src-renderer'].map((dir) => join(root, dir)),
      (path) => catalogueDirs.some((dir) => `${path}${sep}`.startsWith(dir)),
    );
    expect(sources.length).toBeGreaterThan(50);
    uses = mergeUses(sources.map((source) => findKeyUses(source, namespaces)));
  });

  it.each(languages)('%s has every key the code names', (language) => {
    expect(missingKeys(uses, catalogues[language])).toEqual([]);
  });

  it('has no key that no code names', () => {
    expect(unusedKeys(english, uses)).toEqual([]);
  });

  it.each(translations)('%s has every English key and no other', (language) => {
    expect(untranslatedKeys(english, catalogues[language])).toEqual([]);
    const extra = Object.keys(catalogues[language]).filter(
      (key) => !(key in english) && !missingPluralForms(english, {}, language).includes(key),
    );
    expect(extra).toEqual([]);
  });

  it.each(translations)('%s names only parameters the English text passes', (language) => {
    expect(strayParams(english, catalogues[language])).toEqual([]);
  });

  it.each(languages)('%s has the plural forms its language needs', (language) => {
    expect(missingPluralForms(english, catalogues[language], language)).toEqual([]);
  });

  it.each(languages)('%s defines each key in one area file only', async (language) => {
    const dir = join(here, language);
    const areas: Record<string, Catalogue> = {};
    for (const file of readdirSync(dir).filter((name) => name !== 'index.ts')) {
      const module = (await import(join(dir, file))) as Record<string, Catalogue>;
      const [exported] = Object.values(module);
      if (exported) areas[file] = exported;
    }
    expect(Object.keys(areas).length).toBeGreaterThan(5);
    expect(duplicateKeys(areas)).toEqual([]);
  });
});
