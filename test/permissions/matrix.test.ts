/**
 * Generates one HTTP test per permission-matrix row, through the real app and
 * database, each on a fresh partnership so rows cannot influence each other.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, NOT_FOUND_BODY, type World, createWorld } from '../support/world';
import { type ActionKey, MATRIX, type Outcome, type Row, type ShareState, type Who } from './matrix';

interface Fixture {
  people: Record<Exclude<Who, 'anonymous'>, string>;
  practiceA: string;
}

interface Scene {
  partnership: string;
  note: string;
  /** A goal the coach proposed to the coachee. */
  goal: string;
  goalVersion: number;
  /** A coaching meeting in two days, with an agenda. */
  meeting: string;
  /** A celebration the coach recorded about the coachee. */
  celebration: string;
  /** Created only for the rows that need them (see EXTRA). */
  strength?: string;
  plan?: string;
  planVersion?: number;
  reflection?: string;
  /** A resource request from the coachee to the mentor coach. */
  request?: string;
  /** A concern the coach recorded about the coachee (escalated to the coachee's supervisor for 'concernEscalated'). */
  concern?: string;
}

type Kind = 'note' | 'goal' | 'celebration' | 'strength' | 'observation_plan' | 'reflection' | 'message' | 'concern' | 'concernEscalated';

/** The item each kind adds to the scene, created by the partner who would write it. */
const EXTRA: Partial<Record<Kind, (partnership: string) => Promise<Partial<Scene>>>> = {
  strength: async (p) => ({ strength: (await (await client('coach')).post(`/api/partnerships/${p}/strengths`, { type: 'strength', text: 'Children settle quickly with her songs.' })).json().id }),
  observation_plan: async (p) => {
    const res = await (await client('coach')).post(`/api/partnerships/${p}/observation-plans`, { focus: 'Questions during read-aloud', mode: 'live', dataForm: { method: 'event_count', fields: ['Open question', 'Closed question'] } });
    expect(res.statusCode).toBe(201);
    return { plan: res.json().id, planVersion: res.json().version };
  },
  reflection: async (p) => ({ reflection: (await (await client('coachee')).post(`/api/partnerships/${p}/reflections`, { answers: [{ key: 'noticed', answer: 'More hands went up after I waited.' }] })).json().id }),
  message: async (p) => ({ request: (await (await client('coachee')).post(`/api/partnerships/${p}/messages`, { kind: 'resource_request', body: 'Could you send the wait-time article?', requestedFrom: fx.people.mentor })).json().id }),
  concern: async (p) => ({ concern: (await (await client('coach')).post(`/api/partnerships/${p}/concerns`, { description: 'Sessions were missed three weeks running.' })).json().id }),
  concernEscalated: async (p) => {
    const coach = await client('coach');
    const concern = (await coach.post(`/api/partnerships/${p}/concerns`, { description: 'Sessions were missed three weeks running.' })).json().id as string;
    expect((await coach.post(`/api/concerns/${concern}/discussion`, { summary: 'We talked; coverage keeps falling through.', discussedOn: w.clock.now().toISOString().slice(0, 10) })).statusCode).toBe(200);
    expect((await coach.post(`/api/concerns/${concern}/escalation`, { supervisorId: fx.people.supervisorOfCoachee, reason: 'Coverage for coaching time is needed.' })).statusCode).toBe(200);
    return { concern };
  },
};

/** What an action observed: the response, and for lists whether the target item was included. */
interface Observation {
  res: LightMyRequestResponse;
  included?: boolean;
  /** For field-level rows: whether coaching content came back. */
  contentPresent?: boolean;
}

let w: World;
let fx: Fixture;
const clients = new Map<Who, Client>();

async function client(who: Who): Promise<Client> {
  if (who === 'anonymous') return w.anonymous;
  if (!clients.has(who)) clients.set(who, await w.as(fx.people[who]));
  return clients.get(who)!;
}

