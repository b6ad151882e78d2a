// The view logic of h3's areas (`state/printers.ts`, `state/accounts.ts`) hands the header some
// words: English text today, a key or a message once those areas speak in keys. Each shows.
// What main sends is a message too; one that is not (a station from before messages were keys)
// still shows what it can, rather than take the screen down.
import { catalogues } from '../../src-shared/messages/catalogues';
import { isMessage, type Message, type MessageKey } from '../../src-shared/messages';
import type { Speaker } from '../i18n/messages';

export type Words = string | Message | null | undefined;

const isKey = (text: string): text is MessageKey => Object.hasOwn(catalogues.en, text);

export function wordsOf(say: Speaker['say'], words: Words | unknown): string {
  if (typeof words === 'string') return isKey(words) ? say({ key: words, params: {} }) : words;
  if (isMessage(words)) return say(words);
  return '';
}

/** An error from main in words: its message, or its code when it carries none. */
export function errorWords(
  say: Speaker['say'],
  error: { code: string } | null | undefined,
): string {
  if (!error) return '';
  if (isMessage(error)) return say(error);
  const legacy = (error as { message?: unknown }).message;
  return typeof legacy === 'string' ? legacy : error.code;
}
