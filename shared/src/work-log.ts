/**
 * The coach's own work log (issue 12, item 7): the activities a coach records time under, in the
 * order they are shown. Their names in each language live with the screens
 * (web/src/features/work-log/messages.ts).
 */
export const WORK_LOG_ACTIVITIES = ['coaching_sessions', 'observations', 'modelling', 'planning', 'professional_learning', 'other_duties'] as const;
export type WorkLogActivity = (typeof WORK_LOG_ACTIVITIES)[number];

/** Minutes in one entry: at least one, at most a whole day. */
export const WORK_LOG_MAX_MINUTES = 1440;
/** How many weeks an administrator's view of the totals covers by default (and at most). */
export const WORK_LOG_WEEKS = 12;
export const WORK_LOG_MAX_WEEKS = 52;
/** How far back an entry may be dated: a school year and a little more; older dates are typing slips. */
export const WORK_LOG_MAX_DAYS_BACK = 400;
/** The durations offered as one tap when logging. */
export const WORK_LOG_QUICK_MINUTES = [15, 30, 45, 60] as const;

/** The Monday (YYYY-MM-DD) of the week a calendar day falls in: weeks run Monday to Sunday. */
export function weekStartOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Adds whole days to a calendar day (YYYY-MM-DD). */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
