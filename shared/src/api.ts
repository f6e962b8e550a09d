/**
 * The API contract: one zod schema per operation. The server validates requests
 * and filters responses with them, the web app types its calls with them, and
 * the OpenAPI description at /api/docs is generated from them.
 */
import { z } from 'zod';
import {
  ACCESS_ACTIONS,
  CELEBRATION_KINDS,
  CHALLENGES,
  CONCERN_STATUSES,
  DATA_METHODS,
  LAYOUT_ELEMENT_TYPES,
  LAYOUT_KINDS,
  MESSAGE_KINDS,
  OBSERVATION_MODES,
  OBSERVATION_STATUSES,
  OBSERVATION_TOOLS,
  PLAN_STATUSES,
  REMINDER_KINDS,
  SELF_RATING_LEVELS,
  STRENGTH_TYPES,
  CONTENT_KINDS,
  FORMATS,
  GOAL_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  MEMBER_ROLES,
  ORG_ROLES,
  ORIGINS,
  RESPONSIBLE,
  SHARE_CATEGORIES,
  STATUSES,
  STEP_STATUSES,
} from './domain';
import {
  ADMIN_MEETING_ROLES,
  ADMIN_MEETING_STATUSES,
  ADMIN_MEETING_STEP_KEYS,
  COACHING_ROLE_KEYS,
  FIRST_STEP,
  LAST_STEP,
  MEETING_ITEM_KINDS,
  MEETING_TOPIC_KEYS,
  TOPIC_ANSWER_STATUSES,
  TOPIC_GROUP_KEYS,
} from './admin-meetings';
import { LANGUAGES } from './i18n';
import { COVERAGE_DECLINE_REASONS, COVERAGE_PURPOSES } from './supervision';
import { WORK_LOG_ACTIVITIES, WORK_LOG_MAX_MINUTES, WORK_LOG_MAX_WEEKS, WORK_LOG_WEEKS } from './work-log';
import { listedTimeZone } from './time-zones';
import { ENROLMENT_STARTS, ENROLMENT_STATUSES, PROGRAM_WELCOME_MAX, TESTIMONIAL_AUTHOR_ROLES, TESTIMONIAL_CONSENTS, TESTIMONIAL_MAX, TESTIMONIAL_STATES } from './program';

const id = z.uuid().describe('Identifier (UUID)');
const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const requiredText = (max: number) => text(max).min(1, 'This cannot be empty.');
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

// ---------- errors ----------
export const ErrorBody = z.object({
  /** Stable machine-readable code, e.g. NOT_FOUND, VALIDATION_FAILED. */
  code: z.string(),
  /** A sentence a person can act on. */
  message: z.string(),
  /** Field-level problems for validation errors. */
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------- pagination ----------
export const PageQuery = z.object({
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  /** Items per page, 1–100 (default 50). */
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
/** A keyset page of a list once answered whole (at most `defaultLimit`): the same first page unless `limit` says otherwise. */
export const keysetQuery = (defaultLimit: number, max = defaultLimit) =>
  z.object({
    /** Opaque cursor from the previous page's nextCursor. */
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(max).default(defaultLimit),
  });

export const IdParams = z.object({ id });
export type IdParams = z.infer<typeof IdParams>;

// ---------- accounts ----------
export const LoginBody = z.object({
  /** The e-mail address you were invited with. */
  email: z.email('Enter a valid e-mail address.').max(254),
  /** Your password. */
  password: z.string().min(1, 'Enter your password.').max(200),
});
export const PasswordRule = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Keep the password under 200 characters.');
export const ResetRequestBody = z.object({ email: z.email('Enter a valid e-mail address.').max(254) });
export const ResetCompleteBody = z.object({ token: z.string().min(10).max(200), password: PasswordRule });
export const AcceptInvitationBody = z.object({
  /** The token from the invitation link. */
  token: z.string().min(10).max(200),
  /** The name you want colleagues to see. */
  name: requiredText(120).optional(),
  /** The password you already use for Tandem with this e-mail, or a new one if you do not use Tandem yet. */
  password: PasswordRule.optional(),
});
/** What an invitation is for. Says nothing about accounts: the link must not reveal whether an e-mail uses Tandem elsewhere. */
export const InvitationPreview = z.object({
  organization: z.string(),
  name: z.string(),
  email: z.string(),
});
export const TokenParams = z.object({ token: z.string().min(10).max(200) });

/** Person-level abilities (server/src/privacy/policy.ts): what the signed-in person may do in their organization as a whole. */
export const PersonAbilities = z.object({
  /** Start a partnership or ask a colleague for coaching: coaches, mentor coaches, coachees and program leaders (who also set them up for others), and anyone already taking part in a partnership. */
  startPartnership: z
    .boolean()
    .describe('Start a partnership or ask a colleague for coaching: coaches, mentor coaches, coachees, program leaders (who also set them up for others), and anyone already taking part in a partnership.'),
  /** Read "who has seen my coaching content": anyone who is a coachee here or ever was a coachee, peer coach or self-coach in a partnership. */
  readAccessLog: z
    .boolean()
    .describe('See who has read your coaching content: anyone who is a coachee here, or ever was a coachee, peer coach or self-coach in a partnership.'),
  /** The administrator–coach partnership meetings page: coaches, supervisors and program leaders. */
  adminMeetings: z.boolean().describe('See the administrator–coach partnership meetings you take part in: coaches, supervisors and program leaders.'),
  /** Set up an administrator–coach partnership meeting: coaches and program leaders. */
  setUpAdminMeeting: z.boolean().describe('Set up an administrator–coach partnership meeting: coaches and program leaders.'),
  /** Keep a work log of your own time by activity: coaches and mentor coaches. */
  workLog: z.boolean().describe('Keep a work log of your own time by activity: coaches and mentor coaches.'),
  /** See the work-log totals of the coaches you agreed with: supervisors (administrators) and program leaders; the page lists only coaches who signed an agreement with you. */
  coachesWorkLogs: z.boolean().describe('See the work-log totals of the coaches who signed a partnership meeting agreement with you: supervisors and program leaders.'),
});
export const OrgChoice = z.object({ personId: id, organizationId: id, organization: z.string() });
export const Me = z.object({
  userId: id,
  personId: id,
  organizationId: id,
  organization: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ORG_ROLES)),
  /** Send this value in the x-csrf-token header on every state-changing request. */
  csrfToken: z.string(),
  /** True until the person has acknowledged the current role descriptions. */
  mustAcknowledgeRoles: z.boolean(),
  organizations: z.array(OrgChoice),
  /** The language Tandem speaks to this person: their own choice, else the organization's default. */
  language: z.enum(LANGUAGES),
  /** True when the person chose it themselves (false: the organization's default). */
  languageChosen: z.boolean(),
  /** What this person may do outside any one partnership, decided by the server's policy; menus and links offer only these. */
  abilities: PersonAbilities.describe("What you may do outside any one partnership, decided by the server's policy; the app's menus and links offer only these."),
});
export type Me = z.infer<typeof Me>;
export const SwitchOrgBody = z.object({ personId: id });
/** Choose your language; null goes back to your organization's default. */
export const LanguageBody = z.object({ language: z.enum(LANGUAGES).nullable() });

export const RoleDescriptionsResponse = z.object({
  version: z.number(),
  acknowledgedAt: z.string().nullable(),
  descriptions: z.array(
    z.object({ party: z.string(), title: z.string(), youDo: z.array(z.string()), youSee: z.array(z.string()), isYou: z.boolean() }),
  ),
});

// ---------- set-up and organization settings ----------
/** An IANA time zone this server knows (Intl.supportedValuesOf('timeZone'), or UTC). */
export const TimeZone = z
  .string()
  .trim()
  .max(64)
  .refine((value) => listedTimeZone(value) !== null, 'Choose a time zone from the list, e.g. America/Chicago.');
const schoolDay = z.iso.date('Enter a date like 2026-08-15.');
/** The school year: both days or neither (a program may run all year), and it ends after it starts. */
export function checkSchoolYear(v: { schoolYearStart?: string | null; schoolYearEnd?: string | null }, ctx: z.RefinementCtx) {
  const start = v.schoolYearStart ?? null;
  const end = v.schoolYearEnd ?? null;
  if (start && !end) ctx.addIssue({ code: 'custom', path: ['schoolYearEnd'], message: 'Enter the day the school year ends too, or leave both days empty.' });
  if (end && !start) ctx.addIssue({ code: 'custom', path: ['schoolYearStart'], message: 'Enter the day the school year starts too, or leave both days empty.' });
  if (start && end && end <= start) ctx.addIssue({ code: 'custom', path: ['schoolYearEnd'], message: 'The school year must end after it starts.' });
}
/** An organization as it is created (set-up page, operator command). */
export const OrganizationFields = z.object({
  /** The organization's name, as its staff know it. */
  name: requiredText(120),
  /** IANA time zone for reminders and times, e.g. America/Chicago. */
  timeZone: TimeZone,
  /** First day of the school year (YYYY-MM-DD); null for a program that runs all year. */
  schoolYearStart: schoolDay.nullable().optional(),
  /** Last day of the school year (YYYY-MM-DD); after the first. */
  schoolYearEnd: schoolDay.nullable().optional(),
  /** The language Tandem uses for people who have not chosen their own. */
  defaultLanguage: z.enum(LANGUAGES).default('en'),
});
export const SetupStatus = z.object({
  /** True only while the install has no organization: the set-up page is shown. */
  needed: z.boolean(),
});
export const SetupBody = z.object({
  /** The one-time set-up token Tandem printed on its console when it started. */
  token: z.string().trim().min(1, 'Enter the set-up token Tandem printed when it started.').max(200),
  organization: OrganizationFields.superRefine(checkSchoolYear),
  /** The first program leader, who signs in with this e-mail and password. */
  leader: z.object({
    name: requiredText(120),
    email: z.email('Enter a valid e-mail address.').max(254),
    password: PasswordRule,
  }),
});
export const Organization = z.object({
  id,
  name: z.string(),
  timeZone: z.string(),
  schoolYearStart: z.string().nullable(),
  schoolYearEnd: z.string().nullable(),
  defaultLanguage: z.enum(LANGUAGES),
  /** What the viewer may do: only program leaders change the settings. */
  abilities: z.object({ update: z.boolean() }),
});
/** Only the fields sent change; the school year is checked together with the stored days. */
export const UpdateOrganizationBody = z
  .object({
    name: requiredText(120),
    timeZone: TimeZone,
    schoolYearStart: schoolDay.nullable(),
    schoolYearEnd: schoolDay.nullable(),
    defaultLanguage: z.enum(LANGUAGES),
  })
  .partial();

// ---------- organization: sites, teams, people, supervision ----------
export const Site = z.object({ id, name: z.string(), kind: z.string() });
export const SiteBody = z.object({
  /** Name of the school, center, campus or home-visiting program. */
  name: requiredText(120),
  kind: z.enum(['school', 'center', 'campus', 'home_visiting']).default('school'),
});
export const Team = z.object({ id, name: z.string(), siteId: z.string().nullable() });
export const TeamBody = z.object({ name: requiredText(120), siteId: id.nullable().optional() });

export const Person = z.object({
  id,
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ORG_ROLES)),
  siteId: z.string().nullable(),
  teamId: z.string().nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
  hasAccount: z.boolean(),
  supervisorIds: z.array(z.string()),
});
export type Person = z.infer<typeof Person>;
export const PeopleQuery = PageQuery.extend({
  /** Filter by name or e-mail (case-insensitive substring). */
  q: z.string().trim().max(100).optional(),
  role: z.enum(ORG_ROLES).optional(),
});
export const CreatePersonBody = z.object({
  name: requiredText(120),
  email: z.email('Enter a valid e-mail address.').max(254),
  roles: z.array(z.enum(ORG_ROLES)).min(1, 'Give the person at least one role.'),
  siteId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  title: text(120).nullable().optional(),
});
export const UpdatePersonBody = CreatePersonBody.partial().extend({ active: z.boolean().optional() });
export const InvitationLink = z.object({ url: z.string(), expiresAt: z.string() });
export const SupervisionBody = z.object({ supervisorId: id, superviseeId: id });
export const SupervisionLink = z.object({ id, supervisorId: id, superviseeId: id });
export const DirectoryEntry = z.object({
  id,
  name: z.string(),
  roles: z.array(z.enum(ORG_ROLES)),
  site: z.string().nullable(),
  /** This colleague supervises you (so a share picker can suggest them first). */
  supervisesMe: z.boolean(),
});
export const DirectoryQuery = PageQuery.extend({ q: z.string().trim().max(100).optional(), role: z.enum(ORG_ROLES).optional() });

