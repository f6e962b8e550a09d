/**
 * Classroom layouts (SPEC §2.6): the seating chart a verbal flow taps on and the
 * room map a physical map marks, drawn once per coachee's classroom and reused
 * across visits. Every save is a new version kept for good; an observation
 * keeps the version it used, so moving or removing a seat later never moves or
 * loses a past tap. Seats carry labels or codes the coach chooses, never
 * required names. For the partners only (members of the partnership); anyone
 * else sees a layout only inside an observation the coachee shared.
 */
import { z } from 'zod';
import { ClassroomLayout, CreateLayoutBody, IdParams, type LayoutElement, UpdateLayoutBody } from '../../../shared/src/api';
import type { LayoutKind } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { AppError, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { authorize, can } from '../privacy/policy';
import { loadContext, type PartnershipContext } from '../privacy/relations';
import { observedSubject } from './records.service';

type Element = z.infer<typeof LayoutElement>;

/** Layouts with the elements of their current version. */
const selectLayouts = (db: DB, actor: Actor) =>
  db
    .selectFrom('classroom_layouts as l')
    .innerJoin('classroom_layout_versions as v', (j) => j.onRef('v.layout_id', '=', 'l.id').onRef('v.version', '=', 'l.version'))
    .selectAll('l')
    .select('v.elements')
    .where('l.org_id', '=', actor.orgId);
type Row = Awaited<ReturnType<ReturnType<typeof selectLayouts>['executeTakeFirstOrThrow']>>;

function present(r: Row, ctx: PartnershipContext): z.infer<typeof ClassroomLayout> {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    subjectId: r.subject_id,
    kind: r.kind as LayoutKind,
    name: r.name,
    version: r.version,
    elements: JSON.parse(r.elements) as Element[],
    createdById: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: { edit: can(ctx, 'layout.edit') },
  };
}

/** Each element keeps its own id: taps name seats by it. */
function checkElements(elements: Element[]) {
  const seen = new Set<string>();
  for (const [i, e] of elements.entries()) {
    if (seen.has(e.id)) throw unprocessable({ key: 'elementTwice', values: { id: e.id } }, `elements.${i}.id`);
    seen.add(e.id);
  }
}

export default async function layoutRoutes(app: App, s: Services) {
  const { db, clock } = s;

  app.get('/api/partnerships/:id/classroom-layouts', { config: { matrix: 'layout.list' }, schema: { tags: ['observations'], summary: "Seating charts and room maps of the partnership's classrooms, at their current version (members only)", params: IdParams, response: { 200: z.object({ items: z.array(ClassroomLayout) }) } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'partnership.readContent');
    const rows = await selectLayouts(db, actor).where('l.partnership_id', '=', ctx.partnership.id).orderBy('l.created_at').limit(200).execute();
    return { items: rows.map((r) => present(r, ctx)) };
  });

  app.post('/api/partnerships/:id/classroom-layouts', { config: { matrix: 'layout.edit' }, schema: { tags: ['observations'], summary: "Draw a seating chart or room map of a coachee's classroom (version 1)", params: IdParams, body: CreateLayoutBody, response: { 201: ClassroomLayout } } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'layout.edit');
    const body = request.body;
    const subjectId = observedSubject(ctx, body.subjectId);
    if (!subjectId) throw unprocessable('layoutWhose', 'subjectId');
    checkElements(body.elements);
    const id = newId();
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('classroom_layouts').values({ id, org_id: actor.orgId, partnership_id: ctx.partnership.id, subject_id: subjectId, kind: body.kind, name: body.name, version: 1, created_by: actor.personId, created_at: now, updated_at: now }).execute();
      await trx.insertInto('classroom_layout_versions').values({ layout_id: id, version: 1, org_id: actor.orgId, name: body.name, elements: JSON.stringify(body.elements), created_by: actor.personId, created_at: now }).execute();
    });
    return reply.status(201).send(present(await selectLayouts(db, actor).where('l.id', '=', id).executeTakeFirstOrThrow(), ctx));
  });

  app.put('/api/classroom-layouts/:id', { config: { matrix: 'layout.edit' }, schema: { tags: ['observations'], summary: 'Save a new version of a layout (version-checked); observations keep the version they used', params: IdParams, body: UpdateLayoutBody, response: { 200: ClassroomLayout } } }, async (request) => {
    const actor = actorOf(request);
    const row = await selectLayouts(db, actor).where('l.id', '=', request.params.id).executeTakeFirst();
    const ctx = row ? await loadContext(db, actor, row.partnership_id) : null;
    authorize(ctx, 'layout.edit');
    const body = request.body;
    checkElements(body.elements);
    const now = clock.now().toISOString();
    const version = body.baseVersion + 1;
    const saved = await db.transaction().execute(async (trx) => {
      const res = await trx.updateTable('classroom_layouts').set({ name: body.name, version, updated_at: now }).where('id', '=', row!.id).where('version', '=', body.baseVersion).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      await trx.insertInto('classroom_layout_versions').values({ layout_id: row!.id, version, org_id: actor.orgId, name: body.name, elements: JSON.stringify(body.elements), created_by: actor.personId, created_at: now }).execute();
      return true;
    });
    if (!saved) {
      const current = await db.selectFrom('classroom_layouts').select('version').where('id', '=', row!.id).executeTakeFirstOrThrow();
      throw new AppError('VERSION_CONFLICT', { key: 'layoutChanged', values: { version: current.version } });
    }
    return present(await selectLayouts(db, actor).where('l.id', '=', row!.id).executeTakeFirstOrThrow(), ctx);
  });
}
