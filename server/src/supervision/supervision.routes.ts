/**
 * The supervisor's routes in a partnership (issue 12, item 6): check-ins (the coachee's supervisor
 * schedules, moves and cancels them; members and the supervisor see them) and coverage requests
 * (either partner asks, the supervisor answers; both see the answer). Who may do what is decided in
 * privacy/policy.ts (`checkin.*`, `coverage.*`); anyone else gets the same 404 as a missing id.
 * The supervisor's signature on the agreement is in agreements.routes.ts (it answers with the agreement).
 */
import { CheckinList, Checkin, CoverageAnswerBody, CoverageList, CoverageRequest, CoverageRequestBody, IdParams, MyCheckins, ScheduleCheckinBody } from '../../../shared/src/api';
import { SUBJECT_ROLES } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import { type App, type Services, actorOf } from '../platform/http';
import { authorize, can, type PartnershipAction } from '../privacy/policy';
import { loadContext, loadContexts } from '../privacy/relations';
import {
  answerCoverage,
  cancelCheckin,
  coverablePartners,
  moveCheckin,
  presentCheckin,
  presentCoverage,
  requestCoverage,
  scheduleCheckin,
  selectCheckins,
  selectCoverage,
} from './supervision.service';
import { supervisorSignaturesWaiting } from './supervisor-part';

