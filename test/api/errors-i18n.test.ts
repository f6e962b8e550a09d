/**
 * Every error answers in the requester's language (issue 9, item 2): the
 * signed-in person's, else the browser's Accept-Language. Codes, statuses and
 * field paths stay the same in every language; English stays as it was. And no
 * error in server/src is written as inline English: they are keys of the
 * catalog (server/src/platform/messages.ts), so the next one is translated too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../server/src/platform/messages';
import { SESSION_COOKIE, createSession } from '../../server/src/platform/sessions';
import { SCHEMA_MESSAGES, schemaMessage } from '../../server/src/platform/validation';
import { type Client, NOT_FOUND_BODY, PASSWORD, type World, createWorld } from '../support/world';

const ROOT = path.resolve(__dirname, '../..');
const at = (w: World, hours: number) => new Date(w.clock.now().getTime() + hours * 3600_000).toISOString();

describe('errors for a signed-in person, in their language', () => {
  let w: World;
  let c: Client;
  let t: Client;
  let partnership: string;
  let coach: string;
  let goal: string;
  let meeting: string;

  beforeAll(async () => {
    w = await createWorld();
    const org = await w.given.organization();
    coach = await w.given.person(org, ['coach'], 'Marta Ruiz');
    const coachee = await w.given.person(org, ['coachee'], 'Ana Gómez');
    partnership = await w.given.partnership(coach, 'expert', [
      { personId: coach, role: 'coach' },
      { personId: coachee, role: 'coachee' },
    ]);
    c = await w.as(coach);
    t = await w.as(coachee);
    goal = (await t.post(`/api/partnerships/${partnership}/goals`, { title: 'Calmer mornings', steps: [] })).json().id;
    meeting = (await c.post(`/api/partnerships/${partnership}/meetings`, { kind: 'coaching_meeting', startsAt: at(w, 48), endsAt: at(w, 49) })).json().id;
    expect((await c.post(`/api/meetings/${meeting}/cancellation`, { reason: 'Training day' })).statusCode).toBe(200);
  });
  afterAll(() => w?.close());

  /** The same requests, each with its answer in Spanish and in English. */
  const samples: Array<{ name: string; send: () => Promise<LightMyRequestResponse>; status: number; es: object; en: object }> = [
    {
      name: 'a field too long (400, with the field)',
      send: () => c.post(`/api/partnerships/${partnership}/notes`, { body: 'x'.repeat(20001) }),
      status: 400,
      es: { code: 'VALIDATION_FAILED', message: 'Revisa, por favor: body.body — Usa menos de 20000 caracteres.', details: [{ path: 'body.body', message: 'Usa menos de 20000 caracteres.' }] },
      en: { code: 'VALIDATION_FAILED', message: 'Please check: body.body — Keep this under 20000 characters.', details: [{ path: 'body.body', message: 'Keep this under 20000 characters.' }] },
    },
    {
      name: "a missing field (zod's own message, by its issue)",
      send: () => c.post(`/api/partnerships/${partnership}/notes`, {}),
      status: 400,
      es: { code: 'VALIDATION_FAILED', details: [{ path: 'body.body', message: 'Falta este dato.' }] },
      en: { code: 'VALIDATION_FAILED', details: [{ path: 'body.body', message: 'This is required.' }] },
    },
    {
      name: 'not found (404)',
      send: () => c.get('/api/partnerships/00000000-0000-4000-8000-000000000000'),
      status: 404,
      es: { code: 'NOT_FOUND', message: 'No lo encontramos, o no tienes acceso.' },
      en: NOT_FOUND_BODY,
    },
    {
      name: 'a session already cancelled (409)',
      send: () => c.post(`/api/meetings/${meeting}/cancellation`, { reason: 'again' }),
      status: 409,
      es: { code: 'CONFLICT', message: 'Esta sesión ya se canceló; no se puede cambiar.' },
      en: { code: 'CONFLICT', message: 'This session is already cancelled; it cannot be changed.' },
    },
    {
      name: 'a move the lifecycle does not allow, listing the allowed ones (409)',
      send: () => c.post(`/api/partnerships/${partnership}/status`, { to: 'building' }),
      status: 409,
      es: { code: 'INVALID_TRANSITION', message: 'Este acompañamiento está «En marcha» y no puede pasar a «Empezando». Desde aquí puede pasar a: «En pausa», «Cerrado».' },
      en: { code: 'INVALID_TRANSITION', message: 'A partnership that is active cannot become building. From active it can become: paused, closed.' },
    },
    {
      name: 'a share with someone already in the partnership, by name (422)',
      send: () => t.post(`/api/partnerships/${partnership}/shares`, { granteeId: coach, itemType: 'goal', itemId: goal }),
      status: 422,
      es: {
        code: 'UNPROCESSABLE',
        message: 'Marta Ruiz ya forma parte de este acompañamiento y puede ver su contenido.',
        details: [{ path: 'granteeId', message: 'Marta Ruiz ya forma parte de este acompañamiento y puede ver su contenido.' }],
      },
      en: {
        code: 'UNPROCESSABLE',
        message: 'Marta Ruiz is already in this partnership and can see its content.',
        details: [{ path: 'granteeId', message: 'Marta Ruiz is already in this partnership and can see its content.' }],
      },
    },
    {
      name: 'a step for a party the partnership does not have, with the parties it has (422)',
      send: () => t.post(`/api/partnerships/${partnership}/goals`, { title: 'x', steps: [{ description: 'Ask for a video', responsible: 'mentor' }] }),
      status: 422,
      es: { code: 'UNPROCESSABLE', message: 'Paso 1: en este acompañamiento nadie tiene el papel «coach mentor/a». Elige entre: persona acompañada, ambas partes, coach.' },
      en: { code: 'UNPROCESSABLE', message: 'Step 1: nobody in this partnership is a "mentor". Choose one of: coachee, both, coach.' },
    },
  ];

  it('answers in Spanish, with the same codes and field paths, once a person chooses Spanish', async () => {
    for (const who of [c, t]) expect((await who.put('/api/me/language', { language: 'es' })).statusCode).toBe(200);
    for (const sample of samples) {
      const res = await sample.send();
      expect(res.statusCode, sample.name).toBe(sample.status);
      expect(res.json(), sample.name).toMatchObject(sample.es);
    }
  });

  it('answers the same requests in English exactly as before for a person who speaks English', async () => {
    for (const who of [c, t]) expect((await who.put('/api/me/language', { language: null })).statusCode).toBe(200);
    for (const sample of samples) {
      const res = await sample.send();
      expect(res.statusCode, sample.name).toBe(sample.status);
      expect(res.json(), sample.name).toMatchObject(sample.en);
    }
  });

  it('follows the person, not the browser: Accept-Language does not override a chosen language', async () => {
    await c.put('/api/me/language', { language: 'en' });
    const res = await w.app.inject({ method: 'GET', url: '/api/partnerships/00000000-0000-4000-8000-000000000000', headers: { cookie: await signedInCookie(w, coach), 'accept-language': 'es' } });
    expect(res.json()).toEqual(NOT_FOUND_BODY);
  });
});

