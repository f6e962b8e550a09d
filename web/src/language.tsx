/**
 * The reader's language. Kept apart from the translators (i18n.tsx) so the first
 * screen's provider does not load the ICU parser.
 *
 * The language is, in order: the person's own choice, the organization's
 * default, the browser's languages (the first guess before anyone signs in).
 * A choice made before signing in is kept in this browser.
 */
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { DEFAULT_LANGUAGE, type Language, isLanguage, pickLanguage } from '../../shared/src/i18n';
import { useMe } from './features/session/session';

const STORAGE_KEY = 'tandem.language';

interface LanguageState {
  language: Language;
  /** Set the language for this browser (and, when signed in, the caller also saves it for the person). */
  choose(language: Language): void;
}

const LanguageContext = createContext<LanguageState>({ language: DEFAULT_LANGUAGE, choose: () => {} });

function stored(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The browser's first guess: a choice stored here, else navigator.languages. */
export function browserLanguage(): Language {
  return stored() ?? pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Signed in: the person's language (their own choice, else their organization's default). Before: this browser's. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const [chosen, setChosen] = useState<Language>(browserLanguage);
  const language = me?.language ?? chosen;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = useCallback((next: Language) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this visit */
    }
    setChosen(next);
  }, []);
  const value = useMemo(() => ({ language, choose }), [language, choose]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
