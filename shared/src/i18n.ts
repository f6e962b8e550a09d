/**
 * Languages and message catalogs, shared by the server and the web app.
 * Messages are ICU MessageFormat (plurals, select, dates, numbers), formatted
 * with FormatJS's intl-messageformat on both sides.
 *
 * A catalog lives next to the code that shows it and holds every language:
 *
 *   const m = catalog({
 *     en: { waiting: '{count, plural, one {# request waits} other {# requests wait}} for you' },
 *     es: { waiting: '{count, plural, one {# solicitud te espera} other {# solicitudes te esperan}}' },
 *   });
 *
 * The type makes a key missing from a language a compile error; the catalog
 * test (test/api/i18n.test.ts) also checks that both languages use the same
 * placeholders. Formatting is in i18n-format.ts, so code that only needs the
 * language (the first screen's provider) does not load the ICU parser.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's name in itself, for the language picker. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export type Messages<K extends string> = Record<K, string>;
export interface Catalog<K extends string> {
  en: Messages<K>;
  es: Messages<K>;
}

/** Every catalog made with catalog(), for the test that checks them all. */
export const CATALOGS: Array<Catalog<string>> = [];

export function catalog<K extends string>(messages: { en: Messages<K>; es: Messages<NoInfer<K>> }): Catalog<K> {
  CATALOGS.push(messages);
  return messages;
}

/**
 * The language to use from an Accept-Language header or navigator.languages:
 * the first supported one, else the fallback.
 */
export function pickLanguage(preferences: string | readonly string[] | null | undefined, fallback: Language = DEFAULT_LANGUAGE): Language {
  const list = typeof preferences === 'string' ? preferences.split(',').map((p) => p.split(';')[0]) : (preferences ?? []);
  for (const tag of list) {
    const base = tag.trim().toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return fallback;
}

export type Values = Record<string, string | number | boolean | Date | null | undefined>;