/** A session cookie for a person (the Client keeps its own inside). */
async function signedInCookie(w: World, personId: string): Promise<string> {
  const person = await w.db.selectFrom('people').select('user_id').where('id', '=', personId).executeTakeFirstOrThrow();
  const { token } = await createSession(w.db, w.clock, { idleMinutes: 60, maxHours: 12 }, person.user_id!, personId);
  return `${SESSION_COOKIE}=${token}`;
}

describe('errors before sign-in, in the browser’s language', () => {
  let w: World;
  let email: string;
  const post = (url: string, payload: object, headers: Record<string, string> = {}, ip = '127.0.0.1') =>
    w.app.inject({ method: 'POST', url, remoteAddress: ip, headers: { 'content-type': 'application/json', ...headers }, payload });
  const spanish = { 'accept-language': 'es-MX,es;q=0.9,en;q=0.8' };

  beforeAll(async () => {
    w = await createWorld({ loginRateLimit: 2 });
    const org = await w.given.organization();
    const person = await w.given.person(org, ['coach']);
    email = (await w.db.selectFrom('people').select('email').where('id', '=', person).executeTakeFirstOrThrow()).email;
  });
  afterAll(() => w?.close());

  it('refuses a wrong password, a malformed e-mail and a missing session in Spanish for a Spanish browser', async () => {
    const wrong = await post('/api/auth/login', { email, password: 'not it at all' }, spanish, '192.0.2.1');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Ese correo y esa contraseña no coinciden con ninguna cuenta activa.' });
    const malformed = await post('/api/auth/login', { email: 'nope', password: PASSWORD }, spanish, '192.0.2.2');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().details).toEqual([{ path: 'body.email', message: 'Escribe un correo electrónico válido.' }]);
    const me = await w.app.inject({ method: 'GET', url: '/api/me', headers: spanish });
    expect(me.json()).toEqual({ code: 'NOT_SIGNED_IN', message: 'Inicia sesión para continuar.' });
  });

  it('says the same in English to a browser that asks for English, or for nothing Tandem speaks', async () => {
    const wrong = await post('/api/auth/login', { email, password: 'not it at all' }, { 'accept-language': 'fr-FR' }, '192.0.2.3');
    expect(wrong.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'That e-mail and password do not match an active account.' });
    const malformed = await post('/api/auth/login', { email: 'nope', password: PASSWORD }, {}, '192.0.2.4');
    expect(malformed.json().details).toEqual([{ path: 'body.email', message: 'Enter a valid e-mail address.' }]);
    const me = await w.app.inject({ method: 'GET', url: '/api/me' });
    expect(me.json()).toEqual({ code: 'NOT_SIGNED_IN', message: 'Sign in to continue.' });
  });

  it('limits attempts in the browser’s language (429)', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(await post('/api/auth/login', { email, password: `guess ${i}` }, spanish, '198.51.100.7'));
    expect(codes.at(-1)!.statusCode).toBe(429);
    expect(codes.at(-1)!.json()).toEqual({ code: 'RATE_LIMITED', message: 'Demasiados intentos. Espera un minuto y vuelve a intentarlo.' });
    const english = [];
    for (let i = 0; i < 3; i++) english.push(await post('/api/auth/login', { email: `someone${i}@tandem.test`, password: 'guess' }, {}, '198.51.100.8'));
    expect(english.at(-1)!.json()).toEqual({ code: 'RATE_LIMITED', message: 'Too many attempts. Wait a minute and try again.' });
  });
});