// ---------- practices ----------
export const Practice = z.object({ id, category: z.string(), name: z.string(), description: z.string(), position: z.number(), archived: z.boolean() });
export const PracticeBody = z.object({
  category: requiredText(80),
  name: requiredText(120),
  description: text(1000).default(''),
});
export const UpdatePracticeBody = PracticeBody.partial().extend({ archived: z.boolean().optional(), position: z.number().int().min(0).max(10000).optional() });

// ---------- partnerships ----------
export const MemberInput = z.object({ personId: id, role: z.enum(MEMBER_ROLES) });
export const CreatePartnershipBody = z.object({
  format: z.enum(FORMATS),
  origin: z.enum(ORIGINS),
  /** Everyone in the partnership, including you if you take part. */
  members: z.array(MemberInput).min(1).max(8),
  /** Set when the coach also supervises the coachee and everyone agreed to go ahead knowingly. */
  acknowledgeDualRole: z.boolean().default(false),
  /** A short note to the people invited. */
  message: text(1000).optional(),
});
export const Member = z.object({
  personId: id,
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
  state: z.enum(['invited', 'accepted', 'declined']),
});
/** A lifecycle move; the reason only for the people invited to the partnership. */
export const StatusEvent = z.object({ from: z.string().nullable(), to: z.string(), reason: z.string().nullable().optional(), by: z.string(), at: z.string() });
export const Profile = z.object({
  subjectId: id,
  strengths: z.string(),
  learningStyle: z.string(),
  needs: z.string(),
  challenges: z.array(z.enum(CHALLENGES)),
  challengeNotes: z.string(),
  updatedAt: z.string().nullable(),
});
export const ProfileBody = z.object({
  /** Whose profile (a coachee, peer or self-coach of this partnership); defaults to the only coachee. */
  subjectId: id.optional(),
  strengths: text(4000).default(''),
  learningStyle: text(4000).default(''),
  needs: text(4000).default(''),
  challenges: z.array(z.enum(CHALLENGES)).max(CHALLENGES.length).default([]),
  challengeNotes: text(4000).default(''),
});
export const PartnershipAbilities = z.object({
  readContent: z.boolean(),
  writeNotes: z.boolean(),
  /** May add photos, documents and clips (an accepted member of an open partnership). */
  uploadArtifacts: z.boolean(),
  editAgreement: z.boolean(),
  sign: z.boolean(),
  share: z.boolean(),
  changeStatus: z.boolean(),
  respond: z.boolean(),
  readAccessLog: z.boolean(),
  /** What the viewer may add to each collection of the partnership (decided by the server's policy). */
  scheduleSessions: z.boolean(),
  createGoals: z.boolean(),
  celebrate: z.boolean(),
  rate: z.boolean(),
  addStrengths: z.boolean(),
  planObservations: z.boolean(),
  /** Start an observation (a recorded lesson at least; see observeLive). */
  startObservation: z.boolean(),
  /** Start a live visit to a coachee's classroom (someone supporting them, not the coachee). */
  observeLive: z.boolean(),
  reflect: z.boolean(),
  sendMessages: z.boolean(),
  raiseConcerns: z.boolean(),
  editProfile: z.boolean(),
  /** Read what the coach and the coachee's administrators signed about confidentiality and names. */
  readAgreedTerms: z.boolean(),
  /** See the supervisor's check-ins and coverage requests (the partners and the coachee's supervisor). */
  seeSupervision: z.boolean(),
});
export const PartnershipSummary = z.object({
  id,
  format: z.enum(FORMATS),
  status: z.enum(STATUSES),
  /** How it began, for its members and program leaders; null for a coachee's supervisor (whether a teacher volunteered is never theirs to know). */
  origin: z.enum(ORIGINS).nullable(),
  members: z.array(Member),
  /** How the viewer relates to it: member, mentor, supervisor, leader. */
  viewerRelation: z.string(),
  dualRole: z.boolean(),
  meetingCadence: z.string().nullable(),
  coverageNeeds: z.string().nullable(),
  reviewOn: z.string().nullable(),
  signatureStatus: z.enum(['none', 'waiting', 'signed']),
  /** True when the viewer is a member who has not signed the current version yet. */
  mySignatureNeeded: z.boolean(),
  createdAt: z.string(),
});
export const PartnershipDetail = PartnershipSummary.extend({
  statusHistory: z.array(StatusEvent),
  dualRoleAcknowledgedAt: z.string().nullable(),
  /** Coaching content: present only for members. */
  profiles: z.array(Profile).optional(),
  abilities: PartnershipAbilities,
});
export const PartnershipsQuery = PageQuery.extend({ status: z.enum(STATUSES).optional() });
export const RespondBody = z.object({
  accept: z.boolean(),
  /** Optional reason when declining; shared with the person who invited you. */
  reason: text(1000).optional(),
});
export const StatusBody = z.object({ to: z.enum(STATUSES), reason: text(1000).optional() });

// ---------- agreements ----------
export const CommitmentSet = z.object({
  coach: z.array(requiredText(500)).max(20).default([]),
  coachee: z.array(requiredText(500)).max(20).default([]),
  peer: z.array(requiredText(500)).max(20).default([]),
  self: z.array(requiredText(500)).max(20).default([]),
  mentor: z.array(requiredText(500)).max(20).default([]),
  supervisor: z.array(requiredText(500)).max(20).default([]),
});
export const CommunicationItem = z.object({
  /** Who tells… */
  from: requiredText(80),
  /** …whom… */
  to: requiredText(80),
  /** …what… */
  what: requiredText(500),
  /** …and how often. */
  when: requiredText(120),
});
export const AgreementContent = z.object({
  commitments: CommitmentSet,
  guidelines: z.object({
    practiceIds: z.array(id).max(20).default([]),
    observation: text(2000).default(''),
    observationMode: z.enum(['live', 'recorded', 'both', 'undecided']).default('undecided'),
    sharing: text(2000).default(''),
    supports: text(2000).default(''),
    concerns: text(2000).default(''),
  }),
  meetingCadence: text(200).default(''),
  coverageNeeds: text(500).default(''),
  /** Cancelling with less notice than this is recorded as a late cancellation. */
  cancellationNoticeHours: z.number().int().min(0).max(336).default(24),
  communicationPlan: z.array(CommunicationItem).max(20).default([]),
  reviewOn: isoDate.nullable().default(null),
});
export type AgreementContent = z.infer<typeof AgreementContent>;
/** Commitments as a reader receives them: every party's for members, the supervisor's alone for the coachee's supervisor (no defaults: absent means not shown). */
const CommitmentsSeen = z.object({ coach: z.array(z.string()), coachee: z.array(z.string()), peer: z.array(z.string()), self: z.array(z.string()), mentor: z.array(z.string()), supervisor: z.array(z.string()) }).partial();
/** The supervisor's part of an agreement version (issue 12, item 6). */
export const SupervisorPart = z.object({
  /** SHA-256 of the supervisor's commitments of this version: what a supervisor signs. */
  commitmentsHash: z.string(),
  /** Signatures on exactly these commitments (made on this version or an earlier one with the same words). */
  signatures: z.array(z.object({ personId: id, name: z.string(), signedAt: z.string(), version: z.number() })),
  /** Supervisors of a coachee here who have not signed these commitments. */
  waitingFor: z.array(z.object({ personId: id, name: z.string() })),
});
export const Signature = z.object({ personId: id, name: z.string(), signedAt: z.string(), contentHash: z.string(), version: z.number() });
export const AgreementVersion = z.object({
  version: z.number(),
  contentHash: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Full content for members; supervisors and leaders get logistics only (guidelines omitted; of the commitments, the coachee's supervisor gets the supervisor's only, a leader none). */
  content: AgreementContent.omit({ commitments: true }).partial({ guidelines: true }).extend({ commitments: CommitmentsSeen.optional() }),
  signatures: z.array(Signature),
  /** People who still need to sign this version. */
  waitingFor: z.array(z.object({ personId: id, name: z.string() })),
  /** The supervisor's part (issue 12): their own signature on the supervisor's commitments; null when this version holds none. */
  supervisor: SupervisorPart.nullable().optional(),
});
export const AgreementResponse = z.object({
  partnershipId: id,
  current: AgreementVersion.nullable(),
  versions: z.array(z.object({ version: z.number(), createdAt: z.string(), signedByAll: z.boolean() })),
  abilities: z.object({ edit: z.boolean(), sign: z.boolean(), /** The coachee's supervisor may sign the supervisor's commitments of the current version. */ signAsSupervisor: z.boolean() }),
});
export const SaveAgreementBody = z.object({
  content: AgreementContent,
  /** The version you started editing from (0 for the first); a mismatch is a conflict. */
  baseVersion: z.number().int().min(0),
});
export const SignBody = z.object({
  version: z.number().int().min(1),
  /** The content hash shown to you; signing fails if the text changed meanwhile. */
  contentHash: z.string().length(64),
});
export const VersionParams = z.object({ id, version: z.coerce.number().int().min(1) });
export const AgreementTemplate = z.object({ format: z.enum(FORMATS), commitments: CommitmentSet, updatedAt: z.string() });
export const FormatParams = z.object({ format: z.enum(FORMATS) });
export const TemplateBody = z.object({ commitments: CommitmentSet });

