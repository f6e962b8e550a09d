/** Partnership routes: validate → load (scoped) → authorize → act → present. */
import { sql } from 'kysely';
import { z } from 'zod';
import {
  CreatePartnershipBody,
  IdParams,
  PartnershipDetail,
  PartnershipSummary,
  PartnershipsQuery,
  ProfileBody,
  RespondBody,
  StatusBody,
  pageOf,
} from '../../../shared/src/api';
import type { Challenge } from '../../../shared/src/domain';
import { SUBJECT_ROLES } from '../../../shared/src/domain';
import { type App, type Services, actorOf } from '../platform/http';
import { decodeCursor, page } from '../platform/pagination';
import type { DB } from '../platform/db';
import { arg, prepared } from '../platform/prepared';
import type { Database } from '../platform/tables';
import { logMemberReads } from '../privacy/content';
import { logisticsOnly } from '../privacy/logistics';
import { authorize, can, canOnItem, relationLabel } from '../privacy/policy';
import { loadContext, loadContexts, partnershipsVisibleTo, type PartnershipContext } from '../privacy/relations';
import { changeStatus, createPartnership, respond, saveProfile } from './partnerships.service';

type HistoryRow = { from_status: string | null; to_status: string; reason: string | null; at: string; name: string };
type ProfileRow = Pick<Database['partnership_profiles'], 'subject_id' | 'strengths' | 'learning_style' | 'needs' | 'challenges' | 'challenge_notes' | 'updated_at'>;

/**
 * The status history (its first 200 events) and, for a reader of content, the coachees' profiles,
 * in one statement: on PostgreSQL every statement is a round trip and an executor start, and this
 * is the most read page of the app. A row is either an event (kind 'h') or a profile (kind 'p'), in
 * shared columns; profiles come only when the third argument is 'yes' (policy: partnership.readContent).
 */
type HistoryOrProfileRow = { kind: 'h' | 'p'; c1: string | null; c2: string | null; c3: string | null; c4: string | null; c5: string | null; c6: string | null; c7: string | null };
const historyAndProfiles = prepared<[string, string, 'yes' | 'no'], HistoryOrProfileRow>((db) => ({
  compile: () =>
    sql<HistoryOrProfileRow>`select * from (select 'h' as kind, e.from_status as c1, e.to_status as c2, e.reason as c3, e.at as c4, p.name as c5, null as c6, null as c7
      from partnership_status_events e inner join people p on p.id = e.by_person_id
      where e.partnership_id = ${arg(0)} order by e.at limit 200) as history
    union all
    select 'p', subject_id, strengths, learning_style, needs, challenges, challenge_notes, updated_at
      from partnership_profiles where ${arg(2)} = 'yes' and org_id = ${arg(1)} and partnership_id = ${arg(0)}`.compile(db),
}));

