/**
 * The descriptive-language check (shared/src/language-check), measured in this process:
 *   - checkLanguage on a 2,000-word text that mixes descriptive sentences with every kind of
 *     flag (sentences of the labelled corpus, test/fixtures/language-check-corpus.json), in
 *     English and in Spanish: median and p99 of 200 runs after a warm-up; target ≤ 5 ms;
 *   - the one-off costs a browser pays once per page: compiling the built-in rules, and the
 *     first check after compiling (each pattern is compiled by the engine on first use).
 */
import { builtInLanguageRuleSets, checkLanguage, compileLanguageRules } from '../shared/src/language-check';
import corpus from '../test/fixtures/language-check-corpus.json';

const WORDS = 2_000;
const RUNS = 200;
const TARGET_MS = 5;

/** Corpus sentences of one language, in a shuffled but fixed order, until the text has 2,000 words. */
function mixedText(language: 'en' | 'es'): string {
  const sentences = corpus.sentences.filter((s) => s.language === language).map((s) => s.text);
  const words: string[] = [];
  for (let i = 0; words.length < WORDS; i++) words.push(...sentences[(i * 37) % sentences.length].split(/\s+/));
  return words.slice(0, WORDS).join(' ');
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function benchLanguageCheck() {
  const sets = builtInLanguageRuleSets();
  let t = performance.now();
  const rules = compileLanguageRules(sets);
  const compileMs = performance.now() - t;
  const rows: Record<string, object> = {};
  for (const language of ['en', 'es'] as const) {
    const text = mixedText(language);
    t = performance.now();
    const flags = checkLanguage(text, language, rules);
    const firstMs = performance.now() - t;
    for (let i = 0; i < 50; i++) checkLanguage(text, language, rules);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      checkLanguage(text, language, rules);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p99 = times[Math.ceil(RUNS * 0.99) - 1];
    rows[language === 'en' ? 'English' : 'Spanish'] = { words: WORDS, chars: text.length, flags: flags.length, 'first check ms': round(firstMs), 'median ms': round(times[RUNS / 2]), 'p99 ms': round(p99), [`≤ ${TARGET_MS} ms`]: p99 <= TARGET_MS ? 'yes' : 'NO' };
  }
  console.log(`\nDescriptive-language check: a ${WORDS}-word mixed text, ${RUNS} runs (compiling the built-in rules: ${round(compileMs)} ms, once)`);
  console.table(rows);
}
