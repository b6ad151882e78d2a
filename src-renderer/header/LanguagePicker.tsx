import { languages } from '../../src-shared/messages/catalogues';
import { changeLanguage, PSEUDO, type UiLanguage } from '../i18n';
import { useSpeaker } from '../i18n/messages';

/** Each language named in itself, so a packer finds theirs whatever the screen speaks now. */
const ownName: Record<(typeof languages)[number], string> = {
  en: 'English',
  nl: 'Nederlands',
  de: 'Deutsch',
  fr: 'Français',
};

function developerLanguages(): boolean {
  if (import.meta.env.DEV) return true;
  try {
    return window.localStorage.getItem('packdesk.devLanguages') === '1';
  } catch {
    return false;
  }
}

export function LanguagePicker() {
  const { t, language } = useSpeaker();
  const pseudo = developerLanguages() || language === PSEUDO;
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('header.language')}</span>
      <select
        value={language}
        onChange={(event) => void changeLanguage(event.target.value as UiLanguage)}
        aria-label={t('header.language')}
        data-testid="language-picker"
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {ownName[code]}
          </option>
        ))}
        {pseudo && <option value={PSEUDO}>{t('header.language.pseudo')}</option>}
      </select>
    </label>
  );
}
