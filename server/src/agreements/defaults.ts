/**
 * Default agreement templates, one per format, in Tandem's own words. They
 * cover the commitments of the sample agreements in the seed documents: each
 * program edits its copy, each partnership edits its agreement.
 */
import type { AgreementContent } from '../../../shared/src/api';
import type { Format } from '../../../shared/src/domain';

const coach = [
  'Help the coachee take stock of their own strengths and needs with the practices they choose.',
  'Build an individual plan together: goals that matter for the children, steps to reach them, and who does each step.',
  'Schedule and prepare visits and coaching meetings across the year, and arrive on time and ready.',
  'Offer support the coachee asks for: resources, demonstrations, observation as agreed, and descriptive feedback anchored in data.',
  'Stay a supporter, not an evaluator, and keep coaching apart from performance review.',
  'Decide with the coachee what, if anything, is shared outside the partnership, and keep our conversations confidential.',
  'Check in regularly on how coaching is going and adjust it to what the coachee needs.',
  'Raise any concern with the coachee first, before it goes to anyone else.',
];
const coachee = [
  'Take an active part: look at my strengths and needs, ask questions, share what matters, reflect, and set my own goals.',
  'Be open to being observed in the ways we agreed and to hearing descriptive feedback.',
  'Try new practices with support and look at how they work for my children.',
  'Take part in coaching meetings through the year and keep our schedule.',
  'Value my partner\'s time: come on time and prepared.',
];
const peer = [
  'Give and receive coaching as an equal: both of us plan, observe as agreed, and share data without judgement.',
  'Agree together when we observe each other, what data we collect, and what we do with it.',
  'Keep what we see and say in coaching between us unless the person it is about decides to share it.',
  'Follow through on our plans and come on time and prepared.',
  'Ask our mentor coach for resources or help when we need it.',
];
const self = [
  'Choose the practices I work on and set goals that matter for my children.',
  'Gather data on my own practice in the ways I decide (for example, recording and reviewing my teaching).',
  'Reflect on the data and choose my next steps.',
  'Keep in regular touch with my mentor coach and ask for what I need.',
];
const mentor = [
  'Meet the coaching partners early on to plan how I will support them.',
  'Answer questions about the practices and the coaching process, and share resources on request.',
  'Keep regular contact and follow through on every request, saying when it will be fulfilled.',
  'Keep what I learn of the partnership confidential.',
];
const supervisor = [
  'Support the coach and coachee through regular check-ins (by e-mail, phone or in person).',
  'Bring any question about progress toward coaching goals to the coachee and coach together.',
  'Talk about my own monitoring or evaluation with the coachee directly, never through the coach.',
  'Accept that coaching data and activities are not used for supervision, and that the coachee decides what I see.',
  'Arrange classroom coverage so the coachee can attend coaching meetings.',
  'Protect the coach\'s time for coaching: no pulling them to cover absences or administrative work.',
];

export const DEFAULT_COMMITMENTS: Record<Format, AgreementContent['commitments']> = {
  expert: { coach, coachee, peer: [], self: [], mentor: [], supervisor },
  peer: { coach: [], coachee: [], peer, self: [], mentor, supervisor },
  self: { coach: [], coachee: [], peer: [], self, mentor, supervisor },
};

/** A first draft for a new partnership: the program's commitments and an empty set of guidelines. */
export function firstDraft(commitments: AgreementContent['commitments']): AgreementContent {
  return {
    commitments,
    guidelines: { practiceIds: [], observation: '', observationMode: 'undecided', sharing: '', supports: '', concerns: 'A concern is first talked over between the partners. Nothing goes to the supervisor before that conversation, and the coachee sees anything that does.' },
    meetingCadence: '',
    coverageNeeds: '',
    cancellationNoticeHours: 24,
    communicationPlan: [
      { from: 'Coach and coachee', to: 'Supervisor', what: 'That coaching is happening and any coverage needed — never what was said or seen.', when: 'Monthly check-in' },
      { from: 'Coachee', to: 'Supervisor', what: 'Anything the coachee chooses to share from coaching.', when: 'When the coachee decides' },
    ],
    reviewOn: null,
  };
}
