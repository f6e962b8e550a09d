/**
 * The agreement PDF prints what people typed: the embedded font has the
 * glyphs the standard PDF fonts lack (→ used to come out as "!'"), and times
 * read in the organization's time zone. Checked the way a reader sees it:
 * poppler's pdftotext and pdftoppm (Debian's poppler-utils; .ci/run installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_BODY, type World, createWorld } from '../support/world';

const POPPLER = ['pdftotext', 'pdftoppm'] as const;
const missingTools = POPPLER.filter((tool) => spawnSync(tool, ['-v']).error);

let w: World;
let scene: Awaited<ReturnType<World['given']['expertPartnership']>>;
let tmp: string;

beforeAll(async () => {
  w = await createWorld();
  scene = await w.given.expertPartnership();
  await w.db.updateTable('organizations').set({ time_zone: 'America/Chicago' }).where('id', '=', scene.org).execute();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-agreement-pdf-'));
});
afterAll(async () => {
  await w?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Skips outside CI when poppler-utils is not installed; in CI a missing tool is a failure. */
function requirePoppler(skip: (note: string) => never): void {
  if (!missingTools.length) return;
  const note = `${missingTools.join(' and ')} not found: install Debian's poppler-utils (apt-get install -y poppler-utils) to run the agreement PDF checks`;
  if (process.env.CI) throw new Error(note);
  console.warn(note);
  skip(note);
}

describe('the agreement PDF', () => {
  it('prints arrows, accents and Spanish punctuation exactly, with times in the organization\'s zone', async ({ skip }) => {
    requirePoppler(skip);
    w.clock.set('2026-12-08T20:04:00.000Z'); // 14:04 in Chicago; sessions start now so they are still fresh
    const coach = await w.as(scene.coach);
    const coachee = await w.as(scene.coachee);
    const url = `/api/partnerships/${scene.partnership}/agreement`;
    const before = (await coach.get(url)).json().current;
    const saved = await coach.put(url, {
      baseVersion: before.version,
      content: {
        ...before.content,
        commitments: { ...before.content.commitments, coach: ['Preguntar: ¿qué necesitas hoy?', 'Celebrar cada paso: ¡bien hecho!'] },
        meetingCadence: 'Los martes del año escolar, después de clase',
        coverageNeeds: 'Café para la señora Muñoz',
        communicationPlan: [{ from: 'Coach', to: 'Coachee', what: '¿Cómo fue la visita? ¡Gracias!', when: 'el mismo día' }],
        reviewOn: '2027-01-15',
      },
    });
    expect(saved.statusCode).toBe(200);
    const current = saved.json().current;
    w.clock.set('2026-12-08T20:05:00.000Z'); // 14:05 in Chicago
    expect((await coach.post(`${url}/signatures`, { version: current.version, contentHash: current.contentHash })).statusCode).toBe(200);

    const res = await coachee.get(`${url}.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(tmp, 'agreement.pdf');
    fs.writeFileSync(file, res.rawPayload);

    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const text = raw.replace(/\s+/g, ' ');
    expect(text).toContain('Coach → Coachee: ¿Cómo fue la visita? ¡Gracias! (el mismo día)');
    expect(text).toContain('Preguntar: ¿qué necesitas hoy?');
    expect(text).toContain('Celebrar cada paso: ¡bien hecho!');
    expect(text).toContain('We meet: Los martes del año escolar, después de clase');
    expect(text).toContain('Coverage needs: Café para la señora Muñoz');
    expect(text).not.toContain("!'");
    // Dates people read, in the organization's zone; no ISO strings.
    expect(text).toContain(`version ${current.version}, 8 December 2026, 14:04 (America/Chicago)`);
    expect(text).toMatch(/— signed 8 December 2026, 14:05 \(America\/Chicago\)/);
    expect(text).toContain('We review how coaching is going on: 15 January 2027');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(tmp, 'page')]);
    const pngs = fs.readdirSync(tmp).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pngs).toHaveLength(1);
    const png = fs.readFileSync(path.join(tmp, pngs[0]!));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // A blank letter page at 50 dpi compresses to a few hundred bytes; a page of text is far larger.
    expect(png.length).toBeGreaterThan(5_000);
  });

  it('hides the PDF from a supervisor outside the partnership (404)', async () => {
    const supervisor = await w.as(scene.supervisor);
    const res = await supervisor.get(`/api/partnerships/${scene.partnership}/agreement.pdf`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(NOT_FOUND_BODY);
  });
});
