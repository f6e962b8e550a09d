/** Plain words for goals and action plans, and who can carry a step in a partnership. */
import { type GoalStatus, type Responsible, SUBJECT_ROLES, type StepStatus } from '../../../../shared/src/domain';
import type { Goal, PartnershipDetail } from '../../api';

export const goalsKey = (partnershipId: string) => ['goals', partnershipId] as const;

export const GOAL_STATUS_LABEL: Record<GoalStatus, string> = {
  proposed: 'Proposed — waiting for the coachee',
  active: 'Active',
  achieved: 'Achieved',
  set_aside: 'Set aside',
};

export const STEP_STATUS_LABEL: Record<StepStatus, string> = {
  not_started: 'Not started',
  in_progress: 'Under way',
  done: 'Done',
  dropped: 'Dropped',
};

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

/** Who a step belongs to, in words for the person looking at it. */
export function responsibleLabel(r: Responsible, p: PartnershipDetail, subjectId: string, meId: string): string {
  const active = p.members.filter((m) => m.state !== 'declined');
  const subject = p.members.find((m) => m.personId === subjectId);
  const one = (role: string) => active.filter((m) => m.role === role);
  switch (r) {
    case 'coachee':
      if (subjectId === meId || p.format === 'self') return 'Me';
      return subject ? `${subject.name} (${p.format === 'peer' ? 'whose goal it is' : 'the coachee'})` : 'The coachee';
    case 'coach': {
      const coach = one('coach')[0];
      if (coach?.personId === meId) return 'Me (the coach)';
      return coach ? `The coach, ${coach.name}` : 'The coach';
    }
    case 'mentor': {
      const mentor = one('mentor')[0];
      if (mentor?.personId === meId) return 'Me (the mentor coach)';
      return mentor ? `The mentor coach, ${mentor.name}` : 'The mentor coach';
    }
    case 'peer': {
      const peers = one('peer').filter((m) => m.personId !== subjectId);
      if (peers.some((m) => m.personId === meId)) return 'Me (the peer coach)';
      if (subjectId === meId) return peers.length === 1 ? `My peer, ${peers[0].name}` : 'My peer';
      return peers.length === 1 ? `The peer coach, ${peers[0].name}` : 'The peer coach';
    }
    case 'both':
      return 'Both of us';
  }
}

/** "2 of 5 steps done, 1 overdue" */
export function progressText(g: Goal): string {
  const { total, done, overdue } = g.progress;
  if (total === 0) return 'No steps in the plan yet';
  return `${done} of ${total} ${total === 1 ? 'step' : 'steps'} done${overdue ? `, ${overdue} overdue` : ''}`;
}

/** What the coachee sees on the button that moves their goal to a status. */
export const MOVE_LABEL: Record<GoalStatus, string> = {
  active: 'Take this goal on',
  achieved: 'Mark as achieved',
  set_aside: 'Set it aside…',
  proposed: '',
};

export const MOVED_MESSAGE: Record<GoalStatus, string> = {
  active: 'This goal is active. Good luck with it!',
  achieved: 'Marked as achieved. Well done!',
  set_aside: 'The goal is set aside. You can reopen it at any time.',
  proposed: '',
};
