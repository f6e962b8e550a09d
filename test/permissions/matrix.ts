/**
 * THE permission matrix: who (by relationship to one expert partnership with a
 * mentor) may do what, and how each share state changes it. matrix.test.ts
 * generates one HTTP test per row; the route-inventory test fails when a route's
 * matrix key has no rows, or lacks an allow/block pair.
 *
 * Outcomes:
 *   allow      2xx, and for lists the item is included
 *   logistics  2xx, but the coaching-content fields are absent (not null: absent)
 *   deny       404 with the same body as a missing id (lists: item absent)
 *   reject     4xx validation answer (the actor may call it, but not like this)
 *   anonymous  401 (no session)
 */
export const WHO = [
  'coachee',
  'coach',
  'mentor',
  'supervisorOfCoachee',
  'otherSupervisor',
  'colleague',
  'leader',
  'otherOrganization',
  'anonymous',
] as const;
export type Who = (typeof WHO)[number];

export const SHARE_STATES = ['none', 'live', 'category', 'expired', 'revoked'] as const;
export type ShareState = (typeof SHARE_STATES)[number];

export type Outcome = 'allow' | 'logistics' | 'deny' | 'reject' | 'anonymous';

export type ActionKey =
  | 'public'
  | 'self'
  | 'org.read'
  | 'org.manage'
  | 'org.create'
  | 'partnership.list'
  | 'partnership.view'
  | 'partnership.overview'
  | 'partnership.create'
  | 'partnership.respond'
  | 'partnership.changeStatus'
  | 'profile.edit'
  | 'agreement.view'
  | 'agreement.edit'
  | 'agreement.sign'
  | 'agreement.export'
  | 'note.list'
  | 'note.create'
  | 'note.read'
  | 'note.edit'
  | 'meeting.view'
  | 'meeting.schedule'
  | 'meeting.change'
  | 'celebration.list'
  | 'celebration.create'
  | 'celebration.read'
  | 'goal.list'
  | 'goal.create'
  | 'goal.read'
  | 'goal.carriedOver'
  | 'goal.edit'
  | 'goal.decide'
  | 'strengths.list'
  | 'strengths.rate'
  | 'strengths.add'
  | 'strengths.read'
  | 'plan.list'
  | 'plan.create'
  | 'plan.read'
  | 'plan.edit'
  | 'plan.confirm'
  | 'observation.list'
  | 'observation.start'
  | 'observation.read'
  | 'observation.export'
  | 'observation.record'
  | 'layout.list'
  | 'layout.edit'
  | 'reflection.list'
  | 'reflection.create'
  | 'reflection.read'
  | 'feedback.list'
  | 'feedback.write'
  | 'feedback.read'
  | 'artifact.list'
  | 'artifact.upload'
  | 'artifact.read'
  | 'artifact.edit'
  | 'artifact.delete'
  | 'clip.upload'
  | 'clip.read'
  | 'clip.comments'
  | 'clip.comment'
  | 'clip.commentEdit'
  | 'clip.watched'
  | 'clip.feedbackList'
  | 'clip.feedbackWrite'
  | 'message.list'
  | 'message.create'
  | 'message.fulfil'
  | 'concern.list'
  | 'concern.create'
  | 'concern.read'
  | 'concern.readEscalated'
  | 'concern.inbox'
  | 'concern.followUp'
  | 'share.create'
  | 'share.list'
  | 'share.revoke'
  | 'share.read'
  | 'accessLog.read'
  | 'languageCheck.check'
  | 'languageCheck.rules'
  | 'adminMeeting.create'
  | 'adminMeeting.list'
  | 'adminMeeting.read'
  | 'adminMeeting.run'
  | 'adminMeeting.norms'
  | 'adminMeeting.notes'
  | 'agreement.signAsSupervisor'
  | 'checkin.view'
  | 'checkin.schedule'
  | 'coverage.view'
  | 'coverage.request'
  | 'coverage.answer'
  | 'workLog.own'
  | 'workLog.write'
  | 'workLog.edit'
  | 'workLog.totals'
  | 'workLog.coaches'
  | 'adminMeeting.scheduleRead'
  | 'adminMeeting.scheduleRules'
  | 'adminMeeting.schedule'
  | 'adminMeeting.attendance'
  | 'adminMeeting.contribute'
  | 'adminMeeting.settleRoles'
  | 'adminMeeting.answerTopics'
  | 'adminMeeting.planAgreement'
  | 'adminMeeting.draftAgreement'
  | 'adminMeeting.signAgreement'
  | 'adminMeeting.exportAgreement'
  | 'program.read'
  | 'program.welcome'
  | 'program.enrol'
  | 'program.enrolments'
  | 'program.partner'
  | 'program.testify'
  | 'program.testimonial'
  | 'program.review'
  | 'partnership.agreedTerms';

