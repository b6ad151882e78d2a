// The renderer speaks: i18next with the catalogues of src-shared/messages. The language follows
// the stored choice, else the OS or browser locale, else English. Developers also get the
// pseudo-locale (`en-XA`), accented and 40 % longer, to find untranslated and cut-off text.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, languages, type Language } from '../../src-shared/messages/catalogues';
import { pseudoCatalogue } from './pseudo';

export const PSEUDO = 'en-XA';
export type UiLanguage = Language | typeof PSEUDO;
export const uiLanguages: readonly UiLanguage[] = [...languages, PSEUDO];
const STORAGE_KEY = 'packdesk.language';

/** The language to start in: the packer's stored choice, else the first of the locale's we have. */
export function detectLanguage(stored: string | null, preferred: readonly string[]): UiLanguage {
  if (stored && (uiLanguages as readonly string[]).includes(stored)) return stored as UiLanguage;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const found = languages.find((language) => language === base);
    if (found) return found;
  }
  return 'en';
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Start i18next once, before the first render. */
export async function initI18n(language?: UiLanguage): Promise<I18n> {
  const lng =
    language ??
    detectLanguage(
      storage()?.getItem(STORAGE_KEY) ?? null,
      typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
    );
  const resources = Object.fromEntries([
    ...Object.entries(catalogues).map(([code, translation]) => [code, { translation }]),
    [PSEUDO, { translation: pseudoCatalogue(catalogues.en) }],
  ]);
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: [...uiLanguages],
    // Keys are flat: `scan.step.printed` is one key, not a path.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  setDocumentLanguage(lng);
  return i18next;
}

/** Switch language and keep the choice for the next start. */
export async function changeLanguage(language: UiLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  storage()?.setItem(STORAGE_KEY, language);
  setDocumentLanguage(language);
}

function setDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