// ---------- the supervisor as a party to a partnership (issue 12, item 6) ----------
export const SupervisorSignBody = z.object({
  version: z.number().int().min(1),
  /** The hash of the supervisor's commitments shown to you; signing fails if they changed meanwhile. */
  commitmentsHash: z.string().length(64),
});
const coverTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 08:30.');
export const ScheduleCheckinBody = z.strictObject({
  startsAt: isoDateTime,
  /** How long, in minutes. */
  minutes: z.number().int().min(5).max(240),
  /** Where, or a call link: the only words a check-in carries (logistics, seen by the supervisor and the partners). */
  place: text(120).default(''),
});
export const Checkin = z.object({
  id,
  partnershipId: id,
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number(),
  place: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  scheduledBy: z.string(),
  rescheduleCount: z.number(),
  cancelledAt: z.string().nullable(),
  abilities: z.object({ change: z.boolean() }),
});
export const CheckinList = z.object({ items: z.array(Checkin), abilities: z.object({ schedule: z.boolean() }) });
export const CoverageRequestBody = z.strictObject({
  /** The day cover is needed. */
  date: isoDate,
  /** From… */
  from: coverTime,
  /** …to, the same day. */
  to: coverTime,
  /** What the cover makes possible: a fixed list, no free text reaches the supervisor. */
  purpose: z.enum(COVERAGE_PURPOSES),
  /** The partner who needs cover. */
  coverFor: id,
});
export const CoverageAnswerBody = z.strictObject({
  decision: z.enum(['confirmed', 'declined']),
  /** Why not, from a fixed list (or none). Only with a decline. */
  reason: z.enum(COVERAGE_DECLINE_REASONS).nullable().default(null),
});
export const CoverageRequest = z.object({
  id,
  partnershipId: id,
  date: z.string(),
  from: z.string(),
  to: z.string(),
  purpose: z.enum(COVERAGE_PURPOSES),
  coverFor: z.object({ personId: id, name: z.string() }),
  requestedBy: z.object({ personId: id, name: z.string() }),
  status: z.enum(['pending', 'confirmed', 'declined']),
  declineReason: z.enum(COVERAGE_DECLINE_REASONS).nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ answer: z.boolean() }),
});
export const CoverageList = z.object({
  items: z.array(CoverageRequest),
  /** Who may be covered (the partners), for the request form. */
  partners: z.array(z.object({ personId: id, name: z.string() })),
  abilities: z.object({ request: z.boolean() }),
});
/** The supervisor's own upcoming check-ins across the partnerships of the people they supervise (Home). */
export const MyCheckins = z.object({
  items: z.array(Checkin.extend({ partners: z.array(z.string()) })),
  pendingCoverage: z.number(),
  /** Partnerships whose supervisor's commitments wait for my signature (new, or changed since I signed). */
  toSign: z.array(z.object({ partnershipId: id, partners: z.array(z.string()) })),
});

// ---------- notes ----------
export const Note = z.object({
  id,
  partnershipId: id,
  subjectId: id,
  authorId: id,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), share: z.boolean() }),
});
export const CreateNoteBody = z.object({
  body: requiredText(20000),
  /** Whose coaching content this is (a coachee, peer or self-coach); defaults to the only coachee. */
  subjectId: id.optional(),
});
export const UpdateNoteBody = z.object({ body: requiredText(20000) });

// ---------- sharing ----------
export const Share = z.object({
  id,
  partnershipId: id,
  granteeId: id,
  granteeName: z.string(),
  itemType: z.enum(CONTENT_KINDS).nullable(),
  itemId: z.string().nullable(),
  /** The first words of the shared item, so the coachee recognises it. */
  itemExcerpt: z.string().nullable(),
  category: z.enum(SHARE_CATEGORIES).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  state: z.enum(['live', 'expired', 'revoked']),
});
export const CreateShareBody = z
  .object({
    /** The person outside the partnership who may read it (usually your supervisor). */
    granteeId: id,
    /** Share one item… */
    itemType: z.enum(CONTENT_KINDS).optional(),
    itemId: id.optional(),
    /** …or a whole category. */
    category: z.enum(SHARE_CATEGORIES).optional(),
    /** Why you are sharing, shown to the person you share with. */
    note: text(500).optional(),
    /** When the share stops working by itself (optional). */
    expiresAt: isoDateTime.optional(),
  })
  .refine((b) => (b.itemId ? !b.category && !!b.itemType : !!b.category), {
    message: 'Share either one item (itemType and itemId) or one category, not both.',
    path: ['category'],
  });
/** An item in "shared with me": its title only; the item is read (and logged) when it is opened. */
export const SharedItem = z.object({
  shareId: id,
  partnershipId: id,
  from: z.string(),
  itemType: z.enum(CONTENT_KINDS),
  itemId: id,
  title: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
/** One shared item opened: its whole text (this read is logged for the coachee). */
export const SharedItemText = SharedItem.extend({ body: z.string() });
export const SharedItemParams = z.object({ shareId: id, itemId: id });

// ---------- access log ----------
/** Reads of one item by one person on one day (UTC), grouped: `count` reads between `firstAt` and `at`. */
export const AccessEvent = z.object({
  /** The newest log row of the group. */
  id,
  /** The last read of the group. */
  at: z.string(),
  firstAt: z.string(),
  count: z.number().int().min(1),
  actorId: z.string(),
  actorName: z.string(),
  relation: z.string(),
  action: z.enum(ACCESS_ACTIONS),
  /** A content kind, or a share category for shares and withdrawals of a whole category. */
  itemType: z.string(),
  itemId: z.string().nullable(),
  /** The item's title or first words (your own content; showing it here is not logged). */
  itemTitle: z.string().nullable(),
  partnershipId: z.string(),
  /** The partnership's other members, by name. */
  partners: z.string(),
  /** For your shares and withdrawals: the person the share named. */
  sharedWith: z.string().nullable(),
  basis: z.string(),
});
export const AccessLogQuery = PageQuery.extend({
  /** Include your own reads (hidden by default). */
  includeOwn: z.stringbool().default(false),
  /** Only reads by this person. */
  actorId: id.optional(),
  /** Only reads of one item: "who has seen this". */
  itemType: z.string().regex(/^[a-z_]{1,40}$/, 'Not a kind of item.').optional(),
  itemId: z.string().max(64).optional(),
});

// ---------- roster import ----------
export const ImportPeopleBody = z.object({
  /** CSV text with a header row: name, email, roles (separated by ";"), and optionally site, title, supervisor_email. */
  csv: z.string().min(1, 'The file is empty.').max(2_000_000, 'Split files over 2 MB into parts.'),
  /** Preview only (default): nothing is written. */
  dryRun: z.boolean().default(true),
});
export const ImportRow = z.object({
  line: z.number(),
  email: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  message: z.string().nullable(),
});
export const ImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.number(),
  newSites: z.array(z.string()),
  /** The first 500 rows with what happens to each. */
  rows: z.array(ImportRow),
});