export interface Row {
  action: ActionKey;
  who: Who;
  share: ShareState;
  expect: Outcome;
}

const members = { coachee: 'allow', coach: 'allow', mentor: 'allow' } as const;
const outsiders = { supervisorOfCoachee: 'deny', otherSupervisor: 'deny', colleague: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' } as const;
const membersOnly: Partial<Record<Who, Outcome>> = { ...members, ...outsiders };
/** Only the coachee the content is about (rating themselves, confirming a plan). */
const subjectOnly: Partial<Record<Who, Outcome>> = { coachee: 'allow', coach: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' };
/** Reading one item of shareable content, by share state. */
const sharedRead = {
  none: membersOnly,
  live: { ...members, supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny', colleague: 'deny', otherOrganization: 'deny' },
  category: { coachee: 'allow', supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny' },
  expired: { coachee: 'allow', supervisorOfCoachee: 'deny' },
  revoked: { coachee: 'allow', supervisorOfCoachee: 'deny' },
} satisfies Partial<Record<ShareState, Partial<Record<Who, Outcome>>>>;

/** The supervisor of the coachee, and nobody else (the partners included): the supervisor's own part (issue 12, item 6). */
const supervisorOnly: Partial<Record<Who, Outcome>> = { supervisorOfCoachee: 'allow', coachee: 'deny', coach: 'deny', mentor: 'deny', otherSupervisor: 'deny', colleague: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' };
/** The partners and the coachee's supervisor see it; another supervisor, a colleague, a leader, another organization do not. */
const partnersAndSupervisor: Partial<Record<Who, Outcome>> = { ...members, supervisorOfCoachee: 'allow', otherSupervisor: 'deny', colleague: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' };

const TABLE: Record<ActionKey, Partial<Record<Who, Outcome>> | Partial<Record<ShareState, Partial<Record<Who, Outcome>>>>> = {
  public: { anonymous: 'allow', coachee: 'allow' },
  self: { coachee: 'allow', supervisorOfCoachee: 'allow', leader: 'allow', otherOrganization: 'allow', anonymous: 'anonymous' },
  'org.read': { coachee: 'allow', coach: 'allow', supervisorOfCoachee: 'allow', leader: 'allow', otherOrganization: 'deny', anonymous: 'anonymous' },
  'org.manage': { leader: 'allow', coachee: 'deny', coach: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Only a program leader adds to their organization (a leader elsewhere adds to their own, not to this one).
  'org.create': { leader: 'allow', coachee: 'deny', coach: 'deny', supervisorOfCoachee: 'deny', anonymous: 'anonymous' },
  'partnership.list': { ...members, supervisorOfCoachee: 'allow', leader: 'allow', otherSupervisor: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'partnership.view': { ...members, supervisorOfCoachee: 'logistics', leader: 'logistics', otherSupervisor: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'partnership.create': { coach: 'allow', coachee: 'allow', leader: 'allow', supervisorOfCoachee: 'reject', otherOrganization: 'reject', anonymous: 'anonymous' },
  'partnership.respond': { colleague: 'allow', coach: 'deny', supervisorOfCoachee: 'deny', otherSupervisor: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'partnership.changeStatus': membersOnly,
  'profile.edit': membersOnly,
  'agreement.view': { ...members, supervisorOfCoachee: 'logistics', leader: 'logistics', otherSupervisor: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'agreement.edit': membersOnly,
  'agreement.sign': membersOnly,
  'agreement.export': membersOnly,
  'note.list': membersOnly,
  'note.create': membersOnly,
  'note.read': {
    none: membersOnly,
    live: { ...members, supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny', colleague: 'deny', otherOrganization: 'deny' },
    category: { coachee: 'allow', supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny' },
    expired: { coachee: 'allow', supervisorOfCoachee: 'deny', leader: 'deny' },
    revoked: { coachee: 'allow', supervisorOfCoachee: 'deny', leader: 'deny' },
  },
  'note.edit': { coach: 'allow', coachee: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'meeting.view': { ...members, supervisorOfCoachee: 'logistics', leader: 'logistics', otherSupervisor: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'meeting.schedule': membersOnly,
  'meeting.change': membersOnly,
  'celebration.list': membersOnly,
  'celebration.create': membersOnly,
  'celebration.read': {
    none: membersOnly,
    live: { ...members, supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny', colleague: 'deny', otherOrganization: 'deny' },
    category: { coachee: 'allow', supervisorOfCoachee: 'allow', leader: 'deny' },
    expired: { coachee: 'allow', supervisorOfCoachee: 'deny' },
    revoked: { coachee: 'allow', supervisorOfCoachee: 'deny' },
  },
  'strengths.list': membersOnly,
  'strengths.rate': subjectOnly,
  'strengths.add': membersOnly,
  'strengths.read': sharedRead,
  'plan.list': membersOnly,
  'plan.create': membersOnly,
  'plan.read': sharedRead,
  'plan.edit': membersOnly,
  'plan.confirm': subjectOnly,
  'observation.list': membersOnly,
  // A live visit is observed by someone supporting the coachee; the coachee records only their own video (observation-records.test.ts).
  'observation.start': { coach: 'allow', mentor: 'allow', coachee: 'deny', supervisorOfCoachee: 'deny', colleague: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'observation.read': sharedRead,
  // Its graphics as SVG/PNG and the PDF: a read like any other (logged as an export).
  'observation.export': sharedRead,
  // Adding taps to the coach's visit and ending it: the observers only; a share lets a person read, never record.
  'observation.record': {
    none: { coach: 'allow', mentor: 'allow', coachee: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
    live: { supervisorOfCoachee: 'deny' },
  },
  'layout.list': membersOnly,
  'layout.edit': membersOnly,
  'reflection.list': membersOnly,
  'reflection.create': membersOnly,
  'reflection.read': sharedRead,
  // Written feedback: by someone supporting the coachee; sent, the partnership reads it (the coachee after her reflection, feedback.test.ts).
  'feedback.list': membersOnly,
  'feedback.write': { coach: 'allow', mentor: 'allow', coachee: 'deny', supervisorOfCoachee: 'deny', colleague: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Shared one piece at a time (there is no feedback category).
  'feedback.read': { none: sharedRead.none, live: sharedRead.live, expired: sharedRead.expired, revoked: sharedRead.revoked },
  // Photos, documents and student work: either partner attaches them; the note, the file and its thumbnail are read like any content (artifacts.test.ts).
  'artifact.list': membersOnly,
  'artifact.upload': membersOnly,
  // Its details, the file itself and the thumbnail; shared one artifact at a time (there is no artifact category).
  'artifact.read': { none: sharedRead.none, live: sharedRead.live, expired: sharedRead.expired, revoked: sharedRead.revoked },
  // The coach attached it: only the coach changes its note; the coach or the coachee it is about removes it.
  'artifact.edit': { coach: 'allow', coachee: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'artifact.delete': { coach: 'allow', coachee: 'allow', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Video and audio clips: either partner starts a resumable upload, and sends, asks about or gives up only their own
  // (HEAD/PATCH/DELETE of the coach's staged upload by anyone else: 404); clips.test.ts covers the protocol.
  'clip.upload': membersOnly,
  // A clip's details, its file in ranges (a download, logged), its poster and its comments; shared one clip at a time.
  'clip.read': { none: sharedRead.none, live: sharedRead.live, expired: sharedRead.expired, revoked: sharedRead.revoked },
  // Its comments at moments (a read of the clip): the coachee's share lets the supervisor in (the comments wait until she has watched it).
  'clip.comments': { none: sharedRead.none, live: sharedRead.live, expired: sharedRead.expired, revoked: sharedRead.revoked },
  // Either partner comments, and changes or removes their own comment; a share lets a person read, never comment.
  'clip.comment': { none: membersOnly, live: { supervisorOfCoachee: 'deny' } },
  // The coach's comment is the coach's: nobody else changes or removes it.
  'clip.commentEdit': { coach: 'allow', coachee: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Only the coachee the clip is about says she has watched it.
  'clip.watched': { coachee: 'allow', coach: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Written feedback on a clip: members list it (the coachee's sent pieces once she has watched, clip-feedback.test.ts); someone supporting the coachee writes it.
  'clip.feedbackList': membersOnly,
  'clip.feedbackWrite': { coach: 'allow', mentor: 'allow', coachee: 'deny', supervisorOfCoachee: 'deny', colleague: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'message.list': membersOnly,
  'message.create': membersOnly,
  // The coachee asked the mentor coach: either of them closes the request, nobody else.
  'message.fulfil': { coachee: 'allow', mentor: 'allow', coach: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // The coachee sees every concern about them from the start.
  'concern.list': membersOnly,
  'concern.create': { coach: 'allow', mentor: 'allow', coachee: 'deny', supervisorOfCoachee: 'deny', colleague: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'concern.read': membersOnly,
  // After the coach recorded the conversation and raised it with the coachee's supervisor: that supervisor reads it too.
  'concern.readEscalated': { coachee: 'allow', coach: 'allow', supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'concern.inbox': { supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny', coach: 'deny', anonymous: 'anonymous' },
  // Only the coach who recorded the concern follows it up.
  'concern.followUp': { coach: 'allow', mentor: 'deny', coachee: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'partnership.overview': membersOnly,
  'goal.list': membersOnly,
  // What was carried over to a goal (feedback, comments at moments): members, each piece as its own rules say.
  'goal.carriedOver': membersOnly,
  'goal.create': membersOnly,
  'goal.read': {
    none: membersOnly,
    live: { ...members, supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny', colleague: 'deny', otherOrganization: 'deny' },
    category: { coachee: 'allow', supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny' },
    expired: { coachee: 'allow', supervisorOfCoachee: 'deny' },
    revoked: { coachee: 'allow', supervisorOfCoachee: 'deny' },
  },
  'goal.edit': membersOnly,
  'goal.decide': { coachee: 'allow', coach: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'share.create': { coachee: 'allow', coach: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'share.list': { coachee: 'allow', coach: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'share.revoke': { coachee: 'allow', coach: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'share.read': {
    none: { supervisorOfCoachee: 'deny', leader: 'deny' },
    live: { supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
    category: { supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny' },
    expired: { supervisorOfCoachee: 'deny' },
    revoked: { supervisorOfCoachee: 'deny' },
  },
  'accessLog.read': { coachee: 'allow', coach: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // The language check reads no coaching content and keeps nothing: anyone signed in, in any organization, checks a text and reads the rules.
  'languageCheck.check': { coachee: 'allow', coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'allow', colleague: 'allow', leader: 'allow', otherOrganization: 'allow', anonymous: 'anonymous' },
  'languageCheck.rules': { coachee: 'allow', coach: 'allow', leader: 'allow', otherOrganization: 'allow', anonymous: 'anonymous' },
  // The administrator–coach partnership meeting (admin-meetings.test.ts): the coach set it up and facilitates, with the
  // supervisor of the coachee as principal and the mentor coach as a coach and note-taker. Nobody else finds it: not
  // another supervisor, not the program leader who is not in it, not a teacher (404).
  'adminMeeting.create': { coach: 'allow', leader: 'allow', coachee: 'deny', supervisorOfCoachee: 'deny', otherOrganization: 'reject', anonymous: 'anonymous' },
  'adminMeeting.list': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'allow', leader: 'deny', otherSupervisor: 'deny', coachee: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // The meeting and its live events stream.
  'adminMeeting.read': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'allow', leader: 'deny', otherSupervisor: 'deny', coachee: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Start, move between steps, choose the note-taker, end: the facilitator (here also whoever set it up).
  'adminMeeting.run': { coach: 'allow', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.norms': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'allow', leader: 'deny', otherSupervisor: 'deny', coachee: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // The record is the note-taker's alone.
  'adminMeeting.notes': { mentor: 'allow', coach: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // The supervisor as a party (issue 12, item 6): signing the supervisor's commitments, scheduling check-ins and
  // answering coverage are the coachee's supervisor's alone; the partners see check-ins and coverage and ask for cover.
  'agreement.signAsSupervisor': supervisorOnly,
  'checkin.view': partnersAndSupervisor,
  'checkin.schedule': supervisorOnly,
  'coverage.view': partnersAndSupervisor,
  'coverage.request': { ...members, supervisorOfCoachee: 'deny', otherSupervisor: 'deny', colleague: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'coverage.answer': supervisorOnly,
  // The coach's own work log (work-log.test.ts): the coach (and the mentor coach, of their own log) keeps it; an entry is
  // the coach's alone. The coachee's supervisor signed a partnership meeting agreement with the coach (names may be used)
  // and sees the coach's totals, never an entry or its note; another supervisor, the program leader, the partners: 404.
  'workLog.own': { coach: 'allow', mentor: 'deny', coachee: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // An entry for the scene's partnership: the coach and the mentor coach coach in it; a coach elsewhere is refused the partnership.
  'workLog.write': { coach: 'allow', mentor: 'allow', coachee: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'reject', anonymous: 'anonymous' },
  'workLog.edit': { coach: 'allow', mentor: 'deny', coachee: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'workLog.totals': { coach: 'allow', supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny', mentor: 'deny', coachee: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'workLog.coaches': { supervisorOfCoachee: 'allow', otherSupervisor: 'deny', leader: 'deny', coach: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Future meetings (step 9): every participant reads the schedule and its calendar file; whoever runs the meeting
  // and the note-taker write the rules; they (and a participant named to send invitations) keep the dates and attendance.
  'adminMeeting.scheduleRead': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'allow', leader: 'deny', otherSupervisor: 'deny', coachee: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.scheduleRules': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.schedule': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'deny', otherSupervisor: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.attendance': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Roles, topics and the written agreement (steps 5–7, admin-meeting-agreement.test.ts), in the same meeting: every
  // participant picks roles, adds challenges/strengths/confidentiality lines (and changes their own) and marks key
  // concerns; whoever runs it (the coach) settles roles and names the drafter; the note-taker (the mentor) or the
  // runner answers topics; only the drafter (here the principal, the supervisor of the coachee) writes versions;
  // every participant signs and prints. A supervisor or leader outside the meeting finds nothing (404).
  'adminMeeting.contribute': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'allow', leader: 'deny', otherSupervisor: 'deny', coachee: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.settleRoles': { coach: 'allow', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherSupervisor: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.answerTopics': { mentor: 'allow', coach: 'allow', supervisorOfCoachee: 'deny', leader: 'deny', otherSupervisor: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.planAgreement': { coach: 'allow', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.draftAgreement': { supervisorOfCoachee: 'allow', coach: 'deny', mentor: 'deny', leader: 'deny', otherSupervisor: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.signAgreement': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'allow', leader: 'deny', otherSupervisor: 'deny', coachee: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'adminMeeting.exportAgreement': { coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'allow', leader: 'deny', otherSupervisor: 'deny', coachee: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Launching a program (program-launch.test.ts): the page is for everyone signed in; the welcome is the leader's.
  'program.read': { coachee: 'allow', coach: 'allow', supervisorOfCoachee: 'allow', leader: 'allow', otherOrganization: 'allow', anonymous: 'anonymous' },
  'program.welcome': { leader: 'allow', coachee: 'deny', coach: 'deny', supervisorOfCoachee: 'deny', anonymous: 'anonymous' },
  // A teacher volunteers or says "not now" (and takes it back) for themselves; anyone else finds nothing to answer (404).
  'program.enrol': { colleague: 'allow', coachee: 'allow', coach: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', anonymous: 'anonymous' },
  // A new teacher, supervised by the coachee's supervisor, volunteered choosing the coach: the leader and that coach see
  // the request and turn it into a partnership; the teacher's supervisor never learns of it (404), nor does another coach.
  'program.enrolments': { leader: 'allow', coach: 'allow', mentor: 'deny', supervisorOfCoachee: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'program.partner': { leader: 'allow', coach: 'allow', mentor: 'deny', supervisorOfCoachee: 'deny', colleague: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  // Testimonials: written by people taking part; changed, consented, withdrawn and deleted by their author alone;
  // approved by the leader only once their author consented.
  'program.testify': { coachee: 'allow', coach: 'allow', mentor: 'allow', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'program.testimonial': { coachee: 'allow', coach: 'deny', mentor: 'deny', supervisorOfCoachee: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
  'program.review': { leader: 'allow', coachee: 'deny', coach: 'deny', supervisorOfCoachee: 'deny', anonymous: 'anonymous' },
  // What the coach and the coachee's administrators signed about confidentiality and names: the people it concerns.
  'partnership.agreedTerms': { ...members, supervisorOfCoachee: 'allow', otherSupervisor: 'deny', colleague: 'deny', leader: 'deny', otherOrganization: 'deny', anonymous: 'anonymous' },
};

const isByShare = (v: object): v is Partial<Record<ShareState, Partial<Record<Who, Outcome>>>> => Object.keys(v).some((k) => (SHARE_STATES as readonly string[]).includes(k));

export const MATRIX: Row[] = (Object.keys(TABLE) as ActionKey[]).flatMap((action) => {
  const entry = TABLE[action];
  const byShare = isByShare(entry) ? entry : { none: entry as Partial<Record<Who, Outcome>> };
  return (Object.keys(byShare) as ShareState[]).flatMap((share) =>
    (Object.entries(byShare[share] ?? {}) as Array<[Who, Outcome]>).map(([who, expect]) => ({ action, who, share, expect })),
  );
});
