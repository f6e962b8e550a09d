import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type World, createWorld } from '../support/world';

let w: World;
let org: string;
let leader: string;
let coach: string;
let coachEmail: string;

beforeAll(async () => {
  // Per-account limits have their own tests (signin-protection.test.ts); here only the address limit bites.
  w = await createWorld({ loginRateLimit: 5, loginAccountRateLimit: 1000 });
  org = await w.given.organization();
  leader = await w.given.person(org, ['leader']);
  coach = await w.given.person(org, ['coach']);
  coachEmail = (await w.db.selectFrom('people').select('email').where('id', '=', coach).executeTakeFirstOrThrow()).email;
});
afterAll(() => w?.close());

const login = (email: string, password: string, ip = '10.0.0.1') =>
  w.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers: { 'content-type': 'application/json' }, payload: { email, password } });
const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.find((c) => c.name === 'tandem_session')!.value;
const withCookie = (method: 'GET' | 'POST', url: string, cookie: string, csrf?: string, payload?: object) =>
  w.app.inject({ method, url, headers: { cookie: `tandem_session=${cookie}`, ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload } : {}) });

describe('signing in', () => {
  it('signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await login(coachEmail, PASSWORD, '10.0.0.2');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tandem_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({ personId: coach, roles: ['coach'], mustAcknowledgeRoles: true });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers a wrong password and an unknown e-mail with the same message', async () => {
    const wrong = await login(coachEmail, 'not the password', '10.0.0.3');
    const unknown = await login('nobody@tandem.test', 'whatever', '10.0.0.3');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('limits sign-in attempts per address (429 after the limit)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await login(coachEmail, 'guess', '10.9.9.9')).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    expect((await login(coachEmail, 'guess', '10.9.9.9')).json().code).toBe('RATE_LIMITED');
  });

  it('refuses a state-changing request without the CSRF token (403), accepts it with', async () => {
    const res = await login(coachEmail, PASSWORD, '10.0.0.4');
    const cookie = cookieOf(res);
    const without = await withCookie('POST', '/api/role-descriptions/acknowledgement', cookie, undefined, {});
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_FAILED');
    const ok = await withCookie('POST', '/api/role-descriptions/acknowledgement', cookie, res.json().csrfToken, {});
    expect(ok.statusCode).toBe(200);
  });

  it('ends a session after two idle hours with a clear SESSION_EXPIRED answer', async () => {
    const res = await login(coachEmail, PASSWORD, '10.0.0.5');
    const cookie = cookieOf(res);
    expect((await withCookie('GET', '/api/me', cookie)).statusCode).toBe(200);
    w.clock.advance(121 * 60_000);
    const expired = await withCookie('GET', '/api/me', cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
  });

  it('signs out of one device, and everywhere', async () => {
    const a = await login(coachEmail, PASSWORD, '10.0.0.6');
    const b = await login(coachEmail, PASSWORD, '10.0.0.6');
    expect((await withCookie('POST', '/api/auth/logout', cookieOf(a), a.json().csrfToken, {})).statusCode).toBe(200);
    expect((await withCookie('GET', '/api/me', cookieOf(a))).statusCode).toBe(401);
    expect((await withCookie('GET', '/api/me', cookieOf(b))).statusCode).toBe(200);
    const c = await login(coachEmail, PASSWORD, '10.0.0.6');
    expect((await withCookie('POST', '/api/auth/logout-everywhere', cookieOf(c), c.json().csrfToken, {})).statusCode).toBe(200);
    expect((await withCookie('GET', '/api/me', cookieOf(b))).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('mails a one-time link; the new password works, old sessions end, the link cannot be reused', async () => {
    const before = await login(coachEmail, PASSWORD, '10.0.1.1');
    const asked = await w.app.inject({ method: 'POST', url: '/api/auth/password-reset', headers: { 'content-type': 'application/json' }, payload: { email: coachEmail } });
    expect(asked.statusCode).toBe(202);
    const mail = w.mailer.sent.at(-1)!;
    expect(mail.to).toBe(coachEmail);
    const token = /token=([\w-]+)/.exec(mail.text)![1];
    const done = await w.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', headers: { 'content-type': 'application/json' }, payload: { token, password: 'a brand new password' } });
    expect(done.statusCode).toBe(200);
    expect((await withCookie('GET', '/api/me', cookieOf(before))).statusCode).toBe(401);
    expect((await login(coachEmail, 'a brand new password', '10.0.1.2')).statusCode).toBe(200);
    const again = await w.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', headers: { 'content-type': 'application/json' }, payload: { token, password: 'another password 123' } });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('TOKEN_INVALID');
  });

  it('answers 202 for an unknown e-mail and sends nothing', async () => {
    const count = w.mailer.sent.length;
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/password-reset', headers: { 'content-type': 'application/json' }, payload: { email: 'ghost@tandem.test' } });
    expect(res.statusCode).toBe(202);
    expect(w.mailer.sent.length).toBe(count);
  });

  it('rejects a short new password with a field message', async () => {
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', headers: { 'content-type': 'application/json' }, payload: { token: 'x'.repeat(20), password: 'short' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'body.password', message: 'Use at least 10 characters.' });
  });
});

describe('invitations', () => {
  it('lets a leader add a person and invite them by link; the link sets up the account once', async () => {
    const lead = await w.as(leader);
    const person = await lead.post('/api/people', { name: 'Nia New', email: 'Nia@Tandem.test', roles: ['coachee'] });
    expect(person.statusCode).toBe(201);
    const link = await lead.post(`/api/people/${person.json().id}/invitations`);
    expect(link.statusCode).toBe(201);
    expect(w.mailer.sent.at(-1)!.text).toContain(link.json().url);
    const token = new URL(link.json().url).searchParams.get('token')!;
    const preview = await w.anonymous.get(`/api/invitations/${token}`);
    expect(preview.json()).toEqual({ organization: expect.any(String), name: 'Nia New', email: 'nia@tandem.test' });
    const accepted = await w.app.inject({ method: 'POST', url: '/api/invitations/accept', headers: { 'content-type': 'application/json' }, payload: { token, password: 'nia likes coaching' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ name: 'Nia New', roles: ['coachee'] });
    expect((await login('nia@tandem.test', 'nia likes coaching', '10.0.2.1')).statusCode).toBe(200);
    expect((await w.anonymous.get(`/api/invitations/${token}`)).statusCode).toBe(410);
  });

  it('refuses a duplicate e-mail in the same organization (409)', async () => {
    const lead = await w.as(leader);
    const res = await lead.post('/api/people', { name: 'Copy', email: coachEmail, roles: ['coach'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ALREADY_EXISTS');
  });

  it('ends every session of a person the leader deactivates', async () => {
    const lead = await w.as(leader);
    const person = await w.given.person(org, ['coachee']);
    const them = await w.as(person);
    expect((await them.get('/api/me')).statusCode).toBe(200);
    expect((await lead.patch(`/api/people/${person}`, { active: false })).statusCode).toBe(200);
    expect((await them.get('/api/me')).statusCode).toBe(401);
  });

  it('does not let a leader remove their own leader role', async () => {
    const lead = await w.as(leader);
    const res = await lead.patch(`/api/people/${leader}`, { roles: ['coach'] });
    expect(res.statusCode).toBe(422);
  });
});

describe('role descriptions', () => {
  it('are generated from the who-sees-what map and acknowledged once', async () => {
    const supervisor = await w.given.person(org, ['supervisor']);
    const c = await w.as(supervisor);
    expect((await c.get('/api/me')).json().mustAcknowledgeRoles).toBe(true);
    const res = (await c.get('/api/role-descriptions')).json();
    const mine = res.descriptions.find((d: { isYou: boolean }) => d.isYou);
    expect(mine.party).toBe('supervisor');
    expect(mine.youSee.join(' ')).toMatch(/cannot read coaching content/);
    expect(res.descriptions.map((d: { party: string }) => d.party)).toEqual(['coachee', 'coach', 'mentor', 'supervisor', 'leader']);
    await c.post('/api/role-descriptions/acknowledgement');
    await c.post('/api/role-descriptions/acknowledgement');
    expect((await c.get('/api/me')).json().mustAcknowledgeRoles).toBe(false);
    expect((await c.get('/api/role-descriptions')).json().acknowledgedAt).not.toBeNull();
  });
});
