/** Formatting ICU messages of a catalog (FormatJS's intl-messageformat): compiled once per language and message. */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, Language, Values } from './i18n';

/** Per language, each message compiled once. A message is its text, or (in the browser) its syntax tree, parsed at build time. */
const compiled: Record<Language, Map<unknown, IntlMessageFormat>> = { en: new Map(), es: new Map() };

/** A message with none of ICU's syntax characters: it formats to itself. */
export const isPlainText = (message: unknown): message is string => typeof message === 'string' && !/[{}'#<]/.test(message);

/** Formats one message of a catalog in a language (compiled once, then cached). */
export function format<K extends string>(language: Language, messages: Catalog<K>, key: K, values?: Values): string {
  const source = messages[language][key] ?? messages.en[key];
  if (isPlainText(source)) return source;
  let message = compiled[language].get(source);
  if (!message) {
    message = new IntlMessageFormat(source as ConstructorParameters<typeof IntlMessageFormat>[0], language);
    compiled[language].set(source, message);
  }
  return String(message.format(values as Record<string, string | number | boolean | Date | null | undefined>));
}

/** A translator bound to one language and catalog: t('key', { count: 2 }). */
export function translator<K extends string>(language: Language, messages: Catalog<K>) {
  return (key: K, values?: Values) => format(language, messages, key, values);
}
