import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGS, DEFAULT_LANGUAGE, LOCALES, type Catalog, type CatalogLanguage } from '../../src-shared/i18n/catalogs.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

export const UI_LANGUAGES = Object.keys(CATALOGS) as CatalogLanguage[];
const STORAGE_KEY = 'koprogo.language';

export const isUiLanguage = (s: unknown): s is CatalogLanguage => typeof s === 'string' && (UI_LANGUAGES as string[]).includes(s);

/** The language chosen on this computer, if any (the header switch stores it). */
export function storedLanguage(): CatalogLanguage | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

export function storeLanguage(lang: CatalogLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage refused (private mode): the choice lasts for this session */
  }
}

export function createI18n(language: CatalogLanguage = storedLanguage() ?? DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(UI_LANGUAGES.map((l) => [l, { translation: CATALOGS[l] }])),
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: UI_LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return instance;
}

export const localeOf = (lang: string): string => (isUiLanguage(lang) ? LOCALES[lang] : LOCALES[DEFAULT_LANGUAGE]);