describe('the error catalog', () => {
  it('has a Spanish message of its own for every key', () => {
    const same = Object.keys(errorMessages.en).filter((key) => errorMessages.es[key as keyof typeof errorMessages.es] === errorMessages.en[key as keyof typeof errorMessages.en]);
    expect(same).toEqual([]);
  });

  it('has an entry for every message written in a schema of shared/src/api.ts', () => {
    const api = readFileSync(path.join(ROOT, 'shared/src/api.ts'), 'utf8');
    // Sentences given to zod (.min(1, '…'), message: '…', error: '…'); descriptions are doc comments or .describe('…').
    const written = [...api.matchAll(/(?<!describe\()'([A-Z][^'\n]*\.)'/g)].map((m) => m[1]);
    expect(written.length).toBeGreaterThan(15);
    const missing = [...new Set(written)].filter((text) => !schemaMessage(text));
    expect(missing).toEqual([]);
    // The templated one: text(max).
    expect(api).toContain('`Keep this under ${max} characters.`');
    expect(schemaMessage('Keep this under 500 characters.')).toEqual({ key: 'tooLong', values: { max: '500' } });
    expect(SCHEMA_MESSAGES.length).toBeGreaterThan(0);
  });
});

describe('no error written as inline English', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.ts') && f !== 'messages.ts') files.push(p);
    }
  };
  walk(path.join(ROOT, 'server/src'));

  /** A string literal with a space in it, where an error's catalog key belongs. */
  const RAW = [
    { what: 'unprocessable() with a sentence', pattern: /\bunprocessable\(\s*(['"`])(?:(?!\1)[^\n])*?\s/ },
    { what: 'new AppError() with a sentence', pattern: /\bnew AppError\(\s*'[A-Z_]+',\s*(['"`])(?:(?!\1)[^\n])*?\s/ },
    { what: 'a field detail with a sentence', pattern: /\{\s*path:\s*[^,]+,\s*message:\s*(['"`])(?:(?!\1)[^\n])*?\s/ },
    { what: 'an error body built by hand', pattern: /\.send\(\s*\{\s*code:\s*'[A-Z_]+',\s*message:/ },
  ];

  it('catches the old style (the scan works)', () => {
    const old = [
      "throw unprocessable('Choose a start time in the future.', 'startsAt');",
      'throw unprocessable(`${grantee.name} is already in this partnership.`, \'granteeId\');',
      "throw new AppError('VERSION_CONFLICT', 'Your partner changed this plan.');",
      "throw new AppError('ALREADY_EXISTS', 'x', [{ path: 'body.email', message: 'Already used.' }]);",
      "return reply.status(404).send({ code: 'NOT_FOUND', message: 'Not found.' });",
    ];
    for (const line of old) expect(RAW.some((r) => r.pattern.test(line)), line).toBe(true);
    const now = [
      "throw unprocessable('startInFuture', 'startsAt');",
      "throw unprocessable({ key: 'alreadyInPartnership', values: { name: grantee.name } }, 'granteeId');",
      "throw new AppError('ALREADY_EXISTS', 'leaderEmailTaken', [{ path: 'body.leader.email', message: 'leaderEmailTakenField' }]);",
    ];
    for (const line of now) expect(RAW.some((r) => r.pattern.test(line)), line).toBe(false);
  });

  it('finds every error in server/src written as a catalog key', () => {
    expect(files.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const r of RAW) if (r.pattern.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1} ${r.what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
