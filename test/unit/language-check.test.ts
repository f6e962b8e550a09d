/**
 * The descriptive-language check (shared/src/language-check): precision and
 * recall per kind and language over a corpus of sentences we wrote ourselves
 * (test/fixtures/language-check-corpus.json), and the behaviour a coach relies
 * on: exact spans, accents and case, one flag where matches overlap, quotes
 * left alone, rule files a program leader can extend. Timing is measured by
 * the bench (`npm run bench -- --only language`), not here.
 */
import { describe, expect, it } from 'vitest';
import {
  LANGUAGE_FLAG_KINDS,
  type LanguageFlagKind,
  type LanguageRuleSet,
  LanguageRulesError,
  builtInLanguageRuleSets,
  checkLanguage,
  compileLanguageRules,
  parseLanguageRuleSet,
} from '../../shared/src/language-check';
import corpus from '../fixtures/language-check-corpus.json';

type Language = 'en' | 'es';
const kindsIn = (text: string, language: Language) => [...new Set(checkLanguage(text, language).map((f) => f.kind))].sort();
const flagged = (text: string, language: Language) => checkLanguage(text, language).map((f) => [f.kind, f.text]);

describe('the corpus', () => {
  const sentences = corpus.sentences as Array<{ text: string; language: Language; expected: LanguageFlagKind[] }>;

  it('has at least 300 sentences, about half in each language, with descriptive ones and every kind', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(300);
    for (const language of ['en', 'es'] as const) {
      const mine = sentences.filter((s) => s.language === language);
      expect(mine.length / sentences.length).toBeGreaterThan(0.4);
      expect(mine.filter((s) => !s.expected.length).length).toBeGreaterThanOrEqual(50);
      for (const kind of LANGUAGE_FLAG_KINDS) expect(mine.filter((s) => s.expected.includes(kind)).length).toBeGreaterThanOrEqual(20);
    }
  });

  it('is flagged with precision and recall of at least 0.9 for every kind in both languages', () => {
    const table: Record<string, { expected: number; flagged: number; right: number; precision: number; recall: number }> = {};
    const misses: string[] = [];
    for (const language of ['en', 'es'] as const) {
      for (const kind of LANGUAGE_FLAG_KINDS) table[`${language} ${kind}`] = { expected: 0, flagged: 0, right: 0, precision: 0, recall: 0 };
    }
    for (const s of sentences) {
      const got = new Set(kindsIn(s.text, s.language));
      for (const kind of LANGUAGE_FLAG_KINDS) {
        const row = table[`${s.language} ${kind}`];
        const want = s.expected.includes(kind);
        row.expected += want ? 1 : 0;
        row.flagged += got.has(kind) ? 1 : 0;
        row.right += want && got.has(kind) ? 1 : 0;
      }
      if ([...got].join() !== [...s.expected].sort().join()) misses.push(`[${s.language}] expected ${s.expected.join('+') || 'nothing'}, flagged ${[...got].join('+') || 'nothing'}: ${s.text}`);
    }
    for (const row of Object.values(table)) {
      row.precision = row.flagged ? Math.round((row.right / row.flagged) * 1000) / 1000 : 1;
      row.recall = row.expected ? Math.round((row.right / row.expected) * 1000) / 1000 : 1;
    }
    console.table(table);
    if (misses.length) console.log(`Sentences not flagged as labelled (${misses.length} of ${sentences.length}):\n  ${misses.join('\n  ')}`);
    const below = Object.entries(table).filter(([, r]) => r.precision < 0.9 || r.recall < 0.9).map(([k, r]) => `${k}: precision ${r.precision}, recall ${r.recall}`);
    expect(below).toEqual([]);
  });
});

describe('descriptive sentences', () => {
  it.each([
    ['I saw four children raise their hands.', 'en'],
    ['You asked 6 open questions.', 'en'],
    ['A good number of children answered the second question.', 'en'],
    ['Three out of four children finished the graph.', 'en'],
    ['Next time we meet, we will look at the tally together.', 'en'],
    ['Un buen número de niños respondió.', 'es'],
    ['Buena parte de la conversación ocurrió en la mesa de ciencias.', 'es'],
    ['La próxima vez que nos reunamos miraremos el conteo.', 'es'],
    ['Le preguntaste a Marta por qué no quería leer.', 'es'],
  ] as const)('leaves "%s" alone', (text, language) => {
    expect(checkLanguage(text, language)).toEqual([]);
  });

  it('leaves quoted words alone: what someone said is evidence, not the writer judging', () => {
    expect(checkLanguage('You said "good job" to five children, and Maya said, \u201cThis is the best day ever!\u201d', 'en')).toEqual([]);
    expect(checkLanguage("You said, 'You should all have a partner now.'", 'en')).toEqual([]);
    expect(checkLanguage('Dijiste «buen trabajo» a cinco niños.', 'es')).toEqual([]);
    // An apostrophe is not a quote, and an unclosed quote hides nothing.
    expect(flagged("Don't forget to bring the children's folders.", 'en')).toEqual([['advice', "Don't forget to"]]);
    expect(flagged('She said "wait, and the lesson was boring.', 'en')).toEqual([['evaluative', 'boring']]);
  });
});

