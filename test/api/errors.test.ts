/** Bad input gets a clear error and never a 500; nothing is half-written. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let coach: Client;
let partnership: string;

beforeAll(async () => {
  w = await createWorld();
  const org = await w.given.organization();
  const c = await w.given.person(org, ['coach']);
  const t = await w.given.person(org, ['coachee']);
  partnership = await w.given.partnership(c, 'expert', [{ personId: c, role: 'coach' }, { personId: t, role: 'coachee' }]);
  coach = await w.as(c);
});
afterAll(() => w?.close());

describe('bad input', () => {
  it('answers malformed JSON with 400 and a readable message', async () => {
    const csrf = (await coach.get('/api/me')).json().csrfToken;
    const cookie = (await w.db.selectFrom('auth_sessions').select('token_hash').execute()).length; // sessions exist
    expect(cookie).toBeGreaterThan(0);
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, payload: '{"email": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
  });

  it('answers an oversize body with 413', async () => {
    const res = await coach.post(`/api/partnerships/${partnership}/notes`, { body: 'x'.repeat(300 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names the field when a text is too long', async () => {
    const res = await coach.post(`/api/partnerships/${partnership}/notes`, { body: 'x'.repeat(20001) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.body', message: 'Keep this under 20000 characters.' }] });
  });

  it('answers a malformed id with 400 and an unknown id with 404', async () => {
    expect((await coach.get('/api/partnerships/not-a-uuid')).json().code).toBe('VALIDATION_FAILED');
    const missing = await coach.get('/api/partnerships/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await coach.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('rejects a forged page cursor with 400', async () => {
    const res = await coach.get(`/api/partnerships/${partnership}/notes?cursor=garbage`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('cursor');
  });

  it('caps page size at 100', async () => {
    expect((await coach.get('/api/partnerships?limit=1000')).statusCode).toBe(400);
  });

  it('never answers 500 to odd bodies on any route', async () => {
    const bodies = [null, [], 'text', 42, { id: "' OR 1=1 --" }, { body: { nested: true } }, { members: 'all' }, { content: {} }, { to: 'nowhere' }];
    const ids = ['00000000-0000-4000-8000-000000000000', partnership];
    const statuses = new Set<number>();
    for (const route of w.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD')) {
      for (const id of ids) {
        const url = route.url.replace(':id', id).replace(':token', 'x'.repeat(20)).replace(':version', '1').replace(':format', 'expert');
        for (const body of route.method === 'GET' ? [undefined] : bodies) {
          const res =
            route.method === 'GET'
              ? await coach.get(url)
              : await (coach as unknown as Record<string, (u: string, b?: unknown) => Promise<{ statusCode: number }>>)[route.method.toLowerCase()](url, body);
          statuses.add(res.statusCode);
          expect(res.statusCode, `${route.method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
        }
      }
    }
    expect(statuses.has(400)).toBe(true);
  });
});
