// Every catalogue the station ships, by language. The renderer loads them into i18next.
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

export const languages = ['en', 'nl', 'de', 'fr'] as const;
export type Language = (typeof languages)[number];

export const catalogues: Record<Language, Readonly<Record<string, string>>> = { en, nl, de, fr };
