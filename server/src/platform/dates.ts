/** Dates and times as people read them, in the organization's time zone (organizations.time_zone). */

/** The zone if Intl knows it, else UTC: a bad value in the database must not break a page or an export. */
export function knownTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** "8 December 2026, 14:05 (America/Chicago)": an instant in the given zone, with the zone named. */
export function humanDateTime(instant: string | Date, timeZone: string): string {
  const tz = knownTimeZone(timeZone);
  const at = new Date(instant);
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: tz }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: tz }).format(at);
  return `${date}, ${time} (${tz})`;
}

/** "8 December 2026": a calendar date (YYYY-MM-DD) as written, with no zone to convert from. */
export function humanDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
