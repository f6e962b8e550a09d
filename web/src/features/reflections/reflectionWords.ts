/** Plain words and small helpers for reflections. */
import type { Meeting, Reflection } from '../../api';

export const reflectionsKey = (partnershipId: string) => ['reflections', partnershipId] as const;

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

/** "1 next step" / "2 next steps" */
export function stepsCount(n: number): string {
  return `${n} next ${n === 1 ? 'step' : 'steps'}`;
}