describe('flags', () => {
  it('carry the exact span, the kind, the rule, its explanation and a rewrite', () => {
    const text = 'The lesson was boring. You should wait longer.';
    const flags = checkLanguage(text, 'en');
    expect(flags.map(({ kind, start, end, text: t }) => ({ kind, start, end, t }))).toEqual([
      { kind: 'evaluative', start: 15, end: 21, t: 'boring' },
      { kind: 'advice', start: 23, end: 33, t: 'You should' },
    ]);
    for (const f of flags) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.ruleId).toMatch(/^en\./);
      expect(f.explanation).toMatch(/^[A-Z'].{20,}[.!?]$/);
      expect(f.rewrite.length).toBeGreaterThan(10);
    }
  });

  it('are sorted by where they start', () => {
    const flags = checkLanguage('Well done! It was boring, and you should have waited. 8/10.', 'en');
    expect(flags.map((f) => f.kind)).toEqual(['vague_praise', 'evaluative', 'advice', 'score']);
    expect(flags.map((f) => f.start)).toEqual([...flags.map((f) => f.start)].sort((a, b) => a - b));
  });

  it('ignore case and accents, and keep offsets into the text as written', () => {
    expect(flagged('DEBERÍAS esperar.', 'es')).toEqual([['advice', 'DEBERÍAS']]);
    expect(flagged('deberias esperar.', 'es')).toEqual([['advice', 'deberias']]);
    expect(flagged('La clase fue ABURRIDA y caótica.', 'es')).toEqual([
      ['evaluative', 'ABURRIDA'],
      ['evaluative', 'caótica'],
    ]);
    // Accents written as combining marks (NFD) are one character shorter once folded: the span still covers them.
    const nfd = 'Fue una clase cao\u0301tica, y deberi\u0301as esperar.';
    expect(flagged(nfd, 'es')).toEqual([
      ['evaluative', 'cao\u0301tica'],
      ['advice', 'deberi\u0301as'],
    ]);
    // Characters outside the Basic Multilingual Plane count as two UTF-16 units.
    const emoji = '\u{1F600}\u{1F600} Nice!';
    expect(checkLanguage(emoji, 'en')[0]).toMatchObject({ start: 5, end: 9, text: 'Nice' });
    expect(flagged('I\u2019d have used the timer.', 'en')).toEqual([['advice', 'I\u2019d have']]);
  });

  it('match Spanish forms by gender and number', () => {
    for (const form of ['aburrido', 'aburrida', 'aburridos', 'aburridas']) expect(kindsIn(`Estaban ${form}.`, 'es')).toEqual(['evaluative']);
    expect(kindsIn('Tienes que esperar.', 'es')).toEqual(['advice']);
    expect(kindsIn('Es mejor que la de ayer.', 'es')).toEqual(['comparison']);
    expect(kindsIn('Fue una clase ejemplar, un 3 de 4.', 'es')).toEqual(['score']);
  });

  it('flag overlapping matches once, the longer one standing', () => {
    expect(flagged('You should have asked a follow-up question.', 'en')).toEqual([['advice', 'You should have']]);
    expect(flagged('Good job today.', 'en')).toEqual([['vague_praise', 'Good job']]);
    expect(flagged('Keep up the good work!', 'en')).toEqual([['vague_praise', 'Keep up the good work']]);
    expect(flagged('You did great.', 'en')).toEqual([['vague_praise', 'You did great']]);
    expect(flagged('Tu asamblea no es tan buena como la de Lee.', 'es')).toEqual([['comparison', 'tan buena como']]);
  });

  it('tell a score from a count', () => {
    expect(kindsIn('Your questioning is a 3 out of 4 on the rubric.', 'en')).toEqual(['score']);
    expect(kindsIn('3 out of 4 children raised a hand.', 'en')).toEqual([]);
    expect(kindsIn("I'd give the transition an 8/10.", 'en')).toEqual(['score']);
    expect(kindsIn('You had 3/4 of the class on the rug.', 'en')).toEqual([]);
  });

  it('are none for an empty text, and none in a language without rules', () => {
    expect(checkLanguage('', 'en')).toEqual([]);
    expect(checkLanguage('boring', 'es', compileLanguageRules(builtInLanguageRuleSets().filter((s) => s.language === 'en')))).toEqual([]);
  });
});

