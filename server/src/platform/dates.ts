/** Dates and times as people read them, in the organization's time zone (organizations.time_zone) and the reader's language. */
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/src/i18n';

/** The Intl locale of each language: English as Tandem has always written it ("8 December 2026", 24-hour times). */
export const DATE_LOCALE: Record<Language, string> = { en: 'en-GB', es: 'es' };

/** The zone if Intl knows it, else UTC: a bad value in the database must not break a page or an export. */
export function knownTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** "8 December 2026, 14:05 (America/Chicago)" / "8 de diciembre de 2026, 14:05 (America/Chicago)": an instant in the given zone, with the zone named. */
export function humanDateTime(instant: string | Date, timeZone: string, language: Language = DEFAULT_LANGUAGE): string {
  const tz = knownTimeZone(timeZone);
  const at = new Date(instant);
  const date = new Intl.DateTimeFormat(DATE_LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: tz }).format(at);
  const time = new Intl.DateTimeFormat(DATE_LOCALE[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: tz }).format(at);
  return `${date}, ${time} (${tz})`;
}

/** "8 December 2026" / "8 de diciembre de 2026": a calendar date (YYYY-MM-DD) as written, with no zone to convert from. */
export function humanDate(isoDate: string, language: Language = DEFAULT_LANGUAGE): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
