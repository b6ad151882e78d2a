// Main speaks in message keys, the renderer in words. A `Message` is a key of the catalogues in
// this folder with its parameters; the renderer renders it with i18next in the packer's
// language. Keys and the parameters each one needs are checked by the compiler against the
// English catalogue, so a message cannot name a key or leave out a parameter that is not there.
import type { en } from './en';

type English = typeof en;
type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type BaseKey<K> = K extends `${infer B}${PluralSuffix}` ? B : K;

/** Every key a message may use (a plural key without its `_one`/`_other` suffix). */
export type MessageKey = BaseKey<keyof English & string>;

type TextOf<K extends MessageKey> = K extends keyof English
  ? English[K]
  : English[Extract<keyof English, `${K}${PluralSuffix}`>];
type ParamsIn<S> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? (P extends `${infer Name},${string}` ? Name : P) | ParamsIn<Rest>
  : never;
type IsPlural<K extends MessageKey> = K extends keyof English ? false : true;
/** The names of the parameters a key's English text uses (`count` for a plural key). */
export type ParamNames<K extends MessageKey> =
  ParamsIn<TextOf<K>> | (IsPlural<K> extends true ? 'count' : never);

/** A parameter: plain text or a number, another message, or a list of messages. */
export type MessageParam = string | number | Message | readonly Message[];
export type MessageParams = { readonly [name: string]: MessageParam };

/** What main says to a person: a key and its parameters, rendered by the renderer. */
export interface Message {
  key: MessageKey;
  params: MessageParams;
}

type ParamsArg<K extends MessageKey> = [ParamNames<K>] extends [never]
  ? []
  : [params: { readonly [P in ParamNames<K>]: MessageParam }];

/** A message with the parameters its key needs, e.g. `msg('scan.step.printed')`. */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  return { key, params: (params[0] ?? {}) as MessageParams };
}

/**
 * Text stored before messages were keys that no key matches: it keeps its words and still
 * shows (in English, as it was written), so no history is lost.
 */
export function legacyText(text: string): Message {
  return { key: 'legacy.text', params: { text } };
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Message).key === 'string' &&
    typeof (value as Message).params === 'object'
  );
}
