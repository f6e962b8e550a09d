/**
 * The administrator–coach partnership meeting, run live (issue 12, item 1; SPEC §2.7): a program
 * leader or a coach sets it up with people of the organization; the facilitator (or whoever set
 * it up) starts it, moves through the nine steps (each with its timer and visible overrun, never
 * blocking) and ends it; everyone drafts and agrees on norms; the chosen note-taker keeps the
 * record. Every change reaches every participant's screen within a second through
 * GET /api/admin-meetings/:id/events (server-sent events, live.ts for the cross-process part).
 *
 * Only participants find a meeting (privacy/policy.ts, adminMeeting.*): a supervisor or leader
 * who is not in it gets the same 404 as for a missing id.
 */
import { PassThrough } from 'node:stream';
import { OPENING_STEP } from '../../../shared/src/admin-meetings';
import {
  AdminMeeting,
  AdminMeetingList,
  AdminMeetingNoteTakerBody,
  AdminMeetingStepBody,
  CreateAdminMeetingBody,
  CreateAdminMeetingNormBody,
  CreateAdminMeetingNoteBody,
  EndAdminMeetingBody,
  IdParams,
  StartAdminMeetingBody,
  UpdateAdminMeetingNormBody,
} from '../../../shared/src/api';
import type { Actor } from '../platform/actor';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { type AdminMeetingAction, authorizeInMeeting, canCreateAdminMeeting, canInMeeting } from '../privacy/policy';
import { eventsAfter, meetingContext, meetingDetails, type MeetingRow, myMeetings } from './admin-meetings.queries';
import { presentMeeting } from './admin-meetings.present';
import { meetingChanges, numberEvent } from './admin-meetings.service';
import { openMeetingBus } from './live';
import scheduleRoutes from './schedule.routes';
import roleRoutes from './roles.routes';
import topicRoutes from './topics.routes';
import meetingAgreementRoutes from './agreement.routes';
import termsRoutes from './terms.routes';

/**
 * A comment line every 15 s keeps proxies from closing a quiet stream and finds clients that went
 * away; each beat also checks that the screen's session still stands. (Tests shorten it.)
 */
export const liveSettings = { heartbeatMs: 15_000 };

/** One participant's open events stream. */
interface Screen {
  actor: Actor;
  meetingId: string;
  /** The last event number this screen was sent. */
  last: number;
  stream: PassThrough;
  /** Sends run one after another per screen, so events never interleave. */
  queue: Promise<void>;
}

