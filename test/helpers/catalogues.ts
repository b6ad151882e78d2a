// Checks on the message catalogues, as plain functions over text so each one can be tried on a
// small broken input: keys the code uses that a catalogue lacks, keys no code uses, parameters a
// translation names that English does not pass, plural forms a language needs, and a key defined
// in two area files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Catalogue = Readonly<Record<string, string>>;

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** `scan.queued_one` → `scan.queued`; null for a key that is not a plural form. */
export function pluralBase(key: string): string | null {
  return pluralSuffix.test(key) ? key.replace(pluralSuffix, '') : null;
}

/** The key a message names in code: a plural form is used by its base. */
export function baseKey(key: string): string {
  return pluralBase(key) ?? key;
}

/** The `{{param}}` names in a text (`{{count, number}}` names `count`). */
export function paramsOf(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)) {
    if (match[1]) names.add(match[1]);
  }
  return names;
}

export interface KeyUses {
  /** Keys named in full: `msg('a.b')`, `t('a.b')`, `key: 'a.b'`, `i18nKey="a.b"`. */
  keys: Set<string>;
  /** Families named by a template: `` `ui.printers.fault.${fault}` `` → `ui.printers.fault.`. */
  families: Set<string>;
  /** Every quoted string in the code, to tell a catalogue key no code names. */
  literals: Set<string>;
}

const keyShape = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

/** The text of each call's arguments, for `name(` at `index` (balanced parentheses). */
function callArguments(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    const c = source[i];
    if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return source.slice(open + 1, i);
    }
  }
  return source.slice(open + 1);
}

const quoted = /'([^'\n\\]*)'|"([^"\n\\]*)"/g;

/**
 * Where code names message keys. A key is any key-shaped string in the arguments of `msg(…)`,
 * `t(…)` or `say(…)` (so `t(done ? 'a.b' : 'a.c')` names both), after `key:` or in `i18nKey`.
 * Template keys name a family; `namespaces` (the catalogue's first segments) keep templates of
 * other things (`scan-${id}`) out.
 */
export function findKeyUses(source: string, namespaces: ReadonlySet<string>): KeyUses {
  const keys = new Set<string>();
  const families = new Set<string>();
  const literals = new Set<string>();
  const inNamespace = (text: string) => namespaces.has(text.split('.')[0] ?? '');

  for (const match of source.matchAll(quoted)) literals.add(match[1] ?? match[2] ?? '');

  for (const match of source.matchAll(/\b(?:msg|t|say)\(/g)) {
    const args = callArguments(source, (match.index ?? 0) + match[0].length - 1);
    for (const inner of args.matchAll(quoted)) {
      const text = inner[1] ?? inner[2] ?? '';
      if (keyShape.test(text) && inNamespace(text)) keys.add(text);
    }
  }
  for (const match of source.matchAll(/\b(?:key:\s*|i18nKey=)['"]([^'"\n]+)['"]/g)) {
    const text = match[1] ?? '';
    if (keyShape.test(text) && inNamespace(text)) keys.add(text);
  }
  for (const match of source.matchAll(/`([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)*\.)\$\{/g)) {
    const prefix = match[1] ?? '';
    if (inNamespace(prefix)) families.add(prefix);
  }
  return { keys, families, literals };
}

export function mergeUses(all: readonly KeyUses[]): KeyUses {
  const merged: KeyUses = { keys: new Set(), families: new Set(), literals: new Set() };
  for (const uses of all) {
    for (const key of uses.keys) merged.keys.add(key);
    for (const family of uses.families) merged.families.add(family);
    for (const literal of uses.literals) merged.literals.add(literal);
  }
  return merged;
}

/** Keys (and template families) the code uses that the catalogue does not define. */
export function missingKeys(uses: KeyUses, catalogue: Catalogue): string[] {
  const bases = new Set(Object.keys(catalogue).map(baseKey));
  const missing = [...uses.keys].filter((key) => !bases.has(key));
  const familiesMissing = [...uses.families]
    .filter((prefix) => ![...bases].some((key) => key.startsWith(prefix)))
    .map((prefix) => `${prefix}*`);
  return [...missing, ...familiesMissing].sort();
}

/** Catalogue keys no code names: not as a string anywhere, nor in a template family. */
export function unusedKeys(catalogue: Catalogue, uses: KeyUses): string[] {
  const families = [...uses.families];
  return Object.keys(catalogue)
    .filter((key) => {
      const base = baseKey(key);
      if (uses.keys.has(base) || uses.literals.has(base)) return false;
      return !families.some((prefix) => base.startsWith(prefix));
    })
    .sort();
}

/** English's parameters for a key (all plural forms together, and `count` for a plural). */
function englishParams(english: Catalogue, key: string): Set<string> | null {
  const base = baseKey(key);
  const forms = Object.entries(english).filter(([name]) => baseKey(name) === base);
  if (forms.length === 0) return null;
  const names = new Set<string>();
  for (const [, text] of forms) for (const name of paramsOf(text)) names.add(name);
  if (forms.some(([name]) => pluralBase(name) !== null)) names.add('count');
  return names;
}

/** `key: param` for each parameter a translation names that the English text does not pass. */
export function strayParams(english: Catalogue, translated: Catalogue): string[] {
  const stray: string[] = [];
  for (const [key, text] of Object.entries(translated)) {
    const allowed = englishParams(english, key);
    if (!allowed) continue; // An extra key is the unused check's business.
    for (const name of paramsOf(text)) if (!allowed.has(name)) stray.push(`${key}: ${name}`);
  }
  return stray.sort();
}

/** Plural forms the language needs (Intl.PluralRules' categories) that its catalogue lacks. */
export function missingPluralForms(
  english: Catalogue,
  translated: Catalogue,
  language: string,
): string[] {
  const bases = new Set(
    Object.keys(english)
      .map(pluralBase)
      .filter((base): base is string => base !== null),
  );
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const missing: string[] = [];
  for (const base of bases) {
    for (const category of categories) {
      if (!(`${base}_${category}` in translated)) missing.push(`${base}_${category}`);
    }
  }
  return missing.sort();
}

/** Keys that English has and the translation does not (plural forms are checked apart). */
export function untranslatedKeys(english: Catalogue, translated: Catalogue): string[] {
  return Object.keys(english)
    .filter((key) => pluralBase(key) === null && !(key in translated))
    .sort();
}

/** `key: areaA, areaB` for each key defined in more than one area file of one language. */
export function duplicateKeys(areas: Readonly<Record<string, Catalogue>>): string[] {
  const where = new Map<string, string[]>();
  for (const [area, catalogue] of Object.entries(areas)) {
    for (const key of Object.keys(catalogue)) where.set(key, [...(where.get(key) ?? []), area]);
  }
  return [...where.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([key, list]) => `${key}: ${list.join(', ')}`)
    .sort();
}

/** The app's sources under `dirs`: no tests, no catalogues (they define keys, not use them). */
export function readSources(dirs: readonly string[], skip: (path: string) => boolean): string[] {
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (skip(path)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        sources.push(readFileSync(path, 'utf8'));
      }
    }
  };
  for (const dir of dirs) walk(dir);
  return sources;
}
