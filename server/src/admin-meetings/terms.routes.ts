/**
 * "What we agreed about names" (issue 12, item 5): the confidentiality agreements and answers that
 * coaches and administrators signed, shown where coaching data is met — to the teacher they
 * concern and to the administrator who signed them, on a partnership; and to each signer, on their
 * own Home. Read only from fully signed agreements (terms.ts).
 *
 * Which agreements concern a partnership: those signed together by one of its coaches (coach,
 * mentor or peer coach) and an administrator who supervises its coachee — for an administrator reading
 * it, only those they signed themselves.
 */
import type { z } from 'zod';
import { AgreedTermsList, IdParams } from '../../../shared/src/api';
import type { DB } from '../platform/db';
import { type App, type Services, actorOf } from '../platform/http';
import { authorize } from '../privacy/policy';
import { isSubjectRole, loadContext } from '../privacy/relations';
import { type AgreedTerms, agreementsBetween, agreementsOf } from './terms';

type Item = z.infer<typeof AgreedTermsList>['items'][number];

async function withSigners(db: DB, terms: AgreedTerms[]): Promise<Item[]> {
  if (!terms.length) return [];
  const rows = await db
    .selectFrom('admin_meeting_signatures as s')
    .innerJoin('admin_meeting_agreements as a', (j) => j.onRef('a.meeting_id', '=', 's.meeting_id').onRef('a.signed_version', '=', 's.version'))
    .select(['s.meeting_id', 's.name'])
    .where(
      's.meeting_id',
      'in',
      terms.map((t) => t.meetingId),
    )
    .orderBy('s.signed_at')
    .execute();
  return terms.map((t) => ({ ...t, signedBy: rows.filter((r) => r.meeting_id === t.meetingId).map((r) => r.name) }));
}

export default async function termsRoutes(app: App, s: Services) {
  const { db } = s;

  app.get(
    '/api/partnerships/:id/agreed-terms',
    {
      config: { matrix: 'partnership.agreedTerms' },
      schema: {
        tags: ['admin meetings'],
        summary: "What the partnership's coach and the coachee's administrators agreed about confidentiality and names (members and the coachee's supervisor), newest first",
        params: IdParams,
        response: { 200: AgreedTermsList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const ctx = await loadContext(db, actor, request.params.id);
      authorize(ctx, 'partnership.agreedTerms');
      const accepted = ctx.members.filter((m) => m.state === 'accepted');
      const supporters = accepted.filter((m) => !isSubjectRole(m.role)).map((m) => m.personId);
      const subjects = accepted.filter((m) => isSubjectRole(m.role)).map((m) => m.personId);
      if (!supporters.length || !subjects.length) return { items: [] };
      // The partners read what their coach signed with any of the coachee's administrators; an administrator
      // reads only what they signed themselves (a meeting they were not in stays theirs who were).
      const member = ctx.membership?.state === 'accepted';
      const links = member ? await db.selectFrom('supervision_links').select('supervisor_id').where('org_id', '=', actor.orgId).where('supervisee_id', 'in', subjects).execute() : [];
      const supervisors = member ? [...new Set(links.map((l) => l.supervisor_id))] : [actor.personId];
      const found = new Map<string, AgreedTerms>();
      for (const coach of supporters) for (const admin of supervisors) for (const t of await agreementsBetween(db, actor.orgId, coach, admin)) found.set(t.meetingId, t);
      const terms = [...found.values()].sort((a, b) => b.signedAt.localeCompare(a.signedAt));
      return { items: await withSigners(db, terms) };
    },
  );

  app.get(
    '/api/me/agreed-terms',
    { config: { matrix: 'self' }, schema: { tags: ['admin meetings'], summary: 'What I agreed with coaches or administrators about confidentiality and names, from every fully signed partnership-meeting agreement I took part in, newest first', response: { 200: AgreedTermsList } } },
    async (request) => {
      const actor = actorOf(request);
      return { items: await withSigners(db, await agreementsOf(db, actor.orgId, actor.personId)) };
    },
  );
}
