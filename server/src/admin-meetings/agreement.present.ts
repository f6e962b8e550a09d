/** Steps 5–7 as a participant sees them (roles, lists, topics, the written agreement), with abilities from the policy. */
import type { z } from 'zod';
import { COACHING_ROLE_KEYS, type CoachingRoleKey, MEETING_TOPICS, type MeetingAgreementContent } from '../../../shared/src/admin-meetings';
import type { AdminMeeting, AdminMeetingAgreementVersion } from '../../../shared/src/api';
import { canEditMeetingItem, canOnMeetingAgreement } from '../privacy/policy';
import type { AgreementContext, AgreementParts, VersionRow } from './agreement.queries';

type Meeting = z.infer<typeof AdminMeeting>;
type Participant = { person_id: string; name: string };
type Signature = AgreementParts['signatures'][number];
type ItemKind = Meeting['items'][number]['kind'];
type AnswerStatus = NonNullable<Meeting['topics'][number]['answer']>['status'];

export function presentVersion(v: VersionRow, signatures: Signature[], participants: Participant[]): z.infer<typeof AdminMeetingAgreementVersion> {
  const signed = new Set(signatures.map((s) => s.person_id));
  return {
    version: Number(v.version),
    contentHash: v.content_hash,
    createdAt: v.created_at,
    createdBy: v.created_by,
    createdByName: v.created_by_name,
    content: JSON.parse(v.content) as MeetingAgreementContent,
    signatures: signatures.map((s) => ({ personId: s.person_id, name: s.name, signedAt: s.signed_at, contentHash: s.content_hash, version: Number(s.version) })),
    waitingFor: participants.filter((p) => !signed.has(p.person_id)).map((p) => ({ personId: p.person_id, name: p.name })),
  };
}

export function presentAgreementParts(
  base: Omit<AgreementContext, 'drafterId'>,
  parts: AgreementParts,
  participants: Participant[],
): Pick<Meeting, 'roles' | 'items' | 'topics' | 'agreement'> & { abilities: Pick<Meeting['abilities'], 'contribute' | 'settleRoles' | 'answerTopics' | 'planAgreement' | 'draftAgreement' | 'signAgreement' | 'exportAgreement'> } {
  const ctx: AgreementContext = { ...base, drafterId: parts.plan?.drafter_id ?? null };
  const status = ctx.meeting.status;
  const open = status !== 'ended';
  const me = ctx.actor.personId;
  const picksBy = new Map<string, CoachingRoleKey[]>();
  for (const p of parts.picks) picksBy.set(p.person_id, [...(picksBy.get(p.person_id) ?? []), p.role_key as CoachingRoleKey]);
  const latest = parts.latest ? presentVersion(parts.latest, parts.signatures, participants) : null;
  const plan = parts.plan;
  const signed = !!plan && plan.signed_version !== null && Number(plan.signed_version) === Number(plan.current_version);
  return {
    roles: {
      picks: participants.filter((p) => picksBy.has(p.person_id)).map((p) => ({ personId: p.person_id, roles: orderRoles(picksBy.get(p.person_id)!) })),
      tally: COACHING_ROLE_KEYS.map((role) => {
        const personIds = parts.picks.filter((p) => p.role_key === role).map((p) => p.person_id);
        return { role, count: personIds.length, personIds };
      }),
      sets: parts.sets.map((s) => ({ id: s.id, scope: s.scope, roles: JSON.parse(s.roles) as CoachingRoleKey[], recordedBy: s.recorded_by, version: Number(s.version), updatedAt: s.updated_at })),
    },
    items: parts.items.map((i) => ({
      id: i.id,
      kind: i.kind as ItemKind,
      text: i.text,
      authorId: i.author_id,
      authorName: i.author_name,
      version: Number(i.version),
      createdAt: i.created_at,
      updatedAt: i.updated_at,
      abilities: { edit: open && canEditMeetingItem(ctx, { authorId: i.author_id }) },
    })),
    topics: MEETING_TOPICS.map((t) => {
      const a = parts.answers.find((x) => x.topic_key === t.key);
      return {
        key: t.key,
        group: t.group,
        concernedBy: parts.concerns.filter((c) => c.topic_key === t.key).map((c) => c.person_id),
        answer: a
          ? { status: a.status as AnswerStatus, text: a.text, namesMayBeUsed: a.names_may_be_used === null ? null : Number(a.names_may_be_used) === 1, answeredBy: a.answered_by, answeredByName: a.answered_by_name, version: Number(a.version), updatedAt: a.updated_at }
          : null,
      };
    }),
    agreement: {
      drafterId: plan?.drafter_id ?? null,
      drafterName: plan?.drafter_name ?? null,
      dueOn: plan?.due_on ?? null,
      planVersion: plan ? Number(plan.version) : 0,
      currentVersion: plan ? Number(plan.current_version) : 0,
      signed,
      signedAt: signed ? plan!.signed_at : null,
      versions: parts.versions.map((v) => ({ version: Number(v.version), createdAt: v.created_at })),
      latest,
    },
    abilities: {
      contribute: open && canOnMeetingAgreement(ctx, 'adminMeeting.contribute'),
      settleRoles: open && canOnMeetingAgreement(ctx, 'adminMeeting.settleRoles'),
      answerTopics: status === 'live' && canOnMeetingAgreement(ctx, 'adminMeeting.answerTopics'),
      planAgreement: canOnMeetingAgreement(ctx, 'adminMeeting.planAgreement'),
      draftAgreement: status !== 'draft' && canOnMeetingAgreement(ctx, 'adminMeeting.draftAgreement'),
      signAgreement: !!latest && latest.waitingFor.some((w) => w.personId === me) && canOnMeetingAgreement(ctx, 'adminMeeting.signAgreement'),
      exportAgreement: !!latest && canOnMeetingAgreement(ctx, 'adminMeeting.exportAgreement'),
    },
  };
}

const orderRoles = (roles: CoachingRoleKey[]) => COACHING_ROLE_KEYS.filter((r) => roles.includes(r));
