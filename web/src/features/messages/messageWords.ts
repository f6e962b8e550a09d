/** Plain words for messages and resource requests: how long a request has waited, and who is asked. */
import type { Member, Message, PartnershipDetail } from '../../api';
import { firstName } from '../goals/goalWords';

export const messagesKey = (partnershipId: string) => ['messages', partnershipId] as const;

/** Messages fetched per page; the newest page comes first. */
export const PAGE_SIZE = 25;

/** 0.4 → "less than an hour", 5 → "5 hours", 30 → "1 day", 80 → "3 days". */
export function waitedText(hours: number | null): string {
  if (hours === null || hours < 1) return 'less than an hour';
  if (hours < 24) {
    const h = Math.floor(hours);
    return `${h} ${h === 1 ? 'hour' : 'hours'}`;
  }
  const d = Math.floor(hours / 24);
  return `${d} ${d === 1 ? 'day' : 'days'}`;
}

/** The people a request can go to: accepted members other than me, the mentor coach first. */
export function askable(p: PartnershipDetail, meId: string): Member[] {
  const others = p.members.filter((m) => m.state === 'accepted' && m.personId !== meId);
  return [...others.filter((m) => m.role === 'mentor'), ...others.filter((m) => m.role !== 'mentor')];
}

/** "you" for the reader, otherwise the first name. */
export function who(name: string | null, personIdOrNull: string | null, meId: string): string {
  if (personIdOrNull && personIdOrNull === meId) return 'you';
  return name ? firstName(name) : 'someone';
}

/** Where a request stands, in one line: "Waiting 3 days" or "Fulfilled after 5 hours by Morgan". */
export function requestState(m: Message, meId: string, meName: string): string {
  if (m.fulfilledAt) {
    const by = m.fulfilledByName ? ` by ${who(m.fulfilledByName, m.fulfilledBy, meId)}` : '';
    return `Fulfilled after ${waitedText(m.waitedHours)}${by}`;
  }
  return `Waiting ${waitedText(m.waitedHours)}`;
}
