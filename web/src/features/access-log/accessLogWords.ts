/** Plain words for the access log: what was read, by whom, how often, and why they could. */
import type { ContentKind, ShareCategory } from '../../../../shared/src/domain';
import type { AccessEvent } from '../../api';
import { dayPhrase, formatDateTime, formatTime, sameLocalDay, timesText } from '../../ui/format';

export const accessLogKey = ['access-log'] as const;

const ACTION_LABEL: Record<AccessEvent['action'], string> = { view: 'Read', export: 'Downloaded', print: 'Printed', share: 'Shared', revoke: 'Withdrew a share' };

/** Every kind of coaching content, so a new kind fails to compile until it has words here. */
export const KIND_LABEL: Record<ContentKind, string> = {
  note: 'A note',
  profile: 'Getting-to-know-you profile',
  goal: 'A goal and its plan',
  meeting: 'A session agenda',
  agreement: 'Your coaching agreement',
  celebration: 'A celebration',
  strength: 'Strengths and needs',
  observation_plan: 'An observation plan',
  reflection: 'A reflection',
  message: 'A message',
  concern: 'A concern',
};

/** Shares and withdrawals of a whole category are logged under the category's name. */
const CATEGORY_LABEL: Record<ShareCategory, string> = {
  notes: 'All your notes',
  goals: 'All your goals',
  celebrations: 'All your celebrations',
  strengths: 'All your strengths and needs',
  observation_plans: 'All your observation plans',
  reflections: 'All your reflections',
};

const ITEM_LABEL: Record<string, string> = { ...KIND_LABEL, ...CATEGORY_LABEL };

/** What kind of thing a row is about: "A goal and its plan", "All your notes". */
export const kindLabel = (itemType: string) => ITEM_LABEL[itemType] ?? 'Coaching content';

/** The item's own name when the server knows it, else what kind of thing it is. */
export const itemName = (e: Pick<AccessEvent, 'itemType' | 'itemTitle'>) => e.itemTitle ?? kindLabel(e.itemType);

/** The server words these from the reader's side ("raised with you"); the coachee reads them about the reader. */
const RELATION_LABEL: Record<string, string> = {
  'supervisor (concern raised with you)': 'Supervisor (a concern was raised with them)',
  'supervisor (shared with you)': 'Supervisor',
  'shared with you': 'Colleague',
};
export const relationLabel = (relation: string) => RELATION_LABEL[relation] ?? relation.charAt(0).toUpperCase() + relation.slice(1);

const BASIS_LABEL: Record<string, string> = { 'member of the partnership': 'Member of the partnership', 'you shared it': 'You shared it with them' };
export const basisLabel = (basis: string) =>
  basis.startsWith('escalation:') ? 'A concern was raised with them after it was talked over with you' : (BASIS_LABEL[basis] ?? basis);

/** "with Carmen Diaz" — the partnership as the coachee knows it. */
export const partnershipPhrase = (partners: string) => (partners ? `with ${partners}` : 'Just you');

/** "Read twice today", "Read 3 times on 4 Dec", "Printed yesterday": one grouped row in a sentence. */
export function howOften(e: Pick<AccessEvent, 'action' | 'count' | 'at'>, now = new Date()): string {
  const verb = ACTION_LABEL[e.action] ?? e.action;
  return `${verb}${e.count > 1 ? ` ${timesText(e.count)}` : ''} ${dayPhrase(e.at, now)}`;
}

/** "at 10:42", or "first at 9:05, last at 10:42" for a group (with the day when the group crosses midnight). */
export function atWhatTime(e: Pick<AccessEvent, 'count' | 'at' | 'firstAt'>): string {
  const last = formatTime(e.at);
  const first = sameLocalDay(e.firstAt, e.at) ? formatTime(e.firstAt) : formatDateTime(e.firstAt);
  return e.count <= 1 || first === last ? `at ${last}` : `first at ${first}, last at ${last}`;
}
