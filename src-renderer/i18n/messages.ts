// Rendering a message from main (a key with params) and the renderer's own keys, with i18next.
// Nested messages in params are rendered first; lists of messages are joined with
// Intl.ListFormat in the current language. Typed against the English catalogue, like `msg`.
import type { TFunction } from 'i18next';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isMessage,
  msg,
  type Message,
  type MessageKey,
  type MessageParam,
  type MessageParams,
  type ParamNames,
} from '../../src-shared/messages';

type ParamsArg<K extends MessageKey> = [ParamNames<K>] extends [never]
  ? []
  : [params: { readonly [P in ParamNames<K>]: MessageParam }];

function renderParam(t: TFunction, language: string, value: MessageParam): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isMessage(value)) return renderMessage(t, language, value);
  const list = value as readonly Message[];
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(
    list.map((item) => renderMessage(t, language, item)),
  );
}

/** A message in words, in the language `t` speaks. */
export function renderMessage(t: TFunction, language: string, message: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params as MessageParams)) {
    params[name] = renderParam(t, language, value);
  }
  return t(message.key, params) as string;
}

export interface Speaker {
  /** The current language, for `Intl` formats. */
  language: string;
  /** The renderer's own key with its params, in words. */
  t<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string;
  /** A message main sent (or an error's key and params), in words. */
  say(message: Message | Pick<Message, 'key' | 'params'>): string;
}

/** The words of the current language; re-renders when the language changes. */
export function useSpeaker(): Speaker {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const say = useCallback(
    (message: Pick<Message, 'key' | 'params'>) => renderMessage(t, language, message),
    [t, language],
  );
  return useMemo(
    () => ({
      language,
      say,
      t: <K extends MessageKey>(key: K, ...params: ParamsArg<K>) =>
        say(msg(key, ...(params as ParamsArg<K>))),
    }),
    [language, say],
  );
}
