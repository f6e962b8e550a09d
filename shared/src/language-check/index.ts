/**
 * The descriptive-language check: finds judgements, advice, comparisons,
 * scores and vague praise in written feedback, explains each in one sentence
 * and offers a descriptive way to say it. It never blocks anything; the coach
 * decides. The same code runs in the browser as the coach types and on the
 * server behind POST /api/language-check, with the same rules (the browser
 * fetches the server's, extensions included, from GET /api/language-check/rules).
 *
 * Rules are data (rules.en.json, rules.es.json), written in a small phrase
 * language (phrases.ts) that a program leader can extend without writing
 * regular expressions. Words inside quotation marks are what someone said —
 * evidence, such as a quoted verbatim line — and are never flagged.
 */
import type { Language } from '../i18n';
import { PhraseIndex, wordsOf } from './phrase-index';
import { fold } from './phrases';
import en from './rules.en.json';
import es from './rules.es.json';
import { type LanguageFlagKind, type LanguageRuleSet, LanguageRuleSetSchema } from './schema';

export { LANGUAGE_FLAG_KINDS, LanguageRuleSchema, LanguageRuleSetSchema, parseLanguageRuleSet, ruleSetProblems } from './schema';
export type { LanguageFlagKind, LanguageRule, LanguageRuleSet } from './schema';

export interface LanguageFlag {
  kind: LanguageFlagKind;
  ruleId: string;
  /** UTF-16 offset of the first character flagged. */
  start: number;
  /** UTF-16 offset just after the last character flagged. */
  end: number;
  /** The flagged words as written (text.slice(start, end)). */
  text: string;
  /** Why this is flagged, in one sentence. */
  explanation: string;
  /** A descriptive way to say it instead. */
  rewrite: string;
}

export interface CompiledLanguageRule {
  id: string;
  kind: LanguageFlagKind;
  explanation: string;
  rewrite: string;
  /** Position in the rule files: breaks ties between two matches of the same length. */
  order: number;
  /** Where a match of this rule is not meant as its kind (a match inside one of these is dropped). */
  except: PhraseIndex<null> | null;
}

/** One language's rules and the index of all their phrases. */
export interface CompiledLanguage {
  rules: readonly CompiledLanguageRule[];
  index: PhraseIndex<CompiledLanguageRule>;
}

/** Rules ready to check with: every pattern built once. */
export interface CompiledLanguageRules {
  /** The rule sets these were compiled from, as given. */
  readonly sets: readonly LanguageRuleSet[];
  readonly byLanguage: Readonly<Partial<Record<Language, CompiledLanguage>>>;
}

/** Rule sets that do not fit together; each problem names the set (its index in the list given) it comes from. */
export class LanguageRulesError extends Error {
  constructor(public problems: Array<{ set: number; message: string }>) {
    super(`The language-check rules have problems:\n  - ${problems.map((p) => `rule set ${p.set + 1}: ${p.message}`).join('\n  - ')}`);
  }
}

interface Draft {
  id: string;
  kind: LanguageFlagKind;
  explanation: string;
  rewrite: string;
  language: Language;
  set: number;
  phrases: string[];
  except: string[];
}

/**
 * Compiles rule sets (built-in first, then extensions) once. A rule with
 * `extends` adds its phrases and exceptions to the rule it names, in the same
 * language. Throws LanguageRulesError listing every problem: an id used twice,
 * `extends` naming no rule of that language, a phrase that does not parse.
 */
export function compileLanguageRules(sets: LanguageRuleSet[]): CompiledLanguageRules {
  const problems: Array<{ set: number; message: string }> = [];
  const drafts = new Map<string, Draft>();
  sets.forEach((set, s) => {
    for (const rule of set.rules) {
      if (rule.extends !== undefined || rule.id === undefined) continue;
      if (drafts.has(rule.id)) {
        problems.push({ set: s, message: `the rule id "${rule.id}" is already used${drafts.get(rule.id)!.set === s ? ' in this set' : ` by rule set ${drafts.get(rule.id)!.set + 1}`}; choose another, or use "extends" to add to it.` });
        continue;
      }
      drafts.set(rule.id, { id: rule.id, kind: rule.kind!, explanation: rule.explanation!, rewrite: rule.rewrite!, language: set.language, set: s, phrases: [...rule.phrases], except: [...(rule.except ?? [])] });
    }
  });
  sets.forEach((set, s) => {
    for (const rule of set.rules) {
      if (rule.extends === undefined) continue;
      const target = drafts.get(rule.extends);
      if (!target || target.language !== set.language) {
        problems.push({ set: s, message: `"extends": "${rule.extends}" names no ${set.language === 'en' ? 'English' : 'Spanish'} rule; check the id (the built-in ids are in shared/src/language-check/rules.${set.language}.json).` });
        continue;
      }
      target.phrases.push(...rule.phrases);
      target.except.push(...(rule.except ?? []));
    }
  });
  const byLanguage: Partial<Record<Language, CompiledLanguage>> = {};
  const all = [...drafts.values()];
  for (const language of new Set(all.map((d) => d.language))) {
    const groups = all
      .filter((d) => d.language === language)
      .map((d, order) => {
        const problem = (_: unknown, message: string) => problems.push({ set: d.set, message: `rule "${d.id}", ${message}` });
        const except = d.except.length ? new PhraseIndex([{ payload: null, phrases: d.except }], problem) : null;
        const rule: CompiledLanguageRule = { id: d.id, kind: d.kind, explanation: d.explanation, rewrite: d.rewrite, order, except };
        return { payload: rule, phrases: d.phrases, problem };
      });
    const index = new PhraseIndex(groups, (rule, message) => groups.find((g) => g.payload === rule)!.problem(rule, message));
    byLanguage[language] = { rules: groups.map((g) => g.payload), index };
  }
  if (problems.length) throw new LanguageRulesError(problems);
  return { sets, byLanguage };
}

