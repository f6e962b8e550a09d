/**
 * Translators for the catalogs next to each feature, in the reader's language
 * (language.tsx decides which): const t = useT(m); t('title', { count: 2 }).
 */
import { useCallback } from 'react';
import type { Catalog, Values } from '../../shared/src/i18n';
import { format } from '../../shared/src/i18n-format';
import { useLanguage } from './language';

export { LanguageProvider, browserLanguage, useLanguage } from './language';

export function useT<K extends string>(messages: Catalog<K>) {
  const { language } = useLanguage();
  return useCallback((key: K, values?: Values) => format(language, messages, key, values), [language, messages]);
}
