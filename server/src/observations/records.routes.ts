/**
 * Observation records (SPEC §2.6, issue 10): a visit started from a confirmed
 * plan (or without one, which it says), the events the tablet records during
 * it, sent in batches that may repeat or arrive late, and its end. Coaching
 * content of kind "observation": read through privacy/content.ts, logged,
 * shared only by the coachee. Who may record is an item rule in privacy/policy.ts.
 */
import { z } from 'zod';
import { DataForm, EndObservationBody, IdParams, IngestEventsBody, IngestEventsResponse, Observation, ObservationSummary, StartObservationBody, keysetQuery, pageOf } from '../../../shared/src/api';
import { decodeCursor, page } from '../platform/pagination';
import type { ObservationMode, ObservationStatus, ObservationTool } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { requestLanguage } from '../platform/language';
import type { Database } from '../platform/tables';
import { type ContentRef, logMemberReads, readMany, readOne } from '../privacy/content';
import { authorize, authorizeItem, canOnItem } from '../privacy/policy';
import { loadContext, type PartnershipContext } from '../privacy/relations';
import { firstCoacheeReflection } from '../reflections/reflections.queries';
import { CLOCK_SLACK_MS, MAX_BATCH, type Tool, buildTools, ingestEvents, layoutVersionsOf, observedSubject } from './records.service';

/** Observations come 200 at a time, newest first (the first page is what the list always showed). */
const ObservationsQuery = keysetQuery(200);

type Row = Database['observations'] & { created_by_name: string };

export const ref = (r: Row): ContentRef => ({ kind: 'observation', id: r.id, partnershipId: r.partnership_id, subjectId: r.subject_id });
const facts = (r: Pick<Row, 'subject_id' | 'mode'>) => ({ subjectId: r.subject_id, recorded: r.mode === 'recorded' });

export const selectObservations = (db: DB, actor: Actor) =>
  db.selectFrom('observations as o').innerJoin('people as c', 'c.id', 'o.created_by').selectAll('o').select('c.name as created_by_name').where('o.org_id', '=', actor.orgId);

function summary(r: Row, ctx: PartnershipContext | null): z.infer<typeof ObservationSummary> {
  const record = canOnItem(ctx, 'observation.record', facts(r));
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    subjectId: r.subject_id,
    planId: r.plan_id,
    planned: r.plan_id !== null,
    meetingId: r.meeting_id,
    focus: r.focus,
    mode: r.mode as ObservationMode,
    status: r.status as ObservationStatus,
    toolKinds: (JSON.parse(r.tools) as Tool[]).map((t) => t.tool),
    clip: r.clip_id ? { artifactId: r.clip_id, durationMs: Number(r.clip_duration_ms) } : null,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    createdById: r.created_by,
    createdBy: r.created_by_name,
    version: r.version,
    abilities: { record, end: record && r.status === 'recording', share: canOnItem(ctx, 'item.share', { subjectId: r.subject_id }) },
  };
}

