/**
 * No words outside the catalogs: every string the web app shows comes from a `messages.ts`
 * (English and Spanish side by side), so a page cannot show English to a Spanish reader because
 * someone typed a sentence straight into a component.
 *
 * Each .ts/.tsx file under web/src except the catalogs is parsed (oxc, through vite's
 * `parseSync`: ESTree with JSX) and these are reported as file:line: [rule] text —
 *   1. JSX text with letters: `<dt>Status</dt>`;
 *   2. a string with letters given to an attribute people read or hear (label, title, hint,
 *      aria-label…), or to a property of that name: `label="Strengths"`,
 *      `label={`Role of ${name}`}`, `{ label: 'Volunteered' }`;
 *   3. a string with letters put straight into JSX children: `{cadence || 'Not agreed yet'}`;
 *   4. anywhere else, a string or template text that reads as prose: a capitalised word
 *      followed by more words (`'Waiting for signatures'`), or a small English word between
 *      spaces (`${a} with ${b}`, `'invited, no answer yet'`).
 * The server files that send e-mail, render a PDF or make the calendar feed get the same check
 * (their routes' OpenAPI summaries and their log lines are for developers and stay English).
 * Heuristics, so they can trip on text nobody reads: those few are in ALLOWED and
 * SERVER_ALLOWED, each with why, and the last test fails when an allowed text is gone.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

/** Attributes whose value a person reads or hears (the app's own components' props included). */
const VISIBLE_ATTRIBUTES = new Set([
  'label',
  'title',
  'placeholder',
  'alt',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'hint',
  'legend',
  'what',
  'description',
  'summary',
  'confirm',
  'confirmLabel',
  'text',
  'heading',
  'caption',
  'error',
  'emptyText',
  'data-label',
]);

/**
 * Small English words that, between spaces, make a string read as prose. Deliberately no
 * words that are also common in code or in the other language (a, de, no, en, la…).
 */
