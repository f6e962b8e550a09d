import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, signedInPage, startWorld } from './harness';
import { openSection, sectionNav } from './sections';

/** One story, in order: invite → accept → agree and sign → note → share → supervisor reads → withdraw → access log. */
describeBrowser('a coaching partnership from invitation to sharing', () => {
  let world: World;
  let partnershipUrl = '';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);

  it('lets a coach invite a coachee, who accepts', async () => {
    const carmen = await as('carmen@riverside.example');
    await checkA11y(carmen, 'coach home');
    await carmen.getByRole('link', { name: 'Start a partnership' }).click();
    await carmen.getByRole('heading', { name: 'Start a partnership' }).waitFor();
    await expect.poll(() => carmen.locator('.member-row').first().textContent()).toContain('Carmen Diaz (you)');
    await checkA11y(carmen, 'new partnership form');
    await carmen.getByLabel('Add a colleague').fill('Grace');
    await carmen.getByRole('button', { name: 'Choose Grace Kim' }).click();
    await expect.poll(() => carmen.getByLabel('Role of Grace Kim').inputValue()).toBe('coachee');
    await carmen.getByLabel('A message to the people you invite (optional)').fill('Would you like to work on transitions together this term?');
    await checkA11y(carmen, 'new partnership form, filled');
    await carmen.getByRole('button', { name: 'Send the invitations' }).click();
    await carmen.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    partnershipUrl = new URL(carmen.url()).pathname;
    await carmen.getByText('Waiting for answers').first().waitFor();
    await checkA11y(carmen, 'partnership page, invited');
    await carmen.context().close();

    const grace = await as('grace@riverside.example');
    await grace.getByRole('heading', { name: 'Invitations to answer' }).waitFor();
    await checkA11y(grace, 'coachee home with an invitation');
    await grace.getByRole('link', { name: 'Carmen Diaz invited you to an expert coaching partnership' }).click();
    await grace.getByRole('heading', { name: 'You are invited' }).waitFor();
    await expect.poll(() => grace.locator('blockquote').textContent()).toContain('transitions');
    await checkA11y(grace, 'partnership page, answering');
    await grace.getByRole('button', { name: 'Accept' }).click();
    await grace.locator('.status-line').getByText('Getting started').waitFor();
    await checkA11y(grace, 'partnership page, accepted');
    await grace.context().close();
  });

  it('asks everyone to sign again after an edit, and is signed when all have signed', async () => {
    const grace = await as('grace@riverside.example');
    await grace.getByRole('heading', { name: 'Agreements waiting for your signature' }).waitFor();
    await expect.poll(() => grace.locator('.partnership-card', { hasText: 'Carmen Diaz' }).textContent()).toContain('Waiting for your signature');
    await checkA11y(grace, 'coachee home with an agreement to sign');
    await grace.getByRole('link', { name: 'Read and sign the agreement with Carmen Diaz' }).click();
    await grace.waitForURL(`**${partnershipUrl}/agreement`);
    await grace.getByRole('heading', { name: 'Agreement', exact: true }).waitFor();
    await checkA11y(grace, 'agreement, unsigned');
    await grace.getByRole('button', { name: /Sign this version/ }).click();
    await grace.getByText('You signed this version.').waitFor();
    await expect.poll(() => grace.locator('.waiting-banner').textContent()).toContain('Carmen Diaz');

    const carmen = await as('carmen@riverside.example');
    await carmen.goto(`${partnershipUrl}/agreement`);
    await carmen.getByRole('button', { name: 'Edit' }).click();
    await carmen.getByRole('heading', { name: 'Edit the agreement' }).waitFor();
    await checkA11y(carmen, 'agreement edit form');
    await carmen.getByLabel('How often we meet').fill('Every Wednesday, 2:45–3:30 pm');
    await carmen.getByLabel('Cover needed').fill('A floater covers the room for each debrief.');
    const lines = await carmen.locator('.comm-row').count();
    await carmen.getByRole('button', { name: 'Add a line' }).click();
    const n = lines + 1;
    await carmen.getByLabel(`Who (line ${n})`).fill('Grace');
    await carmen.getByLabel(`Tells whom (line ${n})`).fill('Her supervisor');
    await carmen.getByLabel(`What (line ${n})`).fill('That coaching is going ahead, and when');
    await carmen.getByLabel(`How often (line ${n})`).fill('Once a month');
    await carmen.getByRole('button', { name: 'Save as a new version' }).click();
    await carmen.getByText(/Saved as version 2\. Everyone needs to sign/).waitFor();
    await expect.poll(() => carmen.locator('.agreement').textContent()).toContain('Every Wednesday');
    await checkA11y(carmen, 'agreement, new version');
    await carmen.getByRole('button', { name: 'Sign this version (version 2)' }).click();
    await carmen.getByText('You signed this version.').waitFor();
    await carmen.getByRole('link', { name: 'Version 1' }).click();
    await carmen.getByRole('heading', { name: 'Agreement, version 1' }).waitFor();
    await checkA11y(carmen, 'earlier agreement version');
    await carmen.context().close();

    await grace.reload();
    await grace.getByRole('button', { name: 'Sign this version (version 2)' }).click();
    await grace.getByText('Everyone has now signed').waitFor();
    await expect.poll(() => grace.locator('.signed-banner').textContent()).toContain('Signed by everyone');
    // Printing opens the browser's dialog (stubbed here) after noting the print in the coachee's access log.
    await grace.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await grace.getByRole('button', { name: 'Print' }).click();
    await expect.poll(() => grace.locator('body').getAttribute('data-printed')).toBe('yes');
    await expect.poll(() => grace.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toMatch(/agreement\.pdf$/);
    await checkA11y(grace, 'agreement, signed by everyone');
    await grace.goto(`${partnershipUrl}/profile`);
    await grace.getByLabel('Strengths').fill('Calm voice; songs for every transition.');
    await grace.getByLabel('Time').check();
    await grace.getByRole('button', { name: 'Save profile' }).click();
    await grace.getByText('Saved.').waitFor();
    await checkA11y(grace, 'profile');
    await grace.goto('/access-log');
    await grace.getByRole('heading', { name: 'Who has seen my coaching content' }).waitFor();
    expect(await grace.locator('tbody tr', { hasText: 'Grace Kim' }).count()).toBe(0);
    await grace.getByLabel('Include my own reads').check();
    const printed = grace.locator('tbody tr', { hasText: 'Printed' }).first();
    await printed.waitFor();
    await expect.poll(() => printed.textContent()).toContain('Grace Kim');
    await grace.context().close();
  });

  it('lets the coachee share a note with her supervisor, withdraw it, and see who read it', async () => {
    const taylor = await as('taylor@riverside.example');
    await taylor.getByRole('link', { name: /Expert coaching with Carmen Diaz/ }).click();
    await openSection(taylor, 'Notes');
    await taylor.getByRole('heading', { name: 'Notes', exact: true }).waitFor();
    const text = 'Circle time today: eleven children answered with full sentences. I want Sam to see this.';
    await taylor.getByLabel('Write a note').fill(text);
    await taylor.getByRole('button', { name: 'Save note' }).click();
    await taylor.getByText('Your note is saved.').waitFor();
    const note = taylor.locator('article.note', { hasText: 'eleven children' });
    await note.waitFor();
    await checkA11y(taylor, 'notes');
    await note.getByRole('button', { name: 'Share…' }).click();
    // Her supervisor is offered before she types anything.
    const suggestion = note.locator('.picker-results li').first();
    await expect.poll(() => suggestion.textContent()).toContain('your supervisor');
    await expect.poll(() => suggestion.textContent()).toContain('Sam Okafor');
    await note.getByLabel('Share with').fill('Sam');
    await note.getByRole('button', { name: 'Choose Sam Okafor' }).click();
    await note.getByText('Sharing with').waitFor();
    await expect.poll(() => note.locator('.share-form').textContent()).toContain('your supervisor');
    await note.getByLabel('A message to them (optional)').fill('Good news from circle time.');
    await checkA11y(taylor, 'share form');
    await note.getByRole('button', { name: 'Share', exact: true }).click();
    await note.getByText('Sam Okafor can now read this note').waitFor();

    const sam = await as('sam@riverside.example');
    await sam.getByRole('heading', { name: 'Shared with you' }).waitFor();
    // The list names the note by its first words; the whole note comes with "Read".
    const shared = sam.locator('.shared-list li', { hasText: 'Circle time today: eleven children' });
    await shared.getByRole('button', { name: /^Read/ }).click();
    await sam.getByText(text).waitFor();
    await sam.getByText('You cannot see what is said or written in coaching').waitFor();
    await checkA11y(sam, 'supervisor home with a share');
    await sam.getByRole('link', { name: /Taylor Nguyen/ }).first().click();
    await sam.getByText('You see logistics only').waitFor();
    expect(await sectionNav(sam).getByRole('link', { name: 'Notes' }).count()).toBe(0);
    await checkA11y(sam, 'supervisor view of a partnership');

    await openSection(taylor, 'Sharing');
    await taylor.getByRole('heading', { name: 'What you have shared' }).waitFor();
    const shareRow = taylor.locator('tbody tr', { hasText: 'Sam Okafor' }).first();
    await expect.poll(() => shareRow.textContent()).toContain('Circle time today: eleven children');
    await checkA11y(taylor, 'sharing');
    await taylor.getByRole('button', { name: /Withdraw the share with Sam Okafor/ }).click();
    await taylor.getByText('cannot undo reads').waitFor();
    await checkA11y(taylor, 'sharing, confirming withdrawal');
    await taylor.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await taylor.getByText('Withdrawn', { exact: true }).waitFor();

    await sam.goto('/');
    await sam.getByText('Nothing has been shared with you right now.').waitFor();
    expect(await sam.getByText(text).count()).toBe(0);
    await sam.context().close();

    await taylor.goto('/access-log');
    await taylor.getByRole('heading', { name: 'Who has seen my coaching content' }).waitFor();
    const row = taylor.locator('tbody tr', { hasText: 'Sam Okafor' }).first();
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('You shared it with them');
    await checkA11y(taylor, 'access log');
    await taylor.getByLabel('Include my own reads').check();
    await taylor.locator('tbody tr', { hasText: 'Taylor Nguyen' }).first().waitFor();
    await taylor.context().close();
  });

  /** Every section Taylor (the coachee) may open, in the order of the nav. */
  const TAYLOR_SECTIONS = [
    'Overview',
    'Goals',
    'Strengths and needs',
    'Observation plans',
    'Sessions',
    'Agreement',
    'Reflection',
    'Celebrations',
    'Notes',
    'Evidence',
    'Messages',
    'Concerns',
    'Getting to know you',
    'Sharing',
    'Partnership status',
  ];

  // Fourteen sections, each opened, measured and checked by axe: about a minute on a quiet machine.
  it('reaches every section on a phone in one or two taps, always showing where you are', { timeout: 300_000 }, async () => {
    const taylor = await as('taylor@riverside.example', PHONE);
    await checkA11y(taylor, 'home on a phone');
    await taylor.getByRole('link', { name: /Expert coaching with Carmen Diaz/ }).click();
    await taylor.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    const home = new URL(taylor.url()).pathname;
    await taylor.getByRole('heading', { level: 1, name: 'Coaching with Carmen Diaz' }).waitFor();
    // The nav lists exactly what a coachee may open: every section, through its group.
    await expect.poll(() => sectionNav(taylor).locator('.section-list a').allTextContents()).toEqual(TAYLOR_SECTIONS);
    expect(await sectionNav(taylor).getByRole('link').allTextContents()).toEqual(['Overview', 'Plan', 'Meet', 'Reflect', 'Talk', 'About us']);
    await checkA11y(taylor, 'partnership overview on a phone');

    for (const name of TAYLOR_SECTIONS) {
      // From the overview (for the overview itself, from another section).
      await taylor.goto(name === 'Overview' ? `${home}/agreement` : home);
      await taylor.getByRole('heading', { level: 1 }).waitFor();
      const taps = await openSection(taylor, name);
      expect(taps, `taps to reach ${name}`).toBeLessThanOrEqual(2);
      // The current section's name is on screen near the top, marked as the current page.
      const current = sectionNav(taylor).getByRole('link', { name, exact: true });
      expect(await current.getAttribute('aria-current')).toBe('page');
      const box = await current.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= PHONE.height, `${name} is in view`).toBe(true);
      // Focus has moved to the section's first heading.
      await expect.poll(() => taylor.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      await taylor.waitForLoadState('networkidle');
      expect(await taylor.evaluate(() => document.documentElement.scrollWidth), `horizontal overflow on: ${name}`).toBeLessThanOrEqual(PHONE.width);
      await checkA11y(taylor, `${name} on a phone`);
    }
    await taylor.context().close();
  });

  it('names the partnership from the viewer’s side and opens on progress', async () => {
    const taylor = await as('taylor@riverside.example');
    await taylor.getByRole('link', { name: /Expert coaching with Carmen Diaz/ }).click();
    await taylor.getByRole('heading', { level: 1, name: 'Coaching with Carmen Diaz' }).waitFor();
    await expect.poll(() => taylor.title()).toBe('Coaching with Carmen Diaz · Tandem');
    // Progress first: what waits for her, the next session, the goal with its steps done.
    await expect.poll(() => taylor.locator('.waiting-list').textContent()).toContain('An observation plan is waiting for you to confirm before the visit.');
    await expect.poll(() => taylor.locator('.next-session').textContent()).toContain('Coaching meeting');
    const goal = taylor.locator('.overview-goals li', { hasText: 'More children talking during read-aloud' });
    await expect.poll(() => goal.locator('.progress-text').textContent()).toBe('0 of 3 steps done');
    await taylor.getByRole('heading', { name: 'Last reflection' }).waitFor();
    // Pausing and closing are not on the first view.
    expect(await taylor.getByRole('button', { name: 'Change status' }).count()).toBe(0);
    expect(await taylor.getByText('Pause or close the partnership').count()).toBe(0);
    await checkA11y(taylor, 'partnership overview, coachee');
    // They live under About us → Partnership status, behind a disclosure.
    await openSection(taylor, 'Partnership status');
    await taylor.getByRole('heading', { name: 'Partnership status' }).waitFor();
    expect(await taylor.evaluate(() => document.activeElement?.textContent)).toBe('Partnership status');
    const members = taylor.getByRole('list', { name: 'Members' });
    await expect.poll(() => members.textContent()).toContain('Taylor Nguyen (you) — Coachee');
    await taylor.getByText('Pause or close the partnership').click();
    await taylor.getByLabel('New status').waitFor();
    await checkA11y(taylor, 'partnership status, change open');
    await taylor.context().close();

    const carmen = await as('carmen@riverside.example');
    await carmen.getByRole('link', { name: /Expert coaching with Taylor Nguyen/ }).click();
    await carmen.getByRole('heading', { level: 1, name: 'Coaching Taylor Nguyen' }).waitFor();
    await expect.poll(() => carmen.title()).toBe('Coaching Taylor Nguyen · Tandem');
    await expect.poll(() => carmen.locator('.waiting-list').textContent()).toContain('An observation plan is waiting for Taylor Nguyen to confirm before the visit.');
    await checkA11y(carmen, 'partnership overview, coach');
    await carmen.context().close();
  });

  it('shows a supervisor logistics only, and no pause or close', async () => {
    const sam = await as('sam@riverside.example', PHONE);
    await sam.getByRole('link', { name: /Taylor Nguyen/ }).first().click();
    await sam.getByRole('heading', { level: 1, name: 'Taylor Nguyen and Carmen Diaz' }).waitFor();
    await sam.getByText('You see logistics only').waitFor();
    await expect.poll(() => sam.locator('.next-session').textContent()).toContain('Coaching meeting');
    await sam.getByText('Signed by everyone').waitFor();
    await sam.waitForLoadState('networkidle');
    await checkA11y(sam, 'supervisor overview on a phone');
    const seen = [(await sam.locator('main').textContent()) ?? ''];
    expect(await sectionNav(sam).locator('.section-list a').allTextContents()).toEqual(['Overview', 'Sessions', 'Agreement', 'Partnership status']);
    expect(await sam.locator('.overview-goals, .waiting-list').count()).toBe(0);

    expect(await openSection(sam, 'Partnership status')).toBeLessThanOrEqual(2);
    await sam.getByRole('heading', { name: 'Partnership status' }).waitFor();
    await sam.getByRole('heading', { name: 'History' }).waitFor();
    expect(await sam.getByText(/close the partnership/).count()).toBe(0);
    expect(await sam.getByRole('button', { name: 'Change status' }).count()).toBe(0);
    expect(await sam.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkA11y(sam, 'partnership status, supervisor');
    seen.push((await sam.locator('main').textContent()) ?? '');
    for (const text of seen) {
      for (const secret of ['More children talking during read-aloud', 'Who talks during read-aloud', 'Room 4']) expect(text).not.toContain(secret);
    }
    await sam.context().close();
  });
});
