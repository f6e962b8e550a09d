/** Formatting ICU messages of a catalog (FormatJS's intl-messageformat): compiled once per language and message. */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, Language, Values } from './i18n';

const compiled = new Map<string, IntlMessageFormat>();

/** Formats one message of a catalog in a language (compiled once, then cached). */
export function format<K extends string>(language: Language, messages: Catalog<K>, key: K, values?: Values): string {
  const source = messages[language][key] ?? messages.en[key];
  const cacheKey = `${language}\u0000${source}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    message = new IntlMessageFormat(source, language);
    compiled.set(cacheKey, message);
  }
  return String(message.format(values as Record<string, string | number | boolean | Date | null | undefined>));
}

/** A translator bound to one language and catalog: t('key', { count: 2 }). */
export function translator<K extends string>(language: Language, messages: Catalog<K>) {
  return (key: K, values?: Values) => format(language, messages, key, values);
}
