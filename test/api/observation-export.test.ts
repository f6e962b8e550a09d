/**
 * An observation's graphics as files (issue 10, item 4): SVG and PNG per tool and the whole visit
 * as a PDF, drawn by the same chart components as the review screen, in the reader's language,
 * only for those who may read the observation, and logged as an export in the coachee's log.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_BODY, type Client, type World, createWorld } from '../support/world';

let w: World;
let c: Client;
let t: Client;
let sup: Client;
let observation: string;
let tmp: string;
const missingPoppler = spawnSync('pdftotext', ['-v']).error;

beforeAll(async () => {
  w = await createWorld();
  const scene = await w.given.expertPartnership();
  [c, t, sup] = await Promise.all([w.as(scene.coach), w.as(scene.coachee), w.as(scene.supervisor)]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-observation-export-'));
  const started = await c.post(`/api/partnerships/${scene.partnership}/observations`, {
    focus: 'Wait time après questions → answers',
    tools: [
      { tool: 'event_count', categories: ['Open question', 'Praise'] },
      { tool: 'selective_verbatim', categories: ['Open question'], speakers: ['T', 'S1'] },
    ],
  });
  expect(started.statusCode).toBe(201);
  observation = started.json().id;
  const start = w.clock.now().getTime();
  w.clock.set(new Date(start + 20 * 60_000).toISOString());
  const at = (s: number) => new Date(start + s * 1000).toISOString();
  const events = [
    ...Array.from({ length: 7 }, (_, i) => ({ id: randomUUID(), tool: 'event_count', type: 'count', payload: { category: 'Open question' }, deviceAt: at(60 + i * 60) })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: randomUUID(), tool: 'event_count', type: 'count', payload: { category: 'Praise' }, deviceAt: at(100 + i * 90) })),
    { id: randomUUID(), tool: 'selective_verbatim', type: 'line', payload: { text: '¿Qué piensas tú?', speaker: 'T', category: 'Open question' }, deviceAt: at(300) },
  ];
  const sent = await c.post(`/api/observations/${observation}/events`, { events });
  expect(sent.json().accepted).toBe(events.length);
});
afterAll(async () => {
  await w?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('exporting an observation', () => {
  it('gives the coachee each graphic as SVG, the numbers drawn as on the screen', async () => {
    const res = await t.get(`/api/observations/${observation}/graphics/event_count.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="observation-\d{4}-\d{2}-\d{2}-event_count\.svg"/);
    expect(res.headers['cache-control']).toBe('no-store');
    const svg = res.body;
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/data-category="Open question" data-total="7"/);
    expect(svg).toMatch(/data-category="Praise" data-total="3"/);
  });

  it('does not give the supervisor any of it (404), unless the coachee shares it', async () => {
    for (const file of ['graphics/event_count.svg', 'graphics/event_count.png', 'report.pdf']) {
      const res = await sup.get(`/api/observations/${observation}/${file}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND_BODY);
    }
  });

  it('gives a PNG at twice the size, on white', async () => {
    const res = await c.get(`/api/observations/${observation}/graphics/selective_verbatim.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = res.rawPayload;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const svg = (await c.get(`/api/observations/${observation}/graphics/selective_verbatim.svg`)).body;
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    expect(png.readUInt32BE(16)).toBe(width * 2);
  });

  it('answers a tool the visit did not use with not found, and a file it cannot make with which part of the address is wrong', async () => {
    expect((await c.get(`/api/observations/${observation}/graphics/duration.svg`)).statusCode).toBe(404);
    const bad = await c.get(`/api/observations/${observation}/graphics/event_count.gif`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([expect.objectContaining({ path: 'params.file' })]);
  });

  it('prints the whole visit as a PDF with each graphic and its numbers, in the reader\'s language, and logs the export', async ({ skip }) => {
    if (missingPoppler) {
      if (process.env.CI) throw new Error('pdftotext not found: install poppler-utils');
      skip('pdftotext not found');
    }
    const res = await t.get(`/api/observations/${observation}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(tmp, 'en.pdf');
    fs.writeFileSync(file, res.rawPayload);
    if (process.env.KEEP_EXPORT) fs.copyFileSync(file, process.env.KEEP_EXPORT);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Wait time après questions → answers');
    expect(text).toContain('Event count');
    expect(text).toContain('Selective verbatim');
    expect(text).toContain('¿Qué piensas tú?');
    expect(text).toMatch(/Open question\s+7/);
    const log = (await t.get('/api/access-log?limit=100')).json().items as Array<{ action: string; itemType: string; itemId: string; actorId: string }>;
    expect(log.some((e) => e.action === 'export' && e.itemType === 'observation' && e.itemId === observation)).toBe(true);

    expect((await t.put('/api/me/language', { language: 'es' })).statusCode).toBe(200);
    const es = await t.get(`/api/observations/${observation}/report.pdf`);
    fs.writeFileSync(path.join(tmp, 'es.pdf'), es.rawPayload);
    const spanish = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(tmp, 'es.pdf'), '-'], { encoding: 'utf8' });
    expect(spanish).toContain('Una visita en vivo');
    expect(es.headers['content-disposition']).toMatch(/observacion-/);
    expect((await t.put('/api/me/language', { language: 'en' })).statusCode).toBe(200);
  });
});