// ---------- goals and action plans ----------
export const GoalStepInput = z.object({
  /** Keep the id of an existing step when editing; leave it out for a new step. */
  id: id.optional(),
  description: requiredText(500),
  /** Who carries it out. */
  responsible: z.enum(RESPONSIBLE),
  /** Materials, people or links that help. */
  resources: text(1000).default(''),
  dueOn: isoDate.nullable().default(null),
  status: z.enum(STEP_STATUSES).default('not_started'),
});
export const CreateGoalBody = z.object({
  title: requiredText(200),
  /** The outcome for children this goal serves. */
  childOutcome: text(2000).default(''),
  /** What success looks like, in the coachee's words. */
  successLooksLike: text(2000).default(''),
  practiceIds: z.array(id).max(10).default([]),
  /** Whose goal (a coachee, peer or self-coach of this partnership); defaults to the only coachee, or you in a peer partnership. */
  subjectId: id.optional(),
  steps: z.array(GoalStepInput).max(30).default([]),
});
export const UpdateGoalBody = CreateGoalBody.omit({ subjectId: true }).extend({
  /** The version you started editing from; a mismatch means someone else saved first. */
  baseVersion: z.number().int().min(1),
});
export const GoalStatusBody = z.object({
  to: z.enum(GOAL_STATUSES),
  /** Optional words on the decision, kept with the goal. */
  note: text(1000).optional(),
  baseVersion: z.number().int().min(1),
});
export const StepStatusBody = z.object({ status: z.enum(STEP_STATUSES), baseVersion: z.number().int().min(1) });
export const GoalStepParams = z.object({ id, stepId: id });
export const GoalStep = z.object({
  id,
  position: z.number(),
  description: z.string(),
  responsible: z.enum(RESPONSIBLE),
  resources: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(STEP_STATUSES),
  completedAt: z.string().nullable(),
  /** Past its due date and not done or dropped. */
  overdue: z.boolean(),
});
export const Goal = z.object({
  id,
  partnershipId: id,
  subjectId: id,
  title: z.string(),
  childOutcome: z.string(),
  successLooksLike: z.string(),
  practiceIds: z.array(z.string()),
  status: z.enum(GOAL_STATUSES),
  proposedBy: id,
  proposedByName: z.string(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  steps: z.array(GoalStep),
  progress: z.object({ total: z.number(), done: z.number(), overdue: z.number() }),
  abilities: z.object({ edit: z.boolean(), decide: z.boolean(), share: z.boolean() }),
});

/**
 * The first view of a partnership for its members: what waits and for whom, the goals in hand
 * with their steps done, the last reflection's date and author. Counts carry no content; the goal
 * titles shown are logged as read, and nothing else is.
 */
export const PartnershipOverview = z.object({
  /** Observation plans waiting for their coachee's confirmation, per coachee. */
  draftPlans: z.array(z.object({ subjectId: id, count: z.number() })),
  /** Goals proposed to a coachee and not yet decided, per coachee. */
  proposedGoals: z.array(z.object({ subjectId: id, count: z.number() })),
  /** With one coachee: the last session that took place and still waits for the coachee's reflection. */
  reflectionDue: z.object({ meetingId: id, kind: z.enum(MEETING_KINDS), startsAt: z.string(), subjectId: id, subjectName: z.string() }).nullable(),
  /** Proposed and active goals: title and how many steps are done (no other content). */
  goals: z.array(z.object({ id, subjectId: id, title: z.string(), status: z.enum(GOAL_STATUSES), progress: z.object({ total: z.number(), done: z.number(), overdue: z.number() }) })),
  achievedGoals: z.number(),
  /** When the last reflection was written and by whom; its words are read under Reflection. */
  lastReflection: z.object({ authorId: id, authorName: z.string(), createdAt: z.string() }).nullable(),
});

// ---------- sessions and visits ----------
export const ScheduleMeetingBody = z.object({
  kind: z.enum(MEETING_KINDS),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  /** Room, classroom or video link. */
  location: text(300).default(''),
  /** What the partners plan to do (coaching content: members only). */
  agenda: text(4000).default(''),
});
export const RescheduleBody = z.object({
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  reason: requiredText(500),
});
export const CancelMeetingBody = z.object({ reason: requiredText(500) });
export const AttendanceEntry = z.object({
  personId: id,
  present: z.boolean(),
  onTime: z.boolean(),
  prepared: z.boolean(),
  note: text(500).default(''),
});
export const AttendanceBody = z.object({ entries: z.array(AttendanceEntry).min(1).max(10) });
export const MeetingsQuery = keysetQuery(100, 200).extend({
  /** Only sessions starting at or after this time. */
  from: isoDateTime.optional(),
});
export const Attendance = z.object({
  personId: id,
  name: z.string(),
  present: z.boolean(),
  onTime: z.boolean(),
  prepared: z.boolean(),
  /** Members only. */
  note: z.string().optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export const Meeting = z.object({
  id,
  partnershipId: id,
  kind: z.enum(MEETING_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Members only: free text (a place can say more than where). */
  location: z.string().optional(),
  status: z.enum(MEETING_STATUSES),
  scheduledBy: z.string(),
  cancelledBy: z.string().nullable(),
  /** Members only: why it was cancelled. */
  cancelReason: z.string().nullable().optional(),
  cancelledAt: z.string().nullable(),
  /** Cancelled with less notice than the agreement asks for. */
  lateCancellation: z.boolean(),
  rescheduleCount: z.number(),
  /** Members only: why it was moved. */
  lastRescheduleReason: z.string().nullable().optional(),
  /** Members only: whether the session has an agenda (read it by opening the session). */
  hasAgenda: z.boolean().optional(),
  /** Members only, and only when one session is opened (coaching content; the read is logged). */
  agenda: z.string().optional(),
  /** Members see everyone's; a supervisor sees attendance of supervisor check-ins only. */
  attendance: z.array(Attendance).optional(),
  abilities: z.object({ change: z.boolean(), recordAttendance: z.boolean() }),
});

// ---------- what needs my attention ----------
export const Reminder = z.object({
  id,
  kind: z.enum(REMINDER_KINDS),
  partnershipId: id,
  /** Neutral words: no coaching content. */
  text: z.string(),
  dueAt: z.string(),
  createdAt: z.string(),
});

export const AttentionResponse = z.object({
  /** Partnerships waiting for my answer. */
  invitations: z.array(z.object({ partnershipId: id, format: z.enum(FORMATS), /** Who started the partnership (null if they are no longer a member). */ invitedBy: z.string().nullable() })),
  /** Agreements whose current version I have not signed. */
  agreementsToSign: z.array(z.object({ partnershipId: id, partners: z.array(z.string()) })),
  /** Agreement reviews due within 14 days (or overdue). */
  reviewsDue: z.array(z.object({ partnershipId: id, reviewOn: z.string(), partners: z.array(z.string()) })),
  /** My sessions in the next 7 days (logistics only). */
  upcomingSessions: z.array(z.object({ meetingId: id, partnershipId: id, kind: z.enum(MEETING_KINDS), startsAt: z.string(), endsAt: z.string(), location: z.string(), partners: z.array(z.string()) })),
  /** Goals partners proposed that wait for my decision. */
  goalsToDecide: z.array(z.object({ goalId: id, partnershipId: id, title: z.string(), proposedBy: z.string() })),
  /** Overdue plan steps: mine (I carry them) and my partners'. */
  overdueSteps: z.array(
    z.object({ goalId: id, partnershipId: id, goalTitle: z.string(), description: z.string(), dueOn: z.string(), responsible: z.enum(RESPONSIBLE), mine: z.boolean() }),
  ),
  /** Resource requests not yet fulfilled: asked of me (mine) or asked by me, with how long they have waited. */
  openRequests: z.array(z.object({ messageId: id, partnershipId: id, askedBy: z.string(), askedOf: z.string(), since: z.string(), waitedHours: z.number(), mine: z.boolean() })),
  /** Observation plans waiting for my confirmation (as the coachee). */
  plansToConfirm: z.array(z.object({ planId: id, partnershipId: id, meetingStartsAt: z.string().nullable() })),
  /** In-app reminders not yet dismissed. */
  reminders: z.array(Reminder),
});

// ---------- celebrations ----------
export const CreateCelebrationBody = z.object({
  kind: z.enum(CELEBRATION_KINDS),
  /** What happened, in a sentence or two. */
  text: requiredText(2000),
  /** When it happened (defaults to today). */
  happenedOn: isoDate.optional(),
  /** The goal it relates to, if any. */
  goalId: id.optional(),
  /** Whose celebration (a coachee, peer or self-coach); defaults to the only coachee, or you in a peer partnership. */
  subjectId: id.optional(),
});
export const Celebration = z.object({
  id,
  partnershipId: id,
  subjectId: id,
  kind: z.enum(CELEBRATION_KINDS),
  text: z.string(),
  happenedOn: z.string(),
  goalId: z.string().nullable(),
  goalTitle: z.string().nullable(),
  authorId: id,
  authorName: z.string(),
  createdAt: z.string(),
  abilities: z.object({ share: z.boolean() }),
});

// ---------- strengths and needs ----------
export const SelfRatingInput = z.object({
  practiceId: id,
  level: z.union(SELF_RATING_LEVELS.map((l) => z.literal(l)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>], { error: 'Choose a level from 1 (new to me) to 4 (I could show others).' }),
  /** In the coachee's own words: why this level, what it looks like today. */
  comment: text(1000).default(''),
});
export const RateBody = z.object({
  ratings: z.array(SelfRatingInput).min(1, 'Rate at least one practice.').max(40),
});
export const AddStrengthBody = z.object({
  type: z.enum(STRENGTH_TYPES),
  text: requiredText(1000),
  practiceId: id.nullable().default(null),
  /** Whose strength or priority (a coachee of this partnership); defaults to the only coachee, or you in a peer partnership. */
  subjectId: id.optional(),
});
export const UpdateStrengthBody = z.object({
  /** Set true when a priority has been addressed, or a strength no longer fits; it stays in the history. */
  retired: z.boolean(),
});
export const SelfRating = z.object({ id, level: z.number(), comment: z.string(), ratedAt: z.string() });
export const PracticeRatings = z.object({
  practiceId: id,
  practiceName: z.string(),
  category: z.string(),
  /** Oldest first: growth over the year. */
  history: z.array(SelfRating),
});
export const StrengthEntry = z.object({
  id,
  partnershipId: id,
  subjectId: id,
  type: z.enum(STRENGTH_TYPES),
  text: z.string(),
  practiceId: z.string().nullable(),
  practiceName: z.string().nullable(),
  authorId: id,
  authorName: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  abilities: z.object({ share: z.boolean(), retire: z.boolean() }),
});
export const StrengthsResponse = z.object({
  /** The coachee whose self-ratings these are (the first coachee; peers each see their own in `bySubject`). */
  bySubject: z.array(z.object({ subjectId: id, name: z.string(), ratings: z.array(PracticeRatings) })),
  entries: z.array(StrengthEntry),
  abilities: z.object({ rate: z.boolean(), add: z.boolean() }),
});

// ---------- focus conversation and observation plan ----------
export const DataForm = z.object({
  method: z.enum(DATA_METHODS),
  /** Columns, categories or events, depending on the method. */
  fields: z.array(requiredText(120)).min(1, 'Name at least one thing to write down.').max(12),
  /** For a time sample: minutes between notes. */
  intervalMinutes: z.number().int().min(1).max(60).nullable().default(null),
  /** Anything else the coachee should know about how data is taken. */
  instructions: text(1000).default(''),
});
export const ObservationPlanBody = z.object({
  focus: requiredText(1000),
  currentPicture: text(2000).default(''),
  successLooksLike: text(2000).default(''),
  lookFor: text(2000).default(''),
  mode: z.enum(OBSERVATION_MODES),
  when: text(300).default(''),
  dataForm: DataForm,
  /** The observation visit this plan prepares, if scheduled. */
  meetingId: id.nullable().default(null),
  goalId: id.nullable().default(null),
});
export const CreateObservationPlanBody = ObservationPlanBody.extend({
  /** Whose classroom (a coachee of this partnership); defaults to the only coachee, or you in a peer partnership. */
  subjectId: id.optional(),
});
export const UpdateObservationPlanBody = ObservationPlanBody.extend({ baseVersion: z.number().int().min(1) });
export const ConfirmPlanBody = z.object({ baseVersion: z.number().int().min(1) });
export const ObservationPlan = z.object({
  id,
  partnershipId: id,
  subjectId: id,
  focus: z.string(),
  currentPicture: z.string(),
  successLooksLike: z.string(),
  lookFor: z.string(),
  mode: z.enum(OBSERVATION_MODES),
  when: z.string(),
  dataForm: DataForm,
  meetingId: z.string().nullable(),
  meetingStartsAt: z.string().nullable(),
  goalId: z.string().nullable(),
  goalTitle: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  confirmedAt: z.string().nullable(),
  createdById: id,
  /** The name of the partner who wrote the plan. */
  createdBy: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), confirm: z.boolean(), share: z.boolean() }),
});

// ---------- observation records: classroom layouts, observations, their events ----------
/** A category, kind of interaction, activity or other code from the data form (same limit as a data form field). */
const code = requiredText(120);
/** A short code for who speaks or moves: T, S07, Group A. */
const personCode = requiredText(40);
/** An element's id inside a layout, chosen on the device and kept across versions so a seat keeps its taps. */
const elementKey = z.string().trim().min(1).max(40);
/** A position on a layout, in the layout's own units (0 to 2,000 across and down). */
const coordinate = z.number().min(0).max(2000);

export const LayoutElement = z.object({
  /** Stable id within the layout (S07, door). */
  id: elementKey,
  type: z.enum(LAYOUT_ELEMENT_TYPES),
  /** A label or code the coach chooses (S07, Table 3, Blocks); never a required name. */
  label: text(60).default(''),
  x: coordinate,
  y: coordinate,
  w: coordinate,
  h: coordinate,
});
export const CreateLayoutBody = z.object({
  /** How the partners call the layout: "Room 12, rows", "Pre-K room". */
  name: requiredText(120),
  kind: z.enum(LAYOUT_KINDS),
  elements: z.array(LayoutElement).max(300),
  /** Whose classroom; defaults to the only coachee, or you in a peer partnership. */
  subjectId: id.optional(),
});
export const UpdateLayoutBody = z.object({
  name: requiredText(120),
  elements: z.array(LayoutElement).max(300),
  /** The version this change was made on; a newer one saved meanwhile is a 409. */
  baseVersion: z.number().int().min(1),
});
export const ClassroomLayout = z.object({
  id,
  partnershipId: id,
  subjectId: id,
  kind: z.enum(LAYOUT_KINDS),
  name: z.string(),
  /** The current version; observations keep the version they used. */
  version: z.number(),
  elements: z.array(LayoutElement),
  createdById: id,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean() }),
});
/** One version of a layout as an observation used it. */
export const LayoutSnapshot = z.object({ layoutId: id, version: z.number(), kind: z.enum(LAYOUT_KINDS), name: z.string(), elements: z.array(LayoutElement) });

/** A tool to use in the visit. Codes left out are taken from the plan's data form when the tool is the plan's method. */
export const ToolConfigInput = z.object({
  tool: z.enum(OBSERVATION_TOOLS),
  /** Selective verbatim, event count, time sample: the categories to record. */
  categories: z.array(code).max(12).optional(),
  /** Selective verbatim: quick keys for speakers (T, S07, Group A). */
  speakers: z.array(personCode).max(12).optional(),
  /** Verbal flow: the kinds of interaction (teacher question, student response…). */
  kinds: z.array(code).max(12).optional(),
  /** Duration: the activities timed (whole group, transition…). */
  activities: z.array(code).max(12).optional(),
  /** Duration: starting one activity stops the other (default), or they overlap. */
  exclusive: z.boolean().optional(),
  /** Physical map: who is followed (T, a student code); empty: marks name nobody. */
  tracked: z.array(personCode).max(12).optional(),
  /** Time sample: minutes per interval (default: the plan's, else 5). */
  intervalMinutes: z.number().int().min(1).max(60).optional(),
  /** Verbal flow and physical map: the classroom layout (its current version is kept with the observation). */
  layoutId: id.optional(),
  /** The layout's version the device recorded from (a visit started offline from its copy); left out: the current version. */
  layoutVersion: z.number().int().min(1).optional(),
});
/** A tool as configured for one observation; every event is checked against it. */
export const ToolConfig = z.object({
  tool: z.enum(OBSERVATION_TOOLS),
  categories: z.array(z.string()),
  speakers: z.array(z.string()),
  kinds: z.array(z.string()),
  activities: z.array(z.string()),
  exclusive: z.boolean().nullable(),
  tracked: z.array(z.string()),
  intervalMinutes: z.number().nullable(),
  layoutId: z.string().nullable(),
  layoutVersion: z.number().nullable(),
});
export const StartObservationBody = z.object({
  /** Made on the device, so a visit started offline is created once however often it is sent. */
  id: id.optional(),
  /** The confirmed plan this visit carries out; null: a visit without a plan. */
  planId: id.nullable().default(null),
  /** The observation visit on the schedule, if any (defaults to the plan's). */
  meetingId: id.nullable().default(null),
  /** Whose classroom; defaults to the plan's coachee, or the only coachee. */
  subjectId: id.optional(),
  /** What the visit looks at; defaults to the plan's focus. */
  focus: text(1000).optional(),
  /** Defaults to the plan's mode, else live. */
  mode: z.enum(OBSERVATION_MODES).optional(),
  /** When the visit started on the device (at most 5 minutes ahead of the server); defaults to now. */
  startedAt: isoDateTime.optional(),
  /** The tools in use; defaults to the plan's data method with its fields. */
  tools: z.array(ToolConfigInput).min(1).max(6).optional(),
  /** Observe a recorded clip of the coachee's (a video or audio artifact): the tools run on the clip's clock, and the visit is recorded. */
  clipId: id.optional(),
  /** The clip's length as the device's player read it; used only when the server could not read it (no ffmpeg). */
  clipDurationMs: z.number().int().min(1).max(86_400_000).optional(),
});
export const EndObservationBody = z.object({
  /** When the visit ended on the device; defaults to now. */
  endedAt: isoDateTime.optional(),
});

