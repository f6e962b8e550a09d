/**
 * The partnership overview: where a partnership stands, for its members. It answers with counts
 * and dates, not content, so opening the first view of a partnership does not read (and log)
 * every plan and reflection in it; only the goal titles it shows are logged as read.
 */
import { z } from 'zod';
import { IdParams, PartnershipOverview } from '../../../shared/src/api';
import type { GoalStatus, MeetingKind } from '../../../shared/src/domain';
import { type App, type Services, actorOf } from '../platform/http';
import { stepProgress, stepsOf } from '../goals/goals.service';
import { logMemberReads } from '../privacy/content';
import { authorize } from '../privacy/policy';
import { isSubjectRole, loadContext } from '../privacy/relations';

/** How far back a session may still wait for its reflection. */
const RECENT_DAYS = 60;
/** Sessions a coachee reflects on (a support visit is help, not observation; check-ins are logistics). */
const REFLECTED_ON: MeetingKind[] = ['observation', 'coaching_meeting'];
const IN_HAND: GoalStatus[] = ['proposed', 'active'];

type Overview = z.infer<typeof PartnershipOverview>;

const perSubject = (rows: Array<{ subject_id: string; count: number | string | bigint }>) => rows.map((r) => ({ subjectId: r.subject_id, count: Number(r.count) }));

export default async function overviewRoutes(app: App, s: Services) {
  const { db, clock } = s;

  app.get(
    '/api/partnerships/:id/overview',
    {
      config: { matrix: 'partnership.overview' },
      schema: {
        tags: ['partnerships'],
        summary: 'Where a partnership stands, for its members: what waits for whom, goals in hand with steps done, the last reflection (date and author). Only the goal titles shown are logged as read.',
        params: IdParams,
        response: { 200: PartnershipOverview },
      },
    },
    async (request): Promise<Overview> => {
      const actor = actorOf(request);
      const ctx = await loadContext(db, actor, request.params.id);
      authorize(ctx, 'partnership.readContent');
      const partnershipId = ctx.partnership.id;
      const goalsHere = () => db.selectFrom('goals').where('org_id', '=', actor.orgId).where('partnership_id', '=', partnershipId);

      const [draftPlans, proposedGoals, goals, achieved, lastReflection] = await Promise.all([
        db
          .selectFrom('observation_plans')
          .select((eb) => ['subject_id', eb.fn.countAll<number>().as('count')])
          .where('org_id', '=', actor.orgId)
          .where('partnership_id', '=', partnershipId)
          .where('status', '=', 'draft')
          .groupBy('subject_id')
          .execute(),
        goalsHere()
          .select((eb) => ['subject_id', eb.fn.countAll<number>().as('count')])
          .where('status', '=', 'proposed')
          .groupBy('subject_id')
          .execute(),
        goalsHere().select(['id', 'subject_id', 'title', 'status']).where('status', 'in', IN_HAND).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(50).execute(),
        goalsHere().select((eb) => eb.fn.countAll<number>().as('count')).where('status', '=', 'achieved').executeTakeFirstOrThrow(),
        db
          .selectFrom('reflections as r')
          .innerJoin('people as p', 'p.id', 'r.author_id')
          .select(['r.author_id', 'p.name', 'r.created_at'])
          .where('r.org_id', '=', actor.orgId)
          .where('r.partnership_id', '=', partnershipId)
          .orderBy('r.created_at', 'desc')
          .orderBy('r.id', 'desc')
          .limit(1)
          .executeTakeFirst(),
      ]);

      const steps = await stepsOf(db, goals.map((g) => g.id));
      const today = clock.now().toISOString().slice(0, 10);

      // Active goals first, then the ones proposed and waiting for their coachee.
      const shown = [...goals].sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1));
      await logMemberReads(
        db,
        clock,
        ctx,
        shown.map((g) => ({ kind: 'goal', id: g.id, subjectId: g.subject_id })),
      );

      return {
        draftPlans: perSubject(draftPlans),
        proposedGoals: perSubject(proposedGoals),
        reflectionDue: await reflectionDue(),
        goals: shown.map((g) => ({ id: g.id, subjectId: g.subject_id, title: g.title, status: g.status as GoalStatus, progress: stepProgress(steps.get(g.id) ?? [], today) })),
        achievedGoals: Number(achieved.count),
        lastReflection: lastReflection ? { authorId: lastReflection.author_id, authorName: lastReflection.name, createdAt: lastReflection.created_at } : null,
      };

      /** With one coachee, the last session that took place and has no reflection from them since. */
      async function reflectionDue(): Promise<Overview['reflectionDue']> {
        const subjects = ctx!.members.filter((x) => isSubjectRole(x.role) && x.state === 'accepted');
        if (subjects.length !== 1 || ctx!.partnership.status === 'closed') return null;
        const subject = subjects[0];
        const now = clock.now();
        const last = await db
          .selectFrom('meetings')
          .select(['id', 'kind', 'starts_at'])
          .where('org_id', '=', actor.orgId)
          .where('partnership_id', '=', partnershipId)
          .where('kind', 'in', REFLECTED_ON)
          .where('status', 'in', ['held', 'scheduled'])
          .where('starts_at', '<=', now.toISOString())
          .where('starts_at', '>=', new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString())
          .orderBy('starts_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (!last) return null;
        const reflected = await db
          .selectFrom('reflections')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('partnership_id', '=', partnershipId)
          .where('voice', '=', 'coachee')
          .where('subject_id', '=', subject.personId)
          .where((eb) => eb.or([eb('meeting_id', '=', last.id), eb('created_at', '>=', last.starts_at)]))
          .limit(1)
          .executeTakeFirst();
        return reflected ? null : { meetingId: last.id, kind: last.kind as MeetingKind, startsAt: last.starts_at, subjectId: subject.personId, subjectName: subject.name };
      }
    },
  );
}