async function readHistoryAndProfiles(db: DB, ctx: PartnershipContext, withProfiles: boolean): Promise<{ history: HistoryRow[]; profiles: ProfileRow[] }> {
  const rows = await historyAndProfiles(db, ctx.partnership.id, ctx.actor.orgId, withProfiles ? 'yes' : 'no');
  const history = rows
    .filter((r) => r.kind === 'h')
    .map((r) => ({ from_status: r.c1, to_status: r.c2!, reason: r.c3, at: r.c4!, name: r.c5! }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const profiles = rows
    .filter((r) => r.kind === 'p')
    .map((r) => ({ subject_id: r.c1!, strengths: r.c2!, learning_style: r.c3!, needs: r.c4!, challenges: r.c5!, challenge_notes: r.c6!, updated_at: r.c7! }));
  return { history, profiles };
}

export function presentSummary(ctx: PartnershipContext) {
  const p = ctx.partnership;
  return {
    id: p.id,
    format: p.format,
    status: p.status,
    // Members and program leaders only (privacy/policy.ts 'partnership.readOrigin').
    origin: can(ctx, 'partnership.readOrigin') ? (p.origin as NonNullable<z.infer<typeof PartnershipSummary>['origin']>) : null,
    members: ctx.members,
    viewerRelation: relationLabel(ctx),
    dualRole: p.dual_role === 1,
    meetingCadence: p.meeting_cadence,
    coverageNeeds: p.coverage_needs,
    reviewOn: p.review_on,
    signatureStatus: (p.current_agreement_version === 0 ? 'none' : p.agreement_signed_version === p.current_agreement_version ? 'signed' : 'waiting') as 'none' | 'waiting' | 'signed',
    mySignatureNeeded: ctx.mySignatureNeeded && p.status !== 'closed',
    createdAt: p.created_at,
  };
}

function abilities(ctx: PartnershipContext) {
  return {
    readContent: can(ctx, 'partnership.readContent'),
    writeNotes: can(ctx, 'note.create'),
    uploadArtifacts: can(ctx, 'artifact.upload'),
    editAgreement: can(ctx, 'agreement.edit'),
    sign: can(ctx, 'agreement.sign'),
    share: can(ctx, 'share.create'),
    changeStatus: can(ctx, 'partnership.changeStatus'),
    respond: can(ctx, 'partnership.respond'),
    readAccessLog: can(ctx, 'share.list'),
    scheduleSessions: can(ctx, 'meeting.schedule'),
    createGoals: can(ctx, 'goal.create'),
    celebrate: can(ctx, 'celebration.create'),
    rate: can(ctx, 'strengths.rate'),
    addStrengths: can(ctx, 'strengths.add'),
    planObservations: can(ctx, 'plan.create'),
    // Starting an observation is the partnership rule plus who observes whom (privacy/policy.ts):
    // a coachee records only their own video, a supporter also visits live.
    startObservation: can(ctx, 'observation.start'),
    observeLive: ctx.members.some((m) => SUBJECT_ROLES.includes(m.role) && m.state === 'accepted' && canOnItem(ctx, 'observation.start', { subjectId: m.personId, recorded: false })),
    reflect: can(ctx, 'reflection.create'),
    sendMessages: can(ctx, 'message.create'),
    raiseConcerns: can(ctx, 'concern.create'),
    editProfile: can(ctx, 'profile.edit'),
    readAgreedTerms: can(ctx, 'partnership.agreedTerms'),
    seeSupervision: can(ctx, 'checkin.view'),
  };
}

export default async function partnershipRoutes(app: App, s: Services) {
  const { db, clock } = s;

  async function detail(ctx: PartnershipContext) {
    const readContent = can(ctx, 'partnership.readContent');
    const insider = can(ctx, 'partnership.readReasons');
    const { history, profiles: profileRows } = await readHistoryAndProfiles(db, ctx, readContent);
    let profiles: z.infer<typeof PartnershipDetail>['profiles'];
    if (readContent) {
      const rows = profileRows;
      const subjects = ctx.members.filter((m) => SUBJECT_ROLES.includes(m.role) && m.state !== 'declined');
      profiles = subjects.map((m) => {
        const r = rows.find((row) => row.subject_id === m.personId);
        return {
          subjectId: m.personId,
          strengths: r?.strengths ?? '',
          learningStyle: r?.learning_style ?? '',
          needs: r?.needs ?? '',
          challenges: (r ? JSON.parse(r.challenges) : []) as Challenge[],
          challengeNotes: r?.challenge_notes ?? '',
          updatedAt: r?.updated_at ?? null,
        };
      });
      // The profile is coaching content: each one read is logged for its coachee.
      await logMemberReads(db, clock, ctx, rows.map((r) => ({ kind: 'profile' as const, id: r.subject_id, subjectId: r.subject_id })));
    }
    const full = {
      ...presentSummary(ctx),
      // Reasons (an invitation message, a decline, why a partnership paused or closed) are the partners' words.
      statusHistory: history.map((h) => (insider ? { from: h.from_status, to: h.to_status, reason: h.reason, by: h.name, at: h.at } : logisticsOnly('statusEvent', { from: h.from_status, to: h.to_status, by: h.name, at: h.at }))),
      dualRoleAcknowledgedAt: ctx.partnership.dual_role_acknowledged_at,
      ...(profiles ? { profiles } : {}),
      abilities: abilities(ctx),
    };
    return insider ? full : logisticsOnly('partnership', full);
  }

  app.get('/api/partnerships', { config: { matrix: 'partnership.list' }, schema: { tags: ['partnerships'], summary: 'Partnerships you can see (members: yours; supervisors: your staff\'s; leaders: all, logistics only)', querystring: PartnershipsQuery, response: { 200: pageOf(PartnershipSummary) } } }, async (request) => {
    const actor = actorOf(request);
    const { limit, cursor, status } = request.query;
    const after = decodeCursor(cursor);
    let q = partnershipsVisibleTo(db, actor);
    if (status) q = q.where('p.status', '=', status);
    if (after) q = q.where((eb) => eb.or([eb('p.created_at', '<', after[0]), eb.and([eb('p.created_at', '=', after[0]), eb('p.id', '<', after[1])])]));
    const rows = await q.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(limit + 1).execute();
    const result = page(rows, limit, (r) => [r.created_at, r.id]);
    const contexts = await loadContexts(db, actor, result.items.map((r) => r.id));
    return {
      items: result.items.map((r) => contexts.get(r.id)).filter((c): c is PartnershipContext => can(c, 'partnership.view')).map(presentSummary),
      nextCursor: result.nextCursor,
    };
  });

  app.post('/api/partnerships', { config: { matrix: 'partnership.create' }, schema: { tags: ['partnerships'], summary: 'Start a partnership or ask a colleague for coaching; the others are invited', body: CreatePartnershipBody, response: { 201: PartnershipDetail } } }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await createPartnership(db, clock, actor, request.body);
    const ctx = await loadContext(db, actor, id);
    authorize(ctx, 'partnership.view');
    return reply.status(201).send(await detail(ctx));
  });

  app.get('/api/partnerships/:id', { config: { matrix: 'partnership.view' }, schema: { tags: ['partnerships'], summary: 'One partnership; content (the profile) only for its members, and every such read is logged', params: IdParams, response: { 200: PartnershipDetail } } }, async (request) => {
    const ctx = await loadContext(db, actorOf(request), request.params.id);
    authorize(ctx, 'partnership.view');
    return detail(ctx);
  });

  app.post('/api/partnerships/:id/response', { config: { matrix: 'partnership.respond' }, schema: { tags: ['partnerships'], summary: 'Accept or decline an invitation to a partnership', params: IdParams, body: RespondBody, response: { 200: PartnershipDetail } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.respond');
    await respond(db, clock, ctx, request.body.accept, request.body.reason);
    const after = await loadContext(db, actor, request.params.id);
    authorize(after, 'partnership.view');
    return detail(after);
  });

  app.post('/api/partnerships/:id/status', { config: { matrix: 'partnership.changeStatus' }, schema: { tags: ['partnerships'], summary: 'Move the partnership along its lifecycle (with a reason for pause and close)', params: IdParams, body: StatusBody, response: { 200: PartnershipDetail } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.changeStatus');
    await changeStatus(db, clock, ctx, request.body.to, request.body.reason);
    return detail((await loadContext(db, actor, request.params.id))!);
  });

  app.put('/api/partnerships/:id/profile', { config: { matrix: 'profile.edit' }, schema: { tags: ['partnerships'], summary: 'Save the getting-to-know-you profile of a coachee (coaching content)', params: IdParams, body: ProfileBody, response: { 200: PartnershipDetail } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'profile.edit');
    await saveProfile(db, clock, ctx, request.body);
    return detail((await loadContext(db, actor, request.params.id))!);
  });
}