/** What each tool records: event types and their payloads. Every tool also records `undo` ({eventId}). */
export const EVENT_PAYLOADS = {
  selective_verbatim: {
    /** A line said, typed as said, with its speaker and optionally a category. */
    line: z.strictObject({ text: requiredText(2000), speaker: personCode, category: code.nullable().default(null) }),
  },
  verbal_flow: {
    /** A tap on a seat: who spoke, the kind of interaction, and for student-to-student the seat spoken to. */
    interaction: z.strictObject({ seatId: elementKey, kind: code, toSeatId: elementKey.nullable().default(null) }),
  },
  event_count: {
    /** One tap on a counter. */
    count: z.strictObject({ category: code }),
  },
  duration: {
    segment_start: z.strictObject({ activity: code }),
    segment_stop: z.strictObject({ activity: code }),
  },
  physical_map: {
    /** Where someone is now: a point, optionally on a placed element. */
    mark: z.strictObject({ x: coordinate, y: coordinate, elementId: elementKey.nullable().default(null), who: personCode.nullable().default(null) }),
    /** A note pinned to a place. */
    note: z.strictObject({ text: requiredText(1000), x: coordinate.nullable().default(null), y: coordinate.nullable().default(null), elementId: elementKey.nullable().default(null) }),
  },
  time_sample: {
    /** The record for one interval (1 = the first); missed intervals have none. */
    interval_record: z.strictObject({ interval: z.number().int().min(1).max(1000), category: code, note: text(500).default('') }),
  },
} as const;
/** Cancels an earlier event of the same tool; nothing is deleted. */
export const UndoPayload = z.strictObject({ eventId: id });
/**
 * Events about the visit rather than one tool, recorded under any of its tools: `pause` stops the
 * observed time (its clock, durations and time-sample intervals) until the next `resume`.
 */
export const VISIT_EVENT_PAYLOADS = {
  pause: z.strictObject({}),
  resume: z.strictObject({}),
} as const;
/** One event as the device sends it (each is checked on its own: one bad event never refuses the others). */
export const ObservationEventInput = z.object({
  /** Made on the device (UUID): sending it again is recognised as the same event. */
  id,
  tool: z.string().max(40),
  type: z.string().max(40),
  payload: z.record(z.string(), z.unknown()),
  /** The device's clock when the tap happened. */
  deviceAt: isoDateTime,
});
export const IngestEventsBody = z.object({
  /** Up to 1,000 events, each shaped as ObservationEventInput; in any order, any number of times. */
  events: z.array(z.unknown()).min(1).max(1000),
});
export const EVENT_OUTCOMES = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;
export const EVENT_REJECTIONS = ['malformed', 'unknown_tool', 'unknown_type', 'unknown_code', 'unknown_place', 'interval_ahead', 'in_future', 'before_start', 'after_end', 'undo_target', 'conflict'] as const;
export const IngestEventsResponse = z.object({
  results: z.array(
    z.object({
      /** Position in the batch. */
      index: z.number(),
      id: z.string().nullable(),
      /** accepted: stored now; duplicate: stored before, same content; conflict: the id holds a different event; rejected: not stored (see reason). */
      status: z.enum(EVENT_OUTCOMES),
      reason: z.enum(EVENT_REJECTIONS).nullable(),
      /** What to do about it, in the reader's language. */
      message: z.string().nullable(),
    }),
  ),
  accepted: z.number(),
  duplicates: z.number(),
  conflicts: z.number(),
  rejected: z.number(),
});
export const ObservationEvent = z.object({
  id,
  tool: z.enum(OBSERVATION_TOOLS),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  deviceAt: z.string(),
  receivedAt: z.string(),
  authorId: id,
  /** The undo event that cancelled this one, if any (the event itself is kept). */
  undoneBy: z.string().nullable(),
});
const ObservationAbilities = z.object({ record: z.boolean(), end: z.boolean(), share: z.boolean() });
export const ObservationSummary = z.object({
  id,
  partnershipId: id,
  subjectId: id,
  planId: z.string().nullable(),
  /** False for a visit without a plan. */
  planned: z.boolean(),
  meetingId: z.string().nullable(),
  focus: z.string(),
  mode: z.enum(OBSERVATION_MODES),
  status: z.enum(OBSERVATION_STATUSES),
  /** Which tools were in use (their codes come with the observation itself). */
  toolKinds: z.array(z.enum(OBSERVATION_TOOLS)),
  /** The clip the tools ran on, if any: a moment of it is an event's time minus startedAt. */
  clip: z.object({ artifactId: id, durationMs: z.number().int() }).nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  createdById: id,
  createdBy: z.string(),
  version: z.number(),
  abilities: ObservationAbilities,
});
export const Observation = ObservationSummary.extend({
  /** When the coachee first reflected on this observation (or, written before a reflection could name one, on its plan or session): coachee first. Null: not yet. */
  coacheeReflectedAt: z.string().nullable(),
  tools: z.array(ToolConfig),
  /** The layout versions the tools use, as they were then. */
  layouts: z.array(LayoutSnapshot),
  /** Every event in device-time order, undo events included. */
  events: z.array(ObservationEvent),
  endedById: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// ---------- reflection ----------
export const ReflectionAnswer = z.object({ key: z.string().min(1).max(40), answer: text(4000) });
export const NextStepInput = z.object({
  description: requiredText(500),
  responsible: z.enum(RESPONSIBLE),
  dueOn: isoDate.nullable().default(null),
});
export const CreateReflectionBody = z.object({
  answers: z.array(ReflectionAnswer).min(1, 'Answer at least one prompt.').max(12),
  /** The session or observation you are reflecting on, if any. With one, the coachee answers first. */
  meetingId: id.nullable().default(null),
  planId: id.nullable().default(null),
  /** The observation you are reflecting on, if any (its plan goes with it). The coachee answers first on each observation. */
  observationId: id.nullable().default(null),
  /** Next steps the coachee chooses; they are added to this goal's plan in the same action. */
  nextSteps: z.array(NextStepInput).max(10).default([]),
  goalId: id.nullable().default(null),
  /** Whose reflection round (a coachee of this partnership); defaults to the only coachee, or you in a peer partnership. */
  subjectId: id.optional(),
  /** The language the prompts were shown in: the reflection keeps the words its author answered. */
  language: z.enum(LANGUAGES).default('en'),
});
export const Reflection = z.object({
  id,
  partnershipId: id,
  subjectId: id,
  authorId: id,
  authorName: z.string(),
  /** "coachee" when the coachee wrote it, "partner" for coach, mentor or peer. */
  voice: z.enum(['coachee', 'partner']),
  answers: z.array(z.object({ key: z.string(), prompt: z.string(), answer: z.string() })),
  meetingId: z.string().nullable(),
  planId: z.string().nullable(),
  /** The observation it looks back on; its data is read under Observation. */
  observationId: z.string().nullable(),
  goalId: z.string().nullable(),
  goalTitle: z.string().nullable(),
  /** Steps this reflection added to the goal's plan. */
  addedSteps: z.array(z.string()),
  createdAt: z.string(),
  abilities: z.object({ share: z.boolean() }),
});
export const ReflectionsQuery = keysetQuery(200).extend({
  /** Only the reflections on this observation (the review screen shows them beside its data). */
  observationId: id.optional(),
});

// ---------- written feedback on an observation ----------
/**
 * Written feedback is a list of blocks: the coach's words, and evidence inserted from the
 * observation's data, each linked back to it. A graphic names a tool of the visit; a data line
 * names a row of that tool's table (shared/src/observations/quotes.ts) and the server writes its
 * words from the data itself, so a quoted line is always what was recorded.
 */
export const FeedbackBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().max(20_000, 'Keep each part under 20,000 characters.') }),
  z.object({ kind: z.literal('graphic'), tool: z.enum(OBSERVATION_TOOLS) }),
  z.object({ kind: z.literal('data'), tool: z.enum(OBSERVATION_TOOLS), lineId: z.string().min(1).max(200), text: z.string().max(2000).optional() }),
  /** A photo, document, piece of student work or clip of the partnership, shown from the artifact itself (its own read, logged). */
  z.object({ kind: z.literal('artifact'), artifactId: id }),
  /** A moment of a clip: where to jump to, and (when it quotes a comment at that moment) the comment's words as written then. */
  z.object({ kind: z.literal('moment'), artifactId: id, atMs: z.number().int().min(0).max(86_400_000), commentId: id.optional(), text: z.string().max(4000).optional() }),
]);
export type FeedbackBlock = z.infer<typeof FeedbackBlock>;
export const FeedbackBlocks = z.array(FeedbackBlock).min(1, 'Write something, or insert evidence, before saving.').max(200, 'Feedback holds at most 200 parts.');
export const CreateFeedbackBody = z.object({
  blocks: FeedbackBlocks,
  /** The language of the quoted data lines (the writer's). */
  language: z.enum(LANGUAGES).default('en'),
  /** The goal of the coachee's action plan this feedback carries over to (null: none). */
  goalId: id.nullable().default(null),
  /** Or one step of that goal's plan (its goal is then goalId). */
  stepId: id.nullable().default(null),
});
export const UpdateFeedbackBody = CreateFeedbackBody.extend({ baseVersion: z.number().int().min(1) });
export const SendFeedbackBody = z.object({ baseVersion: z.number().int().min(1) });
export const Feedback = z.object({
  id,
  partnershipId: id,
  /** What it is written on: an observation, or a clip (artifactId); exactly one of the two. */
  observationId: id.nullable(),
  artifactId: id.nullable(),
  subjectId: id,
  authorId: id,
  authorName: z.string(),
  /**
   * The goal (and step) it carries over to. The goal's title and the step's words are given only
   * to a reader who may read that goal in its own right (a member, or someone it was shared with).
   */
  goal: z.object({ id, title: z.string().nullable() }).nullable(),
  step: z.object({ id, text: z.string().nullable() }).nullable(),
  /** draft: only its author sees it; sent: the partnership sees it, the coachee once she has written what she notices in the data. */
  status: z.enum(['draft', 'sent']),
  blocks: z.array(FeedbackBlock),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean(), send: z.boolean(), share: z.boolean() }),
});
/**
 * What was carried over to a goal (issue 11, item 5): feedback and comments at moments of clips
 * linked to it or one of its steps, that the reader may read (the coachee's once she has had the
 * data first). Each names where it lives, and its first words; opening it is where it is read.
 */