/** The whole record: tools, the layout versions they used, and every event (undone ones marked, never removed). */
export async function present(db: DB, r: Row, ctx: PartnershipContext | null): Promise<z.infer<typeof Observation>> {
  const tools = JSON.parse(r.tools) as Tool[];
  const layouts = await layoutVersionsOf(db, r.org_id, tools);
  const events = await db.selectFrom('observation_events').selectAll().where('org_id', '=', r.org_id).where('observation_id', '=', r.id).orderBy('device_at').orderBy('id').execute();
  const undoneBy = new Map<string, string>();
  for (const e of events) {
    if (e.type !== 'undo') continue;
    const target = (JSON.parse(e.payload) as { eventId: string }).eventId;
    // Undone by the first undo (by device time) when the same tap was undone twice.
    if (!undoneBy.has(target)) undoneBy.set(target, e.id);
  }
  // Coachee first (issue 10, item 5): whether the coachee has written their reflection on this
  // visit (or, before a reflection could name one, on its plan or session), so the partner's
  // screen can say who looks first. Only that it exists is read, never its words.
  const reflected = await firstCoacheeReflection(db, { orgId: r.org_id, partnershipId: r.partnership_id, subjectId: r.subject_id }, { observation: { id: r.id, planId: r.plan_id, meetingId: r.meeting_id } });
  return {
    ...summary(r, ctx),
    coacheeReflectedAt: reflected?.created_at ?? null,
    tools,
    layouts: [...layouts.values()].map((l) => ({ layoutId: l.layoutId, version: l.version, kind: l.kind as 'seating_chart', name: l.name, elements: l.elements })),
    events: events.map((e) => ({ id: e.id, tool: e.tool as ObservationTool, type: e.type, payload: JSON.parse(e.payload), deviceAt: e.device_at, receivedAt: e.received_at, authorId: e.author_id, undoneBy: undoneBy.get(e.id) ?? null })),
    endedById: r.ended_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export default async function observationRecordRoutes(app: App, s: Services) {
  const { db, clock } = s;

  /** The answer to a write is a read of the whole record, logged like any other. */
  async function presentOne(actor: Actor, id: string, ctx: PartnershipContext) {
    const row = await selectObservations(db, actor).where('o.id', '=', id).executeTakeFirstOrThrow();
    await logMemberReads(db, clock, ctx, [{ kind: 'observation', id: row.id, subjectId: row.subject_id }]);
    return present(db, row, ctx);
  }

  /** For recording: an observation the actor may add to (to anyone else it does not exist). */
  async function forRecording(actor: Actor, id: string) {
    const row = await selectObservations(db, actor).where('o.id', '=', id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorizeItem(ctx, 'observation.record', row ? facts(row) : {});
    return { row: row!, ctx };
  }

  /** A device time, at most a few minutes ahead of the server. */
  const deviceTime = (value: string | undefined, field: string) => {
    const now = clock.now();
    if (!value) return now.toISOString();
    const at = new Date(value);
    if (at.getTime() > now.getTime() + CLOCK_SLACK_MS) throw unprocessable('deviceClockAhead', field);
    return at.toISOString();
  };

  /**
   * A clip of this coachee's in this partnership that tools can run on: a video or an audio
   * recording whose length is known (read by ffprobe, or else as the device's player read it).
   */
  async function clipToObserve(actor: Actor, partnershipId: string, subjectId: string, clipId: string, reportedMs: number | undefined) {
    const a = await db.selectFrom('artifacts').select(['id', 'content_type', 'duration_ms']).where('org_id', '=', actor.orgId).where('partnership_id', '=', partnershipId).where('subject_id', '=', subjectId).where('id', '=', clipId).executeTakeFirst();
    if (!a || !(a.content_type.startsWith('video/') || a.content_type.startsWith('audio/'))) throw unprocessable('observationClip', 'clipId');
    const durationMs = a.duration_ms ?? reportedMs;
    if (!durationMs) throw unprocessable('observationClipLength', 'clipDurationMs');
    return { id: a.id, durationMs: Number(durationMs) };
  }

  app.get('/api/partnerships/:id/observations', { config: { matrix: 'observation.list' }, schema: { tags: ['observations'], summary: 'Observations of a partnership, newest first, without their events (members only; each read is logged)', params: IdParams, querystring: ObservationsQuery, response: { 200: pageOf(ObservationSummary) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const { limit, cursor } = request.query;
    const after = decodeCursor(cursor);
    let q = selectObservations(db, actor).where('o.partnership_id', '=', ctx.partnership.id);
    if (after) q = q.where((eb) => eb.or([eb('o.started_at', '<', after[0]), eb.and([eb('o.started_at', '=', after[0]), eb('o.id', '<', after[1])])]));
    const result = page(await q.orderBy('o.started_at', 'desc').orderBy('o.id', 'desc').limit(limit + 1).execute(), limit, (r) => [r.started_at, r.id]);
    const readable = await readMany(db, clock, actor, result.items, ref);
    return { items: readable.map((r) => summary(r, ctx)), nextCursor: result.nextCursor };
  });

  app.post('/api/partnerships/:id/observations', { config: { matrix: 'observation.start' }, schema: { tags: ['observations'], summary: 'Start an observation, from a confirmed plan or without one; its tools are pre-filled from the plan (safe to send again with the same id)', params: IdParams, body: StartObservationBody, response: { 200: Observation, 201: Observation } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'observation.start');
    const body = request.body;
    // Started offline and sent again: the same observation, once.
    if (body.id) {
      const existing = await db.selectFrom('observations').select(['id', 'partnership_id', 'created_by']).where('id', '=', body.id).executeTakeFirst();
      if (existing) {
        if (existing.partnership_id !== ctx.partnership.id || existing.created_by !== actor.personId) throw notFound();
        return reply.status(200).send(await presentOne(actor, existing.id, ctx));
      }
    }
    const plan = body.planId
      ? await db.selectFrom('observation_plans').selectAll().where('org_id', '=', actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', body.planId).executeTakeFirst()
      : null;
    if (body.planId && (!plan || (body.subjectId && body.subjectId !== plan.subject_id))) throw unprocessable('planOfCoachee', 'planId');
    if (plan && plan.status !== 'confirmed') throw unprocessable('planNotConfirmed', 'planId');
    const subjectId = plan ? plan.subject_id : observedSubject(ctx, body.subjectId);
    if (!subjectId) throw unprocessable('observationWhose', 'subjectId');
    const clip = body.clipId ? await clipToObserve(actor, ctx.partnership.id, subjectId, body.clipId, body.clipDurationMs) : null;
    const mode = clip ? 'recorded' : (body.mode ?? (plan?.mode as ObservationMode | undefined) ?? 'live');
    // Who observes whom is the policy's: a partner watching another teach, or the coachee on their own video.
    authorizeItem(ctx, 'observation.start', { subjectId, recorded: mode === 'recorded' });
    const meetingId = body.meetingId ?? plan?.meeting_id ?? null;
    if (meetingId) {
      const m = await db.selectFrom('meetings').select('kind').where('org_id', '=', actor.orgId).where('partnership_id', '=', ctx.partnership.id).where('id', '=', meetingId).executeTakeFirst();
      if (!m || m.kind !== 'observation') throw unprocessable('observationVisit', 'meetingId');
    }
    const form = plan ? DataForm.parse(JSON.parse(plan.data_form)) : null;
    const tools = await buildTools(db, ctx, subjectId, form, body.tools);
    // On a clip, the visit's clock is the clip's: it starts the clip's length ago, so that every
    // moment of the clip (start + position) is a time already past, and it ends with the clip.
    const startedAt = clip ? new Date(clock.now().getTime() - clip.durationMs).toISOString() : deviceTime(body.startedAt, 'startedAt');
    const now = clock.now().toISOString();
    const id = body.id ?? newId();
    await db
      .insertInto('observations')
      .values({ id, org_id: actor.orgId, partnership_id: ctx.partnership.id, subject_id: subjectId, plan_id: plan?.id ?? null, meeting_id: meetingId, focus: body.focus ?? plan?.focus ?? '', mode, status: 'recording', tools: JSON.stringify(tools), started_at: startedAt, ended_at: null, ended_by: null, created_by: actor.personId, created_at: now, updated_at: now, version: 1, clip_id: clip?.id ?? null, clip_duration_ms: clip?.durationMs ?? null })
      .execute();
    return reply.status(201).send(await presentOne(actor, id, ctx));
  });

  app.get('/api/observations/:id', { config: { matrix: 'observation.read' }, schema: { tags: ['observations'], summary: 'One observation with its tools, layout versions and every event (undone ones marked): for members, or a person the coachee shared it with (logged)', params: IdParams, response: { 200: Observation } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectObservations(db, actor).where('o.id', '=', request.params.id).executeTakeFirst();
    const decision = await readOne(db, clock, actor, row && ref(row));
    return present(db, row!, decision.basis === 'member' ? decision.ctx : null);
  });

  app.post(
    '/api/observations/:id/events',
    { bodyLimit: 4_000_000, config: { matrix: 'observation.record' }, schema: { tags: ['observations'], summary: `Record up to ${MAX_BATCH} events in one batch, in any order and as often as needed: each is answered accepted, duplicate, conflict or rejected with a reason`, params: IdParams, body: IngestEventsBody, response: { 200: IngestEventsResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const { row } = await forRecording(actor, request.params.id);
      return ingestEvents(db, clock.now(), actor, row, request.body.events, requestLanguage(request));
    },
  );

  app.post('/api/observations/:id/ending', { config: { matrix: 'observation.record' }, schema: { tags: ['observations'], summary: 'End the observation (events recorded before the end may still arrive); the same end sent again by its author answers with the ended visit, any other second end is refused with when it ended', params: IdParams, body: EndObservationBody, response: { 200: Observation } } }, async (request) => {
    const actor = actorOf(request);
    const { row, ctx } = await forRecording(actor, request.params.id);
    const ended = (at: string) => new AppError('CONFLICT', { key: 'observationEnded', values: { when: `${at.slice(0, 16).replace('T', ' ')} UTC` } });
    // A visit on a clip ends where the clip ends, whenever the reviewer says it is done.
    const endedAt = row.clip_id ? new Date(new Date(row.started_at).getTime() + Number(row.clip_duration_ms)).toISOString() : deviceTime(request.body.endedAt, 'endedAt');
    // The same end sent again (a tablet that ended offline and never heard the answer): the
    // same visit, ended once. Any other end of an ended visit is refused with when it ended.
    if (row.ended_at && request.body.endedAt && row.ended_by === actor.personId && row.ended_at === endedAt) return presentOne(actor, row.id, ctx);
    if (row.ended_at) throw ended(row.ended_at);
    if (endedAt < row.started_at) throw unprocessable('endAfterStart', 'endedAt');
    const res = await db
      .updateTable('observations')
      .set({ status: 'ended', ended_at: endedAt, ended_by: actor.personId, version: row.version + 1, updated_at: clock.now().toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'recording')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const now = await db.selectFrom('observations').select('ended_at').where('id', '=', row.id).executeTakeFirstOrThrow();
      throw ended(now.ended_at!);
    }
    return presentOne(actor, row.id, ctx);
  });
}
