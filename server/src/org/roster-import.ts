/**
 * Roster import (SPEC §2.1): a program leader uploads a staff CSV; Tandem
 * previews what it would create or change, then applies it in one transaction
 * — all rows or none. Import never deactivates anyone (a roster missing a row is
 * not a reason to lock a person out) and never creates partnerships.
 */
import type { Values } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import { rosterMessages } from './messages';
import { parse } from 'csv-parse/sync';
import { ORG_ROLES, type OrgRole } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { AppError } from '../platform/errors';
import { newId } from '../platform/ids';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLE_WORDS: Record<string, OrgRole> = {
  leader: 'leader', 'program leader': 'leader', supervisor: 'supervisor', principal: 'supervisor', director: 'supervisor',
  coach: 'coach', 'instructional coach': 'coach', mentor: 'mentor', 'mentor coach': 'mentor',
  coachee: 'coachee', teacher: 'coachee', 'home visitor': 'coachee', practitioner: 'coachee',
};

interface Planned {
  line: number;
  email: string;
  name: string;
  roles: OrgRole[];
  site: string | null;
  title: string | null;
  supervisorEmail: string | null;
  action: 'create' | 'update' | 'unchanged' | 'error';
  message: string | null;
  existingId?: string;
}

type RosterProblem = keyof typeof rosterMessages.en;