export const GoalCarriedOver = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['feedback', 'comment']),
      id,
      /** Feedback: the observation or clip it is written on; a comment: its clip. */
      observationId: id.nullable(),
      artifactId: id.nullable(),
      stepId: id.nullable(),
      authorName: z.string(),
      /** When it was sent (feedback) or written (a comment). */
      at: z.string(),
      /** A comment's moment of its clip. */
      atMs: z.number().int().nullable(),
      /** Its first words. */
      excerpt: z.string(),
    }),
  ),
});
export const FeedbackList = z.object({
  items: z.array(Feedback),
  /** The observation's focus (its plan's, or its own): what the feedback is framed by. */
  focus: z.string().nullable(),
  /** For the coachee: sent feedback that waits until she has written what she notices in the data (only how many). */
  heldUntilCoacheeReflects: z.number().int(),
  /** Who wrote the feedback that waits (their names only, never its words). */
  heldFrom: z.array(z.string()),
  /** Whether the viewer may write feedback on this observation. */
  canWrite: z.boolean(),
});

// ---------- artifacts: photos, documents and student work ----------
/**
 * What an artifact is stored as, decided from its bytes (never its name): images re-encoded, PDFs,
 * video and audio clips as sent (a clip with no picture is stored as audio).
 */
export const ARTIFACT_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'audio/mpeg',
  'audio/mp4',
  'audio/webm',
  'audio/ogg',
  'audio/wav',
] as const;
export type ArtifactContentType = (typeof ARTIFACT_CONTENT_TYPES)[number];
/**
 * The text fields of an upload (multipart/form-data, beside one `file` part). Validated by the
 * route itself: a multipart body is not parsed by the schema layer.
 */
export const UploadArtifactFields = z.object({
  /** What it shows, or why it matters (may be empty). */
  note: text(2000).default(''),
  /** Attach it to this observation of the partnership (its coachee's). */
  observationId: id.optional(),
  /** Or to this goal of the partnership (its coachee's). */
  goalId: id.optional(),
  /** Whose content it is, when the partnership has several coachees (peer coaching); else worked out. */
  subjectId: id.optional(),
});
export const ArtifactsQuery = PageQuery.extend({
  /** Only the artifacts attached to this observation. */
  observationId: id.optional(),
  /** Only the artifacts attached to this goal. */
  goalId: id.optional(),
});
export const ArtifactFileQuery = z.object({
  /** 1: shown in the page (a photo large, a clip playing), logged as a view and sent inline; otherwise a download (an export). */
  view: z.enum(['0', '1']).optional(),
});
export const UpdateArtifactBody = z.object({
  /** The new note (its uploader's words). */
  note: text(2000),
});
export const Artifact = z.object({
  id,
  partnershipId: id,
  /** The coachee whose content it is. */
  subjectId: id,
  uploadedBy: id,
  uploaderName: z.string(),
  observationId: id.nullable(),
  goalId: id.nullable(),
  note: z.string(),
  /** The name it was uploaded with (content: it may name a child). */
  fileName: z.string(),
  contentType: z.enum(ARTIFACT_CONTENT_TYPES),
  /** Bytes of the stored file (after an image was re-encoded). */
  byteSize: z.number().int(),
  /** Pixels, for images. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Whether GET /api/artifacts/:id/thumbnail has a small image (an image's, or a video's poster frame). */
  hasThumbnail: z.boolean(),
  /** For a video or audio clip: what was read of it (null for photos and documents). */
  media: z
    .object({
      kind: z.enum(['video', 'audio']),
      /** Its length, when ffprobe could read it. */
      durationMs: z.number().int().nullable(),
      /** Whether it has a sound track (null: not read). */
      hasAudio: z.boolean().nullable(),
      /** What could not be read or is missing, as a sentence in the reader's language ("This clip has no sound."); null: nothing. */
      note: z.string().nullable(),
    })
    .nullable(),
  /** When the coachee it is about said she has watched it (others' comments wait for her until then); null: not yet. */
  coacheeWatchedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** comment: may add comments at moments of this clip; watched: may say she has watched it (the coachee it is about). */
  abilities: z.object({ edit: z.boolean(), delete: z.boolean(), share: z.boolean(), comment: z.boolean(), watched: z.boolean() }),
});

/**
 * The Upload-Metadata of a resumable upload's creation (POST /api/uploads, tus 1.0), each value
 * base64 as tus says: which partnership, the file's name, the note, and what it is attached to.
 */
