/** Formatting ICU messages of a catalog (FormatJS's intl-messageformat): compiled once per language and message. */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, Language, Values } from './i18n';

/** One cache per kind of Intl formatter, keyed by its arguments. */
function cached<A extends unknown[], T>(make: (...args: A) => T): (...args: A) => T {
  const made = new Map<string, T>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(...args)));
    return value;
  };
}

/**
 * The Intl formatters every message shares. Left alone, intl-messageformat gives each message its
 * own (a new PluralRules or NumberFormat the first time each message formats), and resolves the
 * locale again for each: on Home's first render, dozens of messages made that about a quarter of a
 * second of a slow tablet's CPU.
 */
const FORMATTERS = {
  getNumberFormat: cached((...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args)),
  getDateTimeFormat: cached((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
  getPluralRules: cached((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
};
// Tandem's languages are ones every browser and Node have: no need to ask Intl which it supports
// (Intl.NumberFormat.supportedLocalesOf walks the whole locale list: ~70 ms on a slow tablet).
IntlMessageFormat.resolveLocale = cached((locales: string | string[]) => new Intl.Locale(Array.isArray(locales) ? locales[0] : locales));

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
    message = new IntlMessageFormat(source as ConstructorParameters<typeof IntlMessageFormat>[0], language, undefined, { formatters: FORMATTERS });
    compiled[language].set(source, message);
  }
  return String(message.format(values as Record<string, string | number | boolean | Date | null | undefined>));
}

/** A translator bound to one language and catalog: t('key', { count: 2 }). */
export function translator<K extends string>(language: Language, messages: Catalog<K>) {
  return (key: K, values?: Values) => format(language, messages, key, values);
}
