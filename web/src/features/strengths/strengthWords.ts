/**
 * Plain words for strengths and needs: the self-rating scale, growth over time, and the two lists.
 * The words themselves are in messages.ts; helpers here take the translator (`t`) a component gets from useT(m).
 */
import type { Language, Values } from '../../../../shared/src/i18n';
import type { PracticeRatings } from '../../api';
import { dateFormat } from '../../ui/format';
import type { m } from './messages';

export const strengthsKey = (partnershipId: string) => ['strengths', partnershipId] as const;

/** The translator of strengths' words: `useT(m)` with m from ./messages. */
export type StrengthsT = (key: keyof typeof m.en, values?: Values) => string;

/** "New to me" … "I could show others": one step of the self-rating scale. */
export function levelLabel(t: StrengthsT, level: number): string {
  return t('level', { level });
}

/** "Nov 20" this year, "Nov 20, 2025" otherwise: short enough for a line of growth (in the reader's language). */
export function shortDate(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const sameYear = d.getFullYear() === new Date().getFullYear();
  return dateFormat(language, sameYear ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', year: 'numeric' }).format(d);
}

/** "New to me (Sep 3) → Trying it out (Nov 20)": the whole history of one practice in words. */
export function growthText(t: StrengthsT, language: Language, r: PracticeRatings): string {
  return r.history.map((h) => t('point', { level: levelLabel(t, h.level), date: shortDate(h.ratedAt, language) })).join(' → ');
}

/** Practices grouped by category, keeping the framework's order. */
export function byCategory<T extends { category: string }>(items: T[]): { category: string; items: T[] }[] {
  const groups: { category: string; items: T[] }[] = [];
  for (const item of items) {
    const group = groups.find((g) => g.category === item.category);
    if (group) group.items.push(item);
    else groups.push({ category: item.category, items: [item] });
  }
  return groups;
}