export const UploadClipMetadata = z.object({
  partnershipId: id,
  /** The name on the uploader's device (content: it may name a child). */
  filename: z.string().max(255).default(''),
  note: text(2000).default(''),
  observationId: id.optional(),
  goalId: id.optional(),
  subjectId: id.optional(),
});
/** Where in a clip, in milliseconds from its start (at most 24 hours). */
const momentMs = z.number().int().min(0).max(86_400_000);
export const CreateArtifactCommentBody = z.object({
  atMs: momentMs,
  /** The comment (may be empty when the moment is only tagged). */
  body: text(4000).default(''),
  /** Practices of the organization's framework this moment shows. */
  tags: z.array(id).max(20).default([]),
  /** Link to a goal of the coachee's action plan… */
  goalId: id.nullable().default(null),
  /** …or to one step of it (its goal is then linked too). */
  stepId: id.nullable().default(null),
});
/** Any of the fields; a goal or step given here replaces the link (null removes it). */
export const UpdateArtifactCommentBody = z.object({
  atMs: momentMs.optional(),
  body: text(4000).optional(),
  tags: z.array(id).max(20).optional(),
  goalId: id.nullable().optional(),
  stepId: id.nullable().optional(),
});
export const ArtifactComment = z.object({
  id,
  artifactId: id,
  authorId: id,
  authorName: z.string(),
  atMs: z.number().int(),
  body: z.string(),
  tags: z.array(z.object({ id, name: z.string() })),
  /**
   * The goal (and step) the comment carries over to. The goal's title and the step's words only
   * for a reader who may read that goal in its own right (a member, or someone it was shared with).
   */
  goal: z.object({ id, title: z.string().nullable() }).nullable(),
  step: z.object({ id, text: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export const ArtifactCommentList = z.object({
  /** In the order of the clip's timeline. */
  items: z.array(ArtifactComment),
  /** For the coachee: others' comments waiting until she has watched her clip or commented on it herself (only how many). */
  held: z.number().int(),
  /** Who wrote the comments that wait (names only, never words). */
  heldFrom: z.array(z.string()),
  /** When the coachee said she has watched it (null: not yet). */
  watchedAt: z.string().nullable(),
  /** Whether the viewer may add comments. */
  canComment: z.boolean(),
});

// ---------- messages and resource requests ----------
export const CreateMessageBody = z.object({
  kind: z.enum(MESSAGE_KINDS).default('message'),
  body: requiredText(4000),
  /** For a resource request: the member asked (often the mentor coach). */
  requestedFrom: id.nullable().default(null),
});
export const FulfilBody = z.object({ note: text(1000).default('') });
export const MessagesQuery = PageQuery;
export const Message = z.object({
  id,
  partnershipId: id,
  kind: z.enum(MESSAGE_KINDS),
  body: z.string(),
  authorId: id,
  authorName: z.string(),
  createdAt: z.string(),
  requestedFrom: z.string().nullable(),
  requestedFromName: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  fulfilledBy: z.string().nullable(),
  fulfilledByName: z.string().nullable(),
  fulfilmentNote: z.string().nullable(),
  /** For requests: hours waited until fulfilled, or so far. */
  waitedHours: z.number().nullable(),
  abilities: z.object({ fulfil: z.boolean() }),
});

// ---------- concerns ----------
export const CreateConcernBody = z.object({
  description: requiredText(4000),
  /** Which coachee it concerns; defaults to the only coachee. */
  subjectId: id.optional(),
});
export const DiscussionBody = z.object({
  /** What was said when you talked it over with the coachee, and what you agreed. */
  summary: requiredText(4000),
  discussedOn: isoDate,
  /** The coachee's own view, in their words, if they want it recorded. */
  coacheeView: text(4000).default(''),
});
export const EscalationBody = z.object({
  supervisorId: id,
  /** Why it needs the supervisor, and what you ask of them. */
  reason: requiredText(2000),
});
export const ResolveConcernBody = z.object({ note: text(1000).default('') });
export const Concern = z.object({
  id,
  partnershipId: id,
  subjectId: id,
  subjectName: z.string(),
  authorId: id,
  authorName: z.string(),
  description: z.string(),
  status: z.enum(CONCERN_STATUSES),
  createdAt: z.string(),
  discussion: z.object({ summary: z.string(), coacheeView: z.string(), discussedOn: z.string(), recordedAt: z.string() }).nullable(),
  escalation: z.object({ supervisorId: id, supervisorName: z.string(), reason: z.string(), escalatedAt: z.string() }).nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  /** Supervisors of the coachee the concern may be raised with, once discussed (for the author). */
  supervisors: z.array(z.object({ id, name: z.string() })),
  abilities: z.object({ discuss: z.boolean(), escalate: z.boolean(), resolve: z.boolean() }),
});

// ---------- calendar feed and reminders ----------
export const CalendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** Only in the answer that creates the feed: the secret address, shown once. */
  url: z.string().optional(),
});
export const ReminderSettings = z.object({
  /** Also send reminders by e-mail (they always appear in Tandem). */
  email: z.boolean(),
});

// ---------- the administrator–coach partnership meeting (issue 12) ----------
const adminMeetingStep = z.number().int().min(FIRST_STEP).max(LAST_STEP);
const meetingVersion = z.number().int().min(1);
export const AdminMeetingParticipantInput = z.object({
  /** A person of the organization. */
  personId: id,
  /** What they are in this meeting (not their role in the organization). */
  role: z.enum(ADMIN_MEETING_ROLES),
});
export const CreateAdminMeetingBody = z.object({
  title: requiredText(200),
  /** The school year it prepares, e.g. 2026–2027. */
  schoolYear: requiredText(20),
  /** The site (school) it is about; null: the whole organization. */
  siteId: id.nullable().default(null),
  /** When it is planned; null: not yet. */
  scheduledFor: isoDateTime.nullable().default(null),
  /** Everyone who takes part, the person creating it included. */
  participants: z.array(AdminMeetingParticipantInput).min(2).max(30),
});
export const StartAdminMeetingBody = z.object({ baseVersion: meetingVersion, /** Where to start (default 2: the purposes). */ step: adminMeetingStep.optional() });
export const AdminMeetingStepBody = z.object({ step: adminMeetingStep, baseVersion: meetingVersion });
export const EndAdminMeetingBody = z.object({ baseVersion: meetingVersion });
export const AdminMeetingNoteTakerBody = z.object({ /** A participant. */ personId: id, baseVersion: meetingVersion });
export const CreateAdminMeetingNormBody = z.object({ text: requiredText(500) });
export const UpdateAdminMeetingNormBody = z.object({
  /** New words (after it was agreed, a revision: step 8). */
  text: requiredText(500).optional(),
  /** true: the group agreed on it; false: not (yet). */
  agreed: z.boolean().optional(),
  baseVersion: meetingVersion,
});
export const CreateAdminMeetingNoteBody = z.object({ text: requiredText(10_000), /** The step it records (default: the current one). */ step: adminMeetingStep.optional() });
export const AdminMeetingParticipant = z.object({ personId: id, name: z.string(), role: z.enum(ADMIN_MEETING_ROLES) });
export const AdminMeetingStepState = z.object({
  step: z.number().int(),
  key: z.enum(ADMIN_MEETING_STEP_KEYS),
  /** Its time box in minutes (null: as needed). */
  minutes: z.number().int().nullable(),
  /** Time spent on it so far, all visits together, at serverNow. */
  elapsedMs: z.number().int(),
  /** Time past its box (0 within it); shown, never blocking. */
  overrunMs: z.number().int(),
  /** Whether its timer runs now (the current step of a live meeting). */
  running: z.boolean(),
  /** When the running interval started (null when not running): a screen counts on from it. */
  runningSince: z.string().nullable(),
});
export const AdminMeetingNorm = z.object({ id, text: z.string(), authorId: id, authorName: z.string(), agreedAt: z.string().nullable(), revisedAt: z.string().nullable(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string() });
export const AdminMeetingNote = z.object({ id, step: z.number().int(), text: z.string(), authorId: id, authorName: z.string(), createdAt: z.string(), updatedAt: z.string() });
// ---- the meeting's roles, topics and written agreement (issue 12, items 2–4) ----
const coachingRole = z.enum(COACHING_ROLE_KEYS);
const topicKey = z.enum(MEETING_TOPIC_KEYS);
/** Your own picks among the ten roles (replaces them; [] clears them). */
export const AdminMeetingRolePicksBody = z.object({ roles: z.array(coachingRole).max(COACHING_ROLE_KEYS.length) });
/** A settled set: 3–5 roles (422 otherwise), for the whole group (scope "") or one team or subject. */
export const CreateAdminMeetingRoleSetBody = z.object({
  /** "" for the whole group, else a team or subject, e.g. "Grade 1 team", "Math". */
  scope: text(100).default(''),
  roles: z.array(coachingRole).max(COACHING_ROLE_KEYS.length),
});
export const UpdateAdminMeetingRoleSetBody = z.object({ scope: text(100).optional(), roles: z.array(coachingRole).max(COACHING_ROLE_KEYS.length).optional(), baseVersion: meetingVersion });
export const CreateAdminMeetingItemBody = z.object({ kind: z.enum(MEETING_ITEM_KINDS), text: requiredText(1000) });
export const UpdateAdminMeetingItemBody = z.object({ text: requiredText(1000), baseVersion: meetingVersion });
export const AdminMeetingTopicParams = z.object({ id, key: topicKey });
export const AdminMeetingConcernBody = z.object({ /** true: a key concern of yours; false: not. */ concerned: z.boolean() });
export const AdminMeetingAnswerBody = z.object({
  /** agreed: what we agreed (text required); not_relevant: not a question for us. */
  status: z.enum(TOPIC_ANSWER_STATUSES),
  text: text(5000).default(''),
  /** Only on the naming_teachers question, and required there when agreed: may coaches name teachers to administrators? */
  namesMayBeUsed: z.boolean().optional(),
  /** The answer's version you saw (0: it had none); a newer one is a conflict (409). */
  baseVersion: z.number().int().min(0),
});
export const AdminMeetingAgreementPlanBody = z.object({
  /** The participant who puts the agreement in writing. */
  drafterId: id,
  /** By when (a date). */
  dueOn: isoDate,
  /** The plan's version you saw (0: none yet). */
  baseVersion: z.number().int().min(0),
});
export const CreateAdminMeetingAgreementVersionBody = z.object({
  /** The drafter's own opening words (optional). */
  introduction: text(5000).nullable().default(null),
  /** The latest version you saw (0: none yet); a newer one is a conflict (409). */
  baseVersion: z.number().int().min(0),
});
export const AdminMeetingSignBody = z.object({
  version: z.number().int().min(1),
  /** The content hash of the version you read; signing fails if it is no longer the latest. */
  contentHash: z.string().length(64),
});
export const AdminMeetingVersionParams = z.object({ id, version: z.coerce.number().int().min(1) });
export const AdminMeetingRolesState = z.object({
  /** Each participant's own picks. */
  picks: z.array(z.object({ personId: id, roles: z.array(coachingRole) })),
  /** All ten roles in order, with who picked each. */
  tally: z.array(z.object({ role: coachingRole, count: z.number().int(), personIds: z.array(id) })),
  /** The settled sets (the whole group's has scope ""). */
  sets: z.array(z.object({ id, scope: z.string(), roles: z.array(coachingRole), recordedBy: id, version: z.number().int(), updatedAt: z.string() })),
});
export const AdminMeetingItem = z.object({
  id,
  kind: z.enum(MEETING_ITEM_KINDS),
  text: z.string(),
  authorId: id,
  authorName: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Change or remove it (its author or whoever runs the meeting, until it ends). */
  abilities: z.object({ edit: z.boolean() }),
});
export const AdminMeetingTopicState = z.object({
  key: topicKey,
  group: z.enum(TOPIC_GROUP_KEYS),
  /** Participants who marked it a key concern (the count is its length). */
  concernedBy: z.array(id),
  answer: z
    .object({
      status: z.enum(TOPIC_ANSWER_STATUSES),
      text: z.string(),
      /** Only on naming_teachers (null elsewhere). */
      namesMayBeUsed: z.boolean().nullable(),
      answeredBy: id,
      answeredByName: z.string(),
      /** Send back as baseVersion to change it. */
      version: z.number().int(),
      updatedAt: z.string(),
    })
    .nullable(),
});
const textItem = z.object({ id: z.string(), text: z.string() });
/** The written agreement's frozen content: keys are named in the reader's language; words stay as written. */
export const AdminMeetingAgreementContent = z.object({
  meetingId: id,
  title: z.string(),
  schoolYear: z.string(),
  introduction: z.string().nullable(),
  participants: z.array(z.object({ personId: id, name: z.string(), role: z.enum(ADMIN_MEETING_ROLES) })),
  roleSets: z.array(z.object({ scope: z.string(), roles: z.array(coachingRole) })),
  challenges: z.array(textItem),
  strengths: z.array(textItem),
  confidentiality: z.array(textItem),
  topics: z.array(z.object({ key: topicKey, status: z.enum(TOPIC_ANSWER_STATUSES), text: z.string(), namesMayBeUsed: z.boolean().nullable() })),
  norms: z.array(textItem),
});
export const AdminMeetingAgreementVersion = z.object({
  version: z.number().int(),
  contentHash: z.string(),
  createdAt: z.string(),
  createdBy: id,
  createdByName: z.string(),
  content: AdminMeetingAgreementContent,
  /** Signatures on this version (person + version + content hash + time). */
  signatures: z.array(z.object({ personId: id, name: z.string(), signedAt: z.string(), contentHash: z.string(), version: z.number().int() })),
  /** Participants who have not signed this version. */
  waitingFor: z.array(z.object({ personId: id, name: z.string() })),
});
export const AdminMeetingAgreementState = z.object({
  drafterId: id.nullable(),
  drafterName: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** The plan's version (0: no plan yet): send it back as baseVersion to change the drafter or date. */
  planVersion: z.number().int(),
  /** The latest version's number (0: none yet): send it back as baseVersion to write the next. */
  currentVersion: z.number().int(),
  /** Every participant signed the latest version. */
  signed: z.boolean(),
  signedAt: z.string().nullable(),
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string() })),
  /** The latest version in full, with its signatures (null: none yet). */
  latest: AdminMeetingAgreementVersion.nullable(),
});
export const AdminMeeting = z.object({
  id,
  title: z.string(),
  schoolYear: z.string(),
  siteId: id.nullable(),
  siteName: z.string().nullable(),
  scheduledFor: z.string().nullable(),
  status: z.enum(ADMIN_MEETING_STATUSES),
  currentStep: z.number().int(),
  noteTakerId: id.nullable(),
  createdBy: id,
  /** The meeting's own fields: send it back as baseVersion to start, move, end or choose the note-taker. */
  version: z.number().int(),
  /** The number of its last change (the events stream's ids). */
  lastEvent: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** The server's time when this was read: timers count on from it. */
  serverNow: z.string(),
  participants: z.array(AdminMeetingParticipant),
  steps: z.array(AdminMeetingStepState),
  norms: z.array(AdminMeetingNorm),
  notes: z.array(AdminMeetingNote),
  /** Step 5: each participant's picks, the tally and the settled sets. */
  roles: AdminMeetingRolesState,
  /** Step 5: challenges, strengths to leverage and confidentiality agreements, in the order added. */
  items: z.array(AdminMeetingItem),
  /** Step 6: every topic in the list's order, with its key concerns and recorded answer. */
  topics: z.array(AdminMeetingTopicState),
  /** Step 7: the written agreement. */
  agreement: AdminMeetingAgreementState,
  abilities: z.object({
    /** Start, move between steps, end (the facilitator or whoever created it). */
    run: z.boolean(),
    chooseNoteTaker: z.boolean(),
    /** Draft, change and agree on norms (every participant). */
    editNorms: z.boolean(),
    /** Add to the record (the note-taker). */
    takeNotes: z.boolean(),
    /** Pick roles, add challenges, strengths and confidentiality agreements, mark key concerns (every participant, until it ends). */
    contribute: z.boolean(),
    /** Record the settled roles (whoever runs it, until it ends). */
    settleRoles: z.boolean(),
    /** Answer topics or mark them not relevant (the note-taker or whoever runs it, while live). */
    answerTopics: z.boolean(),
    /** Name the drafter and the date (whoever runs it). */
    planAgreement: z.boolean(),
    /** Write a new version of the agreement (the drafter, once the meeting started; also after it ended). */
    draftAgreement: z.boolean(),
    /** Sign the latest version (a participant who has not signed it yet). */
    signAgreement: z.boolean(),
    /** Print or download the latest version as a PDF. */
    exportAgreement: z.boolean(),
  }),
});
export const AdminMeetingSummary = z.object({
  id,
  title: z.string(),
  schoolYear: z.string(),
  scheduledFor: z.string().nullable(),
  status: z.enum(ADMIN_MEETING_STATUSES),
  currentStep: z.number().int(),
  /** What the reader is in it. */
  myRole: z.enum(ADMIN_MEETING_ROLES),
  participantCount: z.number().int(),
  createdAt: z.string(),
});
export const AdminMeetingList = z.object({ items: z.array(AdminMeetingSummary) });

