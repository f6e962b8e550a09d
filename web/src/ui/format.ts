/**
 * Plain-language labels and local date formats used across the app, in the reader's language:
 * `const l = useLabels(); l.status(p.status); l.date(p.reviewOn)`. The words are in ./messages.
 */
import type { Challenge, Format, MemberRole, Origin, OrgRole, PartnershipStatus } from '../../../shared/src/domain';
import type { Language } from '../../../shared/src/i18n';
import { format as formatMessage } from '../../../shared/src/i18n-format';
import { useLanguage } from '../language';
import { m } from './messages';

export type MemberState = 'invited' | 'accepted' | 'declined';

/** Labels and phrases in one language. */
export interface Labels {
  language: Language;
  /** "Expert coaching" */
  format(f: Format): string;
  /** One sentence on how a format works. */
  formatExplain(f: Format): string;
  /** "Getting started" */
  status(s: PartnershipStatus): string;
  /** "Asked for by the coachee" */
  origin(o: Origin): string;
  /** A member's role in a partnership: "Mentor coach" */
  memberRole(r: MemberRole): string;
  /** A person's role in the organization: "Program leader" */
  orgRole(r: OrgRole): string;
  /** "Children’s behaviour" */
  challenge(c: Challenge): string;
  /** "invited, no answer yet" */
  memberState(s: MemberState): string;
  /** formatDateTime in this language. */
  dateTime(iso: string | null | undefined): string;
  /** formatDate in this language. */
  date(iso: string | null | undefined): string;
  /** formatTime in this language. */
  time(iso: string): string;
  /** dayPhrase in this language: "today", "el 4 dic". */
  dayPhrase(iso: string, now?: Date): string;
  /** timesText in this language: "twice", "dos veces". */
  times(count: number): string;
}

const made: Partial<Record<Language, Labels>> = {};

/** The labels of one language (made once per language, so the object is the same on every render). */
export function labelsIn(language: Language): Labels {
  const t = (key: keyof typeof m.en, values?: Record<string, string | number>) => formatMessage(language, m, key, values);
  return (made[language] ??= {
    language,
    format: (f) => t(`format_${f}`),
    formatExplain: (f) => t(`formatExplain_${f}`),
    status: (s) => t(`status_${s}`),
    origin: (o) => t(`origin_${o}`),
    memberRole: (r) => t(`memberRole_${r}`),
    orgRole: (r) => t(`orgRole_${r}`),
    challenge: (c) => t(`challenge_${c}`),
    memberState: (s) => t(`memberState_${s}`),
    dateTime: (iso) => formatDateTime(iso, language),
    date: (iso) => formatDate(iso, language),
    time: (iso) => formatTime(iso, language),
    dayPhrase: (iso, now) => dayPhrase(iso, now, language),
    times: (count) => timesText(count, language),
  });
}

/** The labels in the reader's language (language.tsx decides which). */
export function useLabels(): Labels {
  return labelsIn(useLanguage().language);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * One Intl.DateTimeFormat per language and options, made once: `toLocaleString(language, options)`
 * builds a new formatter on every call (about 1 ms each at 4× CPU slowdown, measured), and a list
 * formats a date per row. The first formatter of a page costs far more (the locale data loads,
 * ~60 ms): web/early.js pays that while the page waits for its files.
 */
export function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(language, options)));
  return format;
}

/** "Dec 4, 2026, 10:42 AM" in the reader's own format, in their language. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** "Dec 4, 2026" in the reader's own format, in their language. */
export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  // A plain date (YYYY-MM-DD) is a calendar day, not an instant: don't shift it by time zone.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(language, { dateStyle: 'medium' }).format(d);
}

/** "Thu, 12 Mar 2026": a day with its weekday, in the reader's own format and language. */
export function formatDay(iso: string, language: Language): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat(language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** "9:05 AM" or "09:05": a clock time in the reader's own format, in their language. */
export function formatTime(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return dateFormat(language, { hour: 'numeric', minute: '2-digit' }).format(d);
}

/**
 * "today", "yesterday" or "on 4 Dec" (with the year when it is not this year): the reader's own calendar day of an instant.
 * A phrase to put into a sentence: a catalog's own `{day, select, …}` reads better in
 * languages whose sentences put it elsewhere.
 */
export function dayPhrase(iso: string, now = new Date(), language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const midnight = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const daysAgo = Math.round((midnight(now) - midnight(d)) / 86_400_000);
  const day = daysAgo === 0 ? 'today' : daysAgo === 1 ? 'yesterday' : 'other';
  const sameYear = d.getFullYear() === now.getFullYear();
  const date = day === 'other' ? dateFormat(language, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(d) : '';
  return formatMessage(language, m, 'dayPhrase', { day, date });
}

/** True when two instants fall on the same calendar day for the reader. */
export function sameLocalDay(a: string, b: string): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/** The first words of a text, to name something that has no title (a note, a celebration). */
export function firstWords(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** "once", "twice", "5 times", in the reader's language. */
export function timesText(count: number, language: Language): string {
  return formatMessage(language, m, 'times', { count });
}

/** The end of a calendar day in the browser's time zone, as an ISO instant. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
