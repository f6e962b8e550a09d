/**
 * Step 5 of the partnership meeting (issue 12, item 2): each participant picks the coaching roles
 * they see as most important (visible to all as a tally); whoever runs the meeting records the
 * 3–5 roles the group settled on, for the whole group or per team or subject; and any
 * participant adds challenges, strengths to leverage and confidentiality agreements, which their
 * author or whoever runs the meeting may change or remove. Until the meeting ends; each change
 * numbered (admin-meetings.service.ts) so every screen updates within a second.
 */
import { SETTLED_ROLES_MAX, SETTLED_ROLES_MIN } from '../../../shared/src/admin-meetings';
import {
  AdminMeeting,
  AdminMeetingRolePicksBody,
  CreateAdminMeetingItemBody,
  CreateAdminMeetingRoleSetBody,
  IdParams,
  UpdateAdminMeetingItemBody,
  UpdateAdminMeetingRoleSetBody,
} from '../../../shared/src/api';
import type { Actor } from '../platform/actor';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { canEditMeetingItem } from '../privacy/policy';
import { meetingAccess, notEnded } from './agreement.access';
import type { meetingChanges } from './admin-meetings.service';

type Change = ReturnType<typeof meetingChanges>['change'];

/** A settled set's roles: 3–5, each once (422 otherwise). */
function checkSettled(roles: readonly string[]) {
  if (new Set(roles).size !== roles.length) throw unprocessable('adminMeetingRolesTwice', 'roles');
  if (roles.length < SETTLED_ROLES_MIN || roles.length > SETTLED_ROLES_MAX) throw unprocessable({ key: 'adminMeetingRolesCount', values: { count: roles.length } }, 'roles');
}

