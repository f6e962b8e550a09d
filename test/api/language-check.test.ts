/**
 * POST /api/language-check and GET /api/language-check/rules through the real
 * app: signed-in people only, nothing stored or logged, validation answers a
 * person can act on, and a program's extension files from the data directory
 * (a bad one stops the start, naming the file).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLanguage, compileLanguageRules } from '../../shared/src/language-check';
import { ConfigError } from '../../server/src/config';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let coach: Client;
const logLines: string[] = [];

beforeAll(async () => {
  // The app's own log, at its most talkative, to show the checked text never reaches it.
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  w = await createWorld({}, { logger: { level: 'trace', stream } });
  const { coach: coachId } = await w.given.expertPartnership();
  coach = await w.as(coachId);
});
afterAll(() => w?.close());

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-language-check-'));
const writeExtension = (dataDir: string, name: string, content: unknown) => {
  fs.mkdirSync(path.join(dataDir, 'language-check'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'language-check', name), typeof content === 'string' ? content : JSON.stringify(content));
};

describe('POST /api/language-check', () => {
  it('answers 401 to someone not signed in', async () => {
    const res = await w.anonymous.post('/api/language-check', { text: 'Great job!', language: 'en' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('NOT_SIGNED_IN');
    expect((await w.anonymous.get('/api/language-check/rules?language=en')).statusCode).toBe(401);
  });

  it('refuses a request without the CSRF token, like every other POST', async () => {
    // The coach's own session cookie, without the x-csrf-token header the client adds.
    const cookie = (await coach.get('/api/me')).raw.req.headers.cookie as string;
    expect(cookie).toContain('=');
    const res = await w.app.inject({ method: 'POST', url: '/api/language-check', headers: { 'content-type': 'application/json', cookie }, payload: JSON.stringify({ text: 'Great job!', language: 'en' }) });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });

  it('flags a coach\'s text with kinds, exact spans, explanations and rewrites', async () => {
    const text = 'I saw four children raise their hands. The lesson was boring; next time, you should wait longer. Good job!';
    const res = await coach.post('/api/language-check', { text, language: 'en' });
    expect(res.statusCode).toBe(200);
    const { flags } = res.json();
    expect(flags.map((f: { kind: string; text: string }) => [f.kind, f.text])).toEqual([
      ['evaluative', 'boring'],
      ['advice', 'next time'],
      ['advice', 'you should'],
      ['vague_praise', 'Good job'],
    ]);
    for (const f of flags) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f).toEqual({ kind: expect.any(String), ruleId: expect.stringMatching(/^en\./), start: expect.any(Number), end: expect.any(Number), text: expect.any(String), explanation: expect.any(String), rewrite: expect.any(String) });
    }
    expect((await coach.post('/api/language-check', { text: 'You asked 6 open questions.', language: 'en' })).json()).toEqual({ flags: [] });
  });

  it('checks Spanish, with its own explanations', async () => {
    const res = await coach.post('/api/language-check', { text: 'La clase fue aburrida. Deberías esperar más.', language: 'es' });
    expect(res.statusCode).toBe(200);
    expect(res.json().flags).toMatchObject([
      { kind: 'evaluative', text: 'aburrida', ruleId: 'es.evaluative.calidad', explanation: expect.stringContaining('clase') },
      { kind: 'advice', text: 'Deberías', ruleId: 'es.advice.deber' },
    ]);
  });

  it('answers 400 with the field and what to fix: missing text, unknown language, too long', async () => {
    const missing = await coach.post('/api/language-check', { language: 'en' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.text', message: 'This is required.' }] });
    const unknown = await coach.post('/api/language-check', { text: 'Hola', language: 'fr' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.language', message: 'Choose one of the options.' }] });
    const long = await coach.post('/api/language-check', { text: 'a'.repeat(100_001), language: 'en' });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.text', message: 'Keep this under 100000 characters.' }] });
    // The longest text allowed goes through, even in a script that takes three bytes a character.
    const longest = await coach.post('/api/language-check', { text: `${'語'.repeat(99_990)} boring`, language: 'en' });
    expect(longest.statusCode).toBe(200);
    expect(longest.json().flags).toMatchObject([{ kind: 'evaluative', start: 99_991, end: 99_997 }]);
    expect((await coach.get('/api/language-check/rules?language=de')).statusCode).toBe(400);
  });

  it('stores nothing and logs nothing: no access-log row, and the text never reaches the app log', async () => {
    const count = async () => Number((await w.db.selectFrom('access_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const marker = 'Zebracorn-7731 was a boring lesson';
    expect((await coach.post('/api/language-check', { text: marker, language: 'en' })).statusCode).toBe(200);
    expect((await coach.post('/api/language-check', { text: marker, language: 'fr' })).statusCode).toBe(400);
    expect(await count()).toBe(before);
    // The log is live (a line written through the app's logger arrives), and the text is not in it.
    w.app.log.info('language-check probe');
    expect(logLines.join('')).toContain('language-check probe');
    expect(logLines.join('')).not.toContain('Zebracorn');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await w.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/language-check'].post.requestBody.content['application/json'].schema.required).toEqual(['text', 'language']);
    expect(doc.paths['/api/language-check/rules'].get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'language', in: 'query' })]));
  });
});

describe('GET /api/language-check/rules', () => {
  it('gives the browser the rules in force, so it flags exactly what the server flags', async () => {
    const res = await coach.get('/api/language-check/rules?language=es');
    expect(res.statusCode).toBe(200);
    const { language, sets } = res.json();
    expect(language).toBe('es');
    expect(sets.map((s: { language: string }) => s.language)).toEqual(['es']);
    const text = '¡Muy bien! Yo nunca dejaría que eligieran pareja; le daría un 3 de 4. Vi a 4 niños levantar la mano.';
    const server = (await coach.post('/api/language-check', { text, language: 'es' })).json().flags;
    expect(server.length).toBeGreaterThan(2);
    expect(checkLanguage(text, 'es', compileLanguageRules(sets))).toEqual(server);
  });
});

describe('extension files in <dataDir>/language-check', () => {
  it('are used by the check and sent with the rules', async () => {
    const dataDir = tempDir();
    writeExtension(dataDir, 'riverside.json', {
      language: 'en',
      description: 'Riverside district: words our coaches asked for.',
      rules: [
        { id: 'riverside.evaluative.dreary', kind: 'evaluative', phrases: ['dreary'], explanation: 'A judgement of the lesson, not a description of it.', rewrite: "Describe it instead: 'I saw…'." },
        { extends: 'en.vague-praise.formula', phrases: ['stellar effort'] },
      ],
    });
    const world = await createWorld({ dataDir });
    try {
      const { coach: coachId } = await world.given.expertPartnership();
      const c = await world.as(coachId);
      const res = await c.post('/api/language-check', { text: 'A dreary morning, but a stellar effort.', language: 'en' });
      expect(res.json().flags).toMatchObject([
        { kind: 'evaluative', ruleId: 'riverside.evaluative.dreary', text: 'dreary' },
        { kind: 'vague_praise', ruleId: 'en.vague-praise.formula', text: 'stellar effort' },
      ]);
      const rules = (await c.get('/api/language-check/rules?language=en')).json();
      expect(rules.sets).toHaveLength(2);
      expect(rules.sets[1].description).toBe('Riverside district: words our coaches asked for.');
      // Spanish is untouched by an English file.
      expect((await c.get('/api/language-check/rules?language=es')).json().sets).toHaveLength(1);
    } finally {
      await world.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with a problem stop the start, naming each file and each problem', async () => {
    const dataDir = tempDir();
    writeExtension(dataDir, 'a-broken.json', '{ "language": "en", ');
    writeExtension(dataDir, 'b-wrong.json', { language: 'en', rules: [{ id: 'x', kind: 'judgement', phrases: ['dull'], explanation: 'x', rewrite: 'y' }] });
    writeExtension(dataDir, 'c-unknown.json', { language: 'es', rules: [{ extends: 'es.no.such.rule', phrases: ['soso'] }] });
    try {
      const error = await createWorld({ dataDir }).then(
        (world) => world.close(),
        (e) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toEqual([
        expect.stringMatching(/a-broken\.json: not valid JSON \(/),
        expect.stringMatching(/b-wrong\.json: rules\[0\]\.kind: /),
      ]);
      // Once every file parses, rules that do not fit together are reported by file too.
      fs.rmSync(path.join(dataDir, 'language-check', 'a-broken.json'));
      fs.rmSync(path.join(dataDir, 'language-check', 'b-wrong.json'));
      const next = await createWorld({ dataDir }).then(
        (world) => world.close(),
        (e) => e,
      );
      expect((next as ConfigError).problems).toEqual([`${path.join(dataDir, 'language-check', 'c-unknown.json')}: "extends": "es.no.such.rule" names no Spanish rule; check the id (the built-in ids are in shared/src/language-check/rules.es.json).`]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with a problem make the server exit at start-up with the message', () => {
    const dataDir = tempDir();
    writeExtension(dataDir, 'broken.json', { language: 'en', rules: [{ id: 'x', kind: 'score', phrases: ['[unclosed'], explanation: 'x', rewrite: 'y' }] });
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', BASE_URL: '', WORKERS: '1', LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Tandem cannot start:');
      expect(run.stderr).toContain(`${path.join(dataDir, 'language-check', 'broken.json')}: rules[0].phrases[0]: "[unclosed": a "[" is not closed with "]".`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
