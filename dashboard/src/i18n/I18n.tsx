import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en';
import { th } from './th';
import { createFormatters, type Formatters } from './format';
import { translator, type Translate } from './translate';

export type Locale = 'en' | 'th';
export const LOCALES: readonly Locale[] = ['en', 'th'];
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, th };
/** A language preference, not a secret: the only thing the dashboard keeps in localStorage. */
const STORAGE_KEY = 'farmiq.locale';

export type { Translate } from './translate';

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  format: Formatters;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLocale(): Locale {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'th') return stored;
  return navigator.language.toLowerCase().startsWith('th') ? 'th' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18nValue>(() => {
    return {
      locale,
      setLocale: (next) => {
        window.localStorage.setItem(STORAGE_KEY, next);
        setLocaleState(next);
      },
      t: translator(CATALOGUES[locale]),
      format: createFormatters(locale === 'th' ? 'th-TH' : 'en-GB'),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
