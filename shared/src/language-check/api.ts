/**
 * The HTTP contract of the language check (POST /api/language-check, GET
 * /api/language-check/rules): the server validates and filters with these
 * schemas, a client types its calls with them, and /api/docs describes them.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n';
import { LANGUAGE_FLAG_KINDS, LanguageRuleSetSchema } from './schema';

/** The longest text checked in one request, in UTF-16 units (the unit of the flags' offsets). */
export const LANGUAGE_CHECK_MAX_CHARS = 100_000;

export const LanguageCheckBody = z.object({
  /** The text to check, exactly as written: it is not trimmed, so the flags' offsets point into it. */
  text: z.string().max(LANGUAGE_CHECK_MAX_CHARS),
  /** The language the text is written in. */
  language: z.enum(LANGUAGES),
});
export type LanguageCheckBody = z.infer<typeof LanguageCheckBody>;

export const LanguageFlagSchema = z.object({
  /** evaluative, advice, comparison, score or vague_praise. */
  kind: z.enum(LANGUAGE_FLAG_KINDS),
  /** The rule that raised the flag (built-in ids start with the language: en.…, es.…). */
  ruleId: z.string(),
  /** UTF-16 offset of the first character flagged. */
  start: z.number().int().min(0),
  /** UTF-16 offset just after the last character flagged. */
  end: z.number().int().min(0),
  /** The flagged words as written. */
  text: z.string(),
  /** Why it is flagged, in one sentence, in the text's language. */
  explanation: z.string(),
  /** A descriptive way to say it instead, in the text's language. */
  rewrite: z.string(),
});

export const LanguageCheckResponse = z.object({
  /** The flags, sorted by start; none overlap. Empty when the text is descriptive. */
  flags: z.array(LanguageFlagSchema),
});
export type LanguageCheckResponse = z.infer<typeof LanguageCheckResponse>;

export const LanguageRulesQuery = z.object({
  /** Which language's rules. */
  language: z.enum(LANGUAGES),
});

export const LanguageRulesResponse = z.object({
  language: z.enum(LANGUAGES),
  /** The rule sets in force, built-in first, then the program's extensions: compile them with compileLanguageRules to check exactly as the server does. */
  sets: z.array(LanguageRuleSetSchema),
});
export type LanguageRulesResponse = z.infer<typeof LanguageRulesResponse>;
