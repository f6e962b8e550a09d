import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Catalog, Values } from '../../shared/src/i18n';
import { format } from '../../shared/src/i18n-format';
import { m as agreementWords } from '../../web/src/features/agreements/messages';
import { m as directoryWords } from '../../web/src/features/directory/messages';
import { m as goalWords } from '../../web/src/features/goals/messages';
import { m as homeWords } from '../../web/src/features/home/messages';
import { m as partnershipWords } from '../../web/src/features/partnerships/messages';
import { m as startWords } from '../../web/src/features/partnerships/start/messages';
import { m as peopleWords } from '../../web/src/features/people/messages';
import { m as welcomeWords } from '../../web/src/features/session/welcome/messages';
import { m as setupWords } from '../../web/src/features/setup/messages';
import { m as uiWords } from '../../web/src/ui/messages';
import { PHONE, type World, checkA11y, describeBrowser, startWorld } from './harness';
import { openSection, sectionNav } from './sections';

/** A message as the Spanish catalog words it: the test looks for what a Spanish reader sees. */
const es = <K extends string>(catalog: Catalog<K>, key: K, values?: Values) => format('es', catalog, key, values);

/**
 * Small English words that Spanish never uses on its own: any of them on a page read in
 * Spanish is a string shown outside the catalog (or a catalog entry left in English).
 */
const ENGLISH = /(?<!\p{L})(the|and|with|your|you|of|for|this|that|not|yet|what|who|when|will|have|are|is|to|in|on|at|by|an|be|it|please|here|our|my|we|they|from|or|can|saved|waiting|none|nothing|everyone|accepted|declined|invited|started|goals?|steps?|sessions?|agreement|notes?|shared?|signed|sign|open|close|read|write|new|add|edit|save|cancel|yes|partner|partnership|coachee|program)(?!\p{L})/iu;

/** Everything a person can read or hear on the page: its text, and the names and hints given to controls. */
async function readable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((el) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((a) => el.getAttribute(a) ?? '').filter(Boolean),
    );
    // Place names in the time-zone list ("Isle of Man") are names, not words of the app.
    const options = new Set([...document.querySelectorAll('option')].map((o) => o.textContent?.trim()));
    // Code is not prose: CSV column names are shown as they must be typed, in English.
    const code = [...document.querySelectorAll('code, pre, kbd, samp')].map((el) => [el, el.textContent] as const);
    for (const [el] of code) el.textContent = '…';
    const text = document.body.innerText;
    for (const [el, original] of code) el.textContent = original;
    return [document.title, ...text.split('\n'), ...attributes].map((line) => line.trim()).filter((line) => line && !options.has(line));
  });
}

/** The page is in Spanish: its language says so, axe finds nothing, nothing overflows a phone, and no English shows. */
async function checkSpanish(page: Page, where: string) {
  expect(await page.evaluate(() => document.documentElement.lang), where).toBe('es');
  expect(
    (await readable(page)).filter((line) => ENGLISH.test(line)),
    `English on ${where}`,
  ).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `sideways scrolling on ${where}`).toBeLessThanOrEqual(0);
  await checkA11y(page, `${where} (Spanish)`);
}

/**
 * Issue 9's promise, as a Spanish-speaking program lives it: from an empty install, a leader
 * sets up the program in Spanish and invites a coach and a teacher; both join, start a
 * partnership, sign its agreement and write a goal, all on phones, all in Spanish; and the
 * teacher reaches every section of the partnership at 375 px.
 */
