import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, post, signedInPage, startWorld } from './harness';

/**
 * Launching a program (issue 12, item 8): Eli, a demo teacher with no partnership, opens the
 * program page from Home on a phone and asks for a coach in one step; Lena, the program leader,
 * turns the request into a partnership whose origin reads "Volunteered"; Sam, made Eli's
 * supervisor for this flow, learns nothing of it. Taylor writes a testimonial, consents to show it
 * without her name, Lena approves it, colleagues see it, and it leaves the page the moment Taylor
 * withdraws. Axe on every new page, in English and in Spanish.
 */
describeBrowser('launching a program: the program page, volunteering and testimonials', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);
  const speak = async (page: Page, language: 'en' | 'es') => {
    const me = await (await page.request.get('/api/me')).json();
    const res = await page.request.put('/api/me/language', { data: { language }, headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status()).toBe(200);
  };
  const TESTIMONIAL = 'My coach asked what I noticed before telling me anything. I tried wait time and it stuck.';

  it('lets a teacher with no partnership volunteer in one step, and the leader turn it into a partnership that began "volunteered"', async () => {
    const lena = await as('lena@riverside.example');
    // Sam becomes Eli's supervisor, so the flow can show he learns nothing of her answer.
    const people = (await (await lena.request.get('/api/people?limit=100')).json()).items as Array<{ id: string; email: string }>;
    const id = (email: string) => people.find((p) => p.email === email)!.id;
    await post(lena, '/api/supervision-links', { supervisorId: id('sam@riverside.example'), superviseeId: id('eli@riverside.example') });

    const eli = await as('eli@riverside.example', PHONE);
    await eli.getByRole('link', { name: 'How coaching works here, and how to ask for a coach' }).click();
    await eli.getByRole('heading', { level: 1, name: 'Coaching at Riverside Learning Cooperative' }).waitFor();
    await eli.getByRole('heading', { name: 'Who does what' }).waitFor();
    await eli.getByRole('heading', { name: 'What stays confidential' }).waitFor();
    await eli.getByRole('region', { name: 'Our coaches' }).getByText('Carmen Diaz, Maple Street Elementary').waitFor();
    expect(await eli.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkA11y(eli, 'program page, a teacher with no partnership (phone)');

    await eli.getByText('Preferences (optional)').click();
    await eli.getByLabel('With a coach, one to one').check();
    await eli.getByLabel('A coach you would like to work with').selectOption({ label: 'Jordan Lee, Riverbend Early Learning Center' });
    await eli.getByLabel('When you would like to start').selectOption({ label: 'Later this term' });
    await eli.getByRole('button', { name: 'I’d like a coach' }).click();
    await eli.getByText('Thank you. Your request is with the program leader.').waitFor();
    await eli.getByText('and Jordan Lee will be in touch', { exact: false }).waitFor();
    await eli.getByRole('button', { name: 'Take back my answer' }).waitFor();
    await checkA11y(eli, 'program page, after volunteering (phone)');

    // The supervisor finds nothing: no list, and the API answers 404.
    const sam = await as('sam@riverside.example');
    await sam.goto('/program');
    await sam.getByRole('heading', { level: 1, name: 'Coaching at Riverside Learning Cooperative' }).waitFor();
    expect(await sam.getByRole('heading', { name: 'Teachers who volunteered' }).count()).toBe(0);
    expect(await sam.locator('main').textContent()).not.toContain('Eli Brooks');
    expect((await sam.request.get('/api/program/enrolments')).status()).toBe(404);
    await checkA11y(sam, 'program page, a supervisor');

    await lena.goto('/program');
    const card = lena.getByRole('article', { name: 'Eli Brooks, Riverbend Early Learning Center' });
    await card.waitFor();
    await checkA11y(lena, 'program page, the program leader with a volunteer');
    expect(await card.getByLabel('Coach').inputValue()).toBe(id('jordan@riverside.example'));
    await card.getByRole('button', { name: 'Start the partnership' }).click();
    await lena.getByText('Partnership started with Eli Brooks.').waitFor();
    await card.getByRole('link', { name: 'Open the partnership' }).click();
    await lena.waitForURL((url) => url.pathname.startsWith('/partnerships/'));
    const partnershipId = new URL(lena.url()).pathname.split('/')[2];
    // How it began, on the partnership's "about" view and in the leader's logistics on Home.
    await lena.goto(`/partnerships/${partnershipId}?view=status`);
    await lena.getByText('Volunteered', { exact: false }).first().waitFor();
    await lena.goto('/');
    await lena.getByRole('columnheader', { name: 'How it began' }).waitFor();

    // Eli's partnership shows how it began; her answer now points to it.
    await eli.reload();
    await eli.getByText('Your request became a partnership.').waitFor();
    await eli.getByRole('link', { name: 'Open the partnership' }).click();
    await eli.waitForURL((url) => url.pathname === `/partnerships/${partnershipId}`);
    await eli.goto(`/partnerships/${partnershipId}?view=status`);
    await eli.getByText('Volunteered', { exact: false }).first().waitFor();
    // The supervisor sees the partnership exists, not how it began.
    expect((await (await sam.request.get(`/api/partnerships/${partnershipId}`)).json()).origin).toBeNull();
    await Promise.all([lena.context().close(), eli.context().close(), sam.context().close()]);
  });

  it('shows a testimonial only after its author consents and the leader approves it, and takes it off when consent is withdrawn', async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await taylor.goto('/program');
    await taylor.getByRole('heading', { name: 'Your testimonial' }).waitFor();
    await taylor.getByLabel('Your words').fill(TESTIMONIAL);
    await taylor.getByRole('button', { name: 'Save (only I can see it)' }).click();
    await taylor.getByText('Saved. Only you can see it.').waitFor();
    await taylor.getByText('Only you can see this').first().waitFor();
    await checkA11y(taylor, 'program page, a private testimonial with its consent step (phone)');

    // Not on the page before consent, not even for the leader.
    const lena = await as('lena@riverside.example');
    await lena.goto('/program');
    await lena.getByRole('heading', { name: 'Testimonials to approve' }).waitFor();
    await lena.getByText('No testimonials are waiting.').waitFor();
    expect(await lena.locator('main').textContent()).not.toContain('wait time and it stuck');

    // The consent step: how to be shown, and a box ticked to agree.
    await taylor.getByRole('button', { name: 'Show it to colleagues' }).click();
    await taylor.getByText('Tick the box to say that colleagues may read your words', { exact: false }).first().waitFor();
    await taylor.getByLabel('Without my name').check();
    await taylor.getByLabel('I agree that colleagues in Riverside Learning Cooperative may read these words on the program page.').check();
    await taylor.getByRole('button', { name: 'Show it to colleagues' }).click();
    await taylor.getByText('Waiting for the program leader').first().waitFor();

    await lena.reload();
    await lena.getByText(TESTIMONIAL).waitFor();
    await lena.getByRole('button', { name: 'Put it on the page' }).click();
    await lena.getByText('It is on the program page.').waitFor();
    await checkA11y(lena, 'program page, the leader with a testimonial to approve');

    const grace = await as('grace@riverside.example');
    await grace.goto('/program');
    const says = grace.getByRole('region', { name: 'What colleagues say' });
    await says.getByText(TESTIMONIAL).waitFor();
    await says.getByText('A teacher in the program', { exact: false }).waitFor();
    expect(await says.textContent()).not.toContain('Taylor');

    await taylor.reload();
    await taylor.getByText('On the program page').first().waitFor();
    await taylor.getByRole('button', { name: 'Stop showing it' }).click();
    await taylor.getByText('It is no longer shown to anyone but you.').waitFor();
    await grace.reload();
    await grace.getByRole('heading', { name: 'What colleagues say' }).waitFor();
    await grace.getByText('No testimonials yet.').waitFor();
    expect(await grace.locator('main').textContent()).not.toContain('wait time and it stuck');
    expect(JSON.stringify(await (await grace.request.get('/api/program')).json())).not.toContain('wait time and it stuck');
    await Promise.all([taylor.context().close(), lena.context().close(), grace.context().close()]);
  });

  it('reads well in Spanish, for a teacher, an author and the program leader', async () => {
    const grace = await as('grace@riverside.example', PHONE);
    await speak(grace, 'es');
    await grace.goto('/program');
    await grace.getByRole('heading', { level: 1, name: 'El coaching en Riverside Learning Cooperative' }).waitFor();
    await grace.getByRole('button', { name: 'Me gustaría tener coach' }).waitFor();
    await checkA11y(grace, 'program page in Spanish, a teacher (phone)');
    await grace.getByRole('button', { name: 'Ahora no' }).click();
    await grace.getByText('Anotado, con discreción.', { exact: false }).waitFor();
    await checkA11y(grace, 'program page in Spanish, after "not now" (phone)');

    const taylor = await as('taylor@riverside.example', PHONE);
    await speak(taylor, 'es');
    await taylor.goto('/program');
    await taylor.getByRole('heading', { name: 'Tu testimonio' }).waitFor();
    await taylor.getByText('Solo tú lo ves').first().waitFor();
    await checkA11y(taylor, 'program page in Spanish, an author (phone)');

    const lena = await as('lena@riverside.example');
    await speak(lena, 'es');
    await lena.goto('/program');
    await lena.getByRole('heading', { name: 'Docentes que se ofrecieron' }).waitFor();
    await lena.getByRole('heading', { name: 'Testimonios por aprobar' }).waitFor();
    // Grace said "not now": nobody else sees it, not even the leader.
    expect(await lena.getByRole('region', { name: 'Docentes que se ofrecieron' }).textContent()).not.toContain('Grace Kim');
    await checkA11y(lena, 'program page in Spanish, the program leader');
    await Promise.all([grace.context().close(), taylor.context().close(), lena.context().close()]);
  });
});