let builtInSets: LanguageRuleSet[] | null = null;
let builtInCompiled: CompiledLanguageRules | null = null;

/** The rule sets that ship with Tandem (English, Spanish), validated once. */
export function builtInLanguageRuleSets(): LanguageRuleSet[] {
  builtInSets ??= [LanguageRuleSetSchema.parse(en), LanguageRuleSetSchema.parse(es)];
  return builtInSets;
}

/** The built-in rules alone, compiled once (the server compiles them with its extensions instead). */
export function builtInLanguageRules(): CompiledLanguageRules {
  builtInCompiled ??= compileLanguageRules(builtInLanguageRuleSets());
  return builtInCompiled;
}

/**
 * What someone said, in quotation marks ("…", “…”, «…», '…'), within one line:
 * evidence (a quoted verbatim line, a child's words), not the writer's judgement.
 * A single quote opens only where no letter precedes it and closes only where
 * none follows, so apostrophes (don't, children's) are not taken for quotes.
 */
const QUOTED = /"[^"\n]{1,600}"|\u201c[^\u201d\n]{1,600}\u201d|\u00ab[^\u00bb\n]{1,600}\u00bb|(?<![\p{L}\p{N}])'(?:[^'\n]|(?<=\p{L})'(?=\p{L})){1,600}?'(?![\p{L}\p{N}])/gu;

type Span = [start: number, end: number];

function spansOf(pattern: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    else spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

const within = (spans: Span[], start: number, end: number) => spans.some(([s, e]) => s <= start && end <= e);

interface Candidate {
  rule: CompiledLanguageRule;
  start: number;
  end: number;
}

/**
 * The flags in a text, sorted by start. Where two matches overlap, the longer
 * one stands ("you should have" over "you should", "good job" over "good"),
 * then the rule that comes first. Offsets are UTF-16 offsets into `text`.
 */
export function checkLanguage(text: string, language: Language, rules: CompiledLanguageRules = builtInLanguageRules()): LanguageFlag[] {
  const compiled = rules.byLanguage[language];
  if (!compiled || !text) return [];
  const folded = fold(text);
  const haystack = folded.text;
  const words = wordsOf(haystack);
  const candidates: Candidate[] = [];
  compiled.index.find(haystack, words, (rule, start, end) => candidates.push({ rule, start, end }));
  if (!candidates.length) return [];
  const quoted = spansOf(QUOTED, haystack);
  const excepted = new Map<CompiledLanguageRule, Span[]>();
  const exceptionsOf = (rule: CompiledLanguageRule) => {
    let spans = excepted.get(rule);
    if (!spans) {
      const found: Span[] = [];
      rule.except?.find(haystack, words, (_, s, e) => found.push([s, e]));
      excepted.set(rule, (spans = found));
    }
    return spans;
  };
  const standing = candidates.filter(({ rule, start, end }) => !within(quoted, start, end) && !(rule.except && within(exceptionsOf(rule), start, end)));
  standing.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rule.order - b.rule.order || a.start - b.start);
  // Longest first into a map of taken characters: linear in the text, however many matches.
  const taken = new Uint8Array(haystack.length);
  const kept: Candidate[] = [];
  for (const c of standing) {
    if (taken.subarray(c.start, c.end).includes(1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  const at = (i: number) => (folded.origin ? folded.origin[i] : i);
  return kept.map(({ rule, start, end }) => {
    const s = at(start);
    const e = at(end);
    return { kind: rule.kind, ruleId: rule.id, start: s, end: e, text: text.slice(s, e), explanation: rule.explanation, rewrite: rule.rewrite };
  });
}
