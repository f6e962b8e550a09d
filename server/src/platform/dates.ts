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

/** The calendar day (YYYY-MM-DD) and weekday (0 = Sunday) of an instant in a zone. */
export function dayIn(instant: Date, timeZone: string): { day: string; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: knownTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday) };
}

/** Adds whole days to a calendar day (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant when the clocks of a zone show this day and time ("2026-12-08", "15:30" in
 * America/Chicago → 21:30 UTC), across daylight-saving changes.
 */
export function instantAt(day: string, time: string, timeZone: string): Date {
  const tz = knownTimeZone(timeZone);
  const wanted = Date.parse(`${day}T${time}:00Z`);
  const wallClock = (at: number) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(at)).map((x) => [x.type, x.value]),
    );
    return Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`);
  };
  // Start from the wall time read as UTC and correct by the zone's offset there; twice covers an offset change in between.
  let at = wanted;
  for (let i = 0; i < 2; i++) at += wanted - wallClock(at);
  return new Date(at);
}
