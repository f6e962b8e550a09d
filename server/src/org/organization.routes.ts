/**
 * The organization's own settings: its name, time zone (reminders, the agreement
 * PDF and e-mail write times in it), school year and default language. Everyone
 * in the organization reads them; only a program leader changes them.
 */
import { Organization, UpdateOrganizationBody } from '../../../shared/src/api';
import { listedTimeZone } from '../../../shared/src/time-zones';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf, requireRole } from '../platform/http';

async function load(db: DB, actor: Actor) {
  const row = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'time_zone', 'school_year_start', 'school_year_end', 'default_language'])
    .where('id', '=', actor.orgId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

function present(row: Awaited<ReturnType<typeof load>>, actor: Actor) {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    schoolYearStart: row.school_year_start,
    schoolYearEnd: row.school_year_end,
    defaultLanguage: row.default_language === 'es' ? ('es' as const) : ('en' as const),
    abilities: { update: actor.roles.has('leader') },
  };
}

export default async function organizationRoutes(app: App, s: Services) {
  const { db } = s;

  app.get('/api/organization', { config: { matrix: 'org.read' }, schema: { tags: ['organization'], summary: 'Your organization: name, time zone, school year, default language', response: { 200: Organization } } }, async (request) => {
    const actor = actorOf(request);
    return present(await load(db, actor), actor);
  });

  app.patch('/api/organization', { config: { matrix: 'org.manage' }, schema: { tags: ['organization'], summary: 'Change your organization\'s settings (program leaders)', body: UpdateOrganizationBody, response: { 200: Organization } } }, async (request) => {
    const actor = actorOf(request);
    requireRole(actor, 'leader');
    const body = request.body;
    const row = await load(db, actor);
    // The school year is checked with the stored day the request leaves as it is.
    const start = body.schoolYearStart !== undefined ? body.schoolYearStart : row.school_year_start;
    const end = body.schoolYearEnd !== undefined ? body.schoolYearEnd : row.school_year_end;
    if (start && !end) throw unprocessable('schoolYearEndMissing', 'body.schoolYearEnd');
    if (end && !start) throw unprocessable('schoolYearStartMissing', 'body.schoolYearStart');
    if (start && end && end <= start) throw unprocessable('schoolYearOrder', 'body.schoolYearEnd');
    const set = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.timeZone !== undefined ? { time_zone: listedTimeZone(body.timeZone) ?? body.timeZone } : {}),
      ...(body.schoolYearStart !== undefined ? { school_year_start: body.schoolYearStart } : {}),
      ...(body.schoolYearEnd !== undefined ? { school_year_end: body.schoolYearEnd } : {}),
      ...(body.defaultLanguage !== undefined ? { default_language: body.defaultLanguage } : {}),
    };
    if (Object.keys(set).length) await db.updateTable('organizations').set(set).where('id', '=', actor.orgId).execute();
    return present(await load(db, actor), actor);
  });
}
