/**
 * The coach's own work log (issue 12, item 7): a coach records their own time by activity (a day,
 * minutes or a start and an end, optionally one of their partnerships, a note only they see), week
 * by week. The administrators the coach signed a partnership meeting agreement with see totals by
 * activity and week — never a note, never a partnership, teachers' names only if that agreement
 * says names may be used — and the coach sees exactly the same answer (the same route and
 * presenter) under "what your administrators see", with who sees it and who looked.
 *
 * Who may do what is decided in privacy/policy.ts (workLog.*, canOnWorkLogEntry); a supervisor or
 * leader who did not agree with the coach gets the same 404 as for a person who does not exist.
 */
import { z } from 'zod';
import {
  CreateWorkLogEntryBody,
  IdParams,
  UpdateWorkLogEntryBody,
  WorkLogAudience,
  WorkLogCoaches,
  WorkLogEntry,
  WorkLogTotals,
  WorkLogTotalsParams,
  WorkLogTotalsQuery,
  WorkLogWeek,
  WorkLogWeekQuery,
} from '../../../shared/src/api';
import { WORK_LOG_MAX_DAYS_BACK, type WorkLogActivity, shiftDay, weekStartOf } from '../../../shared/src/work-log';
import { coachesAgreedWith } from '../admin-meetings/terms';
import type { Actor } from '../platform/actor';
import { notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { authorizeOnWorkLog, canAsPerson, canOnWorkLog, canOnWorkLogEntry, workLogTeacherNames, workLogViewer } from '../privacy/policy';
import { loadPersonFacts } from '../privacy/relations';
import { type EntryRow, byActivity, coachingPartnerships, entriesBetween, todayFor, totalsOf, workLogContext } from './work-log.queries';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The coach's own entry, as only the coach sees it (note and partnership included). */
function presentEntry(actor: Actor, r: EntryRow, labels: ReadonlyMap<string, string>): z.infer<typeof WorkLogEntry> {
  const mine = canOnWorkLogEntry(actor, r);
  return {
    id: r.id,
    workedOn: r.worked_on,
    activity: r.activity as WorkLogActivity,
    minutes: Number(r.minutes),
    from: r.starts_at,
    to: r.ends_at,
    partnershipId: r.partnership_id,
    partnershipLabel: r.partnership_id ? (labels.get(r.partnership_id) ?? null) : null,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: { edit: mine, remove: mine },
  };
}

export default async function workLogRoutes(app: App, s: Services) {
  const { db, clock } = s;

  /** Only people who keep a work log (privacy/policy.ts, person ability workLog) reach their own; anyone else: 404. */
  async function keeper(actor: Actor) {
    if (!canAsPerson(await loadPersonFacts(db, actor), 'workLog')) throw notFound();
    const ctx = await workLogContext(db, actor, actor.personId);
    authorizeOnWorkLog(ctx, 'workLog.keep');
    return ctx;
  }

  /** What an entry will hold, checked: the day (today or earlier, within the last 400 days), how long, and the partnership. */
  async function checked(actor: Actor, body: { workedOn: string; minutes?: number; from?: string | null; to?: string | null; partnershipId?: string | null }) {
    const today = await todayFor(db, actor.orgId, clock.now());
    // Time already spent: a day ahead cannot have been worked yet, and a slip of the year would
    // quietly move hours out of every total an administrator sees.
    if (body.workedOn > today) throw unprocessable('workLogNotYet', 'workedOn');
    if (body.workedOn < shiftDay(today, -WORK_LOG_MAX_DAYS_BACK)) throw unprocessable({ key: 'workLogTooOld', values: { days: WORK_LOG_MAX_DAYS_BACK } }, 'workedOn');
    let minutes = body.minutes ?? null;
    const from = body.from ?? null;
    const to = body.to ?? null;
    if (from || to) {
      if (!from || !to) throw unprocessable('workLogHowLong', from ? 'to' : 'from');
      const span = minutesOf(to) - minutesOf(from);
      if (span <= 0) throw unprocessable('workLogTimeOrder', 'to');
      if (minutes !== null && minutes !== span) throw unprocessable('workLogMinutesDisagree', 'minutes');
      minutes = span;
    }
    if (minutes === null) throw unprocessable('workLogHowLong', 'minutes');
    if (body.partnershipId) {
      const mine = await coachingPartnerships(db, actor);
      if (!mine.some((p) => p.id === body.partnershipId)) throw unprocessable('workLogPartnership', 'partnershipId');
    }
    return { minutes, from, to };
  }

  async function labelsFor(actor: Actor) {
    const partnerships = await coachingPartnerships(db, actor);
    return { partnerships, labels: new Map(partnerships.map((p) => [p.id, p.label])) };
  }

  app.get(
    '/api/work-log',
    { config: { matrix: 'workLog.own' }, schema: { tags: ['work log'], summary: 'Your own work log for one week (this week by default): entries with your notes, totals per activity, last week to repeat from, the partnerships an entry may be for (coaches only)', querystring: WorkLogWeekQuery, response: { 200: WorkLogWeek } } },
    async (request) => {
      const actor = actorOf(request);
      const ctx = await keeper(actor);
      const today = await todayFor(db, actor.orgId, clock.now());
      const weekStart = weekStartOf(request.query.week ?? today);
      const weekEnd = shiftDay(weekStart, 6);
      const [rows, last, { partnerships, labels }] = await Promise.all([
        entriesBetween(db, actor.orgId, actor.personId, weekStart, weekEnd),
        entriesBetween(db, actor.orgId, actor.personId, shiftDay(weekStart, -7), shiftDay(weekStart, -1)),
        labelsFor(actor),
      ]);
      const totals = byActivity(rows);
      return {
        weekStart,
        weekEnd,
        today,
        entries: rows.map((r) => presentEntry(actor, r, labels)),
        totals,
        total: totals.reduce((sum, a) => sum + a.minutes, 0),
        lastWeek: last.map((r) => presentEntry(actor, r, labels)),
        partnerships: partnerships.filter((p) => p.status !== 'closed').map((p) => ({ id: p.id, label: p.label })),
        abilities: { add: canOnWorkLog(ctx, 'workLog.keep') },
      };
    },
  );

  app.post(
    '/api/work-log',
    { config: { matrix: 'workLog.write' }, schema: { tags: ['work log'], summary: 'Log time: a day (today or earlier), an activity, minutes (1–1440) or a start and an end, optionally one of your partnerships and a note only you see', body: CreateWorkLogEntryBody, response: { 201: WorkLogEntry } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await keeper(actor);
      const body = request.body;
      const { minutes, from, to } = await checked(actor, body);
      const now = clock.now().toISOString();
      const row: EntryRow = {
        id: newId(),
        org_id: actor.orgId,
        coach_id: actor.personId,
        worked_on: body.workedOn,
        activity: body.activity,
        minutes,
        starts_at: from,
        ends_at: to,
        partnership_id: body.partnershipId ?? null,
        note: body.note || null,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('work_log_entries').values(row).execute();
      return reply.status(201).send(presentEntry(actor, row, (await labelsFor(actor)).labels));
    },
  );

  /** The actor's own entry, or 404 (missing, another organization's, or another coach's). */
  async function ownEntry(actor: Actor, id: string) {
    const row = await db.selectFrom('work_log_entries').selectAll().where('org_id', '=', actor.orgId).where('id', '=', id).executeTakeFirst();
    if (!canOnWorkLogEntry(actor, row)) throw notFound();
    return row!;
  }

  app.patch(
    '/api/work-log/:id',
    { config: { matrix: 'workLog.edit' }, schema: { tags: ['work log'], summary: 'Change one of your entries (only the coach who logged it)', params: IdParams, body: UpdateWorkLogEntryBody, response: { 200: WorkLogEntry } } },
    async (request) => {
      const actor = actorOf(request);
      const row = await ownEntry(actor, request.params.id);
      const body = request.body;
      // Minutes or times given replace what the entry had; left out, the entry keeps its own.
      const lengthGiven = body.minutes !== undefined || body.from !== undefined || body.to !== undefined;
      const length = lengthGiven ? { minutes: body.minutes, from: body.from, to: body.to } : row.starts_at ? { from: row.starts_at, to: row.ends_at } : { minutes: Number(row.minutes) };
      const merged = { workedOn: body.workedOn ?? row.worked_on, ...length, partnershipId: body.partnershipId !== undefined ? body.partnershipId : row.partnership_id };
      // An entry keeps a partnership it was logged for even if the coach no longer coaches there; a new choice is checked.
      const { minutes, from, to } = await checked(actor, { ...merged, partnershipId: merged.partnershipId === row.partnership_id ? null : merged.partnershipId });
      const set = {
        worked_on: merged.workedOn,
        activity: body.activity ?? row.activity,
        minutes,
        starts_at: from,
        ends_at: to,
        partnership_id: merged.partnershipId ?? null,
        note: body.note !== undefined ? body.note || null : row.note,
        updated_at: clock.now().toISOString(),
      };
      await db.updateTable('work_log_entries').set(set).where('id', '=', row.id).where('org_id', '=', actor.orgId).where('coach_id', '=', actor.personId).execute();
      return presentEntry(actor, { ...row, ...set }, (await labelsFor(actor)).labels);
    },
  );

  app.delete(
    '/api/work-log/:id',
    { config: { matrix: 'workLog.edit' }, schema: { tags: ['work log'], summary: 'Remove one of your entries (only the coach who logged it)', params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await ownEntry(actor, request.params.id);
      await db.deleteFrom('work_log_entries').where('id', '=', row.id).where('org_id', '=', actor.orgId).where('coach_id', '=', actor.personId).execute();
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/people/:id/work-log-totals',
    {
      config: { matrix: 'workLog.totals' },
      schema: {
        tags: ['work log'],
        summary:
          "A coach's totals by activity and week (12 weeks by default): for the administrators who signed a partnership meeting agreement with the coach, and for the coach, who sees exactly the same answer (as one of those administrators with `as`). Never a note or a partnership; teachers' names only when that agreement says names may be used. An administrator's read is recorded and shown to the coach",
        params: WorkLogTotalsParams,
        querystring: WorkLogTotalsQuery,
        response: { 200: WorkLogTotals },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const ctx = await workLogContext(db, actor, request.params.id);
      authorizeOnWorkLog(ctx, 'workLog.readTotals');
      const viewer = workLogViewer(ctx, request.query.as);
      if (!viewer) throw unprocessable('workLogViewer', 'as');
      const namesMayBeUsed = workLogTeacherNames(ctx, viewer.personId);
      const today = await todayFor(db, actor.orgId, clock.now());
      const totals = await totalsOf(db, actor.orgId, ctx.coach.personId, today, request.query.weeks, namesMayBeUsed);
      if (canOnWorkLog(ctx, 'workLog.recordRead')) {
        const now = clock.now().toISOString();
        await db
          .insertInto('work_log_reads')
          .values({ org_id: actor.orgId, coach_id: ctx.coach.personId, reader_id: actor.personId, read_on: now.slice(0, 10), times: 1, last_at: now })
          .onConflict((oc) => oc.columns(['coach_id', 'reader_id', 'read_on']).doUpdateSet((eb) => ({ times: eb(eb.ref('work_log_reads.times'), '+', 1), last_at: now })))
          .execute();
      }
      return { coach: { personId: ctx.coach.personId, name: ctx.coachName }, weeks: totals.weeks, byActivity: totals.byActivity, total: totals.total, namesMayBeUsed, teachers: namesMayBeUsed ? totals.teachers : null };
    },
  );

  app.get(
    '/api/work-log/audience',
    { config: { matrix: 'workLog.own' }, schema: { tags: ['work log'], summary: 'Who sees your totals (the administrators you signed a partnership meeting agreement with) and who looked, by person and day (coaches only)', response: { 200: WorkLogAudience } } },
    async (request) => {
      const actor = actorOf(request);
      const ctx = await keeper(actor);
      authorizeOnWorkLog(ctx, 'workLog.audience');
      const seen = await db
        .selectFrom('work_log_reads as r')
        .innerJoin('people as u', 'u.id', 'r.reader_id')
        .select(['r.reader_id', 'u.name', 'r.read_on', 'r.times', 'r.last_at'])
        .where('r.org_id', '=', actor.orgId)
        .where('r.coach_id', '=', actor.personId)
        .orderBy('r.read_on', 'desc')
        .orderBy('r.last_at', 'desc')
        .limit(100)
        .execute();
      return {
        administrators: ctx.administrators.map((a) => ({ personId: a.personId, name: a.name, namesMayBeUsed: a.namesMayBeUsed })),
        seenBy: seen.map((r) => ({ personId: r.reader_id, name: r.name, day: r.read_on, times: Number(r.times), lastAt: r.last_at })),
      };
    },
  );

  app.get(
    '/api/work-log/coaches',
    { config: { matrix: 'workLog.coaches' }, schema: { tags: ['work log'], summary: 'The coaches who signed a partnership meeting agreement with you (as principal or assistant principal), whose totals you may see; empty for anyone else', response: { 200: WorkLogCoaches } } },
    async (request) => {
      const actor = actorOf(request);
      const coaches = await coachesAgreedWith(db, actor.orgId, actor.personId);
      // Each one checked against the same rule as their totals, so the list never offers a page that answers 404.
      const items = [];
      for (const c of coaches) {
        if (canOnWorkLog(await workLogContext(db, actor, c.personId), 'workLog.readTotals')) items.push({ personId: c.personId, name: c.name, namesMayBeUsed: c.namesMayBeUsed });
      }
      return { items: items.sort((a, b) => a.name.localeCompare(b.name)) };
    },
  );
}