describe('rule files', () => {
  const extension = (rules: unknown[], language: Language = 'en') => parseLanguageRuleSet({ language, description: 'Riverside additions', rules });

  it('the built-in files are valid and every rule explains itself in both languages', () => {
    const sets = builtInLanguageRuleSets();
    expect(sets.map((s) => s.language)).toEqual(['en', 'es']);
    for (const set of sets) {
      const kinds = new Set(set.rules.map((r) => r.kind));
      expect([...kinds].sort()).toEqual([...LANGUAGE_FLAG_KINDS].sort());
      for (const rule of set.rules) expect(rule.explanation && rule.rewrite).toBeTruthy();
    }
  });

  it('an extension adds a rule with a new word', () => {
    const parsed = extension([{ id: 'riverside.evaluative.dreary', kind: 'evaluative', phrases: ['dreary', 'lacklustre'], explanation: 'A judgement of the lesson, not a description of it.', rewrite: "Say what you saw: 'I saw…'." }]);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const rules = compileLanguageRules([...builtInLanguageRuleSets(), parsed.set]);
    expect(checkLanguage('It was a dreary lesson.', 'en')).toEqual([]);
    expect(checkLanguage('It was a dreary lesson.', 'en', rules)).toEqual([
      { kind: 'evaluative', ruleId: 'riverside.evaluative.dreary', start: 9, end: 15, text: 'dreary', explanation: 'A judgement of the lesson, not a description of it.', rewrite: "Say what you saw: 'I saw…'." },
    ]);
  });

  it('an extension adds a word, or an exception, to a built-in rule', () => {
    const parsed = extension([
      { extends: 'es.evaluative.calidad', phrases: ['chulísim{o,a}', 'guay'] },
      { extends: 'es.evaluative.calidad', except: ['buen provecho'] },
    ], 'es');
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const rules = compileLanguageRules([...builtInLanguageRuleSets(), parsed.set]);
    expect(checkLanguage('¡Qué guay!', 'es', rules)).toMatchObject([{ ruleId: 'es.evaluative.calidad', text: 'guay' }]);
    expect(checkLanguage('Buen provecho a todos.', 'es')).toHaveLength(1);
    expect(checkLanguage('Buen provecho a todos.', 'es', rules)).toEqual([]);
  });

  it('an invalid file is refused with every problem and where it is', () => {
    const parsed = extension([
      { id: 'Riverside Dull', kind: 'judgement', phrases: ['aburrid{o,a'], explanation: '' },
      { extends: 'en.evaluative.quality', kind: 'evaluative' },
    ]);
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^rules\[0\]\.id: Write a rule id as lowercase words/),
      expect.stringMatching(/^rules\[0\]\.kind: .*evaluative/),
      expect.stringMatching(/^rules\[0\]\.phrases\[0\]: "aburrid\{o,a": a "\{" is not closed with "\}"/),
      'rules[0].explanation: The explanation cannot be empty.',
      'rules[1].kind: A rule that extends "en.evaluative.quality" only adds phrases or exceptions; leave out "kind".',
      'rules[1]: Add at least one phrase or exception to "en.evaluative.quality".',
    ]));
    // What a rule is missing is reported once its fields are well formed.
    expect(extension([{ id: 'riverside.dull', kind: 'evaluative', phrases: ['dull'], explanation: 'A judgement.' }])).toEqual({ ok: false, problems: ['rules[0].rewrite: A new rule needs "rewrite" (or "extends" to add to an existing rule).'] });
    expect(extension([{ extends: 'en.evaluative.quality', phrases: ['*a*'] }])).toEqual({ ok: false, problems: ['rules[0].phrases[0]: "*a*": use at most one "*" in a word.'] });
    expect(parseLanguageRuleSet({ language: 'fr', rules: [] })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^language: /), 'rules: A rule file needs at least one rule.'] });
    expect(parseLanguageRuleSet({ language: 'en', rules: [{ id: 'x', kind: 'score', phrases: ['x'], explanation: 'x', rewrite: 'x', severity: 2 }] })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^rules\[0\]: .*severity/)] });
  });

  it('rule sets that do not fit together are refused, naming the set', () => {
    const set = (rules: LanguageRuleSet['rules'], language: Language = 'en'): LanguageRuleSet => ({ language, rules });
    const duplicate = set([{ id: 'en.evaluative.quality', kind: 'evaluative', phrases: ['dreary'], except: [], explanation: 'x', rewrite: 'y' }]);
    const elsewhere = set([{ extends: 'es.evaluative.calidad', phrases: ['dreary'], except: [] }]);
    const error = (() => {
      try {
        compileLanguageRules([...builtInLanguageRuleSets(), duplicate, elsewhere]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LanguageRulesError);
    expect((error as LanguageRulesError).problems).toEqual([
      { set: 2, message: 'the rule id "en.evaluative.quality" is already used by rule set 1; choose another, or use "extends" to add to it.' },
      { set: 3, message: '"extends": "es.evaluative.calidad" names no English rule; check the id (the built-in ids are in shared/src/language-check/rules.en.json).' },
    ]);
  });

  it('phrases cannot make the check slow: a pathological text is still checked quickly', () => {
    // No timing assertion (that is the bench's job); this only shows nothing explodes on long runs of one character.
    const text = `${'a'.repeat(50_000)} ${' '.repeat(20_000)} ${'9'.repeat(10_000)} ${"'".repeat(5_000)} ${'"'.repeat(5_000)}`;
    expect(checkLanguage(text, 'en')).toEqual([]);
    expect(checkLanguage(`${'ísimo'.repeat(10_000)} ${'por qué no '.repeat(2_000)}`, 'es').length).toBeLessThanOrEqual(1);
  });
});
