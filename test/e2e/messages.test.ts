import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, signedInPage, startWorld } from './harness';
import { openSection } from './sections';

/** A state-changing API call as the signed-in person of this page (same cookies, with the CSRF header). */
async function post(page: Page, url: string, data: unknown) {
  const me = await (await page.request.get('/api/me')).json();
  const response = await page.request.post(url, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
  return response.json();
}

/**
 * Messages and resource requests in the peer partnership (Priya and Ben, with
 * Morgan as mentor coach). Seeded: two days ago Priya asked Morgan for a video.
 * Morgan sees it on Home with how long it has waited and marks it fulfilled;
 * Priya sees when and by whom. She asks Ben for something too.
 */
describeBrowser('messages and resource requests', () => {
  let world: World;
  let messagesUrl = '';
  const HELLO = 'Hello both! Looking forward to Thursday.';
  const SEEDED = 'Could you send us a short video of turn-and-talk with four-year-olds?';
  const REQUEST = 'Could you lend me your set of question stem cards for Thursday?';
  const NOTE = 'Sent you a link by e-mail: the second clip is the best one.';
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const as = (email: string, viewport?: { width: number; height: number }) => signedInPage(world, email, viewport);
  const attention = (page: Page, name: string) => page.getByRole('region', { name: 'What needs your attention' }).getByRole('region', { name });
  const message = (page: Page, text: string) => page.locator('ol.message-list > li', { hasText: text });
  /** Home's attention panel has answered (whatever it holds). */
  const attentionLoaded = (page: Page) => page.getByText('Loading what needs your attention…').waitFor({ state: 'detached' });

  async function openMessages(page: Page) {
    if (messagesUrl) {
      await page.goto(messagesUrl);
    } else {
      await page.getByRole('link', { name: /^Peer coaching with .*Ben Carter/ }).first().click();
      await openSection(page, 'Messages');
      await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}\/messages$/);
      messagesUrl = new URL(page.url()).pathname;
    }
    await page.getByRole('heading', { level: 2, name: 'Messages' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Write a message' }).waitFor();
  }

  it('lets a peer coach ask for resources, and the people asked see the wait on Home and mark them fulfilled', async () => {
    const priya = await as('priya@riverside.example');
    await openMessages(priya);
    // Seeded: two days ago Priya asked Morgan, the mentor coach, for a video.
    const seeded = message(priya, SEEDED);
    await expect.poll(() => seeded.textContent()).toContain('Resource request for Morgan');
    await expect.poll(() => seeded.textContent()).toContain('Waiting 2 days');
    // It waits for Morgan, not for her.
    expect(await priya.getByText(/waiting for you/).count()).toBe(0);
    await checkA11y(priya, 'messages tab with a waiting request');

    // An empty message is not sent; the form says why and keeps focus on it.
    await priya.getByRole('button', { name: 'Send', exact: true }).click();
    await priya.getByText('Write your message first.').waitFor();
    await expect.poll(() => priya.getByLabel('Your message').evaluate((el) => el === document.activeElement)).toBe(true);

    // A message to everyone.
    await priya.getByLabel('Your message').fill(HELLO);
    await priya.getByRole('button', { name: 'Send', exact: true }).click();
    await priya.getByText('Sent.', { exact: true }).waitFor();
    await expect.poll(() => message(priya, HELLO).textContent()).toContain('You');
    expect(await priya.getByLabel('Your message').inputValue()).toBe('');
    await expect.poll(() => priya.getByLabel('Your message').evaluate((el) => el === document.activeElement)).toBe(true);
    // Oldest at the top: the seeded request, then the greeting.
    await expect.poll(() => priya.locator('ol.message-list > li').first().textContent()).toContain(SEEDED);
    await expect.poll(() => priya.locator('ol.message-list > li').last().textContent()).toContain(HELLO);

    // A request: the "Ask" choice appears, with the mentor coach first; Priya asks Ben this time.
    expect(await priya.getByLabel('Ask').count()).toBe(0);
    await priya.getByLabel('This is a request for a resource').check();
    const ask = priya.getByLabel('Ask');
    await ask.waitFor();
    expect(await ask.locator('option:checked').textContent()).toBe('Morgan Blake (mentor coach)');
    await checkA11y(priya, 'message form, as a request');
    await ask.selectOption({ label: 'Ben Carter (peer coach)' });
    await priya.getByLabel('What would help you?').fill(REQUEST);
    await priya.getByRole('button', { name: 'Send the request' }).click();
    await priya.getByText('Your request is on its way to Ben.').waitFor();
    const request = message(priya, REQUEST);
    await expect.poll(() => request.textContent()).toContain('Resource request for Ben');
    await expect.poll(() => request.textContent()).toContain('Waiting less than an hour');
    // The one who asked may also mark it fulfilled (if it arrived another way).
    expect(await request.getByRole('button', { name: /^Mark fulfilled…/ }).count()).toBe(1);

    // On Home, both of Priya's requests are listed as asked by her, with their waits, and without their words.
    await priya.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    const mine = attention(priya, 'Resource requests');
    await mine.getByRole('heading', { name: 'Asked by you' }).waitFor();
    await mine.getByRole('link', { name: 'You asked Morgan for a resource' }).waitFor();
    await mine.getByRole('link', { name: 'You asked Ben for a resource' }).waitFor();
    await expect.poll(() => mine.locator('li', { hasText: 'Morgan' }).textContent()).toContain('Waiting 2 days');
    await expect.poll(() => mine.locator('li', { hasText: 'Ben' }).textContent()).toContain('Waiting less than an hour');
    expect(await mine.textContent()).not.toContain('turn-and-talk');
    expect(await mine.getByRole('heading', { name: 'Asked of you' }).count()).toBe(0);
    await checkA11y(priya, 'home with requests I asked');
    await priya.context().close();

    // Ben was asked: he sees it on Home, follows the link and marks it fulfilled without a note. Morgan's request is not his to mark.
    const ben = await as('ben@riverside.example');
    const bens = attention(ben, 'Resource requests');
    const bensLink = bens.getByRole('link', { name: 'Priya asked you for a resource' });
    await bensLink.waitFor();
    expect(await bens.getByRole('link').count()).toBe(1);
    await bensLink.click();
    await ben.getByRole('heading', { level: 2, name: 'Messages' }).waitFor();
    expect(await message(ben, SEEDED).getByRole('button', { name: /^Mark fulfilled…/ }).count()).toBe(0);
    await message(ben, REQUEST).getByRole('button', { name: /^Mark fulfilled…/ }).click();
    await message(ben, REQUEST).getByRole('button', { name: 'Mark fulfilled', exact: true }).click();
    await message(ben, REQUEST).getByText('Fulfilled after less than an hour by you').waitFor();
    await ben.context().close();

    // Morgan sees Priya's request on Home, with its wait, and follows the link to it.
    const morgan = await as('morgan@riverside.example');
    const asked = attention(morgan, 'Resource requests');
    await asked.getByRole('heading', { name: 'Asked of you' }).waitFor();
    const link = asked.getByRole('link', { name: 'Priya asked you for a resource' });
    await link.waitFor();
    await expect.poll(() => asked.textContent()).toContain('Waiting 2 days');
    expect(await link.getAttribute('href')).toBe(messagesUrl);
    await checkA11y(morgan, 'home with a request to fulfil (mentor)');
    await link.click();
    await morgan.getByRole('heading', { level: 2, name: 'Messages' }).waitFor();
    await morgan.getByText('One request is waiting for you.').waitFor();
    const morgansView = message(morgan, SEEDED);
    await expect.poll(() => morgansView.textContent()).toContain('Resource request for you');
    await morgansView.getByRole('button', { name: /^Mark fulfilled…/ }).click();
    await morgansView.getByLabel('Note (optional)').fill(NOTE);
    await checkA11y(morgan, 'mark a request fulfilled');
    await morgansView.getByRole('button', { name: 'Mark fulfilled', exact: true }).click();
    const state = morgansView.getByText('Fulfilled after 2 days by you');
    await state.waitFor();
    await expect.poll(() => state.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
    await expect.poll(() => morgansView.textContent()).toContain(NOTE);
    expect(await morgansView.getByRole('button', { name: /^Mark fulfilled…/ }).count()).toBe(0);
    await morgan.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await attentionLoaded(morgan);
    await expect.poll(() => attention(morgan, 'Resource requests').count()).toBe(0);
    await morgan.context().close();

    // Priya sees when, and by whom, with Morgan's note; nothing is waiting on Home any more.
    const priyaAgain = await as('priya@riverside.example');
    await attentionLoaded(priyaAgain);
    expect(await priyaAgain.getByRole('heading', { name: 'Resource requests' }).count()).toBe(0);
    await openMessages(priyaAgain);
    const done = message(priyaAgain, SEEDED);
    await expect.poll(() => done.textContent()).toContain('Fulfilled after 2 days by Morgan');
    await expect.poll(() => done.textContent()).toContain(`Morgan added: ${NOTE}`);
    await expect.poll(() => message(priyaAgain, REQUEST).textContent()).toContain('Fulfilled after less than an hour by Ben');
    await checkA11y(priyaAgain, 'messages with fulfilled requests');
    await priyaAgain.context().close();
  });

  it('shows the newest messages first and older ones on request, oldest at the top', async () => {
    const priya = await as('priya@riverside.example');
    const partnershipId = messagesUrl.split('/')[2];
    for (let i = 1; i <= 30; i++) await post(priya, `/api/partnerships/${partnershipId}/messages`, { kind: 'message', body: `Counting message ${i}` });
    await openMessages(priya);
    const items = priya.locator('ol.message-list > li');
    await expect.poll(() => items.last().textContent()).toContain('Counting message 30');
    // One page (25) is shown: the earlier messages and requests are on the older page.
    expect(await items.count()).toBe(25);
    expect(await message(priya, HELLO).count()).toBe(0);
    const older = priya.getByRole('button', { name: 'Show older messages' });
    await older.click();
    await expect.poll(() => items.count()).toBe(33);
    await expect.poll(() => items.first().textContent()).toContain(SEEDED);
    await expect.poll(() => items.nth(1).textContent()).toContain(HELLO);
    await expect.poll(() => priya.getByRole('button', { name: 'Show older messages' }).count()).toBe(0);
    // The keyboard lands on the oldest message that arrived, at the top.
    await expect.poll(() => items.first().locator('article').evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(priya, 'messages after showing older ones');
    await priya.context().close();
  });

  it('works on a phone', async () => {
    const morgan = await as('morgan@riverside.example', PHONE);
    await openMessages(morgan);
    await message(morgan, 'Counting message 30').waitFor();
    await checkA11y(morgan, 'messages on a phone');
    expect(await morgan.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Keyboard only: type a message and send it with Enter on the button.
    await morgan.getByLabel('Your message').focus();
    await morgan.keyboard.type('Here is the planning template we talked about.');
    await morgan.getByRole('button', { name: 'Send', exact: true }).focus();
    await morgan.keyboard.press('Enter');
    await morgan.getByText('Sent.', { exact: true }).waitFor();
    await message(morgan, 'Here is the planning template').waitFor();
    await checkA11y(morgan, 'messages on a phone, after sending');
    expect(await morgan.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await morgan.context().close();
  });
});
