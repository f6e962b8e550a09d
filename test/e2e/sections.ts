/**
 * Moving between the sections of a partnership page the way a person does: on
 * a wide screen every section is in the sidebar; on a phone a section sits in
 * its group, so it takes a tap on the group and, unless it is the group's
 * first section, a tap on the section.
 */
import type { Page } from 'playwright-core';

/** The partnership's section navigation; its name is the one the page is read in ("Partnership sections" in English). */
export const sectionNav = (page: Page, label = 'Partnership sections') => page.getByRole('navigation', { name: label });

const exactly = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Opens the section by its name; answers how many taps it took. */
export async function openSection(page: Page, name: string, navLabel?: string): Promise<number> {
  const nav = sectionNav(page, navLabel);
  await nav.waitFor();
  const link = nav.getByRole('link', { name, exact: true });
  if (await link.isVisible()) {
    await link.click();
    await isCurrent(page, name);
    return 1;
  }
  // On a phone: the group the section belongs to first (it opens at the group's first section).
  const group = await nav.locator('.section-list a').filter({ hasText: exactly(name) }).first().getAttribute('data-group');
  await nav.locator(`.group-bar a[data-group="${group}"]`).click();
  await link.waitFor();
  if ((await link.getAttribute('aria-current')) === 'page') return 1;
  await link.click();
  await isCurrent(page, name);
  return 2;
}

/** Waits until the nav marks this section as the current page. */
export async function isCurrent(page: Page, name: string) {
  await page.waitForFunction((n) => [...document.querySelectorAll('.section-nav [aria-current="page"]')].some((a) => a.textContent === n), name);
}
