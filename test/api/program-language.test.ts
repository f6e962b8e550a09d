/**
 * A program that works in Spanish starts in Spanish: its practice framework, its agreement
 * templates and each new agreement's first draft are written in the organization's language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FORMATS } from '../../shared/src/domain';
import { DEFAULT_COMMITMENTS, firstDraft } from '../../server/src/agreements/defaults';
import { createOrganization } from '../../server/src/org/org.service';
import { TestClock } from '../../server/src/platform/clock';
import { DEFAULT_PRACTICES } from '../../server/src/practices/defaults';
import { type TestDatabase, openTestDatabase } from '../support/db';

let tdb: TestDatabase | undefined;
afterEach(async () => {
  await tdb?.cleanup();
  tdb = undefined;
});

async function organizationIn(language?: 'en' | 'es') {
  tdb = await openTestDatabase();
  const id = await createOrganization(tdb.db, new TestClock(), `Program ${language ?? 'default'}`, language ? { defaultLanguage: language } : {});
  const practices = await tdb.db.selectFrom('practices').select(['name', 'category']).where('org_id', '=', id).orderBy('position').execute();
  const templates = await tdb.db.selectFrom('agreement_templates').select(['format', 'commitments']).where('org_id', '=', id).orderBy('format').execute();
  return { practices, templates: Object.fromEntries(templates.map((t) => [t.format, JSON.parse(t.commitments)])) };
}

describe('the language a program starts in', () => {
  it('gives a Spanish-speaking program its practices and agreement templates in Spanish', async () => {
    const { practices, templates } = await organizationIn('es');
    expect(practices.map((p) => p.name)).toEqual(DEFAULT_PRACTICES.es.map((p) => p.name));
    expect(practices[4].name).toBe('Preguntas abiertas');
    for (const format of FORMATS) expect(templates[format]).toEqual(DEFAULT_COMMITMENTS.es[format]);
    expect(templates.expert.coach[4]).toMatch(/^Seguir siendo un apoyo, no una evaluación/);
  });

  it('keeps English for a program that does not say otherwise', async () => {
    const { practices, templates } = await organizationIn();
    expect(practices.map((p) => p.name)).toEqual(DEFAULT_PRACTICES.en.map((p) => p.name));
    expect(templates.peer).toEqual(DEFAULT_COMMITMENTS.en.peer);
  });

  it('has every default in both languages, line for line', () => {
    expect(DEFAULT_PRACTICES.es.map((p) => p.category === '')).toEqual(DEFAULT_PRACTICES.en.map(() => false));
    for (const format of FORMATS) {
      for (const party of Object.keys(DEFAULT_COMMITMENTS.en[format]) as Array<keyof (typeof DEFAULT_COMMITMENTS.en)[typeof format]>) {
        expect(DEFAULT_COMMITMENTS.es[format][party].length, `${format} ${party}`).toBe(DEFAULT_COMMITMENTS.en[format][party].length);
      }
    }
    const [en, es] = [firstDraft(DEFAULT_COMMITMENTS.en.expert, 'en'), firstDraft(DEFAULT_COMMITMENTS.es.expert, 'es')];
    expect(es.communicationPlan).toHaveLength(en.communicationPlan.length);
    expect(es.guidelines.concerns).toMatch(/^Una preocupación se habla primero/);
  });
});