beforeAll(async () => {
  w = await createWorld();
  const a = await w.given.organization('Organization A');
  const b = await w.given.organization('Organization B');
  const people = {
    coachee: await w.given.person(a, ['coachee'], 'Taylor Coachee'),
    coach: await w.given.person(a, ['coach'], 'Carmen Coach'),
    mentor: await w.given.person(a, ['mentor'], 'Morgan Mentor'),
    supervisorOfCoachee: await w.given.person(a, ['supervisor'], 'Sam Supervisor'),
    otherSupervisor: await w.given.person(a, ['supervisor'], 'Sasha Othersupervisor'),
    colleague: await w.given.person(a, ['coachee'], 'Casey Colleague'),
    leader: await w.given.person(a, ['leader'], 'Lena Leader'),
    otherOrganization: await w.given.person(b, ['leader', 'supervisor', 'coach'], 'Olga Otherorg'),
  };
  await w.given.supervisorOf(people.supervisorOfCoachee, people.coachee);
  await w.given.supervisorOf(people.otherSupervisor, people.colleague);
  const practice = await w.db.selectFrom('practices').select('id').where('org_id', '=', a).executeTakeFirstOrThrow();
  fx = { people, practiceA: practice.id };
});

afterAll(async () => {
  await w?.close();
});

/** A fresh signed partnership (coach, coachee, mentor) with a profile and one note by the coach about the coachee, shared as the row says. */
async function scene(share: ShareState, kind: Kind = 'note'): Promise<Scene> {
  const p = fx.people;
  const partnership = await w.given.partnership(p.coach, 'expert', [
    { personId: p.coach, role: 'coach' },
    { personId: p.coachee, role: 'coachee' },
    { personId: p.mentor, role: 'mentor' },
  ]);
  const coach = await client('coach');
  const coachee = await client('coachee');
  expect((await coachee.put(`/api/partnerships/${partnership}/profile`, { strengths: 'Calm voice at transitions' })).statusCode).toBe(200);
  const note = (await coach.post(`/api/partnerships/${partnership}/notes`, { body: 'Observed circle time; 14 open questions.' })).json().id as string;
  const proposed = await coach.post(`/api/partnerships/${partnership}/goals`, { title: 'More children answer open questions', steps: [{ description: 'Plan three open questions for read-aloud', responsible: 'coachee' }] });
  expect(proposed.statusCode).toBe(201);
  const goal = proposed.json().id as string;
  const celebration = (await coach.post(`/api/partnerships/${partnership}/celebrations`, { kind: 'risk_taken', text: 'Tried a brand-new transition song with the whole class.' })).json().id as string;
  const extra = (await EXTRA[kind]?.(partnership)) ?? {};
  const item = { note, goal, celebration, strength: extra.strength, observation_plan: extra.plan, reflection: extra.reflection }[kind as 'note'];
  const inTwoDays = w.clock.now().getTime() + 2 * 86400_000;
  const meeting = (await coach.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt: new Date(inTwoDays).toISOString(), endsAt: new Date(inTwoDays + 3600_000).toISOString(), agenda: 'Look at the question tally together' })).json().id as string;
  const shareWith = (body: object) => coachee.post(`/api/partnerships/${partnership}/shares`, { granteeId: p.supervisorOfCoachee, ...body });
  if (share === 'live') expect((await shareWith({ itemType: kind, itemId: item })).statusCode).toBe(201);
  if (share === 'category') expect((await shareWith({ category: `${kind}s` })).statusCode).toBe(201);
  if (share === 'expired') {
    const expiresAt = new Date(w.clock.now().getTime() + 60_000).toISOString();
    expect((await shareWith({ itemType: kind, itemId: item, expiresAt })).statusCode).toBe(201);
    w.clock.advance(120_000);
  }
  if (share === 'revoked') {
    const id = (await shareWith({ itemType: kind, itemId: item })).json().id;
    expect((await coachee.delete(`/api/shares/${id}`)).statusCode).toBe(200);
  }
  return { partnership, note, goal, goalVersion: proposed.json().version, meeting, celebration, ...extra };
}

