/** Plain words for strengths and needs: the self-rating scale, growth over time, and the two lists. */
import { SELF_RATING_LABELS, type StrengthType } from '../../../../shared/src/domain';
import type { PracticeRatings } from '../../api';

export const strengthsKey = (partnershipId: string) => ['strengths', partnershipId] as const;

export function levelLabel(level: number): string {
  return SELF_RATING_LABELS[level] ?? `Level ${level}`;
}

/** "Nov 20" this year, "Nov 20, 2025" otherwise: short enough for a line of growth. */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const sameYear = d.getFullYear() === new Date().getFullYear();
  return d.toLocaleDateString(undefined, sameYear ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', year: 'numeric' });
}

/** "New to me (Sep 3) → Trying it out (Nov 20)": the whole history of one practice in words. */
export function growthText(r: PracticeRatings): string {
  return r.history.map((h) => `${levelLabel(h.level)} (${shortDate(h.ratedAt)})`).join(' → ');
}

export const TYPE_TITLE: Record<StrengthType, string> = {
  strength: 'Strengths we see',
  priority: 'Priorities we chose',
};

export const TYPE_INTRO: Record<StrengthType, string> = {
  strength: 'What is already working, in words you both recognise. Strengths are what the next steps build on.',
  priority: 'What you decided together to work on first. When one has been addressed, move it to the past — it stays in the history.',
};

export const TYPE_ADD: Record<StrengthType, string> = {
  strength: 'Add a strength',
  priority: 'Add a priority',
};

export const TYPE_ONE: Record<StrengthType, string> = {
  strength: 'strength',
  priority: 'priority',
};

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
