import { LOCALES, useI18n, type Locale } from '../i18n/I18n';

const NAMES: Record<Locale, string> = { en: 'English', th: 'ไทย' };

export function LocaleSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <label className="locale-switch">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
