/**
 * Home: what needs my attention across all my partnerships (issue 3 item 10).
 * Only partnerships I am an accepted member of; goal titles and step texts are
 * coaching content, so each goal shown is logged as a read for its coachee.
 */
import { AttentionResponse } from '../../../shared/src/api';
import type { Format, MeetingKind, Responsible } from '../../../shared/src/domain';
import { type App, type Services, actorOf } from '../platform/http';
import { logMemberReads } from '../privacy/content';
import { remindersOf } from '../calendar/calendar.routes';
import { carriedBy } from '../goals/goals.service';
import { waitedHours } from '../messages/messages.routes';
import { loadContexts, type PartnershipContext } from '../privacy/relations';

const DAY = 86400_000;

export default async function attentionRoutes(app: App, s: Services) {
  const { db, clock } = s;

  app.get('/api/attention', { config: { matrix: 'self' }, schema: { tags: ['home'], summary: 'What needs my attention across my partnerships', response: { 200: AttentionResponse } } }, async (request) => {
    const actor = actorOf(request);
    const now = clock.now();
    const today = now.toISOString().slice(0, 10);
    const mine = await db
      .selectFrom('partnership_members as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .select(['m.partnership_id', 'm.state'])
      .where('m.org_id', '=', actor.orgId)
      .where('m.person_id', '=', actor.personId)
      .where('m.state', 'in', ['invited', 'accepted'])
      .where('p.status', '!=', 'closed')
      .limit(500)
      .execute();
    const contexts = await loadContexts(db, actor, mine.map((m) => m.partnership_id));
    const all = [...contexts.values()];
    const active = all.filter((c) => c.membership?.state === 'accepted');
    const partners = (ctx: PartnershipContext) => ctx.members.filter((m) => m.personId !== actor.personId && m.state !== 'declined').map((m) => m.name);
    const activeIds = active.map((c) => c.partnership.id);

    const invitations = all
      .filter((c) => c.membership?.state === 'invited' && c.partnership.status === 'invited')
      .map((c) => ({
        partnershipId: c.partnership.id,
        format: c.partnership.format as Format,
        invitedBy: c.members.find((m) => m.personId === c.partnership.created_by)?.name ?? null,
      }));
    const reviewLimit = new Date(now.getTime() + 14 * DAY).toISOString().slice(0, 10);
    // The reads below depend only on the partnerships: asked together, so on PostgreSQL they travel
    // at once on several pool connections instead of one round trip after another.
    const meetingsRead = activeIds.length
      ? db
          .selectFrom('meetings')
          .select(['id', 'partnership_id', 'kind', 'starts_at', 'ends_at', 'location'])
          .where('org_id', '=', actor.orgId)
          .where('partnership_id', 'in', activeIds)
          .where('status', '=', 'scheduled')
          // Still to come or under way (a session that started ten minutes ago is still on), up to seven days ahead.
          .where('ends_at', '>', now.toISOString())
          .where('starts_at', '<', new Date(now.getTime() + 7 * DAY).toISOString())
          .orderBy('starts_at')
          .limit(50)
          .execute()
      : [];
    const goalsRead = activeIds.length
      ? db
          .selectFrom('goals as g')
          .innerJoin('people as p', 'p.id', 'g.proposed_by')
          .select(['g.id', 'g.partnership_id', 'g.subject_id', 'g.title', 'g.status', 'p.name as proposed_by_name'])
          .where('g.org_id', '=', actor.orgId)
          .where('g.partnership_id', 'in', activeIds)
          .where('g.status', 'in', ['proposed', 'active'])
          .limit(500)
          .execute()
      : [];
    const plansRead = activeIds.length
      ? db
          .selectFrom('observation_plans as o')
          .leftJoin('meetings as m', 'm.id', 'o.meeting_id')
          .select(['o.id', 'o.partnership_id', 'm.starts_at'])
          .where('o.org_id', '=', actor.orgId)
          .where('o.partnership_id', 'in', activeIds)
          .where('o.subject_id', '=', actor.personId)
          .where('o.status', '=', 'draft')
          .orderBy('o.created_at')
          .limit(50)
          .execute()
      : [];
    const [meetings, goals, plans, requests, reminders] = await Promise.all([
      meetingsRead,
      goalsRead,
      plansRead,
      openRequests(s, actor.orgId, actor.personId, activeIds, contexts),
      remindersOf(s, actor.personId),
    ]);
    const activeGoalIds = goals.filter((g) => g.status === 'active').map((g) => g.id);
    const steps = activeGoalIds.length
      ? await db
          .selectFrom('goal_steps')
          .select(['goal_id', 'description', 'due_on', 'responsible'])
          .where('goal_id', 'in', activeGoalIds)
          .where('due_on', '<', today)
          .where('status', 'in', ['not_started', 'in_progress'])
          .orderBy('due_on')
          .limit(100)
          .execute()
      : [];
    const goalsToDecide = goals.filter((g) => g.status === 'proposed' && g.subject_id === actor.personId);
    const overdueSteps = steps.map((st) => {
      const g = goals.find((x) => x.id === st.goal_id)!;
      const ctx = contexts.get(g.partnership_id)!;
      return { goalId: g.id, partnershipId: g.partnership_id, goalTitle: g.title, description: st.description, dueOn: st.due_on!, responsible: st.responsible as Responsible, mine: carriedBy(ctx.membership!, st.responsible as Responsible, g.subject_id) };
    });
    // Goal titles and steps shown here are reads of coaching content.
    const shown = new Set([...goalsToDecide.map((g) => g.id), ...overdueSteps.map((o) => o.goalId)]);
    const shownGoals = goals.filter((g) => shown.has(g.id));
    // All at once, so the access log's group writer commits them together (one commit, not one per partnership).
    await Promise.all(
      [...new Set(shownGoals.map((g) => g.partnership_id))].map((pid) =>
        logMemberReads(db, clock, contexts.get(pid)!, shownGoals.filter((g) => g.partnership_id === pid).map((g) => ({ kind: 'goal' as const, id: g.id, subjectId: g.subject_id }))),
      ),
    );
    return {
      invitations,
      agreementsToSign: active.filter((c) => c.mySignatureNeeded).map((c) => ({ partnershipId: c.partnership.id, partners: partners(c) })),
      reviewsDue: active
        .filter((c) => c.partnership.review_on && c.partnership.review_on <= reviewLimit)
        .map((c) => ({ partnershipId: c.partnership.id, reviewOn: c.partnership.review_on!, partners: partners(c) })),
      upcomingSessions: meetings.map((m) => ({ meetingId: m.id, partnershipId: m.partnership_id, kind: m.kind as MeetingKind, startsAt: m.starts_at, endsAt: m.ends_at, location: m.location, partners: partners(contexts.get(m.partnership_id)!) })),
      goalsToDecide: goalsToDecide.map((g) => ({ goalId: g.id, partnershipId: g.partnership_id, title: g.title, proposedBy: g.proposed_by_name })),
      overdueSteps,
      openRequests: requests,
      plansToConfirm: plans.map((p) => ({ planId: p.id, partnershipId: p.partnership_id, meetingStartsAt: p.starts_at })),
      reminders,
    };
  });
}

/** Resource requests still open that I asked for or was asked, with how long they have waited (names only, no request text). */
async function openRequests(s: Services, orgId: string, personId: string, partnershipIds: string[], contexts: Map<string, PartnershipContext>) {
  if (!partnershipIds.length) return [];
  const rows = await s.db
    .selectFrom('messages')
    .select(['id', 'partnership_id', 'author_id', 'requested_from', 'created_at'])
    .where('org_id', '=', orgId)
    .where('partnership_id', 'in', partnershipIds)
    .where('kind', '=', 'resource_request')
    .where('fulfilled_at', 'is', null)
    .where((eb) => eb.or([eb('requested_from', '=', personId), eb('author_id', '=', personId)]))
    .orderBy('created_at')
    .limit(50)
    .execute();
  const now = s.clock.now();
  const nameIn = (pid: string, id: string | null) => contexts.get(pid)?.members.find((m) => m.personId === id)?.name ?? 'A partner';
  return rows.map((r) => ({
    messageId: r.id,
    partnershipId: r.partnership_id,
    askedBy: nameIn(r.partnership_id, r.author_id),
    askedOf: nameIn(r.partnership_id, r.requested_from),
    since: r.created_at,
    waitedHours: waitedHours(r.created_at, now),
    mine: r.requested_from === personId,
  }));
}