export default async function supervisionRoutes(app: App, s: Services) {
  const { db, clock } = s;

  /** One check-in and its partnership's context, if the action is allowed (else 404, as for a missing id). */
  async function oneCheckin(actor: Actor, id: string, action: PartnershipAction) {
    const row = await selectCheckins(db, actor.orgId).where('c.id', '=', id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorize(ctx, action);
    return { row: row!, ctx };
  }

  async function oneCoverage(actor: Actor, id: string, action: PartnershipAction) {
    const row = await selectCoverage(db, actor.orgId).where('r.id', '=', id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorize(ctx, action);
    return { row: row!, ctx };
  }

  // ---------- check-ins ----------

  app.get('/api/partnerships/:id/checkins', { config: { matrix: 'checkin.view' }, schema: { tags: ['supervision'], summary: 'The supervisor\'s check-ins with the partners (logistics only: when, how long, where)', params: IdParams, response: { 200: CheckinList } } }, async (request) => {
    const ctx = await loadContext(db, actorOf(request), request.params.id);
    authorize(ctx, 'checkin.view');
    const rows = await selectCheckins(db, ctx.actor.orgId).where('c.partnership_id', '=', ctx.partnership.id).orderBy('c.starts_at').orderBy('c.id').limit(200).execute();
    return { items: rows.map((r) => presentCheckin(ctx, r)), abilities: { schedule: can(ctx, 'checkin.schedule') } };
  });

  app.post('/api/partnerships/:id/checkins', { config: { matrix: 'checkin.schedule' }, schema: { tags: ['supervision'], summary: 'The coachee\'s supervisor schedules a check-in', params: IdParams, body: ScheduleCheckinBody, response: { 201: Checkin } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'checkin.schedule');
    const id = await scheduleCheckin(db, clock, ctx, request.body);
    const { row } = await oneCheckin(actor, id, 'checkin.view');
    return reply.status(201).send(presentCheckin(ctx, row));
  });

  app.patch('/api/checkins/:id', { config: { matrix: 'checkin.schedule' }, schema: { tags: ['supervision'], summary: 'Move a check-in: a new time, length or place', params: IdParams, body: ScheduleCheckinBody, response: { 200: Checkin } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await oneCheckin(actor, request.params.id, 'checkin.schedule');
    await moveCheckin(db, clock, ctx, row, request.body);
    return presentCheckin(ctx, (await oneCheckin(actor, row.id, 'checkin.view')).row);
  });

  app.post('/api/checkins/:id/cancellation', { config: { matrix: 'checkin.schedule' }, schema: { tags: ['supervision'], summary: 'Cancel a check-in (no reason asked: it would be words about the partners)', params: IdParams, response: { 200: Checkin } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await oneCheckin(actor, request.params.id, 'checkin.schedule');
    await cancelCheckin(db, clock, ctx, row);
    return presentCheckin(ctx, (await oneCheckin(actor, row.id, 'checkin.view')).row);
  });

  /** The supervisor's Home: their upcoming check-ins across partnerships, and how many coverage requests wait for them. */
  app.get('/api/me/checkins', { config: { matrix: 'self' }, schema: { tags: ['supervision'], summary: 'My upcoming check-ins as a supervisor, and coverage requests waiting for my answer', response: { 200: MyCheckins } } }, async (request) => {
    const actor = actorOf(request);
    if (!actor.roles.has('supervisor')) return { items: [], pendingCoverage: 0, toSign: [] };
    const since = new Date(clock.now().getTime() - 3600_000).toISOString();
    const rows = await selectCheckins(db, actor.orgId).where('c.scheduled_by', '=', actor.personId).where('c.status', '=', 'scheduled').where('c.starts_at', '>=', since).orderBy('c.starts_at').limit(50).execute();
    // Scoped in the query to partnerships of people this supervisor supervises; the policy then decides per partnership.
    const pending = await db
      .selectFrom('coverage_requests as r')
      .select(['r.id', 'r.partnership_id'])
      .where('r.org_id', '=', actor.orgId)
      .where('r.status', '=', 'pending')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('partnership_members as m')
            .innerJoin('supervision_links as l', 'l.supervisee_id', 'm.person_id')
            .select('m.person_id')
            .whereRef('m.partnership_id', '=', 'r.partnership_id')
            .where('m.role', 'in', [...SUBJECT_ROLES])
            .where('l.org_id', '=', actor.orgId)
            .where('l.supervisor_id', '=', actor.personId),
        ),
      )
      .limit(500)
      .execute();
    const contexts = await loadContexts(db, actor, [...new Set([...rows.map((r) => r.partnership_id), ...pending.map((p) => p.partnership_id)])]);
    const items = rows.flatMap((r) => {
      const ctx = contexts.get(r.partnership_id);
      if (!ctx || !can(ctx, 'checkin.schedule')) return [];
      return [{ ...presentCheckin(ctx, r), partners: ctx.members.filter((m) => m.state === 'accepted').map((m) => m.name) }];
    });
    return { items, pendingCoverage: pending.filter((p) => can(contexts.get(p.partnership_id), 'coverage.answer')).length, toSign: await supervisorSignaturesWaiting(db, actor) };
  });

  // ---------- coverage requests ----------

  app.get('/api/partnerships/:id/coverage-requests', { config: { matrix: 'coverage.view' }, schema: { tags: ['supervision'], summary: 'Coverage requests to the supervisor and their answers (fixed lists, no free text)', params: IdParams, response: { 200: CoverageList } } }, async (request) => {
    const ctx = await loadContext(db, actorOf(request), request.params.id);
    authorize(ctx, 'coverage.view');
    const rows = await selectCoverage(db, ctx.actor.orgId).where('r.partnership_id', '=', ctx.partnership.id).orderBy('r.on_date', 'desc').orderBy('r.from_time', 'desc').limit(200).execute();
    return { items: rows.map((r) => presentCoverage(ctx, r)), partners: coverablePartners(ctx), abilities: { request: can(ctx, 'coverage.request') } };
  });

  app.post('/api/partnerships/:id/coverage-requests', { config: { matrix: 'coverage.request' }, schema: { tags: ['supervision'], summary: 'Ask the supervisor for cover: the day, from–to, for what, for which partner', params: IdParams, body: CoverageRequestBody, response: { 201: CoverageRequest } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'coverage.request');
    const id = await requestCoverage(db, clock, ctx, request.body);
    return reply.status(201).send(presentCoverage(ctx, (await oneCoverage(actor, id, 'coverage.view')).row));
  });

  app.post('/api/coverage-requests/:id/answer', { config: { matrix: 'coverage.answer' }, schema: { tags: ['supervision'], summary: 'The supervisor confirms or declines (with a reason from a fixed list, or none)', params: IdParams, body: CoverageAnswerBody, response: { 200: CoverageRequest } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await oneCoverage(actor, request.params.id, 'coverage.answer');
    await answerCoverage(db, clock, ctx, row.id, request.body);
    return presentCoverage(ctx, (await oneCoverage(actor, row.id, 'coverage.view')).row);
  });
}