// ---------- the meeting's future meetings (issue 12, item 5; step 9) ----------
export const ADMIN_MEETING_ATTENDANCE = ['present', 'absent_notice', 'absent'] as const;
export const AdminMeetingRulesBody = z.object({
  /** What the group agreed happens when one of its meetings is cancelled. */
  cancellationRule: text(2000),
  /** What the group agreed happens when someone cannot come. */
  absenceRule: text(2000),
  /** The participant who sends the calendar invitations (null: whoever runs the meeting). */
  invitationsBy: id.nullable(),
  /** The rules' version you saw (0 before any were written). */
  baseVersion: z.number().int().min(0),
});
export const CreateAdminMeetingDateBody = z.object({
  startsAt: isoDateTime,
  minutes: z.number().int().min(10, 'A meeting lasts at least 10 minutes.').max(480, 'A meeting lasts at most 8 hours.'),
  /** A room or a video link (logistics, shown in calendars). */
  place: text(300).default(""),
});
export const UpdateAdminMeetingDateBody = z.object({
  startsAt: CreateAdminMeetingDateBody.shape.startsAt.optional(),
  minutes: CreateAdminMeetingDateBody.shape.minutes.optional(),
  place: text(300).optional(),
  baseVersion: z.number().int().min(1),
});
export const CancelAdminMeetingDateBody = z.object({ baseVersion: z.number().int().min(1) });
/** What coaches and administrators agreed about confidentiality and names, from fully signed partnership-meeting agreements. */
export const AgreedTermsList = z.object({
  items: z.array(
    z.object({
      meetingId: id,
      title: z.string(),
      schoolYear: z.string(),
      signedAt: z.string(),
      /** Whether coaches may name teachers when they report their work to administrators. */
      namesMayBeUsed: z.boolean(),
      /** The confidentiality agreements and the confidentiality topics' answers, as signed. */
      confidentiality: z.array(z.object({ key: z.string(), text: z.string() })),
      /** Who signed it. */
      signedBy: z.array(z.string()),
    }),
  ),
});
export const AdminMeetingAttendanceBody = z.object({
  records: z
    .array(z.object({ personId: id, status: z.enum(ADMIN_MEETING_ATTENDANCE) }))
    .min(1)
    .max(30),
});
export const AdminMeetingDate = z.object({
  id,
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number().int(),
  place: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  version: z.number().int(),
  cancelledAt: z.string().nullable(),
  /** Everyone who takes part, with what was recorded (null: nothing yet). */
  attendance: z.array(z.object({ personId: id, name: z.string(), status: z.enum(ADMIN_MEETING_ATTENDANCE).nullable() })),
});
export const AdminMeetingSchedule = z.object({
  meetingId: id,
  /** The organization's time zone: dates are shown and sent in it. */
  timeZone: z.string(),
  rules: z.object({
    cancellationRule: z.string(),
    absenceRule: z.string(),
    invitationsBy: id.nullable(),
    invitationsByName: z.string().nullable(),
    /** 0 before any rules were written. */
    version: z.number().int(),
    updatedAt: z.string().nullable(),
  }),
  /** Oldest first. */
  dates: z.array(AdminMeetingDate),
  abilities: z.object({
    /** Write the rules agreed at step 9. */
    editRules: z.boolean(),
    /** Add, move and cancel dates; each sends the participants a calendar invitation. */
    schedule: z.boolean(),
    /** Record who came, once a date has begun. */
    recordAttendance: z.boolean(),
  }),
});

// ---------- the coach's own work log (issue 12, item 7) ----------
const workLogMinutes = z.number().int().min(1).max(WORK_LOG_MAX_MINUTES);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 08:30.');
const workLogFields = {
  /** The day the work was done (YYYY-MM-DD): today or earlier, in the organization's time zone. */
  workedOn: isoDate,
  activity: z.enum(WORK_LOG_ACTIVITIES),
  /** How long, 1–1440 minutes; or give `from` and `to` instead (the minutes are worked out). */
  minutes: workLogMinutes.optional(),
  /** Start and end on that day (HH:MM), instead of `minutes`. */
  from: clockTime.nullable().optional(),
  to: clockTime.nullable().optional(),
  /** One of your partnerships in which you coach (coach, mentor coach or peer coach); null: not for one partnership. */
  partnershipId: id.nullable().optional(),
  /** Your own note: only you ever see it; never in any total. */
  note: text(1000).nullable().optional(),
};
export const CreateWorkLogEntryBody = z.object({ ...workLogFields, workedOn: isoDate, activity: z.enum(WORK_LOG_ACTIVITIES) });
export const UpdateWorkLogEntryBody = z.object({ ...workLogFields, workedOn: isoDate.optional(), activity: z.enum(WORK_LOG_ACTIVITIES).optional() });
export const WorkLogWeekQuery = z.object({ /** Any day of the week to show (default: this week). */ week: isoDate.optional() });
export const WorkLogEntry = z.object({
  id,
  workedOn: z.string(),
  activity: z.enum(WORK_LOG_ACTIVITIES),
  minutes: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  partnershipId: id.nullable(),
  /** The other people of that partnership, as you see them in your own log. */
  partnershipLabel: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), remove: z.boolean() }),
});
const ActivityMinutes = z.object({ activity: z.enum(WORK_LOG_ACTIVITIES), minutes: z.number().int() });
export const WorkLogWeek = z.object({
  /** Monday and Sunday of the week shown, and today in the organization's time zone. */
  weekStart: z.string(),
  weekEnd: z.string(),
  today: z.string(),
  entries: z.array(WorkLogEntry),
  /** Minutes per activity this week (every activity, zero included). */
  totals: z.array(ActivityMinutes),
  total: z.number().int(),
  /** Last week's entries, to repeat one in a tap. */
  lastWeek: z.array(WorkLogEntry),
  /** The partnerships an entry may be for: those in which you coach. */
  partnerships: z.array(z.object({ id, label: z.string() })),
  abilities: z.object({ add: z.boolean() }),
});
export const WorkLogTotalsParams = z.object({ id });
export const WorkLogTotalsQuery = z.object({
  /** How many weeks, ending with this one (default 12). */
  weeks: z.coerce.number().int().min(1).max(WORK_LOG_MAX_WEEKS).default(WORK_LOG_WEEKS),
  /** For the coach only: see the totals exactly as this administrator (one you agreed with) sees them. */
  as: id.optional(),
});
/**
 * What the administrators a coach agreed with see of the coach's work, and exactly what the coach
 * sees under "what your administrators see": minutes by activity and week; teachers' names (with
 * their minutes) only when the signed agreement says names may be used. Never a note, never a partnership.
 */
export const WorkLogTotals = z.object({
  coach: z.object({ personId: id, name: z.string() }),
  weeks: z.array(z.object({ weekStart: z.string(), total: z.number().int(), byActivity: z.array(ActivityMinutes) })),
  byActivity: z.array(ActivityMinutes),
  total: z.number().int(),
  namesMayBeUsed: z.boolean(),
  /** Minutes of work for each teacher by name, only when names may be used (else null). */
  teachers: z.array(z.object({ name: z.string(), minutes: z.number().int() })).nullable(),
});
export const WorkLogAudience = z.object({
  /** The administrators who see your totals: those you signed a partnership meeting agreement with. */
  administrators: z.array(z.object({ personId: id, name: z.string(), namesMayBeUsed: z.boolean() })),
  /** Who looked at your totals, one line per person and day, newest first. */
  seenBy: z.array(z.object({ personId: id, name: z.string(), day: z.string(), times: z.number().int(), lastAt: z.string() })),
});
export const WorkLogCoaches = z.object({
  /** The coaches you signed a partnership meeting agreement with (as principal or assistant principal). */
  items: z.array(z.object({ personId: id, name: z.string(), namesMayBeUsed: z.boolean() })),
});

// ---------- launching a program: the program page, enrolment, testimonials (issue 12, item 8) ----------
export const ProgramCoach = z.object({ personId: id, name: z.string(), site: z.string().nullable() });
/** A testimonial on the program page: shown only with its author's consent and the leader's approval. */
export const PublishedTestimonial = z.object({
  id,
  text: z.string(),
  /** The author's name when they chose to be named; null when they chose to be shown without it. */
  authorName: z.string().nullable(),
  authorRole: z.enum(TESTIMONIAL_AUTHOR_ROLES),
});
export const EnrolmentAbilities = z.object({
  /** Change the answer (volunteer, or say "not now"): not once it became a partnership. */
  change: z.boolean(),
  /** Take the request back, until it becomes a partnership. */
  withdraw: z.boolean(),
});
/** The teacher's own answer to "would you like a coach?"; only they see a decline. */
export const MyEnrolment = z.object({
  id,
  status: z.enum(ENROLMENT_STATUSES),
  format: z.enum(FORMATS).nullable(),
  preferredCoachId: id.nullable(),
  preferredCoachName: z.string().nullable(),
  starts: z.enum(ENROLMENT_STARTS).nullable(),
  /** The partnership it became, if it did. */
  partnershipId: id.nullable(),
  updatedAt: z.string(),
  abilities: EnrolmentAbilities,
});
export const TestimonialAbilities = z.object({ edit: z.boolean(), consent: z.boolean(), withdrawConsent: z.boolean(), remove: z.boolean() });
/** A testimonial as its author sees it, with where it stands. */
export const MyTestimonial = z.object({
  id,
  text: z.string(),
  consent: z.enum(TESTIMONIAL_CONSENTS),
  state: z.enum(TESTIMONIAL_STATES),
  consentedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: TestimonialAbilities,
});
export const ProgramAbilities = z.object({
  /** Answer "would you like a coach?" (a teacher of the organization). */
  enrol: z.boolean(),
  /** Write the page's welcome (a program leader). */
  editWelcome: z.boolean(),
  /** See the teachers who volunteered (a program leader; a coach, those who chose them). */
  reviewEnrolments: z.boolean(),
  /** Write a testimonial (someone taking part in a partnership). */
  writeTestimonial: z.boolean(),
  /** Approve testimonials whose authors consented (a program leader). */
  reviewTestimonials: z.boolean(),
});
/** The program page every signed-in person can read (SPEC §2.1). The roles come from shared/src/visibility.ts. */
export const ProgramPage = z.object({
  organization: z.string(),
  /** The program leader's welcome, in their own words (null: none written). */
  welcome: z.string().nullable(),
  coaches: z.array(ProgramCoach),
  testimonials: z.array(PublishedTestimonial),
  myEnrolment: MyEnrolment.nullable(),
  myTestimonials: z.array(MyTestimonial),
  abilities: ProgramAbilities,
});
export const ProgramWelcomeBody = z.object({ welcome: text(PROGRAM_WELCOME_MAX) });
/** One step: volunteer (with optional preferences) or "not now". */
export const EnrolmentBody = z.object({
  choice: z.enum(['volunteer', 'decline']),
  format: z.enum(FORMATS).nullable().default(null),
  /** A coach of the program the teacher would like to work with. */
  preferredCoachId: id.nullable().default(null),
  starts: z.enum(ENROLMENT_STARTS).nullable().default(null),
});
/** A teacher who volunteered, for the program leader and the coach they chose. */
export const Volunteer = z.object({
  id,
  personId: id,
  name: z.string(),
  site: z.string().nullable(),
  status: z.enum(['volunteered', 'partnered']),
  format: z.enum(FORMATS).nullable(),
  preferredCoachId: id.nullable(),
  preferredCoachName: z.string().nullable(),
  starts: z.enum(ENROLMENT_STARTS).nullable(),
  partnershipId: id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ partner: z.boolean() }),
});
export const Volunteers = z.object({ items: z.array(Volunteer) });
/** Turn a volunteer's request into a partnership (origin "volunteered"): the teacher and the coach are invited. */
export const PartnerEnrolmentBody = z.object({
  format: z.enum(FORMATS),
  /** The coach (expert format) or mentor coach (peer and self formats). */
  coachId: id,
  /** Peer format: the other teachers who will coach each other with this one. */
  peerIds: z.array(id).max(5).default([]),
  /** Set when the coach also supervises the teacher and everyone agreed to go ahead knowingly. */
  acknowledgeDualRole: z.boolean().default(false),
});
export const TestimonialBody = z.object({ text: requiredText(TESTIMONIAL_MAX) });
/** The author's explicit consent: how to be shown, and the ticked box saying they agree. */
export const TestimonialConsentBody = z.object({ show: z.enum(['named', 'anonymous']), agree: z.boolean() });
export const TestimonialApprovalBody = z.object({ approved: z.boolean() });
/** A testimonial whose author consented, for the program leader to approve (the words cannot be changed). */
export const TestimonialForReview = z.object({
  id,
  text: z.string(),
  authorName: z.string(),
  authorRole: z.enum(TESTIMONIAL_AUTHOR_ROLES),
  consent: z.enum(['named', 'anonymous']),
  consentedAt: z.string(),
  approvedAt: z.string().nullable(),
  abilities: z.object({ approve: z.boolean() }),
});
export const TestimonialsForReview = z.object({ items: z.array(TestimonialForReview) });