const SMALL_WORDS = ['with', 'and', 'the', 'your', 'you', 'of', 'for', 'on', 'to', 'by', 'from', 'is', 'are', 'not', 'yet', 'has', 'was', 'this', 'that', 'or'];
const SMALL_WORD = new RegExp(`(^|\\s)(${SMALL_WORDS.join('|')})(\\s|$)`, 'i');
/** A capitalised word followed by more words: "Waiting for signatures", "Mine (Taylor)". */
const CAPITALISED_PROSE = /^\s*\p{Lu}\p{Ll}+[’']?\p{Ll}*[,:;]?\s+[\p{L}(“"‘]/u;
const LETTERS = /\p{L}\p{L}/u;

/**
 * Strings the checks trip on that nobody reads as words of the app, or that are the same in
 * every language. Keyed by file (relative to the repository) → exact text, each with why.
 */
const ALLOWED: Record<string, Array<{ text: string; why: string }>> = {
  'web/src/features/session/AppHeader.tsx': [{ text: 'Tandem', why: 'the brand name, the same in every language' }],
  'web/src/features/people/ImportPeople.tsx': [
    // The CSV file's column names and a sample value: shown as code, typed into the file as they are.
    ...['name', 'email', 'roles', 'site', 'title', 'supervisor_email', 'coach;mentor'].map((text) => ({ text, why: 'a CSV column name or value, shown as code' })),
  ],
};

/**
 * The server's words that reach people by e-mail, in a PDF or in the calendar feed come from a
 * server catalog (a messages.ts under server/src) too. Checked in calendar/ and in the files that
 * send mail or render a PDF, found by what they call, so a new one is checked as well.
 */
const SENDS_TO_PEOPLE = /mailer\.send\(|\bOutgoingMail\b|\brenderPdf\(|ical-generator/;
/** Routes' OpenAPI summaries and descriptions: documentation for developers, in English. */
const DOCUMENTATION_KEYS: ReadonlySet<string> = new Set(['summary', 'description']);
const SERVER_ALLOWED: Record<string, Array<{ text: string; why: string }>> = {
  'server/src/calendar/calendar.routes.ts': [
    {
      text: 'Not a calendar address.',
      why: 'the schema message for a malformed feed address, which calendar programs fetch, not people; a Spanish requester gets the error catalog’s plain message (platform/validation.ts)',
    },
  ],
};

interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Positions of code that never reaches a reader: types, import paths, object keys, comparisons. */
function isInvisiblePosition(node: Node, parent: Node | null, key: string): boolean {
  if (!parent) return false;
  if (parent.type.startsWith('TS')) return true;
  if (parent.type === 'ImportDeclaration' || parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportAllDeclaration' || parent.type === 'ImportExpression') return key === 'source';
  if (parent.type === 'Property' || parent.type === 'PropertyDefinition' || parent.type === 'MethodDefinition') return key === 'key' && !parent.computed;
  if (parent.type === 'ExpressionStatement' && typeof parent.directive === 'string') return true;
  // Compared with a value from the server (`basis === 'you shared it'`), or a `case`: data, not shown.
  if (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(String(parent.operator))) return true;
  if (parent.type === 'SwitchCase') return key === 'test';
  return node.type === 'Directive';
}

/** The name a call is made through: `log` for `log(…)`, `app.log.warn` for `app.log.warn(…)`. */
function calleeName(node: unknown): string {
  if (!isNode(node)) return '';
  if (node.type === 'Identifier') return String(node.name);
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression' && isNode(node.property) && !node.computed) return `${calleeName(node.object)}.${String(node.property.name)}`;
  return '';
}
/** `console.error(…)`, `log(…)`, `app.log.warn(…)`, `logger.info(…)`: lines for developers and operators, in English. */
const isLogCall = (node: Node) => node.type === 'CallExpression' && /(^|\.)(console|log|logger)(\.\w+)?$/.test(calleeName(node.callee));
/** `new TypeError('…')`: a programming error, for developers; the web app never shows these messages (api.ts words any non-API failure itself). */
const isDeveloperError = (node: Node) => node.type === 'NewExpression' && /^(Error|TypeError|RangeError)$/.test(calleeName(node.callee));

/** The texts a JSX expression shows: through `a ? 'x' : 'y'`, `a || 'x'`, `a && 'x'`, parentheses. */
function shownStrings(expr: unknown): Node[] {
  if (!isNode(expr)) return [];
  if (expr.type === 'Literal' && typeof expr.value === 'string') return [expr];
  if (expr.type === 'TemplateLiteral') return [expr];
  if (expr.type === 'ConditionalExpression') return [...shownStrings(expr.consequent), ...shownStrings(expr.alternate)];
  if (expr.type === 'LogicalExpression') return [...shownStrings(expr.left), ...shownStrings(expr.right)];
  if (expr.type === 'ParenthesizedExpression') return shownStrings(expr.expression);
  return [];
}

const templateText = (node: Node) => (node.quasis as Array<{ value: { cooked: string | null } }>).map((q) => q.value.cooked ?? '').join('{…}');
const stringText = (node: Node) => (node.type === 'TemplateLiteral' ? templateText(node) : String(node.value));

/** Does this read as prose, wherever it is? (A path, a class name or a key does not.) */
function readsAsProse(text: string): boolean {
  if (!LETTERS.test(text)) return false;
  // Addresses, class names, query keys and identifiers have no spaces between their words.
  const spaced = text.replace(/\{…\}/g, ' ');
  if (!/\s/.test(spaced.trim())) return false;
  return CAPITALISED_PROSE.test(spaced) || SMALL_WORD.test(spaced.replace(/[,.;!?()“”"]/g, ' '));
}

/** Every finding in one file's source text. */
function findLiterals(file: string, code: string, options: { documentationKeys?: ReadonlySet<string> } = {}): Finding[] {
  const { program, errors } = parseSync(file, code);
  if (errors.length) throw new Error(`${file}: does not parse: ${errors.map((e) => e.message).join('; ')}`);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const found: Finding[] = [];
  const reported = new Set<Node>();
  const report = (node: Node, rule: string, text: string) => {
    if (reported.has(node)) return;
    reported.add(node);
    found.push({ file, line: lineOf(node.start), rule, text: text.replace(/\s+/g, ' ').trim() });
  };

  const visit = (node: Node, parent: Node | null, key: string) => {
    if (isLogCall(node) || isDeveloperError(node)) return;
    if (isInvisiblePosition(node, parent, key)) return;
    // A route's OpenAPI summary is read by developers, in English.
    if (node.type === 'Property' && isNode(node.key) && options.documentationKeys?.has(String(node.key.name ?? node.key.value))) return;
    if (node.type === 'JSXText') {
      if (LETTERS.test(String(node.value))) report(node, 'JSX text', String(node.value));
    } else if (node.type === 'JSXAttribute' && isNode(node.name)) {
      const attribute = String(node.name.name);
      const value = node.value;
      const strings = isNode(value) && value.type === 'JSXExpressionContainer' ? shownStrings(value.expression) : shownStrings(value);
      for (const s of strings) {
        const text = stringText(s);
        if (!LETTERS.test(text)) continue;
        // A form field's name is a key ("email"); a name with spaces is one someone reads (WhoHasSeenLink's).
        if (VISIBLE_ATTRIBUTES.has(attribute) || (attribute === 'name' && /\S\s+\S/.test(text.replace(/\{…\}/g, 'x')))) report(s, `${attribute}=`, text);
      }
    } else if (node.type === 'Property' && isNode(node.key) && VISIBLE_ATTRIBUTES.has(String(node.key.name ?? node.key.value))) {
      // `{ label: 'Volunteered', hint: '…' }`: choices that become a field's label or hint.
      for (const s of shownStrings(node.value)) if (LETTERS.test(stringText(s))) report(s, `${String(node.key.name ?? node.key.value)}:`, stringText(s));
    } else if (node.type === 'JSXExpressionContainer' && parent && (parent.type === 'JSXElement' || parent.type === 'JSXFragment')) {
      for (const s of shownStrings(node.expression)) if (LETTERS.test(stringText(s))) report(s, 'JSX child', stringText(s));
    } else if ((node.type === 'Literal' && typeof node.value === 'string') || node.type === 'TemplateLiteral') {
      if (!(parent?.type === 'TaggedTemplateExpression') && readsAsProse(stringText(node))) report(node, 'prose', stringText(node));
    }
    for (const [k, child] of Object.entries(node)) {
      if (k === 'parent') continue;
      if (Array.isArray(child)) {
        for (const c of child) if (isNode(c)) visit(c, node, k);
      } else if (isNode(child)) visit(child, node, k);
    }
  };
  visit(program as unknown as Node, null, '');
  return found;
}

/** Source files under a folder, catalogs and tests left out. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f) && !/\.d\.ts$/.test(f) && f !== 'messages.ts' && !/\.test\.tsx?$/.test(f)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The server files whose words reach people: they send mail, render a PDF or make the calendar feed. */
function serverFilesSpeakingToPeople(): string[] {
  // The transport and the renderer themselves only log and stop a misconfigured start.
  const infrastructure = new Set(['server/src/platform/mail.ts', 'server/src/platform/pdf.ts']);
  return sourceFiles(path.join(ROOT, 'server/src')).filter((f) => {
    const rel = path.relative(ROOT, f).split(path.sep).join('/');
    return !infrastructure.has(rel) && (rel.startsWith('server/src/calendar/') || SENDS_TO_PEOPLE.test(readFileSync(f, 'utf8')));
  });
}

/** Findings not on the allow-list, as "file:line: [rule] text". */
function unexplained(files: string[], allowed: Record<string, Array<{ text: string }>>, options: { documentationKeys?: ReadonlySet<string> } = {}): string[] {
  return files.flatMap((f) => {
    const rel = path.relative(ROOT, f).split(path.sep).join('/');
    const ok = new Set((allowed[rel] ?? []).map((a) => a.text));
    return findLiterals(rel, readFileSync(f, 'utf8'), options)
      .filter((x) => !ok.has(x.text))
      .map((x) => `${x.file}:${x.line}: [${x.rule}] ${JSON.stringify(x.text.slice(0, 90))}`);
  });
}

describe('words outside the catalogs', () => {
  it('finds the English the checks are for (so a passing run means something)', () => {
    const sample = `
      import { x } from './with the thing';
      type Kind = 'Not a word anyone reads';
      const CHOICES = [{ value: 'volunteered', label: 'Volunteered' }];
      const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, a[href]';
      export function Card({ p, names }: { p: P; names: string }) {
        const state = p.signed ? 'Signed by everyone' : 'Not written yet';
        return (
          <article aria-label="A partnership" className="card partnership-card">
            <h3>{format} with {names}</h3>
            <dt>Status</dt>
            <dd>{p.cadence || 'Not agreed yet'}</dd>
            <Field label={\`Role of \${p.name}\`} hint="Type part of a name." />
            <p>{t('title', { names })}</p>
            <a href={\`/api/shared-with-me/\${p.id}\`} className={\`status status-\${p.status}\`}>{state}</a>
            <input name="email" />
            <WhoHasSeenLink name="getting-to-know-you profile" />
            {p.basis === 'you shared it' ? null : console.error('Could not read the basis')}
          </article>
        );
      }`;
    const texts = findLiterals('sample.tsx', sample).map((f) => `${f.rule}: ${f.text}`);
    expect(texts).toEqual([
      'label:: Volunteered',
      'prose: Signed by everyone',
      'prose: Not written yet',
      'aria-label=: A partnership',
      'JSX text: with',
      'JSX text: Status',
      'JSX child: Not agreed yet',
      'label=: Role of {…}',
      'hint=: Type part of a name.',
      'name=: getting-to-know-you profile',
    ]);
  });

  it('finds English written into a server e-mail, and leaves logs and API documentation alone', () => {
    const sample = `
      app.get('/api/x', { schema: { summary: 'Sign in with e-mail and password' } }, handler);
      export async function remind(mailer: Mailer, to: string, name: string) {
        app.log.warn('e-mail is off: not sent');
        log('Reminder job failed', err);
        await mailer.send({ kind: 'reminder', to, subject: 'Your session is tomorrow', text: \`Hello \${name}, see you at \${time}.\` });
      }`;
    const texts = findLiterals('sample.ts', sample, { documentationKeys: DOCUMENTATION_KEYS }).map((f) => `${f.rule}: ${f.text}`);
    expect(texts).toEqual(['prose: Your session is tomorrow', 'text:: Hello {…}, see you at {…}.']);
  });

  it('web/src shows no words that are not in a messages.ts', () => {
    expect(unexplained(sourceFiles(path.join(ROOT, 'web/src')), ALLOWED)).toEqual([]);
  });

  it('the server words in e-mails, PDFs and the calendar feed are all in a messages.ts', () => {
    const files = serverFilesSpeakingToPeople();
    for (const expected of ['server/src/org/invitations.ts', 'server/src/calendar/reminders.ts', 'server/src/agreements/agreements.routes.ts']) {
      expect(files.map((f) => path.relative(ROOT, f).split(path.sep).join('/'))).toContain(expected);
    }
    expect(unexplained(files, SERVER_ALLOWED, { documentationKeys: DOCUMENTATION_KEYS })).toEqual([]);
  });

  it('keeps its allow-lists honest: every allowed text is still there', () => {
    const stale = Object.entries({ ...ALLOWED, ...SERVER_ALLOWED }).flatMap(([rel, list]) => {
      const texts = new Set(findLiterals(rel, readFileSync(path.join(ROOT, rel), 'utf8'), { documentationKeys: DOCUMENTATION_KEYS }).map((f) => f.text));
      return list.filter((a) => !texts.has(a.text)).map((a) => `${rel}: ${JSON.stringify(a.text)}`);
    });
    expect(stale).toEqual([]);
  });
});
