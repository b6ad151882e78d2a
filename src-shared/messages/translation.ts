// The shape of another language's catalogue for one area of the English one: every English key,
// and for plural keys any extra plural form the language needs (French has `_many`).
type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type PluralBase<K> = K extends `${infer B}${PluralSuffix}` ? B : never;

export type Translation<English> = { readonly [K in keyof English]: string } & {
  readonly [K in `${PluralBase<keyof English>}${PluralSuffix}`]?: string;
};
