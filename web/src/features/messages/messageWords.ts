/** Plain words for messages and resource requests: how long a request has waited, and who is asked. */
import type { Values } from '../../../../shared/src/i18n';
import type { Member, Message, PartnershipDetail } from '../../api';
import { firstName } from '../goals/goalWords';
import type { Key } from './messages';

export type T = (key: Key, values?: Values) => string;

export const messagesKey = (partnershipId: string) => ['messages', partnershipId] as const;

/** Messages fetched per page; the newest page comes first. */
export const PAGE_SIZE = 25;

/** How long a request waited, as the values of the catalog's `waiting` and `fulfilled` messages: 0.4 → less than an hour, 5 → 5 hours, 80 → 3 days. */
export function waitedValues(hours: number | null): { unit: 'none' | 'hours' | 'days'; count: number } {
  if (hours === null || hours < 1) return { unit: 'none', count: 0 };
  if (hours < 24) return { unit: 'hours', count: Math.floor(hours) };
  return { unit: 'days', count: Math.floor(hours / 24) };
}

/** The people a request can go to: accepted members other than me, the mentor coach first. */
export function askable(p: PartnershipDetail, meId: string): Member[] {
  const others = p.members.filter((m) => m.state === 'accepted' && m.personId !== meId);
  return [...others.filter((m) => m.role === 'mentor'), ...others.filter((m) => m.role !== 'mentor')];
}

/** Who someone is for the reader, as values of a message's `{who, select, me {…} other {{name}}}`: "me", or their first name. */
export function who(t: T, name: string | null, personIdOrNull: string | null, meId: string): { who: 'me' | 'other'; name: string } {
  if (personIdOrNull && personIdOrNull === meId) return { who: 'me', name: '' };
  return { who: 'other', name: name ? firstName(name) : t('someone') };
}

/** Where a request stands, in one line: "Waiting 3 days" or "Fulfilled after 5 hours by Morgan". */
export function requestState(t: T, m: Message, meId: string): string {
  const waited = waitedValues(m.waitedHours);
  if (m.fulfilledAt) return m.fulfilledByName ? t('fulfilledBy', { ...waited, ...who(t, m.fulfilledByName, m.fulfilledBy, meId) }) : t('fulfilled', waited);
  return t('waiting', waited);
}
