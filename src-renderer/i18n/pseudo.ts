// The pseudo-locale for developers: every text accented and about 40 % longer, so an untranslated
// string (plain ASCII) or one cut off by its box shows at a glance. Parameters stay as they are.

const accents: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/**
 * One text in the pseudo-locale: `{{params}}`, `$t(...)` nestings and the `<strong>` tags the
 * `Trans` component fills in are left untouched.
 */
export function pseudoText(text: string): string {
  const parts = text.split(/(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?[A-Za-z0-9]+\s*\/?>)/);
  const accented = parts
    .map((part, i) => (i % 2 === 1 ? part : [...part].map((c) => accents[c] ?? c).join('')))
    .join('');
  const letters = text.replace(/\{\{[^}]*\}\}|<\/?[A-Za-z0-9]+\s*\/?>/g, '').length;
  const padding = Math.max(1, Math.round(letters * 0.4));
  return `[${accented} ${'·'.repeat(padding)}]`;
}

export function pseudoCatalogue(source: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).map(([key, text]) => [key, pseudoText(text)]));
}
