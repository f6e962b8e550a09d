import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, createWorld } from '../support/world';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w?.close());

describe('what needs my attention', () => {
  it('gathers invitations, signatures, reviews, sessions, decisions and overdue steps across partnerships', async () => {
    const { org, coach, coachee, supervisor, partnership } = await w.given.expertPartnership();
    const [c, t] = [await w.as(coach), await w.as(coachee)];
    const other = await w.given.person(org, ['coach']);
    await (await w.as(other)).post('/api/partnerships', { format: 'expert', origin: 'volunteered', members: [{ personId: other, role: 'coach' }, { personId: coachee, role: 'coachee' }] });
    const agreement = (await c.get(`/api/partnerships/${partnership}/agreement`)).json().current;
    const soon = new Date(w.clock.now().getTime() + 5 * 86400_000).toISOString().slice(0, 10);
    await c.put(`/api/partnerships/${partnership}/agreement`, { content: { ...agreement.content, reviewOn: soon }, baseVersion: agreement.version });
    const start = w.clock.now().getTime() + 2 * 86400_000;
    await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'observation', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 1800_000).toISOString(), agenda: 'private' });
    await c.post(`/api/partnerships/${partnership}/goals`, { title: 'Proposed by the coach', subjectId: coachee });
    await t.post(`/api/partnerships/${partnership}/goals`, {
      title: 'My own goal',
      steps: [
        { description: 'Coach brings the timer', responsible: 'coach', dueOn: '2026-08-01' },
        { description: 'I try it at circle', responsible: 'coachee', dueOn: '2026-08-02' },
        { description: 'Later step', responsible: 'both', dueOn: '2027-08-02' },
      ],
    });
    const mine = (await t.get('/api/attention')).json();
    expect(mine.invitations).toHaveLength(1);
    expect(mine.agreementsToSign.map((a: { partnershipId: string }) => a.partnershipId)).toEqual([partnership]);
    expect(mine.reviewsDue).toEqual([{ partnershipId: partnership, reviewOn: soon, partners: [expect.any(String)] }]);
    expect(mine.upcomingSessions).toHaveLength(1);
    expect('agenda' in mine.upcomingSessions[0]).toBe(false);
    expect(mine.goalsToDecide.map((g: { title: string }) => g.title)).toEqual(['Proposed by the coach']);
    expect(mine.overdueSteps.map((s: { description: string; mine: boolean }) => [s.description, s.mine])).toEqual([
      ['Coach brings the timer', false],
      ['I try it at circle', true],
    ]);
    const coachView = (await c.get('/api/attention')).json();
    expect(coachView.overdueSteps.map((s: { mine: boolean }) => s.mine)).toEqual([true, false]);
    expect(coachView.goalsToDecide).toEqual([]);
    // The coach seeing the coachee's goal here is a logged read.
    const log = (await t.get('/api/access-log?limit=100')).json().items;
    expect(log.some((e: { actorId: string; itemType: string }) => e.actorId === coach && e.itemType === 'goal')).toBe(true);
    // A supervisor outside the partnership is told nothing of it.
    const sup = (await (await w.as(supervisor)).get('/api/attention')).json();
    expect(sup).toEqual({ invitations: [], agreementsToSign: [], reviewsDue: [], upcomingSessions: [], goalsToDecide: [], overdueSteps: [], openRequests: [], plansToConfirm: [], reminders: [] });
  });

  it('lists sessions still to come or under way in the next seven days, not the ones that are over or further ahead', async () => {
    const { coach, partnership } = await w.given.expertPartnership();
    const c = await w.as(coach);
    const hour = 3600_000;
    const at = (fromNow: number, length: number) => {
      const start = w.clock.now().getTime() + fromNow;
      return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + length).toISOString() };
    };
    const underWay = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', ...at(hour, hour) })).json().id;
    const inSixDays = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', ...at(6 * 24 * hour, hour) })).json().id;
    await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', ...at(8 * 24 * hour, hour) });
    const over = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', ...at(2 * hour, 10 * 60_000) })).json().id;
    // Ninety minutes later: the first session is half done, the fourth has not started yet.
    w.clock.advance(90 * 60_000);
    expect((await c.get('/api/attention')).json().upcomingSessions.map((s: { meetingId: string }) => s.meetingId)).toEqual([underWay, over, inSixDays]);
    // Another hour: the first and the short one are over.
    w.clock.advance(60 * 60_000);
    expect((await c.get('/api/attention')).json().upcomingSessions.map((s: { meetingId: string }) => s.meetingId)).toEqual([inSixDays]);
  });
});
