/**
 * Sign-in protections: attempts are limited by client address (which believes
 * X-Forwarded-For only from listed proxies) and by account, the counters are
 * shared through Redis by every process, and an invitation link says nothing
 * about accounts in other organizations.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config';
import { accountLimitOf, addressKey } from '../../server/src/platform/attempt-limits';
import { DEMO_PASSWORD } from '../../server/src/seed/demo';
import { PASSWORD, type World, createWorld } from '../support/world';

const TOO_MANY = { code: 'RATE_LIMITED', message: 'Too many attempts. Wait a minute and try again.' };

function post(w: World, url: string, payload: object, from: { ip?: string; forwardedFor?: string } = {}) {
  return w.app.inject({
    method: 'POST',
    url,
    remoteAddress: from.ip ?? '127.0.0.1',
    headers: { 'content-type': 'application/json', ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}) },
    payload,
  });
}
const emailOf = async (w: World, personId: string) => (await w.db.selectFrom('people').select('email').where('id', '=', personId).executeTakeFirstOrThrow()).email;

describe('configuration', () => {
  const problemsOf = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      return e.problems;
    }
  };

  it('refuses TRUST_PROXY=true with a message that says what to set instead', () => {
    const [problem] = problemsOf({ TRUST_PROXY: 'true' });
    expect(problem).toMatch(/TRUST_PROXY=true would let any client choose its own address/);
    expect(problem).toMatch(/list the addresses of the proxies/);
  });

  it('refuses hop counts and garbage, listing every bad entry', () => {
    expect(problemsOf({ TRUST_PROXY: '1' })[0]).toMatch(/TRUST_PROXY=1: a number of proxies cannot tell a proxy from a client/);
    const [problem] = problemsOf({ TRUST_PROXY: 'yes, 10.0.0.300, 10.0.0.0/33, 127.0.0.1' });
    expect(problem).toMatch(/^TRUST_PROXY must be false or a comma-separated list/);
    expect(problem).toContain('"yes", "10.0.0.300", "10.0.0.0/33"');
    expect(problem).not.toContain('"127.0.0.1"');
    expect(problemsOf({ TRUST_PROXY: 'true', REDIS_URL: 'http://cache:6379', LOGIN_ACCOUNT_RATE_LIMIT: 'lots' })).toHaveLength(3);
  });

  it('accepts no proxy by default (in production too), or addresses, CIDRs and named ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, ::1 ,fd00::/8,loopback,uniquelocal' }).trustProxy).toEqual(['10.0.0.0/8', '::1', 'fd00::/8', 'loopback', 'uniquelocal']);
  });

  it('keeps counters in memory unless REDIS_URL is set, and gives one account three address budgets by default', () => {
    expect(loadConfig({}).redisUrl).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2', REDIS_KEY_PREFIX: 'school-a:' })).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379/2', redisKeyPrefix: 'school-a:' });
    expect(accountLimitOf(loadConfig({ LOGIN_RATE_LIMIT: '4' }))).toBe(12);
    expect(accountLimitOf(loadConfig({ LOGIN_RATE_LIMIT: '4', LOGIN_ACCOUNT_RATE_LIMIT: '5' }))).toBe(5);
  });

  it('counts an IPv6 client by its /64, and an IPv4-mapped address as IPv4', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });
});

describe('the client address with TRUST_PROXY off (the default)', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld({ loginRateLimit: 3 });
  });
  afterAll(() => w?.close());

  it('ignores X-Forwarded-For: rotating it still runs into the address limit (429, Retry-After)', async () => {
    const codes: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const res = await post(w, '/api/auth/login', { email: `nobody${i}@tandem.test`, password: 'a guess' }, { ip: '198.51.100.9', forwardedFor: `203.0.113.${i}` });
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json()).toEqual(TOO_MANY);
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      }
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('limits password-reset requests from one address the same way', async () => {
    const codes: number[] = [];
    for (let i = 1; i <= 4; i++) codes.push((await post(w, '/api/auth/password-reset', { email: `ghost${i}@tandem.test` }, { ip: '198.51.100.10', forwardedFor: `203.0.113.${i}` })).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]);
  });
});

describe('the client address with TRUST_PROXY listing the proxy', () => {
  let w: World;
  let coachEmail: string;
  let otherEmail: string;
  beforeAll(async () => {
    // The proxy is 127.0.0.1, inject()'s default remote address.
    w = await createWorld({ loginRateLimit: 3, trustProxy: loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy });
    const org = await w.given.organization();
    coachEmail = await emailOf(w, await w.given.person(org, ['coach']));
    otherEmail = await emailOf(w, await w.given.person(org, ['coachee']));
  });
  afterAll(() => w?.close());

  it('gives each forwarded client address its own budget', async () => {
    const codes = async (client: string) => {
      const out: number[] = [];
      for (let i = 1; i <= 4; i++) out.push((await post(w, '/api/auth/login', { email: `someone${i}.${client}@tandem.test`, password: 'a guess' }, { forwardedFor: client })).statusCode);
      return out;
    };
    expect(await codes('203.0.113.1')).toEqual([401, 401, 401, 429]);
    expect(await codes('203.0.113.2')).toEqual([401, 401, 401, 429]);
  });

  it('does not believe X-Forwarded-For from a client that is not a listed proxy', async () => {
    const out: number[] = [];
    for (let i = 1; i <= 4; i++) out.push((await post(w, '/api/auth/login', { email: `direct${i}@tandem.test`, password: 'a guess' }, { ip: '198.51.100.20', forwardedFor: `203.0.113.${50 + i}` })).statusCode);
    expect(out).toEqual([401, 401, 401, 429]);
  });

  it('stops many addresses guessing at one account after the account budget (3 × 3), the right password included', async () => {
    const budget = accountLimitOf(loadConfig({}, { loginRateLimit: 3 }));
    expect(budget).toBe(9);
    const out: number[] = [];
    for (let i = 1; i <= budget; i++) out.push((await post(w, '/api/auth/login', { email: coachEmail, password: `guess number ${i}` }, { forwardedFor: `192.0.2.${i}` })).statusCode);
    expect(out).toEqual(Array(budget).fill(401));
    // Same account, any spelling, any new address: refused, even with the right password (no oracle).
    const blocked = await post(w, '/api/auth/login', { email: ` ${coachEmail.toUpperCase()} `.trim(), password: PASSWORD }, { forwardedFor: '192.0.2.200' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual(TOO_MANY);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('leaves another account alone while one is being guessed at', async () => {
    const res = await post(w, '/api/auth/login', { email: otherEmail, password: PASSWORD }, { forwardedFor: '192.0.2.201' });
    expect(res.statusCode).toBe(200);
  });

  it('lifts the account limit when the minute is over (no lasting lock-out)', async () => {
    w.clock.advance(61_000);
    const res = await post(w, '/api/auth/login', { email: coachEmail, password: PASSWORD }, { forwardedFor: '192.0.2.202' });
    expect(res.statusCode).toBe(200);
  });

  it('limits reset requests per account across addresses, and mails no more than the budget', async () => {
    w.clock.advance(61_000);
    const before = w.mailer.sent.length;
    const out: number[] = [];
    for (let i = 1; i <= 10; i++) out.push((await post(w, '/api/auth/password-reset', { email: otherEmail }, { forwardedFor: `192.0.2.${100 + i}` })).statusCode);
    expect(out).toEqual([...Array(9).fill(202), 429]);
    expect(w.mailer.sent.length - before).toBe(9);
    expect((await post(w, '/api/auth/password-reset', { email: coachEmail }, { forwardedFor: '192.0.2.120' })).statusCode).toBe(202);
  });

  it('limits accepting one invitation across addresses (keyed by the invitation)', async () => {
    const out: number[] = [];
    for (let i = 1; i <= 10; i++) out.push((await post(w, '/api/invitations/accept', { token: 'not-a-real-invitation-token', password: 'a long password' }, { forwardedFor: `192.0.2.${130 + i}` })).statusCode);
    expect(out).toEqual([...Array(9).fill(410), 429]);
  });

  it('counts password tries through an invitation against the account too, so new invitations are no fresh budget', async () => {
    w.clock.advance(61_000);
    for (let i = 1; i <= 9; i++) await post(w, '/api/auth/login', { email: coachEmail, password: `guess ${i}` }, { forwardedFor: `192.0.2.${150 + i}` });
    const otherOrg = await w.given.organization();
    const lead = await w.as(await w.given.person(otherOrg, ['leader']));
    const person = await lead.post('/api/people', { name: 'Same Coach', email: coachEmail, roles: ['coach'] });
    const token = new URL((await lead.post(`/api/people/${person.json().id}/invitations`)).json().url).searchParams.get('token')!;
    const res = await post(w, '/api/invitations/accept', { token, password: PASSWORD }, { forwardedFor: '192.0.2.170' });
    expect(res.statusCode).toBe(429);
    w.clock.advance(61_000);
    expect((await post(w, '/api/invitations/accept', { token, password: PASSWORD }, { forwardedFor: '192.0.2.171' })).statusCode).toBe(200);
  });
});

describe('invitation links', () => {
  let w: World;
  let leader: string;
  let existingEmail: string;
  const people = new Map<string, string>();
  /** A leader of an unrelated organization adds (once) and invites a person by e-mail. */
  const invite = async (email: string, name = 'Invited Person') => {
    const lead = await w.as(leader);
    if (!people.has(email)) {
      const person = await lead.post('/api/people', { name, email, roles: ['coachee'] });
      expect(person.statusCode).toBe(201);
      people.set(email, person.json().id);
    }
    const link = await lead.post(`/api/people/${people.get(email)}/invitations`);
    return new URL(link.json().url).searchParams.get('token')!;
  };
  beforeAll(async () => {
    w = await createWorld();
    // Someone with a Tandem account in another organization...
    existingEmail = await emailOf(w, await w.given.person(await w.given.organization('Elsewhere School'), ['coach']));
    // ...and the leader of an unrelated organization, who may add anyone.
    leader = await w.given.person(await w.given.organization('Curious Academy'), ['leader']);
  });
  afterAll(() => w?.close());

  it('preview the same fields whether or not the e-mail has an account elsewhere', async () => {
    const known = (await w.anonymous.get(`/api/invitations/${await invite(existingEmail, 'Known Person')}`)).json();
    const unknown = (await w.anonymous.get(`/api/invitations/${await invite('brand.new@tandem.test', 'New Person')}`)).json();
    expect(known).toEqual({ organization: 'Curious Academy', name: 'Known Person', email: existingEmail });
    expect(unknown).toEqual({ organization: 'Curious Academy', name: 'New Person', email: 'brand.new@tandem.test' });
  });

  it('answer an accept without a password the same way in both cases', async () => {
    const known = await post(w, '/api/invitations/accept', { token: await invite(existingEmail) });
    const unknown = await post(w, '/api/invitations/accept', { token: await invite('brand.new@tandem.test') });
    expect(known.statusCode).toBe(400);
    expect(known.json()).toEqual(unknown.json());
    expect(known.json().details).toEqual([{ path: 'body.password', message: 'Enter a password.' }]);
  });

  it('link an existing account with its own password, and refuse another password without naming other organizations', async () => {
    const token = await invite(existingEmail);
    const wrong = await post(w, '/api/invitations/accept', { token, password: 'not my password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().message).not.toMatch(/Elsewhere/);
    const joined = await post(w, '/api/invitations/accept', { token, password: PASSWORD, name: 'Known Coach' });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ name: 'Known Coach', organization: 'Curious Academy' });
    expect(joined.json().organizations.map((o: { organization: string }) => o.organization).sort()).toEqual(['Curious Academy', 'Elsewhere School']);
  });

  it('create an account for a new e-mail from the chosen password, the name optional', async () => {
    const token = await invite('brand.new@tandem.test');
    const joined = await post(w, '/api/invitations/accept', { token, password: 'my very first password' });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ name: 'New Person', organization: 'Curious Academy' });
    expect((await post(w, '/api/auth/login', { email: 'brand.new@tandem.test', password: 'my very first password' })).statusCode).toBe(200);
  });
});