const ACTIONS: Record<ActionKey, (c: Client, s: Scene, who: Who) => Promise<Observation>> = {
  public: async (c) => ({ res: await c.post('/api/auth/password-reset', { email: 'nobody@tandem.test' }) }),
  self: async (c) => ({ res: await c.get('/api/me') }),
  'org.read': async (c) => {
    const res = await c.get('/api/practices');
    return { res, included: res.statusCode === 200 && res.json().items.some((p: { id: string }) => p.id === fx.practiceA) };
  },
  'org.manage': async (c) => ({ res: await c.get(`/api/people/${fx.people.coachee}`) }),
  'partnership.list': async (c, s) => {
    const res = await c.get('/api/partnerships?limit=100');
    return { res, included: res.statusCode === 200 && res.json().items.some((p: { id: string }) => p.id === s.partnership) };
  },
  'partnership.view': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}`);
    return { res, contentPresent: res.statusCode === 200 && 'profiles' in res.json() };
  },
  'partnership.create': async (c, _s, who) => {
    const p = fx.people;
    const members =
      who === 'coachee'
        ? [{ personId: p.coachee, role: 'coachee' }, { personId: p.coach, role: 'coach' }]
        : who === 'coach'
          ? [{ personId: p.coach, role: 'coach' }, { personId: p.colleague, role: 'coachee' }]
          : [{ personId: p.coach, role: 'coach' }, { personId: p.colleague, role: 'coachee' }];
    return { res: await c.post('/api/partnerships', { format: 'expert', origin: who === 'leader' ? 'assigned' : 'volunteered', members }) };
  },
  'partnership.respond': async (c) => {
    const coach = await client('coach');
    const created = await coach.post('/api/partnerships', {
      format: 'expert',
      origin: 'volunteered',
      members: [{ personId: fx.people.coach, role: 'coach' }, { personId: fx.people.colleague, role: 'coachee' }],
    });
    expect(created.statusCode).toBe(201);
    return { res: await c.post(`/api/partnerships/${created.json().id}/response`, { accept: true }) };
  },
  'partnership.changeStatus': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/status`, { to: 'paused', reason: 'Testing week' }) }),
  'profile.edit': async (c, s) => ({ res: await c.put(`/api/partnerships/${s.partnership}/profile`, { strengths: 'Warm greetings' }) }),
  'agreement.view': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/agreement`);
    return { res, contentPresent: res.statusCode === 200 && 'guidelines' in res.json().current.content };
  },
  'agreement.edit': async (c, s) => {
    const current = (await (await client('coach')).get(`/api/partnerships/${s.partnership}/agreement`)).json().current;
    return { res: await c.put(`/api/partnerships/${s.partnership}/agreement`, { content: { ...current.content, meetingCadence: 'Weekly' }, baseVersion: current.version }) };
  },
  'agreement.sign': async (c, s) => {
    const coach = await client('coach');
    const current = (await coach.get(`/api/partnerships/${s.partnership}/agreement`)).json().current;
    const saved = (await coach.put(`/api/partnerships/${s.partnership}/agreement`, { content: { ...current.content, meetingCadence: 'Fortnightly' }, baseVersion: current.version })).json().current;
    return { res: await c.post(`/api/partnerships/${s.partnership}/agreement/signatures`, { version: saved.version, contentHash: saved.contentHash }) };
  },
  'agreement.export': async (c, s) => ({ res: await c.get(`/api/partnerships/${s.partnership}/agreement.pdf`) }),
  'note.list': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/notes`);
    return { res, included: res.statusCode === 200 ? res.json().items.some((n: { id: string }) => n.id === s.note) : undefined };
  },
  'note.create': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/notes`, { body: 'A new note' }) }),
  'note.read': async (c, s) => ({ res: await c.get(`/api/notes/${s.note}`) }),
  'note.edit': async (c, s) => ({ res: await c.patch(`/api/notes/${s.note}`, { body: 'Edited' }) }),
  'meeting.view': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/meetings`);
    const found = res.statusCode === 200 ? res.json().items.find((m: { id: string }) => m.id === s.meeting) : undefined;
    return { res, contentPresent: !!found && 'agenda' in found };
  },
  'meeting.schedule': async (c, s) => {
    const start = w.clock.now().getTime() + 3 * 86400_000;
    return { res: await c.post(`/api/partnerships/${s.partnership}/meetings`, { kind: 'observation', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 1800_000).toISOString() }) };
  },
  'meeting.change': async (c, s) => ({ res: await c.post(`/api/meetings/${s.meeting}/cancellation`, { reason: 'Fire drill' }) }),
  'celebration.list': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/celebrations`);
    return { res, included: res.statusCode === 200 ? res.json().items.some((x: { id: string }) => x.id === s.celebration) : undefined };
  },
  'celebration.create': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/celebrations`, { kind: 'progress', text: 'Three children asked their own questions.', subjectId: fx.people.coachee }) }),
  'celebration.read': async (c, s) => ({ res: await c.get(`/api/celebrations/${s.celebration}`) }),
  'strengths.list': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/strengths`);
    return { res, included: res.statusCode === 200 ? res.json().entries.some((x: { id: string }) => x.id === s.strength) : undefined };
  },
  'strengths.rate': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/strengths/ratings`, { ratings: [{ practiceId: fx.practiceA, level: 2, comment: 'Trying it at circle' }] }) }),
  'strengths.add': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/strengths`, { type: 'priority', text: 'Calmer transitions', subjectId: fx.people.coachee }) }),
  'strengths.read': async (c, s) => ({ res: await c.get(`/api/strengths/${s.strength}`) }),
  'plan.list': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/observation-plans`);
    return { res, included: res.statusCode === 200 ? res.json().items.some((x: { id: string }) => x.id === s.plan) : undefined };
  },
  'plan.create': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/observation-plans`, { focus: 'Transitions', mode: 'recorded', subjectId: fx.people.coachee, dataForm: { method: 'duration', fields: ['Tidy-up time'] } }) }),
  'plan.read': async (c, s) => ({ res: await c.get(`/api/observation-plans/${s.plan}`) }),
  'plan.edit': async (c, s) => ({ res: await c.put(`/api/observation-plans/${s.plan}`, { focus: 'Questions during read-aloud and songs', mode: 'live', dataForm: { method: 'event_count', fields: ['Open question'] }, baseVersion: s.planVersion }) }),
  'plan.confirm': async (c, s) => ({ res: await c.post(`/api/observation-plans/${s.plan}/confirmation`, { baseVersion: s.planVersion }) }),
  'reflection.list': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/reflections`);
    return { res, included: res.statusCode === 200 ? res.json().items.some((x: { id: string }) => x.id === s.reflection) : undefined };
  },
  'reflection.create': async (c, s, who) => {
    const key = who === 'coachee' ? 'keep' : 'described';
    return { res: await c.post(`/api/partnerships/${s.partnership}/reflections`, { answers: [{ key, answer: 'Waiting five seconds helped.' }], subjectId: fx.people.coachee }) };
  },
  'reflection.read': async (c, s) => ({ res: await c.get(`/api/reflections/${s.reflection}`) }),
  'message.list': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/messages`);
    return { res, included: res.statusCode === 200 ? res.json().items.some((x: { id: string }) => x.id === s.request) : undefined };
  },
  'message.create': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/messages`, { body: 'See you Thursday!' }) }),
  'message.fulfil': async (c, s) => ({ res: await c.post(`/api/messages/${s.request}/fulfilment`, { note: 'Sent by e-mail' }) }),
  'concern.list': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/concerns`);
    return { res, included: res.statusCode === 200 ? res.json().items.some((x: { id: string }) => x.id === s.concern) : undefined };
  },
  'concern.create': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/concerns`, { description: 'Planning time keeps being cancelled.', subjectId: fx.people.coachee }) }),
  'concern.read': async (c, s) => ({ res: await c.get(`/api/concerns/${s.concern}`) }),
  'concern.readEscalated': async (c, s) => ({ res: await c.get(`/api/concerns/${s.concern}`) }),
  'concern.inbox': async (c, s) => {
    const res = await c.get('/api/me/escalated-concerns');
    return { res, included: res.statusCode === 200 ? res.json().items.some((x: { id: string }) => x.id === s.concern) : undefined };
  },
  'concern.followUp': async (c, s) => ({ res: await c.post(`/api/concerns/${s.concern}/discussion`, { summary: 'We talked it over.', discussedOn: w.clock.now().toISOString().slice(0, 10) }) }),
  'goal.list': async (c, s) => {
    const res = await c.get(`/api/partnerships/${s.partnership}/goals`);
    return { res, included: res.statusCode === 200 ? res.json().items.some((g: { id: string }) => g.id === s.goal) : undefined };
  },
  'goal.create': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/goals`, { title: 'Calmer transitions', subjectId: fx.people.coachee }) }),
  'goal.read': async (c, s) => ({ res: await c.get(`/api/goals/${s.goal}`) }),
  'goal.edit': async (c, s) => ({ res: await c.put(`/api/goals/${s.goal}`, { title: 'More children answer open questions in circle', baseVersion: s.goalVersion }) }),
  'goal.decide': async (c, s) => ({ res: await c.post(`/api/goals/${s.goal}/status`, { to: 'active', baseVersion: s.goalVersion }) }),
  'share.create': async (c, s) => ({ res: await c.post(`/api/partnerships/${s.partnership}/shares`, { granteeId: fx.people.supervisorOfCoachee, itemType: 'note', itemId: s.note }) }),
  'share.list': async (c, s) => ({ res: await c.get(`/api/partnerships/${s.partnership}/shares`) }),
  'share.revoke': async (c, s) => {
    const coachee = await client('coachee');
    const share = await coachee.post(`/api/partnerships/${s.partnership}/shares`, { granteeId: fx.people.supervisorOfCoachee, itemType: 'note', itemId: s.note });
    expect(share.statusCode).toBe(201);
    return { res: await c.delete(`/api/shares/${share.json().id}`) };
  },
  'share.read': async (c, s) => {
    const res = await c.get('/api/shared-with-me?limit=100');
    return { res, included: res.statusCode === 200 && res.json().items.some((i: { itemId: string }) => i.itemId === s.note) };
  },
  'accessLog.read': async (c, s) => {
    expect((await (await client('coach')).get(`/api/notes/${s.note}`)).statusCode).toBe(200);
    const res = await c.get('/api/access-log?limit=100');
    return { res, included: res.statusCode === 200 && res.json().items.some((e: { itemId: string; actorId: string }) => e.itemId === s.note && e.actorId === fx.people.coach) };
  },
};

function verify(row: Row, o: Observation) {
  const { res } = o;
  const why = `${row.who} ${row.action} [share: ${row.share}] → ${res.statusCode} ${res.body.slice(0, 300)}`;
  const expectations: Record<Outcome, () => void> = {
    anonymous: () => expect(res.statusCode, why).toBe(401),
    allow: () => {
      expect(res.statusCode, why).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, why).toBeLessThan(300);
      if (o.included !== undefined) expect(o.included, why).toBe(true);
      if (o.contentPresent !== undefined) expect(o.contentPresent, why).toBe(true);
    },
    logistics: () => {
      expect(res.statusCode, why).toBe(200);
      expect(o.contentPresent, why).toBe(false);
    },
    deny: () => {
      if (o.included !== undefined && res.statusCode === 200) {
        expect(o.included, why).toBe(false);
      } else {
        expect(res.statusCode, why).toBe(404);
        expect(res.json(), why).toEqual(NOT_FOUND_BODY);
      }
    },
    reject: () => expect(res.statusCode, why).toBe(422),
  };
  expectations[row.expect]();
}

const title = (r: Row) => {
  const verb = r.expect === 'allow' ? 'lets' : r.expect === 'logistics' ? 'shows logistics only to' : r.expect === 'reject' ? 'refuses' : 'hides it from';
  const suffix = r.expect === 'deny' ? ' (404)' : r.expect === 'anonymous' ? ' (401)' : '';
  return `${r.action}: ${verb} the ${r.who}${r.share !== 'none' ? ` when the share is ${r.share}` : ''}${suffix}`;
};

/** Which item a row's scene needs, by the action's family. */
function kindFor(action: ActionKey): Kind {
  const family = action.split('.')[0];
  if (action === 'concern.readEscalated' || action === 'concern.inbox') return 'concernEscalated';
  const byFamily: Record<string, Kind> = { goal: 'goal', celebration: 'celebration', strengths: 'strength', plan: 'observation_plan', reflection: 'reflection', message: 'message', concern: 'concern' };
  return byFamily[family] ?? 'note';
}

describe('permission matrix', () => {
  it.each(MATRIX.map((r) => [title(r), r] as const))('%s', async (_t, row) => {
    const s = await scene(row.share, kindFor(row.action));
    verify(row, await ACTIONS[row.action](await client(row.who), s, row.who));
  });
});