export async function importRoster(db: DB, clock: Clock, actor: Actor, csv: string, dryRun: boolean) {
  // Row problems are read by the program leader doing the import, in their language; the values in them (e-mails, role words) stay as typed.
  const say = (key: RosterProblem, values?: Values) => format(actor.language, rosterMessages, key, values);
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase().replace(/\s+/g, '_')), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { key: 'csvInvalid', values: { detail: (e as Error).message } }, [{ path: 'body.csv', message: 'csvInvalidField' }]);
  }
  if (records.length === 0) throw new AppError('VALIDATION_FAILED', 'csvNoPeople', [{ path: 'body.csv', message: 'csvNoPeopleField' }]);
  const header = Object.keys(records[0]);
  const missing = ['name', 'email', 'roles'].filter((c) => !header.includes(c));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', { key: 'csvMissingColumns', values: { columns: { list: missing } } }, [{ path: 'body.csv', message: 'csvMissingColumnsField' }]);
  }
  if (records.length > 20000) throw new AppError('VALIDATION_FAILED', 'csvTooMany');

  const existing = await db.selectFrom('people').select(['id', 'email', 'name', 'site_id', 'title']).where('org_id', '=', actor.orgId).execute();
  const byEmail = new Map(existing.map((p) => [p.email, p]));
  const roleRows = await db.selectFrom('person_roles').select(['person_id', 'role']).where('org_id', '=', actor.orgId).execute();
  const rolesOf = new Map<string, Set<string>>();
  for (const r of roleRows) rolesOf.set(r.person_id, (rolesOf.get(r.person_id) ?? new Set()).add(r.role));
  const sites = await db.selectFrom('sites').select(['id', 'name']).where('org_id', '=', actor.orgId).execute();
  const siteByName = new Map(sites.map((s) => [s.name.toLowerCase(), s]));
  const seen = new Set<string>();

  const planned: Planned[] = records.map((r, i) => {
    const line = i + 2;
    const email = (r.email ?? '').toLowerCase();
    const base = { line, email, name: r.name ?? '', roles: [] as OrgRole[], site: r.site || null, title: r.title || null, supervisorEmail: (r.supervisor_email || '').toLowerCase() || null };
    const fail = (key: RosterProblem, values?: Values): Planned => ({ ...base, action: 'error', message: say(key, values) });
    if (!base.name) return fail('nameEmpty');
    if (base.name.length > 120) return fail('nameTooLong');
    if (!EMAIL.test(email) || email.length > 254) return fail('notEmail', { email: r.email });
    if (seen.has(email)) return fail('emailTwice');
    seen.add(email);
    const words = (r.roles ?? '').split(/[;|]/).map((w) => w.trim().toLowerCase()).filter(Boolean);
    const unknown = words.filter((w) => !ROLE_WORDS[w]);
    if (words.length === 0) return fail('noRole', { roles: ORG_ROLES.join(', ') });
    if (unknown.length) return fail('unknownRole', { role: unknown[0], roles: ORG_ROLES.join(', ') });
    const roles = [...new Set(words.map((w) => ROLE_WORDS[w]))];
    const prior = byEmail.get(email);
    if (!prior) return { ...base, roles, action: 'create', message: null };
    const siteId = base.site ? (siteByName.get(base.site.toLowerCase())?.id ?? 'new') : prior.site_id;
    const sameRoles = [...(rolesOf.get(prior.id) ?? [])].sort().join() === [...roles].sort().join();
    const same = prior.name === base.name && sameRoles && siteId === prior.site_id && (base.title ?? prior.title) === prior.title;
    return { ...base, roles, action: same ? 'unchanged' : 'update', message: null, existingId: prior.id };
  });
  // Supervisors must be in the file or already in the organization, with the supervisor role.
  const fileByEmail = new Map(planned.filter((p) => p.action !== 'error').map((p) => [p.email, p]));
  for (const p of planned) {
    if (p.action === 'error' || !p.supervisorEmail) continue;
    const inFile = fileByEmail.get(p.supervisorEmail);
    const prior = byEmail.get(p.supervisorEmail);
    const isSupervisor = inFile ? inFile.roles.includes('supervisor') : prior ? rolesOf.get(prior.id)?.has('supervisor') : false;
    if (!inFile && !prior) Object.assign(p, { action: 'error', message: say('supervisorMissing', { email: p.supervisorEmail }) });
    else if (!isSupervisor) Object.assign(p, { action: 'error', message: say('notSupervisor', { email: p.supervisorEmail }) });
    else if (p.supervisorEmail === p.email) Object.assign(p, { action: 'error', message: say('selfSupervision') });
  }
  const newSites = [...new Set(planned.filter((p) => p.action !== 'error' && p.site && !siteByName.has(p.site.toLowerCase())).map((p) => p.site!))];
  const count = (a: Planned['action']) => planned.filter((p) => p.action === a).length;
  const result = {
    dryRun,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    errors: count('error'),
    newSites,
    rows: planned.slice(0, 500).map((p) => ({ line: p.line, email: p.email, action: p.action, message: p.message })),
  };
  if (dryRun) return result;
  if (result.errors > 0) {
    throw new AppError('UNPROCESSABLE', { key: 'importNeedsFixing', values: { count: result.errors } });
  }

  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const name of newSites) {
      const site = { id: newId(), org_id: actor.orgId, name, kind: 'school', created_at: now };
      await trx.insertInto('sites').values(site).execute();
      siteByName.set(name.toLowerCase(), site);
    }
    const ids = new Map<string, string>(existing.map((p) => [p.email, p.id]));
    const creates = planned.filter((p) => p.action === 'create').map((p) => {
      const id = newId();
      ids.set(p.email, id);
      return { id, org_id: actor.orgId, user_id: null, name: p.name, email: p.email, site_id: p.site ? siteByName.get(p.site.toLowerCase())!.id : null, team_id: null, title: p.title, active: 1, created_at: now };
    });
    for (let i = 0; i < creates.length; i += 400) await trx.insertInto('people').values(creates.slice(i, i + 400)).execute();
    for (const p of planned.filter((x) => x.action === 'update')) {
      await trx
        .updateTable('people')
        .set({ name: p.name, ...(p.site ? { site_id: siteByName.get(p.site.toLowerCase())!.id } : {}), ...(p.title ? { title: p.title } : {}) })
        .where('id', '=', p.existingId!)
        .execute();
      await trx.deleteFrom('person_roles').where('person_id', '=', p.existingId!).execute();
    }
    const roleValues = planned
      .filter((p) => p.action === 'create' || p.action === 'update')
      .flatMap((p) => p.roles.map((role) => ({ person_id: ids.get(p.email)!, org_id: actor.orgId, role })));
    for (let i = 0; i < roleValues.length; i += 400) await trx.insertInto('person_roles').values(roleValues.slice(i, i + 400)).execute();
    const links = await trx.selectFrom('supervision_links').select(['supervisor_id', 'supervisee_id']).where('org_id', '=', actor.orgId).execute();
    const have = new Set(links.map((l) => `${l.supervisor_id}>${l.supervisee_id}`));
    const newLinks = planned
      .filter((p) => p.supervisorEmail && p.action !== 'error')
      .map((p) => ({ supervisor_id: ids.get(p.supervisorEmail!)!, supervisee_id: ids.get(p.email)! }))
      .filter((l) => !have.has(`${l.supervisor_id}>${l.supervisee_id}`))
      .map((l) => ({ id: newId(), org_id: actor.orgId, ...l, created_at: now }));
    for (let i = 0; i < newLinks.length; i += 400) await trx.insertInto('supervision_links').values(newLinks.slice(i, i + 400)).execute();
  });
  return result;
}
