/** Types, query keys and the small formatting of the work log, shared by the coach's page and the administrators'. */
import type { z } from 'zod';
import type * as Api from '../../../../shared/src/api';
import type { Language } from '../../../../shared/src/i18n';
import type { m } from './messages';

export type WorkLogWeek = z.infer<typeof Api.WorkLogWeek>;
export type WorkLogEntry = z.infer<typeof Api.WorkLogEntry>;
export type WorkLogTotals = z.infer<typeof Api.WorkLogTotals>;
export type WorkLogAudience = z.infer<typeof Api.WorkLogAudience>;
export type WorkLogCoaches = z.infer<typeof Api.WorkLogCoaches>;
export type EntryBody = z.input<typeof Api.CreateWorkLogEntryBody>;

export const workLogKey = ['work-log'] as const;

type T = (key: keyof typeof m.en, values?: Record<string, string | number>) => string;

/** "1 h 30 min", "45 min", "2 h". */
export function duration(t: T, minutes: number): string {
  return t('duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** "Monday 31 August" / "lunes, 31 de agosto": a calendar day with its weekday, never shifted by time zone. */
export function dayName(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** "31 Aug" / "31 ago": a short calendar day. */
export function shortDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