describe('when Redis is unreachable', () => {
  it('starts, lets attempts through (fail open) instead of failing them, and closes cleanly', async () => {
    const w = await createWorld({ loginRateLimit: 1, redisUrl: 'redis://127.0.0.1:1' });
    try {
      for (let i = 0; i < 3; i++) expect((await post(w, '/api/auth/login', { email: 'nobody@tandem.test', password: 'a guess' })).statusCode).toBe(401);
    } finally {
      await w.close();
    }
  }, 30_000);
});

// ---------- two real server processes sharing one Redis ----------

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const haveRedis = await redisReachable();
if (!haveRedis) {
  if (process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}; the shared-limit test cannot run in CI without it.`);
  console.warn(`\n[signin-protection] Skipping the two-process test: no Redis at ${REDIS_URL} (start redis-server or set TEST_REDIS_URL).\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!haveRedis)('two server processes with REDIS_URL', () => {
  const prefix = `tandem-test-${randomBytes(6).toString('hex')}:`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-limits-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];

  async function startServer(): Promise<number> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        BASE_URL: '',
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        WORKERS: '1',
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT: '3',
        LOGIN_ACCOUNT_RATE_LIMIT: '3',
        TRUST_PROXY: 'loopback',
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
      const up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (up) return port;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the server did not start within 90 s:\n${output}`);
  }

  const login = (port: number, email: string, forwardedFor: string) =>
    fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email, password: 'not the password' }),
    });

  beforeAll(async () => {
    // One after the other: the first migrates and seeds the shared SQLite file.
    ports.push(await startServer());
    ports.push(await startServer());
  });

  afterAll(async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            const force = setTimeout(() => c.kill('SIGKILL'), 10_000);
            c.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shares one address budget: the process that saw fewer attempts still answers 429', async () => {
    const [a, b] = ports as [number, number];
    const codes = [
      (await login(a, 'nobody1@riverside.example', '203.0.113.7')).status,
      (await login(b, 'nobody2@riverside.example', '203.0.113.7')).status,
      (await login(a, 'nobody3@riverside.example', '203.0.113.7')).status,
    ];
    expect(codes).toEqual([401, 401, 401]);
    const refused = await login(b, 'nobody4@riverside.example', '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(TOO_MANY);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('shares one account budget across processes and addresses', async () => {
    const [a, b] = ports as [number, number];
    const codes = [
      (await login(a, 'lena@riverside.example', '203.0.113.21')).status,
      (await login(b, 'lena@riverside.example', '203.0.113.22')).status,
      (await login(a, 'lena@riverside.example', '203.0.113.23')).status,
    ];
    expect(codes).toEqual([401, 401, 401]);
    expect((await login(b, 'lena@riverside.example', '203.0.113.24')).status).toBe(429);
    // The demo password is no way around it either.
    const right = await fetch(`http://127.0.0.1:${b}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.25' },
      body: JSON.stringify({ email: 'lena@riverside.example', password: DEMO_PASSWORD }),
    });
    expect(right.status).toBe(429);
  });
});
