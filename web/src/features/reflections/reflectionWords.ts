/** Plain words and small helpers for reflections. */
import type { Language, Values } from '../../../../shared/src/i18n';
import type { Meeting, Reflection } from '../../api';
import { formatDay } from '../observations/observationWords';
import type { Key } from './messages';

export type T = (key: Key, values?: Values) => string;

export const reflectionsKey = (partnershipId: string) => ['reflections', partnershipId] as const;
/** The reflections on one observation (under reflectionsKey, so saving a reflection refreshes them too). */
export const observationReflectionsKey = (partnershipId: string, observationId: string) => ['reflections', partnershipId, 'observation', observationId] as const;

export const newestFirst = (a: Reflection, b: Reflection) => b.createdAt.localeCompare(a.createdAt);

/** Sessions one can reflect on: those that went ahead (held), or have started and were not cancelled. */
export function reflectableMeetings(items: Meeting[], now = Date.now()): Meeting[] {
  return items
    .filter((m) => m.status === 'held' || (m.status === 'scheduled' && new Date(m.startsAt).getTime() <= now))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}

/** Has the coachee whose round it is already reflected on this session and/or observation plan? (The server checks the same.) */
export function coacheeHasReflected(reflections: Reflection[], subjectId: string, on: { meetingId: string; planId: string }): boolean {
  return reflections.some(
    (r) => r.voice === 'coachee' && r.subjectId === subjectId && (!on.meetingId || r.meetingId === on.meetingId) && (!on.planId || r.planId === on.planId),
  );
}

/** "Support visit on Thu, Mar 12, 2026": a session to reflect on, in the reader's language. */
export function sessionOption(t: T, language: Language, m: Pick<Meeting, 'kind' | 'startsAt'>): string {
  return t('sessionOption', { kind: m.kind, day: formatDay(m.startsAt, language) });
}

/** "On the support visit on Thu, Mar 12, 2026": what a reflection looks back on. */
export function onSession(t: T, language: Language, m: Pick<Meeting, 'kind' | 'startsAt'>): string {
  return t('onSession', { kind: m.kind, day: formatDay(m.startsAt, language) });
}
