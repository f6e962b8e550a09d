/** Plain words for the access log: what was read, by whom, how often, and why they could. */
import { CONTENT_KINDS, SHARE_CATEGORIES } from '../../../../shared/src/domain';
import type { Language } from '../../../../shared/src/i18n';
import type { AccessEvent } from '../../api';
import { dateFormat, formatDateTime, formatTime, sameLocalDay } from '../../ui/format';
import type { m } from './messages';

export const accessLogKey = ['access-log'] as const;

type T = (key: keyof typeof m.en, values?: Record<string, string | number>) => string;

/** What kind of thing a row is about: "A goal and its plan", "All your notes". */
export function kindLabel(t: T, itemType: string): string {
  if ((CONTENT_KINDS as readonly string[]).includes(itemType)) return t(`kind_${itemType}` as keyof typeof m.en);
  if ((SHARE_CATEGORIES as readonly string[]).includes(itemType)) return t(`category_${itemType}` as keyof typeof m.en);
  return t('kind_other');
}

/** The item's own name when the server knows it, else what kind of thing it is. */
export const itemName = (t: T, e: Pick<AccessEvent, 'itemType' | 'itemTitle'>) => e.itemTitle ?? kindLabel(t, e.itemType);

/** The server words relations from the reader's side ("raised with you"); the coachee reads them about the reader. */
const RELATION_KEY: Record<string, keyof typeof m.en> = {
  coachee: 'relation_coachee',
  coach: 'relation_coach',
  'mentor coach': 'relation_mentor',
  'peer coach': 'relation_peer',
  'self-coach': 'relation_self',
  supervisor: 'relation_supervisor',
  'supervisor (shared with you)': 'relation_supervisor',
  'program leader': 'relation_leader',
  'shared with you': 'relation_colleague',
  colleague: 'relation_colleague',
  'supervisor (concern raised with you)': 'relation_concern',
};
export const relationLabel = (t: T, relation: string) => (RELATION_KEY[relation] ? t(RELATION_KEY[relation]) : relation);

export function basisLabel(t: T, basis: string): string {
  if (basis.startsWith('escalation:')) return t('basis_escalation');
  if (basis === 'member of the partnership') return t('basis_member');
  if (basis === 'you shared it') return t('basis_shared');
  if (basis === 'supervisor-commitments') return t('basis_supervisorPart');
  return t('basis_other');
}

/** "with Carmen Diaz" — the partnership as the coachee knows it. */
export const partnershipPhrase = (t: T, partners: string) => (partners ? t('withPartners', { partners }) : t('justYou'));

/** "Read twice today", "Read 3 times on 4 Dec", "Printed yesterday": one grouped row in a sentence. */
export function howOften(t: T, language: Language, e: Pick<AccessEvent, 'action' | 'count' | 'at'>, now = new Date()): string {
  const d = new Date(e.at);
  const midnight = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const daysAgo = Math.round((midnight(now) - midnight(d)) / 86_400_000);
  const day = daysAgo === 0 ? 'today' : daysAgo === 1 ? 'yesterday' : 'other';
  const date = Number.isNaN(d.getTime()) ? '' : dateFormat(language, d.getFullYear() === now.getFullYear() ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
  return t('howOften', { action: e.action, count: e.count, day, date });
}

/** "at 10:42", or "first at 9:05, last at 10:42" for a group (with the day when the group crosses midnight). */
export function atWhatTime(t: T, language: Language, e: Pick<AccessEvent, 'count' | 'at' | 'firstAt'>): string {
  const last = formatTime(e.at, language);
  const first = sameLocalDay(e.firstAt, e.at) ? formatTime(e.firstAt, language) : formatDateTime(e.firstAt, language);
  return e.count <= 1 || first === last ? t('at', { time: last }) : t('firstLast', { first, last });
}
