/** The practice framework per organization (SPEC §2.1): readable by everyone, edited by program leaders. */
import { z } from 'zod';
import { IdParams, Practice, PracticeBody, UpdatePracticeBody } from '../../../shared/src/api';
import type { DB } from '../platform/db';
import { notFound } from '../platform/errors';
import { type App, type Services, actorOf, requireRole } from '../platform/http';
import { newId } from '../platform/ids';
import type { Language } from '../../../shared/src/i18n';
import { DEFAULT_PRACTICES } from './defaults';

type Row = { id: string; category: string; name: string; description: string; position: number; archived: number };
const present = (r: Row) => ({ id: r.id, category: r.category, name: r.name, description: r.description, position: r.position, archived: r.archived === 1 });

export async function seedDefaultPractices(db: DB, orgId: string, language: Language): Promise<void> {
  await db
    .insertInto('practices')
    .values(DEFAULT_PRACTICES[language].map((p, i) => ({ id: newId(), org_id: orgId, ...p, position: (i + 1) * 10, archived: 0 })))
    .execute();
}

export default async function practiceRoutes(app: App, s: Services) {
  const { db } = s;

  app.get('/api/practices', { config: { matrix: 'org.read' }, schema: { tags: ['practices'], summary: 'The practice framework of your organization', response: { 200: z.object({ items: z.array(Practice) }) } } }, async (request) => {
    const actor = actorOf(request);
    const rows = await db.selectFrom('practices').selectAll().where('org_id', '=', actor.orgId).orderBy('position').orderBy('name').limit(1000).execute();
    return { items: rows.map(present) };
  });

  app.post('/api/practices', { config: { matrix: 'org.manage' }, schema: { tags: ['practices'], summary: 'Add a practice', body: PracticeBody, response: { 201: Practice } } }, async (request, reply) => {
    const actor = actorOf(request);
    requireRole(actor, 'leader');
    const last = await db.selectFrom('practices').select((eb) => eb.fn.max('position').as('max')).where('org_id', '=', actor.orgId).executeTakeFirst();
    const row = { id: newId(), org_id: actor.orgId, ...request.body, position: Number(last?.max ?? 0) + 10, archived: 0 };
    await db.insertInto('practices').values(row).execute();
    return reply.status(201).send(present(row));
  });

  app.patch('/api/practices/:id', { config: { matrix: 'org.manage' }, schema: { tags: ['practices'], summary: 'Edit, reorder or archive a practice', params: IdParams, body: UpdatePracticeBody, response: { 200: Practice } } }, async (request) => {
    const actor = actorOf(request);
    requireRole(actor, 'leader');
    const { archived, ...rest } = request.body;
    const set = { ...rest, ...(archived !== undefined ? { archived: archived ? 1 : 0 } : {}) };
    if (Object.keys(set).length) {
      const res = await db.updateTable('practices').set(set).where('org_id', '=', actor.orgId).where('id', '=', request.params.id).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw notFound();
    }
    const row = await db.selectFrom('practices').selectAll().where('org_id', '=', actor.orgId).where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound();
    return present(row);
  });
}
