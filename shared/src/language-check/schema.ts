/**
 * The shape of a rule file (rules.en.json, rules.es.json, and a program
 * leader's extensions under <dataDir>/language-check/), as a zod schema so a
 * file with a mistake is refused with a message that says where and what.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n';
import { phrasePattern } from './phrases';

export const LANGUAGE_FLAG_KINDS = ['evaluative', 'advice', 'comparison', 'score', 'vague_praise'] as const;
export type LanguageFlagKind = (typeof LANGUAGE_FLAG_KINDS)[number];

const ruleId = z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'Write a rule id as lowercase words joined by dots or hyphens, e.g. riverside.evaluative.dull.');

const phrase = z
  .string()
  .min(1, 'A phrase cannot be empty.')
  .max(200, 'Keep a phrase under 200 characters.')
  .superRefine((value, ctx) => {
    const compiled = phrasePattern(value);
    if ('problem' in compiled) ctx.addIssue({ code: 'custom', message: `"${value}": ${compiled.problem}.` });
  });

const sentence = (what: string) => z.string().trim().min(1, `The ${what} cannot be empty.`).max(300, `Keep the ${what} to one sentence (under 300 characters).`);

/**
 * One rule: either a new rule (id, kind, phrases, explanation, rewrite), or
 * `extends` naming an existing rule to add phrases or exceptions to it.
 */
export const LanguageRuleSchema = z
  .object({
    /** A new rule's id, unique across every file (e.g. "riverside.evaluative.dull"). */
    id: ruleId.optional(),
    /** The id of a rule to add phrases or exceptions to, instead of writing a new rule. */
    extends: ruleId.optional(),
    /** What kind of language the rule finds. */
    kind: z.enum(LANGUAGE_FLAG_KINDS).optional(),
    /** What to look for, in the phrase language (see phrases.ts): words, {a,b} spellings, [optional] words, # numbers, * any word. */
    phrases: z.array(phrase).max(2000).default([]),
    /** Longer phrases in which a match is not meant as the rule's kind ("a good number of"): a match inside one is not flagged. */
    except: z.array(phrase).max(2000).default([]),
    /** Why the flag is raised, in one warm sentence in the file's language. */
    explanation: sentence('explanation').optional(),
    /** A descriptive way to say it instead, in the file's language. */
    rewrite: sentence('rewrite').optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const issue = (message: string, path: string[] = []) => ctx.addIssue({ code: 'custom', message, path });
    if (rule.extends !== undefined) {
      for (const field of ['id', 'kind', 'explanation', 'rewrite'] as const) {
        if (rule[field] !== undefined) issue(`A rule that extends "${rule.extends}" only adds phrases or exceptions; leave out "${field}".`, [field]);
      }
      if (!rule.phrases.length && !rule.except.length) issue(`Add at least one phrase or exception to "${rule.extends}".`);
      return;
    }
    for (const field of ['id', 'kind', 'explanation', 'rewrite'] as const) {
      if (rule[field] === undefined) issue(`A new rule needs "${field}" (or "extends" to add to an existing rule).`, [field]);
    }
    if (!rule.phrases.length) issue('A new rule needs at least one phrase.', ['phrases']);
  });

export const LanguageRuleSetSchema = z
  .object({
    /** The language of the phrases, explanations and rewrites. */
    language: z.enum(LANGUAGES),
    /** Who wrote the file and why, for the next person who opens it. */
    description: z.string().max(1000).optional(),
    rules: z.array(LanguageRuleSchema).min(1, 'A rule file needs at least one rule.'),
  })
  .strict();

export type LanguageRule = z.infer<typeof LanguageRuleSchema>;
export type LanguageRuleSet = z.infer<typeof LanguageRuleSetSchema>;

/** Every problem of a rule file, one line each, with where it is ("rules[2].phrases[0]: …"). */
export function ruleSetProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)), '');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** A rule file's content, validated: the set, or every problem with where it is. */
export function parseLanguageRuleSet(input: unknown): { ok: true; set: LanguageRuleSet } | { ok: false; problems: string[] } {
  const parsed = LanguageRuleSetSchema.safeParse(input);
  return parsed.success ? { ok: true, set: parsed.data } : { ok: false, problems: ruleSetProblems(parsed.error) };
}
