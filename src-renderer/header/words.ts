// The view logic of h3's areas (`state/printers.ts`, `state/accounts.ts`) hands the header some
// words: English text today, a key or a message once those areas speak in keys. Each shows.
import { catalogues } from '../../src-shared/messages/catalogues';
import { isMessage, type Message, type MessageKey } from '../../src-shared/messages';
import type { Speaker } from '../i18n/messages';

export type Words = string | Message | null | undefined;

const isKey = (text: string): text is MessageKey => Object.hasOwn(catalogues.en, text);

export function wordsOf(say: Speaker['say'], words: Words): string {
  if (words === null || words === undefined) return '';
  if (isMessage(words)) return say(words);
  return isKey(words) ? say({ key: words, params: {} }) : words;
}
