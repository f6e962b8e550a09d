import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AccessEvent, Goal, Meeting, Reflection } from '../../web/src/api';
import { PHONE, type World, checkA11y, describeBrowser, localDay, signedInPage, startWorld } from './harness';
import { openSection, sectionNav } from './sections';

/**
 * One full coaching cycle on a phone, in the demo organization: Taylor (coachee)
 * and Carmen (coach) go from strengths to a goal, an observation with its plan,
 * attendance, reflection with a next step into the goal, and a celebration.
 * Sam (Taylor's supervisor) sees the dates and nothing of the content, and
 * Taylor's access log shows Carmen's reads.
 */
describeBrowser('a full coaching cycle on a phone', () => {
  let world: World;
  const GOAL = 'Every child gets a turn at the water table';
  const GOAL_STEP = 'Put a sand timer beside the water table';
  const AGENDA = 'Watch turn-taking at the water table during free play';
  const FOCUS = 'How children share the water table when the timer runs out.';
  const NOTICED = 'Three children waited a long time and two gave up and left.';
  const NEXT_STEP = 'Show the children the timer at morning circle before free play';
  const HEARD = 'Taylor noticed the children who gave up waiting.';
  const CELEBRATION = 'The sand timer worked: nobody left the water table in tears this week.';
  const PLACE = 'Room 4 (kindergarten)';
  const CONTENT = [GOAL, GOAL_STEP, AGENDA, PLACE, FOCUS, NOTICED, NEXT_STEP, HEARD, CELEBRATION];

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string) => signedInPage(world, email, PHONE);
  /** A section of the partnership, reached as on a phone: through its group when it is not in view. */
  const tab = (page: Page, name: string) => ({ click: () => openSection(page, name) });
  /** The observation's card in one of the session lists (the list shows no plan to find it by). */
  const observationCard = (page: Page, list: string) =>
    page.getByRole('list', { name: list }).locator('article.session-card', { has: page.locator('.session-kind', { hasText: /^Observation$/ }) });

  /** Accessible, and nothing wider than the phone. */
  async function check(page: Page, label: string) {
    await checkA11y(page, `${label} (phone)`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `horizontal overflow on: ${label}`).toBeLessThanOrEqual(PHONE.width);
  }

  // One long flow of ~30 page states: ~90 s on a quiet machine, close to 3 min on a loaded 2-core one.
  it('takes a coach and coachee through one cycle; the supervisor sees logistics only; the coachee sees every read', { timeout: 420_000 }, async () => {
    const [taylor, carmen] = await Promise.all([as('taylor@riverside.example'), as('carmen@riverside.example')]);
    await check(taylor, 'home, coachee');
    await taylor.getByRole('link', { name: /Expert coaching with Carmen Diaz/ }).first().click();
    await taylor.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    const url = new URL(taylor.url()).pathname;
    const partnershipId = url.split('/').at(-1)!;
    await check(taylor, 'partnership overview, coachee');

    // 1. Taylor says where she is with one practice.
    await tab(taylor, 'Strengths and needs').click();
    await taylor.getByRole('button', { name: 'Add how it looks today' }).click();
    const ratingForm = taylor.locator('form.rating-form');
    await ratingForm.getByLabel('Add a practice to rate').selectOption({ label: 'Partnering with families' });
    await ratingForm.getByRole('button', { name: 'Add', exact: true }).click();
    const families = ratingForm.getByRole('group', { name: 'Partnering with families' });
    await families.getByRole('radio', { name: 'Trying it out' }).check();
    await check(taylor, 'rating form');
    await taylor.getByRole('button', { name: 'Save my view' }).click();
    await taylor.getByText('Saved: your view of 1 practice, with today’s date, in your history below.').waitFor();
    await expect.poll(() => taylor.locator('.growth-item', { hasText: 'Partnering with families' }).locator('.growth-text').textContent()).toMatch(/Trying it out \([^)]+\)$/);
    await check(taylor, 'strengths after rating');

    // 2. Taylor writes her own goal with one step: active at once.
    await tab(taylor, 'Goals').click();
    await taylor.getByRole('button', { name: 'Write a goal' }).click();
    await taylor.getByLabel('The goal').fill(GOAL);
    await taylor.getByRole('group', { name: 'Step 1' }).getByLabel('What will happen').fill(GOAL_STEP);
    await check(taylor, 'goal form');
    await taylor.getByRole('button', { name: 'Save the goal' }).click();
    await taylor.getByText(`Your goal “${GOAL}” is saved.`).waitFor();
    const tGoal = taylor.locator('article.goal-card', { hasText: GOAL });
    await expect.poll(() => tGoal.locator('.goal-meta').textContent()).toContain('Active');
    await expect.poll(() => tGoal.locator('.progress-text').textContent()).toBe('0 of 1 step done');
    await check(taylor, 'goals with a new goal');

    // 3. Carmen schedules the observation, three days ahead.
    await carmen.goto(`${url}/sessions`);
    await carmen.getByRole('heading', { name: 'Coming up' }).waitFor();
    await check(carmen, 'sessions, coach');
    await carmen.getByRole('button', { name: 'Schedule a session' }).click();
    await carmen.getByLabel('What kind of session').selectOption('observation');
    const when = carmen.getByRole('group', { name: 'When' });
    await when.getByLabel('Day').fill(localDay(3));
    await when.getByLabel('Start time').fill('10:00');
    await when.getByLabel('End time').fill('10:45');
    await carmen.getByLabel('Where (optional)').fill(PLACE);
    await carmen.getByLabel('What we plan to do (optional)').fill(AGENDA);
    await check(carmen, 'schedule form');
    await carmen.getByRole('button', { name: 'Add to our sessions' }).click();
    await carmen.getByText(/Your observation on .* is on the calendar\./).waitFor();
    const upcoming = observationCard(carmen, 'Sessions coming up');
    await expect.poll(() => upcoming.locator('.session-meta').textContent()).toContain('Scheduled');
    // The plan is not in the list; the answer to scheduling it brought it, so showing it asks the server for nothing more.
    expect(await upcoming.textContent()).not.toContain(AGENDA);
    await upcoming.getByRole('button', { name: /^Show the plan/ }).click();
    await upcoming.getByText(AGENDA).waitFor();
    await check(carmen, 'sessions, observation scheduled');
    const meetings = (await (await carmen.request.get(`/api/partnerships/${partnershipId}/meetings`)).json()) as { items: Meeting[] };
    expect(meetings.items.every((m) => m.agenda === undefined)).toBe(true);
    const meetingId = meetings.items.find((m) => m.kind === 'observation' && m.hasAgenda)!.id;

    // 4. Carmen writes the plan for that visit and Taylor's goal; Taylor sees the data form and confirms it.
    await tab(carmen, 'Observation plans').click();
    await carmen.getByRole('button', { name: 'Plan an observation' }).click();
    const form = carmen.locator('form.plan-form');
    await form.getByLabel('What would you like us to look at together?').fill(FOCUS);
    await form.getByRole('radio', { name: 'Event count' }).check();
    await form.getByRole('radio', { name: 'Live, in the room' }).check();
    await form.getByLabel('The observation visit it prepares (optional)').selectOption(meetingId);
    await form.getByLabel('Goal it serves (optional)').selectOption({ label: GOAL });
    await check(carmen, 'observation plan form');
    await form.getByRole('button', { name: 'Save and ask Taylor to confirm' }).click();
    await carmen.getByText('The plan is saved as a draft. Taylor will see the data form and confirm it before the visit.').waitFor();
    const cPlan = carmen.locator('article.plan-card', { hasText: FOCUS });
    await expect.poll(() => cPlan.locator('.plan-meta').textContent()).toBe('Draft — waiting for Taylor to confirm');
    await expect.poll(() => cPlan.textContent()).toContain(GOAL);
    await check(carmen, 'observation plans with a draft');

    await tab(taylor, 'Observation plans').click();
    const tPlan = taylor.locator('article.plan-card', { hasText: FOCUS });
    await tPlan.getByRole('heading', { name: 'Event count: the form the coach will fill in' }).waitFor();
    await expect.poll(() => tPlan.locator('.data-form-table thead th').allTextContents()).toEqual(['Open question', 'Closed question', 'Specific praise']);
    await check(taylor, 'observation plan to confirm');
    await tPlan.getByRole('button', { name: 'Confirm this plan' }).click();
    await tPlan.getByText('Confirmed. Your partner will gather exactly this data, and nothing else.').waitFor();
    await expect.poll(() => tPlan.locator('.plan-meta').textContent()).toMatch(/^Confirmed by you on /);
    await check(taylor, 'observation plan confirmed');

    // 5. The day of the visit arrives: the server keeps the system clock, so the visit moves into the recent past instead.
    const started = Date.now() - 60 * 60_000;
    if (!world.db) throw new Error('startWorld() gives the test its database.');
    await world.db
      .updateTable('meetings')
      .set({ starts_at: new Date(started).toISOString(), ends_at: new Date(started + 45 * 60_000).toISOString() })
      .where('id', '=', meetingId)
      .execute();

    // 6. Carmen records attendance for both of them; Taylor sees it.
    await tab(carmen, 'Sessions').click();
    const held = observationCard(carmen, 'Past and cancelled sessions');
    await expect.poll(() => held.locator('.session-meta').textContent()).toContain('Waiting for attendance');
    await check(carmen, 'sessions, waiting for attendance');
    await held.getByRole('button', { name: /^Record attendance/ }).click();
    await held.getByRole('group', { name: 'Taylor Nguyen' }).getByLabel('Present').waitFor();
    await check(carmen, 'attendance form');
    await held.getByRole('button', { name: 'Save attendance' }).click();
    await carmen.getByText(/Attendance for the observation on .* is saved\./).waitFor();
    const both = ['Carmen: present, on time, prepared', 'Taylor: present, on time, prepared'];
    await expect.poll(async () => (await held.locator('.follow-list li').allTextContents()).sort()).toEqual(both);
    await expect.poll(() => held.locator('.session-meta').textContent()).toContain('Held');
    await check(carmen, 'sessions, attendance recorded');

    await tab(taylor, 'Sessions').click();
    const tHeld = observationCard(taylor, 'Past and cancelled sessions');
    await expect.poll(async () => (await tHeld.locator('.follow-list li').allTextContents()).sort()).toEqual(both);
    await expect.poll(() => tHeld.locator('.follow-through').textContent()).toContain('Recorded by Carmen Diaz');
    await check(taylor, 'sessions with attendance, coachee');

    // 7. Taylor reflects first, with one next step into her goal; then Carmen.
    await tab(taylor, 'Reflection').click();
    await taylor.getByRole('heading', { level: 3, name: 'Reflections so far' }).waitFor();
    await taylor.getByLabel('The session you are reflecting on (optional)').selectOption(meetingId);
    // The plan linked to the visit comes with it.
    await expect.poll(() => taylor.getByLabel('The observation plan it follows (optional)').locator('option:checked').textContent()).toBe(FOCUS);
    await taylor.getByLabel('Looking at the data, what do you notice first?').fill(NOTICED);
    const steps = taylor.getByRole('group', { name: 'Next steps' });
    await steps.getByRole('button', { name: 'Add a next step' }).click();
    await steps.getByRole('group', { name: 'Next step 1' }).getByLabel('What will happen').fill(NEXT_STEP);
    await taylor.getByLabel('The goal they belong to').selectOption({ label: GOAL });
    await check(taylor, 'reflection form with a next step');
    await taylor.getByRole('button', { name: 'Save my reflection' }).click();
    await expect.poll(() => taylor.locator('.reflection-notice').textContent()).toContain(`Your reflection is saved. 1 next step added to “${GOAL}”`);
    await check(taylor, 'reflection saved, coachee');

    await tab(carmen, 'Reflection').click();
    await carmen.locator('ol.reflection-list > li', { hasText: NOTICED }).waitFor();
    await carmen.getByLabel('The session you are reflecting on (optional)').selectOption(meetingId);
    expect(await carmen.getByText('The coachee reflects first').count()).toBe(0);
    await carmen.getByLabel('What did you hear the coachee notice?').fill(HEARD);
    await check(carmen, 'reflection form, coach');
    await carmen.getByRole('button', { name: 'Save my reflection' }).click();
    await carmen.locator('.reflection-notice').getByText('Your reflection is saved.').waitFor();
    await expect.poll(() => carmen.locator('ol.reflection-list > li').first().textContent()).toContain(HEARD);
    await check(carmen, 'reflections, both voices');

    await tab(taylor, 'Goals').click();
    await expect.poll(() => tGoal.locator('.step-description').allTextContents()).toEqual([GOAL_STEP, NEXT_STEP]);
    await expect.poll(() => tGoal.locator('.progress-text').textContent()).toBe('0 of 2 steps done');
    await check(taylor, 'goal with the next step from reflection');

    // 8. Taylor celebrates progress on her goal.
    await tab(taylor, 'Celebrations').click();
    await taylor.getByRole('heading', { level: 3, name: 'Celebrate something' }).waitFor();
    await taylor.getByRole('radio', { name: 'Progress' }).check();
    await taylor.getByLabel('What happened').fill(CELEBRATION);
    await taylor.getByLabel('Goal it belongs to (optional)').selectOption({ label: GOAL });
    await check(taylor, 'celebration form');
    await taylor.getByRole('button', { name: 'Add to the timeline' }).click();
    await taylor.getByText('Well noticed! Progress is on the timeline').waitFor();
    await expect.poll(() => taylor.locator('ol.celebration-list > li', { hasText: CELEBRATION }).textContent()).toContain(`Goal: ${GOAL}`);
    await check(taylor, 'celebrations with progress');
    await carmen.context().close();

    // 9. Sam supervises Taylor: dates and logistics, never the content — on any page he can reach.
    const sam = await as('sam@riverside.example');
    const seen: [string, string][] = [];
    /** What Sam's screen says once it has loaded, to look for content in later. */
    const look = async (where: string) => {
      await expect.poll(() => sam.locator('main').textContent()).not.toMatch(/Loading/);
      seen.push([where, (await sam.locator('main').textContent()) ?? '']);
    };
    await look('home');
    await check(sam, 'home, supervisor');
    // He reaches it from his home page, under his staff's partnerships.
    await sam.locator(`main a[href="${url}"]`).click();
    await sam.getByText('You see logistics only').waitFor();
    await check(sam, 'partnership overview, supervisor');
    const samSections = await sectionNav(sam).locator('.section-list a').allTextContents();
    expect(samSections).toEqual(['Overview', 'Sessions', 'Agreement', 'Partnership status']);
    await look('overview');
    await tab(sam, 'Sessions').click();
    await sam.getByText('You see dates only').waitFor();
    const samHeld = sam.getByRole('list', { name: 'Past and cancelled sessions' }).locator('article.session-card', { hasText: 'Observation' }).first();
    await expect.poll(() => samHeld.locator('.session-meta').textContent()).toContain('Held');
    await expect.poll(() => samHeld.locator('.session-when').textContent()).toMatch(/\d/);
    // Where they meet is theirs too: a supervisor sees when, not where.
    expect(await samHeld.textContent()).not.toContain(PLACE);
    expect(await sam.getByText('Follow-through').count()).toBe(0);
    expect(await sam.getByRole('button', { name: /attendance/ }).count()).toBe(0);
    await check(sam, 'sessions, supervisor');
    await look('sessions');
    // The content tabs' addresses, typed in, say whose they are and show nothing.
    for (const section of ['agreement', 'strengths', 'goals', 'celebrations', 'observations', 'reflections', 'notes', 'messages', 'concerns', 'profile', 'sharing']) {
      await sam.goto(`${url}/${section}`);
      await sam.getByRole('heading', { level: 1 }).waitFor();
      await sam.waitForLoadState('networkidle');
      await look(section);
      if (section === 'goals') {
        await sam.getByText('Goals belong to the people in this partnership.').waitFor();
        await check(sam, 'goals address, supervisor');
      }
    }
    for (const [where, text] of seen) for (const secret of CONTENT) expect(text, `Sam's ${where} page`).not.toContain(secret);
    // The API agrees: no agenda, place or attendance in what the supervisor's browser receives.
    const samMeetings = (await (await sam.request.get(`/api/partnerships/${partnershipId}/meetings`)).json()) as { items: Meeting[] };
    const samVisit = samMeetings.items.find((m) => m.id === meetingId)!;
    expect(samVisit.status).toBe('held');
    expect(samVisit.agenda).toBeUndefined();
    expect(samVisit.hasAgenda).toBeUndefined();
    expect(samVisit.location).toBeUndefined();
    expect(samVisit.attendance).toBeUndefined();
    expect((await sam.request.get(`/api/partnerships/${partnershipId}/goals`)).status()).toBe(404);
    await sam.context().close();

    // 10. Taylor's access log shows Carmen's reads of her goal, the plan and her reflection.
    await taylor.goto('/access-log');
    await taylor.getByRole('heading', { name: 'Who has seen my coaching content' }).waitFor();
    const byCarmen = taylor.locator('tbody tr').filter({ hasText: 'Carmen Diaz' });
    for (const what of ['A goal and its plan', 'An observation plan', 'A reflection', 'A session agenda']) {
      await expect.poll(() => byCarmen.filter({ hasText: what }).first().textContent()).toContain('Coach');
    }
    await check(taylor, 'access log');
    // And exactly these items: the goal she wrote, the plan for the visit, her reflection on it.
    const goals = (await (await taylor.request.get(`/api/partnerships/${partnershipId}/goals`)).json()) as { items: Goal[] };
    const reflections = (await (await taylor.request.get(`/api/partnerships/${partnershipId}/reflections`)).json()) as { items: Reflection[] };
    const mine = reflections.items.find((r) => r.voice === 'coachee' && r.meetingId === meetingId)!;
    const wanted = { goal: goals.items.find((g) => g.title === GOAL)!.id, observation_plan: mine.planId, reflection: mine.id };
    const carmensReads = new Set<string>();
    let cursor = '';
    do {
      const page = (await (await taylor.request.get(`/api/access-log?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json()) as { items: AccessEvent[]; nextCursor: string | null };
      for (const e of page.items) if (e.actorName === 'Carmen Diaz' && e.action === 'view') carmensReads.add(`${e.itemType}:${e.itemId}`);
      cursor = page.nextCursor ?? '';
    } while (cursor);
    for (const [kind, id] of Object.entries(wanted)) expect(carmensReads, `Carmen's read of the ${kind}`).toContain(`${kind}:${id}`);
    await taylor.context().close();
  });
});