export default async function roleRoutes(app: App, s: Services, change: Change) {
  const { db, clock } = s;
  const { load, read } = meetingAccess(db, clock);

  app.put(
    '/api/admin-meetings/:id/role-picks',
    {
      config: { matrix: 'adminMeeting.contribute' },
      schema: { tags: ['admin meetings'], summary: 'Your own picks among the ten coaching roles (replaces them; [] clears them); every participant sees each pick and the tally in `roles` (any participant, until the meeting ends)', params: IdParams, body: AdminMeetingRolePicksBody, response: { 200: AdminMeeting } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.contribute');
      notEnded(m);
      const roles = [...new Set(request.body.roles)];
      await change(m.id, m.org_id, 'role_picks', async (trx, now) => {
        await trx.deleteFrom('admin_meeting_role_picks').where('meeting_id', '=', m.id).where('person_id', '=', actor.personId).execute();
        if (roles.length) await trx.insertInto('admin_meeting_role_picks').values(roles.map((role_key) => ({ meeting_id: m.id, person_id: actor.personId, role_key, org_id: m.org_id, created_at: now }))).execute();
      });
      return read(actor, m.id);
    },
  );

  app.post(
    '/api/admin-meetings/:id/role-sets',
    {
      config: { matrix: 'adminMeeting.settleRoles' },
      schema: { tags: ['admin meetings'], summary: 'Record the 3–5 roles the group settled on (422 otherwise), for the whole group (scope "") or a team or subject (scope e.g. "Grade 1 team"); one set per scope (whoever runs the meeting, until it ends)', params: IdParams, body: CreateAdminMeetingRoleSetBody, response: { 201: AdminMeeting } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.settleRoles');
      notEnded(m);
      const { scope, roles } = request.body;
      checkSettled(roles);
      await change(m.id, m.org_id, 'role_set', async (trx, now) => {
        const taken = await trx.selectFrom('admin_meeting_role_sets').select('id').where('meeting_id', '=', m.id).where('scope', '=', scope).executeTakeFirst();
        if (taken) throw unprocessable({ key: 'adminMeetingRoleScopeTaken', values: { scope: scope || 'all' } }, 'scope');
        await trx.insertInto('admin_meeting_role_sets').values({ id: newId(), meeting_id: m.id, org_id: m.org_id, scope, roles: JSON.stringify(roles), recorded_by: actor.personId, version: 1, created_at: now, updated_at: now }).execute();
      });
      return reply.status(201).send(await read(actor, m.id));
    },
  );

  async function loadSet(actor: Actor, id: string) {
    const set = await db.selectFrom('admin_meeting_role_sets').selectAll().where('org_id', '=', actor.orgId).where('id', '=', id).executeTakeFirst();
    if (!set) throw notFound();
    const { meeting } = await load(actor, set.meeting_id, 'adminMeeting.settleRoles');
    notEnded(meeting);
    return { set, meeting };
  }

  app.patch(
    '/api/admin-meeting-role-sets/:id',
    {
      config: { matrix: 'adminMeeting.settleRoles' },
      schema: { tags: ['admin meetings'], summary: 'Change a settled set’s roles (3–5) or its team or subject (whoever runs the meeting, until it ends; 409 on a stale version)', params: IdParams, body: UpdateAdminMeetingRoleSetBody, response: { 200: AdminMeeting } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { set, meeting: m } = await loadSet(actor, request.params.id);
      const { scope, roles, baseVersion } = request.body;
      if (roles) checkSettled(roles);
      if (Number(set.version) !== baseVersion) throw new AppError('VERSION_CONFLICT', 'adminMeetingRoleSetChanged');
      await change(m.id, m.org_id, 'role_set', async (trx, now) => {
        if (scope !== undefined && scope !== set.scope) {
          const taken = await trx.selectFrom('admin_meeting_role_sets').select('id').where('meeting_id', '=', m.id).where('scope', '=', scope).executeTakeFirst();
          if (taken) throw unprocessable({ key: 'adminMeetingRoleScopeTaken', values: { scope: scope || 'all' } }, 'scope');
        }
        const res = await trx
          .updateTable('admin_meeting_role_sets')
          .set({ ...(scope !== undefined ? { scope } : {}), ...(roles ? { roles: JSON.stringify(roles) } : {}), recorded_by: actor.personId, version: baseVersion + 1, updated_at: now })
          .where('id', '=', set.id)
          .where('version', '=', baseVersion)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'adminMeetingRoleSetChanged');
      });
      return read(actor, m.id);
    },
  );

  app.delete(
    '/api/admin-meeting-role-sets/:id',
    { config: { matrix: 'adminMeeting.settleRoles' }, schema: { tags: ['admin meetings'], summary: 'Remove a settled set (whoever runs the meeting, until it ends)', params: IdParams, response: { 200: AdminMeeting } } },
    async (request) => {
      const actor = actorOf(request);
      const { set, meeting: m } = await loadSet(actor, request.params.id);
      await change(m.id, m.org_id, 'role_set', async (trx) => {
        await trx.deleteFrom('admin_meeting_role_sets').where('id', '=', set.id).execute();
      });
      return read(actor, m.id);
    },
  );

  // ---------- challenges, strengths to leverage, confidentiality agreements ----------

  app.post(
    '/api/admin-meetings/:id/items',
    {
      config: { matrix: 'adminMeeting.contribute' },
      schema: { tags: ['admin meetings'], summary: 'Add a challenge, a strength to leverage or a confidentiality agreement (kind); shown in `items` (any participant, until the meeting ends)', params: IdParams, body: CreateAdminMeetingItemBody, response: { 201: AdminMeeting } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.contribute');
      notEnded(m);
      await change(m.id, m.org_id, 'item_added', async (trx, now) => {
        await trx.insertInto('admin_meeting_items').values({ id: newId(), meeting_id: m.id, org_id: m.org_id, kind: request.body.kind, text: request.body.text, author_id: actor.personId, version: 1, created_at: now, updated_at: now }).execute();
      });
      return reply.status(201).send(await read(actor, m.id));
    },
  );

  /** The line and its meeting; 404 unless the actor may change it (its author or whoever runs the meeting). */
  async function loadItem(actor: Actor, id: string) {
    const item = await db.selectFrom('admin_meeting_items').selectAll().where('org_id', '=', actor.orgId).where('id', '=', id).executeTakeFirst();
    if (!item) throw notFound();
    const ctx = await load(actor, item.meeting_id, 'adminMeeting.contribute');
    if (!canEditMeetingItem(ctx, { authorId: item.author_id })) throw notFound();
    notEnded(ctx.meeting);
    return { item, meeting: ctx.meeting };
  }

  app.patch(
    '/api/admin-meeting-items/:id',
    {
      config: { matrix: 'adminMeeting.contribute' },
      schema: { tags: ['admin meetings'], summary: 'Change a challenge, strength or confidentiality agreement (its author or whoever runs the meeting, until it ends; 409 on a stale version)', params: IdParams, body: UpdateAdminMeetingItemBody, response: { 200: AdminMeeting } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { item, meeting: m } = await loadItem(actor, request.params.id);
      const { text, baseVersion } = request.body;
      if (Number(item.version) !== baseVersion) throw new AppError('VERSION_CONFLICT', 'adminMeetingItemChanged');
      await change(m.id, m.org_id, 'item_changed', async (trx, now) => {
        const res = await trx.updateTable('admin_meeting_items').set({ text, version: baseVersion + 1, updated_at: now }).where('id', '=', item.id).where('version', '=', baseVersion).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'adminMeetingItemChanged');
      });
      return read(actor, m.id);
    },
  );

  app.delete(
    '/api/admin-meeting-items/:id',
    { config: { matrix: 'adminMeeting.contribute' }, schema: { tags: ['admin meetings'], summary: 'Remove a challenge, strength or confidentiality agreement (its author or whoever runs the meeting, until it ends)', params: IdParams, response: { 200: AdminMeeting } } },
    async (request) => {
      const actor = actorOf(request);
      const { item, meeting: m } = await loadItem(actor, request.params.id);
      await change(m.id, m.org_id, 'item_removed', async (trx) => {
        await trx.deleteFrom('admin_meeting_items').where('id', '=', item.id).execute();
      });
      return read(actor, m.id);
    },
  );
}
