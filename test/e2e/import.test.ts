import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE, type World, checkA11y, describeBrowser, newPage, signInReady, startWorld } from './harness';

const HEADER = 'name,email,roles,site,title,supervisor_email';
const NIA = 'Nia Brown,nia@riverside.example,teacher,Maple Street Elementary,Pre-K teacher,sam@riverside.example';

function csvFile(lines: string[]) {
  return { name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) };
}

describeBrowser('importing staff from a spreadsheet', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('previews a roster, refuses it while a row is wrong, then imports the fixed file', async () => {
    const { context, page } = await newPage(world);
    await signInReady(page, 'lena@riverside.example');
    await page.goto('/people');
    await page.getByRole('heading', { name: 'Import from a spreadsheet' }).waitFor();
    await page.locator('tbody tr', { hasText: 'Taylor Nguyen' }).waitFor();
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Import from a spreadsheet' }) });
    const status = section.locator('.import-status[role="status"]');

    // A file with one bad row: the preview shows it first, with its line, and nothing can be imported.
    await page.getByLabel('Choose a CSV file').setInputFiles(csvFile([HEADER, NIA, 'Omar Said,omar@riverside.example,wizard,Oak Hollow Center,,']));
    await expect.poll(() => page.getByLabel('Or paste the rows here').inputValue()).toContain('Omar Said');
    await section.getByText('staff.csv is ready').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => status.textContent()).toContain('1 row to fix first');
    const rows = section.locator('.import-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const first = rows.first();
    await expect.poll(() => first.textContent()).toContain('Needs fixing');
    await expect.poll(() => first.locator('td[data-label="Line"]').textContent()).toBe('3');
    await expect.poll(() => first.textContent()).toContain('Unknown role “wizard”');
    await expect.poll(() => rows.nth(1).textContent()).toContain('Will be added');
    const importButton = section.getByRole('button', { name: /^Import \d+ (person|people)$/ });
    expect(await importButton.isDisabled()).toBe(true);
    await section.getByText('Fix the rows marked “Needs fixing” first.').waitFor();
    await checkA11y(page, 'people, import preview with an error');

    // The fixed file: both rows are fine, and a new site will be created.
    await page.getByLabel('Choose a CSV file').setInputFiles(csvFile([HEADER, NIA, 'Omar Said,omar@riverside.example,coach,Oak Hollow Center,Instructional coach,']));
    await expect.poll(() => page.getByLabel('Or paste the rows here').inputValue()).toContain(',coach,');
    expect(await importButton.count()).toBe(0);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => status.textContent()).toContain('2 people to add');
    await section.getByText('Oak Hollow Center', { exact: true }).waitFor();
    await expect.poll(() => importButton.isEnabled()).toBe(true);
    expect(await importButton.textContent()).toBe('Import 2 people');
    await checkA11y(page, 'people, import preview ready');
    await importButton.click();

    await section.getByText('The import is done.').waitFor();
    await expect.poll(() => status.textContent()).toContain('Imported: 2 people added');
    await page.locator('tbody tr', { hasText: 'Omar Said' }).first().waitFor();
    const nia = page.locator('tbody tr', { hasText: 'Nia Brown' }).first();
    await nia.waitFor();
    await expect.poll(() => nia.textContent()).toContain('nia@riverside.example');
    expect(await page.getByLabel('Or paste the rows here').inputValue()).toBe('');
    await checkA11y(page, 'people, after an import');

    // Importing the same people again changes nothing, and says so.
    await page.getByLabel('Or paste the rows here').fill([HEADER, NIA].join('\n'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => status.textContent()).toContain('1 already up to date');
    expect(await importButton.isDisabled()).toBe(true);
    await section.getByText('nothing to import').waitFor();

    await page.setViewportSize(PHONE);
    await checkA11y(page, 'people, import preview on a phone');
    await context.close();
  });
});
