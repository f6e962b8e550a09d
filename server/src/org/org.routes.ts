/**
 * Program set-up (SPEC §2.1): sites, teams, people and their roles, supervision
 * links and invitations — managed by program leaders. The directory lets any
 * member of the organization find a colleague by name (names and roles only).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import {
  CreatePersonBody,
  ImportPeopleBody,
  ImportResult,
  DirectoryEntry,
  DirectoryQuery,
  IdParams,
  InvitationLink,
  PeopleQuery,
  Person,
  Site,
  SiteBody,
  SupervisionBody,
  SupervisionLink,
  Team,
  TeamBody,
  UpdatePersonBody,
  pageOf,
} from '../../../shared/src/api';
import type { OrgRole } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf, requireRole } from '../platform/http';
import { newId } from '../platform/ids';
import { languageOf } from '../platform/language';
import { decodeCursor, page } from '../platform/pagination';
import { endAllSessions } from '../platform/sessions';
import { issueInvitation, invitationMail } from './invitations';
import { importRoster } from './roster-import';

export default async function orgRoutes(app: App, s: Services) {
  const { db, clock, config } = s;
  const leader = (request: { actorOrNull: Actor | null }) => {
    const actor = actorOf(request);
    requireRole(actor, 'leader');
    return actor;
  };

  app.get('/api/sites', { config: { matrix: 'org.read' }, schema: { tags: ['organization'], summary: 'Sites of your organization', response: { 200: z.object({ items: z.array(Site) }) } } }, async (request) => {
    const actor = actorOf(request);
    const items = await db.selectFrom('sites').select(['id', 'name', 'kind']).where('org_id', '=', actor.orgId).orderBy('name').limit(1000).execute();
    return { items };
  });

  app.post('/api/sites', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Add a site', body: SiteBody, response: { 201: Site } } }, async (request, reply) => {
    const actor = leader(request);
    const row = { id: newId(), org_id: actor.orgId, name: request.body.name, kind: request.body.kind, created_at: clock.now().toISOString() };
    await db.insertInto('sites').values(row).execute();
    return reply.status(201).send({ id: row.id, name: row.name, kind: row.kind });
  });

  app.patch('/api/sites/:id', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Rename a site', params: IdParams, body: SiteBody.partial(), response: { 200: Site } } }, async (request) => {
    const actor = leader(request);
    const res = await db.updateTable('sites').set(request.body).where('org_id', '=', actor.orgId).where('id', '=', request.params.id).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound();
    return db.selectFrom('sites').select(['id', 'name', 'kind']).where('id', '=', request.params.id).executeTakeFirstOrThrow();
  });

  app.get('/api/teams', { config: { matrix: 'org.read' }, schema: { tags: ['organization'], summary: 'Teams of your organization', response: { 200: z.object({ items: z.array(Team) }) } } }, async (request) => {
    const actor = actorOf(request);
    const rows = await db.selectFrom('teams').select(['id', 'name', 'site_id']).where('org_id', '=', actor.orgId).orderBy('name').limit(1000).execute();
    return { items: rows.map((r) => ({ id: r.id, name: r.name, siteId: r.site_id })) };
  });

  app.post('/api/teams', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Add a team (grade level, department)', body: TeamBody, response: { 201: Team } } }, async (request, reply) => {
    const actor = leader(request);
    if (request.body.siteId) await mustExist(db, 'sites', actor.orgId, request.body.siteId, 'siteId');
    const row = { id: newId(), org_id: actor.orgId, site_id: request.body.siteId ?? null, name: request.body.name, created_at: clock.now().toISOString() };
    await db.insertInto('teams').values(row).execute();
    return reply.status(201).send({ id: row.id, name: row.name, siteId: row.site_id });
  });

  app.get('/api/people', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'People of your organization, 50 at a time', querystring: PeopleQuery, response: { 200: pageOf(Person) } } }, async (request) => {
    const actor = leader(request);
    const { limit, cursor, q, role } = request.query;
    const after = decodeCursor(cursor);
    let query = db.selectFrom('people as p').selectAll('p').where('p.org_id', '=', actor.orgId);
    if (q) query = query.where(sql<boolean>`(lower(p.name) like ${likePattern(q)} escape '\\' or p.email like ${likePattern(q)} escape '\\')`);
    if (role) query = query.where((eb) => eb.exists(eb.selectFrom('person_roles as r').select('r.person_id').whereRef('r.person_id', '=', 'p.id').where('r.role', '=', role)));
    if (after) query = query.where((eb) => eb.or([eb('p.name', '>', after[0]), eb.and([eb('p.name', '=', after[0]), eb('p.id', '>', after[1])])]));
    const rows = await query.orderBy('p.name').orderBy('p.id').limit(limit + 1).execute();
    const result = page(rows, limit, (r) => [r.name, r.id]);
    return { items: await presentPeople(db, result.items), nextCursor: result.nextCursor };
  });

  app.get('/api/people/:id', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'One person', params: IdParams, response: { 200: Person } } }, async (request) => {
    const actor = leader(request);
    const row = await db.selectFrom('people').selectAll().where('org_id', '=', actor.orgId).where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound();
    return (await presentPeople(db, [row]))[0];
  });

  app.post('/api/people', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Add a person with roles', body: CreatePersonBody, response: { 201: Person } } }, async (request, reply) => {
    const actor = leader(request);
    const body = request.body;
    const email = body.email.toLowerCase();
    if (body.siteId) await mustExist(db, 'sites', actor.orgId, body.siteId, 'siteId');
    if (body.teamId) await mustExist(db, 'teams', actor.orgId, body.teamId, 'teamId');
    const clash = await db.selectFrom('people').select('id').where('org_id', '=', actor.orgId).where('email', '=', email).executeTakeFirst();
    if (clash) throw new AppError('ALREADY_EXISTS', { key: 'emailInOrganization', values: { email } }, [{ path: 'body.email', message: 'alreadyUsed' }]);
    const row = {
      id: newId(),
      org_id: actor.orgId,
      user_id: null as string | null,
      name: body.name,
      email,
      site_id: body.siteId ?? null,
      team_id: body.teamId ?? null,
      title: body.title ?? null,
      active: 1,
      created_at: clock.now().toISOString(),
    };
    // An existing account with this e-mail is linked when the person accepts their invitation.
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('people').values(row).execute();
      await trx.insertInto('person_roles').values([...new Set(body.roles)].map((role) => ({ person_id: row.id, org_id: actor.orgId, role }))).execute();
    });
    return reply.status(201).send((await presentPeople(db, [row]))[0]);
  });

  app.post(
    '/api/people/import',
    { bodyLimit: 2_500_000, config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Import staff from a CSV roster: preview first (dryRun), then apply all rows or none', body: ImportPeopleBody, response: { 200: ImportResult } } },
    async (request) => {
      const actor = leader(request);
      return importRoster(db, clock, actor, request.body.csv, request.body.dryRun);
    },
  );

  app.patch('/api/people/:id', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Change a person: name, roles, site, team, active', params: IdParams, body: UpdatePersonBody, response: { 200: Person } } }, async (request) => {
    const actor = leader(request);
    const body = request.body;
    const row = await db.selectFrom('people').selectAll().where('org_id', '=', actor.orgId).where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound();
    if (body.siteId) await mustExist(db, 'sites', actor.orgId, body.siteId, 'siteId');
    if (body.teamId) await mustExist(db, 'teams', actor.orgId, body.teamId, 'teamId');
    if (row.id === actor.personId && (body.active === false || (body.roles && !body.roles.includes('leader')))) {
      throw unprocessable('keepOwnLeaderRole', 'roles');
    }
    if (body.email && body.email.toLowerCase() !== row.email) {
      const clash = await db.selectFrom('people').select('id').where('org_id', '=', actor.orgId).where('email', '=', body.email.toLowerCase()).executeTakeFirst();
      if (clash) throw new AppError('ALREADY_EXISTS', { key: 'emailInOrganization', values: { email: body.email } });
      if (row.user_id) throw unprocessable('ownEmail', 'email');
    }
    await db.transaction().execute(async (trx) => {
      const set = {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.email !== undefined ? { email: body.email.toLowerCase() } : {}),
        ...(body.siteId !== undefined ? { site_id: body.siteId } : {}),
        ...(body.teamId !== undefined ? { team_id: body.teamId } : {}),
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
      };
      if (Object.keys(set).length) await trx.updateTable('people').set(set).where('id', '=', row.id).execute();
      if (body.roles) {
        await trx.deleteFrom('person_roles').where('person_id', '=', row.id).execute();
        await trx.insertInto('person_roles').values([...new Set(body.roles)].map((role) => ({ person_id: row.id, org_id: actor.orgId, role }))).execute();
      }
    });
    // Deactivation ends every session at once (ASVS 7.4.2).
    if (body.active === false && row.user_id) await endAllSessions(db, row.user_id);
    const updated = await db.selectFrom('people').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    return (await presentPeople(db, [updated]))[0];
  });

  app.post('/api/people/:id/invitations', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Create an invitation link (also e-mailed)', params: IdParams, response: { 201: InvitationLink } } }, async (request, reply) => {
    const actor = leader(request);
    const person = await db.selectFrom('people').select(['id', 'email', 'name', 'active']).where('org_id', '=', actor.orgId).where('id', '=', request.params.id).executeTakeFirst();
    if (!person) throw notFound();
    if (!person.active) throw unprocessable('personDeactivated');
    const { url, expiresAt } = await issueInvitation(db, clock, config.baseUrl, { orgId: actor.orgId, personId: person.id, createdBy: actor.personId });
    await s.mailer.send(invitationMail(person, actor.name, url, await languageOf(db, person.id)));
    return reply.status(201).send({ url, expiresAt });
  });

  app.get('/api/supervision-links', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Who supervises whom', response: { 200: z.object({ items: z.array(SupervisionLink) }) } } }, async (request) => {
    const actor = leader(request);
    const rows = await db.selectFrom('supervision_links').select(['id', 'supervisor_id', 'supervisee_id']).where('org_id', '=', actor.orgId).limit(10000).execute();
    return { items: rows.map((r) => ({ id: r.id, supervisorId: r.supervisor_id, superviseeId: r.supervisee_id })) };
  });

  app.post('/api/supervision-links', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Record that one person supervises another', body: SupervisionBody, response: { 201: SupervisionLink } } }, async (request, reply) => {
    const actor = leader(request);
    const { supervisorId, superviseeId } = request.body;
    if (supervisorId === superviseeId) throw unprocessable('selfSupervision', 'superviseeId');
    await mustExist(db, 'people', actor.orgId, supervisorId, 'supervisorId');
    await mustExist(db, 'people', actor.orgId, superviseeId, 'superviseeId');
    const isSupervisor = await db.selectFrom('person_roles').select('role').where('person_id', '=', supervisorId).where('role', '=', 'supervisor').executeTakeFirst();
    if (!isSupervisor) throw unprocessable('needsSupervisorRole', 'supervisorId');
    const existing = await db.selectFrom('supervision_links').select('id').where('supervisor_id', '=', supervisorId).where('supervisee_id', '=', superviseeId).executeTakeFirst();
    if (existing) throw new AppError('ALREADY_EXISTS', 'supervisionExists');
    const row = { id: newId(), org_id: actor.orgId, supervisor_id: supervisorId, supervisee_id: superviseeId, created_at: clock.now().toISOString() };
    await db.insertInto('supervision_links').values(row).execute();
    return reply.status(201).send({ id: row.id, supervisorId, superviseeId });
  });

  app.delete('/api/supervision-links/:id', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Remove a supervision link', params: IdParams, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = leader(request);
    const res = await db.deleteFrom('supervision_links').where('org_id', '=', actor.orgId).where('id', '=', request.params.id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound();
    return reply.status(204).send(null);
  });

  app.get('/api/directory', { config: { matrix: 'org.read' }, schema: { tags: ['organization'], summary: 'Find colleagues by name (names, roles and site only)', querystring: DirectoryQuery, response: { 200: pageOf(DirectoryEntry) } } }, async (request) => {
    const actor = actorOf(request);
    const { limit, cursor, q, role } = request.query;
    const after = decodeCursor(cursor);
    let query = db
      .selectFrom('people as p')
      .leftJoin('sites as s', 's.id', 'p.site_id')
      .select(['p.id', 'p.name', 's.name as site'])
      .where('p.org_id', '=', actor.orgId)
      .where('p.active', '=', 1);
    if (q) query = query.where(sql<boolean>`lower(p.name) like ${likePattern(q)} escape '\\'`);
    if (role) query = query.where((eb) => eb.exists(eb.selectFrom('person_roles as r').select('r.person_id').whereRef('r.person_id', '=', 'p.id').where('r.role', '=', role)));
    if (after) query = query.where((eb) => eb.or([eb('p.name', '>', after[0]), eb.and([eb('p.name', '=', after[0]), eb('p.id', '>', after[1])])]));
    const rows = await query.orderBy('p.name').orderBy('p.id').limit(limit + 1).execute();
    const result = page(rows, limit, (r) => [r.name, r.id]);
    const roles = await rolesOf(db, result.items.map((r) => r.id));
    const mine = await db.selectFrom('supervision_links').select('supervisor_id').where('org_id', '=', actor.orgId).where('supervisee_id', '=', actor.personId).execute();
    const supervisors = new Set(mine.map((l) => l.supervisor_id));
    return {
      items: result.items.map((r) => ({ id: r.id, name: r.name, site: r.site, roles: roles.get(r.id) ?? [], supervisesMe: supervisors.has(r.id) })),
      nextCursor: result.nextCursor,
    };
  });
}

/** A LIKE pattern matching q anywhere, with %, _ and \ taken literally. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

async function mustExist(db: DB, table: 'sites' | 'teams' | 'people', orgId: string, id: string, field: string) {
  const row = await db.selectFrom(table).select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw unprocessable({ key: 'noSuchInOrganization', values: { thing: table === 'people' ? 'person' : table.slice(0, -1) } }, field);
}

export async function rolesOf(db: DB, ids: string[]): Promise<Map<string, OrgRole[]>> {
  const map = new Map<string, OrgRole[]>();
  if (!ids.length) return map;
  const rows = await db.selectFrom('person_roles').select(['person_id', 'role']).where('person_id', 'in', ids).execute();
  for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.role as OrgRole]);
  return map;
}

type PersonRow = { id: string; name: string; email: string; site_id: string | null; team_id: string | null; title: string | null; active: number; user_id: string | null };

async function presentPeople(db: DB, rows: PersonRow[]) {
  const ids = rows.map((r) => r.id);
  const roles = await rolesOf(db, ids);
  const links = ids.length ? await db.selectFrom('supervision_links').select(['supervisor_id', 'supervisee_id']).where('supervisee_id', 'in', ids).execute() : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    roles: roles.get(r.id) ?? [],
    siteId: r.site_id,
    teamId: r.team_id,
    title: r.title,
    active: r.active === 1,
    hasAccount: !!r.user_id,
    supervisorIds: links.filter((l) => l.supervisee_id === r.id).map((l) => l.supervisor_id),
  }));
}