export default async function adminMeetingRoutes(app: App, s: Services) {
  const { db, clock, config } = s;
  const bus = await openMeetingBus(config, app.log);
  const { change } = meetingChanges(db, clock, bus);
  // The future meetings (step 9) share the numbering of changes, so live screens follow them too.
  await scheduleRoutes(app, s, change);
  // Steps 5–7: roles and the lists, topics, the written agreement.
  await roleRoutes(app, s, change);
  await topicRoutes(app, s, change);
  await meetingAgreementRoutes(app, s, change);
  await termsRoutes(app, s);
  const screens = new Map<string, Set<Screen>>();

  bus.onEvent((meetingId, seq) => {
    for (const screen of screens.get(meetingId) ?? []) if (seq > screen.last) schedule(screen);
  });
  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    for (const set of screens.values()) for (const screen of set) screen.stream.end();
  });
  app.addHook('onClose', () => bus.close());

  /** The meeting as the actor may see it, or 404 (missing, another organization's, or not a participant). */
  async function load(actor: Actor, id: string, action: AdminMeetingAction = 'adminMeeting.read') {
    const ctx = await meetingContext(db, actor, id);
    authorizeInMeeting(ctx, 'adminMeeting.read');
    if (action !== 'adminMeeting.read') authorizeInMeeting(ctx, action);
    return ctx as NonNullable<Awaited<ReturnType<typeof meetingContext>>>;
  }

  async function read(actor: Actor, id: string) {
    const ctx = await load(actor, id);
    return presentMeeting(ctx, await meetingDetails(db, ctx.meeting), clock.now());
  }

  const notEnded = (m: MeetingRow) => {
    if (m.status === 'ended') throw new AppError('INVALID_TRANSITION', 'adminMeetingEnded');
  };
  const isLive = (m: MeetingRow) => {
    notEnded(m);
    if (m.status !== 'live') throw new AppError('INVALID_TRANSITION', 'adminMeetingNotStarted');
  };

  /** The meeting's own fields change only from the version the writer saw (409 otherwise). */
  async function claim(trx: Parameters<Parameters<typeof change>[3]>[0], m: MeetingRow, baseVersion: number, now: string, set: Partial<MeetingRow>) {
    const res = await trx
      .updateTable('admin_meetings')
      .set({ ...set, version: baseVersion + 1, updated_at: now })
      .where('id', '=', m.id)
      .where('version', '=', baseVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'adminMeetingChanged');
  }
  const checkVersion = (m: MeetingRow, baseVersion: number) => {
    if (Number(m.version) !== baseVersion) throw new AppError('VERSION_CONFLICT', 'adminMeetingChanged');
  };

  // ---------- the events stream ----------

  const frame = (event: string, id: number | null, data: unknown) => `${id !== null ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

  /**
   * Sends the screen what it has not had: each numbered change after its last, then the meeting
   * as its person sees it now. The read is checked again each time, so a person no longer allowed
   * in stops receiving at once.
   */
  async function flush(screen: Screen, replay: boolean) {
    if (screen.stream.destroyed || screen.stream.writableEnded) return;
    const ctx = (await sessionStands(screen.actor)) ? await meetingContext(db, screen.actor, screen.meetingId) : null;
    if (!ctx || !canInMeeting(ctx, 'adminMeeting.read')) {
      screen.stream.end();
      return;
    }
    const upTo = Number(ctx.meeting.last_event);
    if (upTo <= screen.last && !replay) return;
    const events = replay && screen.last < upTo ? (await eventsAfter(db, screen.meetingId, screen.last)).filter((e) => Number(e.seq) <= upTo) : [];
    const state = presentMeeting(ctx, await meetingDetails(db, ctx.meeting), clock.now());
    let out = '';
    for (const e of events) out += frame('change', Number(e.seq), { seq: Number(e.seq), kind: e.kind, at: e.created_at });
    out += frame('state', upTo, state);
    screen.last = upTo;
    if (!screen.stream.destroyed && !screen.stream.writableEnded) screen.stream.write(out);
  }

  /**
   * Whether the session the stream was opened with still stands. Threat: a stream opened before
   * signing out (or everywhere, or being deactivated) going on showing the meeting on a shared device.
   */
  async function sessionStands(actor: Actor) {
    const row = await db.selectFrom('auth_sessions').select('expires_at').where('token_hash', '=', actor.sessionHash).executeTakeFirst();
    return !!row && clock.now() < new Date(row.expires_at);
  }

  function schedule(screen: Screen, replay = true) {
    screen.queue = screen.queue.then(() => flush(screen, replay)).catch((err) => app.log.warn({ err: { message: (err as Error).message } }, 'a meeting screen could not be updated'));
    return screen.queue;
  }

  app.get(
    '/api/admin-meetings/:id/events',
    {
      config: { matrix: 'adminMeeting.read' },
      schema: {
        tags: ['admin meetings'],
        summary:
          'Live updates of a meeting (participants; text/event-stream): the meeting as you see it on connect ("state"), then each change ("change", numbered) and the meeting after it, within a second, whichever server process made it; send Last-Event-ID on reconnect to receive the changes you missed; a comment every 15 s keeps the stream open',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const ctx = await load(actor, request.params.id);
      const asked = Number(request.headers['last-event-id']);
      const lastSeen = Number.isInteger(asked) && asked >= 0 ? asked : null;
      const stream = new PassThrough();
      const screen: Screen = { actor, meetingId: ctx.meeting.id, last: lastSeen ?? Number(ctx.meeting.last_event), stream, queue: Promise.resolve() };
      let set = screens.get(screen.meetingId);
      if (!set) screens.set(screen.meetingId, (set = new Set()));
      set.add(screen);
      const heartbeat = setInterval(() => {
        screen.queue = screen.queue
          .then(async () => {
            if (stream.destroyed || stream.writableEnded) return;
            if (!(await sessionStands(actor))) stream.end();
            else stream.write(': heartbeat\n\n');
          })
          .catch(() => undefined);
      }, liveSettings.heartbeatMs);
      heartbeat.unref();
      // The client went away (or the server is closing): forget the screen.
      stream.on('close', () => {
        clearInterval(heartbeat);
        set!.delete(screen);
        if (set!.size === 0 && screens.get(screen.meetingId) === set) screens.delete(screen.meetingId);
      });
      // Ask the client to come back after 2 s when the connection drops.
      stream.write('retry: 2000\n\n');
      await schedule(screen);
      reply.header('content-type', 'text/event-stream; charset=utf-8').header('x-accel-buffering', 'no');
      return reply.send(stream);
    },
  );

  // ---------- the meeting ----------

  app.post(
    '/api/admin-meetings',
    { config: { matrix: 'adminMeeting.create' }, schema: { tags: ['admin meetings'], summary: 'Set up an administrator–coach partnership meeting with people of the organization (a program leader or a coach, who takes part in it)', body: CreateAdminMeetingBody, response: { 201: AdminMeeting } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canCreateAdminMeeting(actor.roles)) throw notFound();
      const body = request.body;
      const ids = body.participants.map((p) => p.personId);
      if (new Set(ids).size !== ids.length) throw unprocessable('adminMeetingParticipants', 'participants');
      const people = await db.selectFrom('people').select('id').where('org_id', '=', actor.orgId).where('active', '=', 1).where('id', 'in', ids).execute();
      if (people.length !== ids.length) throw unprocessable('adminMeetingParticipants', 'participants');
      if (!ids.includes(actor.personId)) throw unprocessable('adminMeetingIncludeYourself', 'participants');
      if (body.siteId && !(await db.selectFrom('sites').select('id').where('org_id', '=', actor.orgId).where('id', '=', body.siteId).executeTakeFirst())) throw unprocessable('adminMeetingSite', 'siteId');
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        await trx
          .insertInto('admin_meetings')
          .values({ id, org_id: actor.orgId, site_id: body.siteId, title: body.title, school_year: body.schoolYear, scheduled_for: body.scheduledFor, status: 'draft', current_step: 1, note_taker_id: null, created_by: actor.personId, version: 1, last_event: 0, created_at: now, updated_at: now, started_at: null, ended_at: null })
          .execute();
        await trx.insertInto('admin_meeting_participants').values(body.participants.map((p) => ({ meeting_id: id, person_id: p.personId, org_id: actor.orgId, role: p.role, created_at: now }))).execute();
        await numberEvent(trx, id, actor.orgId, 'created', now);
      });
      return reply.status(201).send(await read(actor, id));
    },
  );

  app.get('/api/admin-meetings', { config: { matrix: 'adminMeeting.list' }, schema: { tags: ['admin meetings'], summary: 'The partnership meetings I take part in, newest first', response: { 200: AdminMeetingList } } }, async (request) => {
    const actor = actorOf(request);
    const rows = await myMeetings(db, actor);
    return {
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        schoolYear: r.school_year,
        scheduledFor: r.scheduled_for,
        status: r.status as 'draft' | 'live' | 'ended',
        currentStep: Number(r.current_step),
        myRole: r.my_role as 'principal' | 'assistant_principal' | 'coach' | 'facilitator' | 'other',
        participantCount: Number(r.participant_count),
        createdAt: r.created_at,
      })),
    };
  });

  app.get('/api/admin-meetings/:id', { config: { matrix: 'adminMeeting.read' }, schema: { tags: ['admin meetings'], summary: 'One partnership meeting with its steps and timers, norms and the record (participants only)', params: IdParams, response: { 200: AdminMeeting } } }, async (request) => {
    return read(actorOf(request), request.params.id);
  });

  app.post(
    '/api/admin-meetings/:id/starting',
    { config: { matrix: 'adminMeeting.run' }, schema: { tags: ['admin meetings'], summary: 'Start the meeting at a step (default 2, the purposes) and its timer (the facilitator or whoever set it up; 409 on a stale version)', params: IdParams, body: StartAdminMeetingBody, response: { 200: AdminMeeting } } },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.run');
      notEnded(m);
      if (m.status !== 'draft') throw new AppError('INVALID_TRANSITION', 'adminMeetingAlreadyStarted');
      checkVersion(m, request.body.baseVersion);
      const step = request.body.step ?? OPENING_STEP;
      await change(m.id, m.org_id, 'started', async (trx, now) => {
        await claim(trx, m, request.body.baseVersion, now, { status: 'live', current_step: step, started_at: now });
        await trx.insertInto('admin_meeting_steps').values({ id: newId(), meeting_id: m.id, org_id: m.org_id, step, started_at: now, ended_at: null }).execute();
      });
      return read(actor, m.id);
    },
  );

  app.put(
    '/api/admin-meetings/:id/step',
    { config: { matrix: 'adminMeeting.run' }, schema: { tags: ['admin meetings'], summary: 'Move the live meeting to a step: its timer runs, the previous one stops (any step, in any order; a step over its time box is never blocked)', params: IdParams, body: AdminMeetingStepBody, response: { 200: AdminMeeting } } },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.run');
      isLive(m);
      checkVersion(m, request.body.baseVersion);
      await change(m.id, m.org_id, 'step', async (trx, now) => {
        await claim(trx, m, request.body.baseVersion, now, { current_step: request.body.step });
        await trx.updateTable('admin_meeting_steps').set({ ended_at: now }).where('meeting_id', '=', m.id).where('ended_at', 'is', null).execute();
        await trx.insertInto('admin_meeting_steps').values({ id: newId(), meeting_id: m.id, org_id: m.org_id, step: request.body.step, started_at: now, ended_at: null }).execute();
      });
      return read(actor, m.id);
    },
  );

  app.post(
    '/api/admin-meetings/:id/ending',
    { config: { matrix: 'adminMeeting.run' }, schema: { tags: ['admin meetings'], summary: 'End the live meeting: the running timer stops; norms and the record stay as they are', params: IdParams, body: EndAdminMeetingBody, response: { 200: AdminMeeting } } },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.run');
      isLive(m);
      checkVersion(m, request.body.baseVersion);
      await change(m.id, m.org_id, 'ended', async (trx, now) => {
        await claim(trx, m, request.body.baseVersion, now, { status: 'ended', ended_at: now });
        await trx.updateTable('admin_meeting_steps').set({ ended_at: now }).where('meeting_id', '=', m.id).where('ended_at', 'is', null).execute();
      });
      return read(actor, m.id);
    },
  );

  app.put(
    '/api/admin-meetings/:id/note-taker',
    { config: { matrix: 'adminMeeting.run' }, schema: { tags: ['admin meetings'], summary: 'Record who the group chose to take notes, a participant (the facilitator or whoever set it up)', params: IdParams, body: AdminMeetingNoteTakerBody, response: { 200: AdminMeeting } } },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.chooseNoteTaker');
      notEnded(m);
      checkVersion(m, request.body.baseVersion);
      const seat = await db.selectFrom('admin_meeting_participants').select('person_id').where('meeting_id', '=', m.id).where('person_id', '=', request.body.personId).executeTakeFirst();
      if (!seat) throw unprocessable('adminMeetingNoteTaker', 'personId');
      await change(m.id, m.org_id, 'note_taker', (trx, now) => claim(trx, m, request.body.baseVersion, now, { note_taker_id: seat.person_id }));
      return read(actor, m.id);
    },
  );

  // ---------- norms ----------

  app.post(
    '/api/admin-meetings/:id/norms',
    { config: { matrix: 'adminMeeting.norms' }, schema: { tags: ['admin meetings'], summary: 'Draft a norm for this and future meetings (any participant, until the meeting ends)', params: IdParams, body: CreateAdminMeetingNormBody, response: { 201: AdminMeeting } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.norms');
      notEnded(m);
      await change(m.id, m.org_id, 'norm_added', async (trx, now) => {
        await trx.insertInto('admin_meeting_norms').values({ id: newId(), meeting_id: m.id, org_id: m.org_id, text: request.body.text, author_id: actor.personId, agreed_at: null, revised_at: null, version: 1, created_at: now, updated_at: now }).execute();
      });
      return reply.status(201).send(await read(actor, m.id));
    },
  );

  app.patch(
    '/api/admin-meeting-norms/:id',
    { config: { matrix: 'adminMeeting.norms' }, schema: { tags: ['admin meetings'], summary: 'Change a norm’s words (a revision once agreed, as at step 8) or mark it agreed (any participant; 409 on a stale version)', params: IdParams, body: UpdateAdminMeetingNormBody, response: { 200: AdminMeeting } } },
    async (request) => {
      const actor = actorOf(request);
      const norm = await db.selectFrom('admin_meeting_norms').selectAll().where('org_id', '=', actor.orgId).where('id', '=', request.params.id).executeTakeFirst();
      if (!norm) throw notFound();
      const { meeting: m } = await load(actor, norm.meeting_id, 'adminMeeting.norms');
      notEnded(m);
      const { text, agreed, baseVersion } = request.body;
      if (Number(norm.version) !== baseVersion) throw new AppError('VERSION_CONFLICT', 'adminMeetingNormChanged');
      const kind = agreed === true && !norm.agreed_at ? 'norm_agreed' : 'norm_changed';
      await change(m.id, m.org_id, kind, async (trx, now) => {
        const wordsChanged = text !== undefined && text !== norm.text;
        const res = await trx
          .updateTable('admin_meeting_norms')
          .set({
            ...(text !== undefined ? { text } : {}),
            ...(agreed === true && !norm.agreed_at ? { agreed_at: now } : agreed === false ? { agreed_at: null } : {}),
            // New words for a norm already agreed: a revision (step 8 revisits them).
            ...(wordsChanged && norm.agreed_at ? { revised_at: now } : {}),
            version: baseVersion + 1,
            updated_at: now,
          })
          .where('id', '=', norm.id)
          .where('version', '=', baseVersion)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'adminMeetingNormChanged');
      });
      return read(actor, m.id);
    },
  );

  // ---------- the record ----------

  app.post(
    '/api/admin-meetings/:id/notes',
    { config: { matrix: 'adminMeeting.notes' }, schema: { tags: ['admin meetings'], summary: 'Add to the meeting record, at a step (the current one by default); the note-taker only', params: IdParams, body: CreateAdminMeetingNoteBody, response: { 201: AdminMeeting } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.notes');
      notEnded(m);
      await change(m.id, m.org_id, 'note_added', async (trx, now) => {
        await trx.insertInto('admin_meeting_notes').values({ id: newId(), meeting_id: m.id, org_id: m.org_id, step: request.body.step ?? Number(m.current_step), text: request.body.text, author_id: actor.personId, created_at: now, updated_at: now }).execute();
      });
      return reply.status(201).send(await read(actor, m.id));
    },
  );
}
