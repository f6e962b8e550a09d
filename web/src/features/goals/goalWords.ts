/**
 * Plain words for goals and action plans, and who can carry a step in a partnership.
 * The words themselves are in messages.ts; helpers here take the translator (`t`) a component gets from useT(m).
 */
import { type GoalStatus, type Responsible, SUBJECT_ROLES } from '../../../../shared/src/domain';
import type { Values } from '../../../../shared/src/i18n';
import type { Goal, PartnershipDetail } from '../../api';
import type { m } from './messages';

export const goalsKey = (partnershipId: string) => ['goals', partnershipId] as const;

/** The translator of goals' words: `useT(m)` with m from ./messages. */
export type GoalsT = (key: keyof typeof m.en, values?: Values) => string;

/** The order goals are listed in: decisions first, then the work in hand, then the rest. */
export const GOAL_ORDER: Record<GoalStatus, number> = { proposed: 0, active: 1, achieved: 2, set_aside: 3 };

/** People whose coaching a goal can be about. */
export function subjectsOf(p: PartnershipDetail) {
  return p.members.filter((m) => SUBJECT_ROLES.includes(m.role) && m.state === 'accepted');
}

/** Who can carry a step, mirroring the server: the coachee and "both" always; coach, peer and mentor when there is one. */
export function responsibleOptions(p: PartnershipDetail): Responsible[] {
  const active = p.members.filter((m) => m.state !== 'declined');
  const parties: Responsible[] = ['coachee'];
  if (active.some((m) => m.role === 'coach')) parties.push('coach');
  if (p.format === 'peer') parties.push('peer');
  if (active.some((m) => m.role === 'mentor')) parties.push('mentor');
  parties.push('both');
  return parties;
}

/** "Taylor Nguyen" → "Taylor". */
export function firstName(name: string): string {
  return name.split(' ')[0] || name;
}

/** Who a step belongs to, in words for the person looking at it (in their language). */
export function responsibleText(t: GoalsT, r: Responsible, p: PartnershipDetail, subjectId: string, meId: string): string {
  const active = p.members.filter((m) => m.state !== 'declined');
  const subject = p.members.find((m) => m.personId === subjectId);
  const one = (role: string) => active.filter((m) => m.role === role);
  switch (r) {
    case 'coachee':
      if (subjectId === meId || p.format === 'self') return t('me');
      return subject ? t(p.format === 'peer' ? 'subjectWhose' : 'subjectCoachee', { name: subject.name }) : t('theCoachee');
    case 'coach': {
      const coach = one('coach')[0];
      if (coach?.personId === meId) return t('meCoach');
      return coach ? t('theCoachNamed', { name: coach.name }) : t('theCoach');
    }
    case 'mentor': {
      const mentor = one('mentor')[0];
      if (mentor?.personId === meId) return t('meMentor');
      return mentor ? t('theMentorNamed', { name: mentor.name }) : t('theMentor');
    }
    case 'peer': {
      const peers = one('peer').filter((m) => m.personId !== subjectId);
      if (peers.some((m) => m.personId === meId)) return t('mePeer');
      if (subjectId === meId) return peers.length === 1 ? t('myPeerNamed', { name: peers[0].name }) : t('myPeer');
      return peers.length === 1 ? t('thePeerNamed', { name: peers[0].name }) : t('thePeer');
    }
    case 'both':
      return t('both');
  }
}

/** "2 of 5 steps done, 1 overdue" */
export function progressText(t: GoalsT, g: Goal): string {
  const { total, done, overdue } = g.progress;
  return total === 0 ? t('noSteps') : t('progress', { total, done, overdue });
}
