/**
 * Every message catalog (a `messages.ts` next to the code that shows it) has
 * every key in every language, each message parses as ICU MessageFormat, and a
 * translation uses exactly the placeholders of the English (a Spanish message
 * that forgot {name} would show a hole; one with a new {nombre} would crash).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MessageFormatElement, TYPE, parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { type Catalog, LANGUAGES, pickLanguage } from '../../shared/src/i18n';
import { format } from '../../shared/src/i18n-format';

const ROOTS = ['web/src', 'server/src', 'shared/src'].map((r) => path.resolve(__dirname, '../..', r));

function catalogFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f === 'messages.ts') out.push(p);
    }
  };
  ROOTS.forEach(walk);
  return out;
}

/** The names of the arguments a message uses, including inside plural and select branches. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

const isCatalog = (value: unknown): value is Catalog<string> =>
  typeof value === 'object' && value !== null && LANGUAGES.every((l) => typeof (value as Record<string, unknown>)[l] === 'object');

describe('message catalogs', () => {
  const files = catalogFiles();

  it('finds the catalogs', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(path.resolve(__dirname, '../..'), f), f]))('%s: every key in every language, same placeholders, valid ICU', async (_name, file) => {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const catalogs = Object.values(module).filter(isCatalog);
    expect(catalogs.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const cat of catalogs) {
      const keys = new Set(LANGUAGES.flatMap((l) => Object.keys(cat[l])));
      for (const key of keys) {
        const english = cat.en[key];
        for (const language of LANGUAGES) {
          const message = cat[language][key];
          if (typeof message !== 'string' || !message.trim()) {
            problems.push(`${key}: missing in ${language}`);
            continue;
          }
          let args: Set<string>;
          try {
            args = argumentsOf(parse(message));
          } catch (e) {
            problems.push(`${key} (${language}): not valid ICU — ${(e as Error).message}`);
            continue;
          }
          if (typeof english === 'string' && language !== 'en') {
            const expected = [...argumentsOf(parse(english))].sort().join(',');
            if ([...args].sort().join(',') !== expected) problems.push(`${key} (${language}): placeholders {${[...args].join(', ')}} differ from English {${expected}}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('choosing and formatting', () => {
  it('takes the first supported language the browser or request asks for', () => {
    expect(pickLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(pickLanguage('fr-FR, en-US;q=0.5')).toBe('en');
    expect(pickLanguage(['de-DE', 'fr'])).toBe('en');
    expect(pickLanguage(null, 'es')).toBe('es');
  });

  it('formats plurals and selects in each language', async () => {
    const { m } = await import('../../web/src/features/access-log/messages');
    const at = { action: 'view', day: 'today', date: '' };
    expect(format('en', m, 'howOften', { ...at, count: 1 })).toBe('Read today');
    expect(format('en', m, 'howOften', { ...at, count: 2 })).toBe('Read twice today');
    expect(format('en', m, 'howOften', { ...at, count: 5 })).toBe('Read 5 times today');
    expect(format('es', m, 'howOften', { ...at, count: 5 })).toBe('Leído 5 veces hoy');
    expect(format('es', m, 'howOften', { action: 'print', count: 1, day: 'other', date: '4 dic' })).toBe('Impreso el 4 dic');
  });
});