describeBrowser('a program that works in Spanish, from an empty install, on phones', () => {
  let world: World;
  const contexts: BrowserContext[] = [];
  const invitations: Record<string, string> = {};
  let partnershipPath = '';

  const ORG = 'Centro Infantil Los Pinos';
  const COACH = 'Marta Ríos';
  const TEACHER = 'Diego Salas';
  const GOAL = 'Más niñas y niños hablan durante la lectura en voz alta';

  /** A phone whose browser prefers Spanish, in Mexico City. */
  async function phone(): Promise<Page> {
    const context = await world.browser.newContext({ baseURL: world.baseUrl, viewport: PHONE, locale: 'es-MX', timezoneId: 'America/Mexico_City' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  let leader: Page;
  let coach: Page;
  let teacher: Page;

  beforeAll(async () => {
    world = await startWorld({ demo: false });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await world?.close();
  });

  it('the leader sets up the program in Spanish and invites a coach and a teacher', async () => {
    leader = await phone();
    await leader.goto('/');
    await leader.getByRole('heading', { level: 1, name: es(setupWords, 'heading') }).waitFor();
    expect(await leader.getByLabel(es(setupWords, 'language')).inputValue()).toBe('es');
    await checkSpanish(leader, 'set-up page');
    await leader.getByLabel(es(setupWords, 'tokenLabel')).fill(world.setupToken!);
    await leader.getByLabel(es(setupWords, 'orgName')).fill(ORG);
    await leader.getByLabel(es(setupWords, 'firstDay')).fill('2026-08-17');
    await leader.getByLabel(es(setupWords, 'lastDay')).fill('2027-06-11');
    await leader.getByLabel(es(setupWords, 'yourName')).fill('Lucía Herrera');
    await leader.getByLabel(es(setupWords, 'yourEmail')).fill('lucia@lospinos.example');
    await leader.getByLabel(es(setupWords, 'password')).fill('nuestro programa empieza hoy');
    await leader.getByRole('button', { name: es(setupWords, 'submit') }).click();
    await leader.waitForURL((url) => url.pathname === '/welcome');
    await checkSpanish(leader, 'role descriptions on first sign-in');
    await leader.getByRole('button', { name: es(welcomeWords, 'understand') }).click();
    await leader.getByRole('heading', { level: 1, name: es(homeWords, 'hello', { name: 'Lucía' }) }).waitFor();
    await checkSpanish(leader, 'the leader’s Home');
    const org = await world.db!.selectFrom('organizations').select(['name', 'default_language', 'time_zone']).executeTakeFirstOrThrow();
    expect(org).toEqual({ name: ORG, default_language: 'es', time_zone: 'America/Mexico_City' });

    await leader.goto('/people');
    await leader.getByRole('heading', { level: 1, name: es(peopleWords, 'title') }).waitFor();
    await checkSpanish(leader, 'people');
    for (const [name, email, role] of [
      [COACH, 'marta@lospinos.example', 'orgRole_coach'],
      [TEACHER, 'diego@lospinos.example', 'orgRole_coachee'],
    ] as const) {
      const add = leader.getByRole('region', { name: es(peopleWords, 'addTitle') });
      await add.getByLabel(es(peopleWords, 'fullName')).fill(name);
      await add.getByRole('textbox', { name: es(peopleWords, 'email') }).fill(email);
      await add.getByRole('checkbox', { name: es(uiWords, role), exact: true }).check();
      await add.getByRole('button', { name: es(peopleWords, 'addPerson') }).click();
      await leader.getByText(es(peopleWords, 'added', { name })).waitFor();
      await leader.getByRole('button', { name: es(peopleWords, 'createLinkFor', { name }) }).click();
      const link = leader.getByLabel(es(peopleWords, 'invitationLinkFor', { name }));
      await expect.poll(() => link.inputValue()).toMatch(/token=/);
      invitations[name] = new URL(await link.inputValue()).searchParams.get('token')!;
      await checkSpanish(leader, `people, ${name} added and invited`);
    }
  });

  it('the coach and the teacher join in Spanish, and the coach starts a partnership the teacher accepts', async () => {
    const join = async (name: string) => {
      const page = await phone();
      await page.goto(`/invitation?token=${invitations[name]}`);
      await page.getByRole('heading', { level: 1, name: es(welcomeWords, 'joinHeading', { organization: ORG }) }).waitFor();
      await checkSpanish(page, `invitation of ${name}`);
      await page.locator('input[type="password"]').fill('una contraseña larga y tranquila');
      await page.getByRole('button', { name: es(welcomeWords, 'join', { organization: ORG }) }).click();
      await page.waitForURL((url) => url.pathname === '/welcome');
      await page.getByRole('button', { name: es(welcomeWords, 'understand') }).click();
      await page.getByRole('heading', { level: 1, name: es(homeWords, 'hello', { name: name.split(' ')[0] }) }).waitFor();
      await checkSpanish(page, `Home of ${name}`);
      return page;
    };
    coach = await join(COACH);
    teacher = await join(TEACHER);

    await coach.goto('/partnerships/new');
    await coach.getByRole('heading', { level: 1, name: es(startWords, 'title') }).waitFor();
    await coach.getByLabel(es(startWords, 'addColleague')).fill('Diego');
    await coach.getByRole('button', { name: es(directoryWords, 'choose', { name: TEACHER }) }).click();
    await expect.poll(() => coach.getByLabel(es(startWords, 'roleOf', { name: TEACHER })).inputValue()).toBe('coachee');
    await checkSpanish(coach, 'a new partnership, filled in');
    await coach.getByRole('button', { name: es(startWords, 'send') }).click();
    await coach.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    partnershipPath = new URL(coach.url()).pathname;
    await checkSpanish(coach, 'the partnership, waiting for an answer');

    await teacher.reload();
    await teacher.getByRole('heading', { name: es(homeWords, 'invitations') }).waitFor();
    await checkSpanish(teacher, 'the teacher’s Home with an invitation');
    await teacher.getByRole('link', { name: es(homeWords, 'invitedYou', { known: 'yes', name: COACH, format: 'expert' }) }).click();
    await teacher.getByRole('heading', { name: es(partnershipWords, 'invitedTitle') }).waitFor();
    await checkSpanish(teacher, 'the invitation to a partnership');
    await teacher.getByRole('button', { name: es(partnershipWords, 'accept'), exact: true }).click();
    await teacher.getByRole('heading', { level: 1, name: es(partnershipWords, 'titleCoachee', { names: COACH }) }).waitFor();
    await expect.poll(() => teacher.getByRole('button', { name: es(partnershipWords, 'accept'), exact: true }).count()).toBe(0);
    await checkSpanish(teacher, 'the partnership, accepted');
  });

  it('both sign the agreement, and the teacher writes her goal, in Spanish', async () => {
    await teacher.goto('/');
    await teacher.getByRole('heading', { name: es(homeWords, 'toSign') }).waitFor();
    await teacher.getByRole('link', { name: es(homeWords, 'signWith', { names: COACH }) }).click();
    await teacher.waitForURL(`**${partnershipPath}/agreement`);
    await teacher.getByRole('button', { name: es(agreementWords, 'sign', { version: 1 }) }).click();
    await teacher.getByText(es(agreementWords, 'signed')).waitFor();
    await checkSpanish(teacher, 'the agreement, signed by the teacher');

    await coach.goto(`${partnershipPath}/agreement`);
    await coach.getByRole('button', { name: es(agreementWords, 'sign', { version: 1 }) }).click();
    await coach.getByText(es(agreementWords, 'signedByAll')).waitFor();
    await checkSpanish(coach, 'the agreement, signed by everyone');

    await teacher.goto(partnershipPath);
    const navLabel = es(partnershipWords, 'navLabel');
    await openSection(teacher, es(partnershipWords, 'section_goals'), navLabel);
    await teacher.getByRole('button', { name: es(goalWords, 'write') }).click();
    await teacher.getByLabel(es(goalWords, 'goalLabel')).fill(GOAL);
    const step = teacher.getByRole('group', { name: es(goalWords, 'stepLegend', { number: 1 }) });
    await step.getByLabel(es(goalWords, 'whatHappens')).fill('Preparar tres preguntas abiertas antes de leer');
    await step.getByLabel(es(goalWords, 'whoDoes')).selectOption('coachee');
    await checkSpanish(teacher, 'a goal being written');
    await teacher.getByRole('button', { name: es(goalWords, 'saveGoal') }).click();
    await teacher.getByText(es(goalWords, 'goalSaved', { title: GOAL })).waitFor();
    await checkSpanish(teacher, 'the goals, one saved');
    const goal = await world.db!.selectFrom('goals').select(['title', 'status']).executeTakeFirstOrThrow();
    expect(goal).toEqual({ title: GOAL, status: 'active' });
  });

  it('the teacher reaches every section of the partnership at 375 px, each in Spanish', async () => {
    const navLabel = es(partnershipWords, 'navLabel');
    await teacher.goto(partnershipPath);
    await sectionNav(teacher, navLabel).locator('.section-list a').first().waitFor({ state: 'attached' });
    const names = await sectionNav(teacher, navLabel).locator('.section-list a').allTextContents();
    // Every section a member has (sharing too: the teacher is the coachee).
    expect(names).toHaveLength(15);
    for (const name of names) {
      const taps = await openSection(teacher, name, navLabel);
      expect(taps, `taps to ${name}`).toBeLessThanOrEqual(2);
      await checkSpanish(teacher, `the section “${name}”`);
    }
  });
});
