/** Plain words for celebrations, and how the timeline is grouped. The words themselves are in messages.ts. */
import type { Language } from '../../../../shared/src/i18n';
import type { Celebration } from '../../api';
import { dateFormat } from '../../ui/format';

export const celebrationsKey = (partnershipId: string) => ['celebrations', partnershipId] as const;

/** Today as a calendar day (YYYY-MM-DD) in the browser's time zone. */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "2026-11" → "November 2026", in the reader's language. */
export function monthLabel(month: string, language: Language): string {
  const d = new Date(`${month}-01T12:00:00`);
  if (Number.isNaN(d.getTime())) return month;
  return dateFormat(language, { month: 'long', year: 'numeric' }).format(d);
}

/** Celebrations (already newest first) grouped by the month they happened in, keeping that order. */
export function byMonth(items: Celebration[]): { month: string; items: Celebration[] }[] {
  const groups: { month: string; items: Celebration[] }[] = [];
  for (const c of items) {
    const month = c.happenedOn.slice(0, 7);
    const last = groups[groups.length - 1];
    if (last && last.month === month) last.items.push(c);
    else groups.push({ month, items: [c] });
  }
  return groups;
}
