/**
 * The answer to a request that fails its zod schema: 400 VALIDATION_FAILED with
 * one detail per field, in the requester's language.
 *
 * The schemas in shared/src/api.ts keep their messages in plain English (the
 * web app shows them too, and the file stays readable). Each such message is
 * also an entry of the error catalog, so it is found here by its English text
 * ("Keep this under 500 characters." is tooLong with max 500); zod's own
 * messages ("Invalid input: expected string, received undefined") get a plain
 * one by issue code. test/api/errors-i18n.test.ts checks that every message
 * written in api.ts has its entry.
 */
import type { ErrorBody } from '../../../shared/src/api';
import type { Language } from '../../../shared/src/i18n';
import { type ErrorText, errorText } from './errors';
import { type ErrorKey, errorMessages } from './messages';

/** The catalog entries whose English is a message written in a schema of shared/src/api.ts. */
export const SCHEMA_MESSAGES = [
  'tooLong',
  'empty',
  'emailInvalid',
  'passwordMissing',
  'tooShort',
  'passwordTooLong',
  'timeZoneUnknown',
  'dateFormat',
  'schoolYearEndMissing',
  'schoolYearStartMissing',
  'schoolYearOrder',
  'setupTokenMissing',
  'rolesMissing',
  'shareOneThing',
  'notAKind',
  'fileEmpty',
  'fileTooBig',
  'ratingLevel',
  'rateAtLeastOne',
  'fieldsAtLeastOne',
  'answerAtLeastOne',
  'feedbackEmpty',
  'feedbackPartTooLong',
  'feedbackTooManyParts',
  'timeFormat',
  'meetingTooShort',
  'meetingTooLong',
] as const satisfies readonly ErrorKey[];

/** Each schema message's English as a pattern, its {placeholders} as named groups. */
const PATTERNS = SCHEMA_MESSAGES.map((key) => {
  const source = errorMessages.en[key]
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? `(?<${part.slice(1, -1)}>.+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return { key, pattern: new RegExp(`^${source}$`) };
});

/** The catalog entry of a message written in a schema, with its values, if it is one. */
export function schemaMessage(english: string): ErrorText | null {
  for (const { key, pattern } of PATTERNS) {
    const match = pattern.exec(english);
    if (match) return (match.groups ? { key, values: { ...match.groups } } : key) as ErrorText;
  }
  return null;
}

interface Issue {
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** zod's own messages ("Invalid input…", "Too big…"): anything else was written by us. */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized key)/;

/** A plain message for one of zod's own issues, by its code. */
function byIssue({ keyword, message = '', params = {} }: Issue): ErrorText {
  const origin = params.origin;
  const size = (name: 'maximum' | 'minimum') => String(params[name]);
  switch (keyword) {
    case 'invalid_type':
      return /received undefined$/.test(message) ? 'required' : 'wrongType';
    case 'too_big':
      if (origin === 'string') return { key: 'tooLong', values: { max: size('maximum') } };
      if (origin === 'array' || origin === 'set') return { key: 'tooMany', values: { max: size('maximum') } };
      if (origin === 'number' || origin === 'int' || origin === 'bigint') return { key: 'numberTooBig', values: { max: size('maximum') } };
      return 'valueInvalid';
    case 'too_small':
      if (origin === 'string') return Number(params.minimum) <= 1 ? 'empty' : { key: 'tooShort', values: { min: size('minimum') } };
      if (origin === 'array' || origin === 'set') return { key: 'tooFew', values: { min: size('minimum') } };
      if (origin === 'number' || origin === 'int' || origin === 'bigint') return { key: 'numberTooSmall', values: { min: size('minimum') } };
      return 'valueInvalid';
    case 'invalid_format':
      if (params.format === 'email') return 'emailInvalid';
      if (params.format === 'uuid' || params.format === 'guid') return 'idInvalid';
      if (params.format === 'datetime') return 'dateTimeFormat';
      if (params.format === 'date') return 'dateFormat';
      return 'formatInvalid';
    case 'invalid_value':
      return 'optionInvalid';
    case 'unrecognized_keys':
      return { key: 'unknownFields', values: { fields: { list: Array.isArray(params.keys) ? params.keys.map(String) : [] } } };
    default:
      return 'valueInvalid';
  }
}

/** One field's problem in a language: the schema's own message if it has an entry, else zod's issue in plain words. */
function issueMessage(language: Language, issue: Issue): string {
  const english = issue.message ?? '';
  const known = schemaMessage(english);
  if (known) return errorText(language, known);
  // A message written in a schema but not (yet) in the catalog: its English as written, a plain one otherwise.
  if (language === 'en' && english && !ZOD_DEFAULT.test(english)) return english;
  return errorText(language, byIssue(issue));
}

/** The 400 body for a failed schema: each field's problem, and a sentence listing them. */
export function validationBody(language: Language, context: string | undefined, issues: Array<Issue & { instancePath?: string }>): ErrorBody {
  const details = issues.map((issue) => ({
    path: [context, ...String(issue.instancePath ?? '').split('/').filter(Boolean)].join('.'),
    message: issueMessage(language, issue),
  }));
  return {
    code: 'VALIDATION_FAILED',
    message: errorText(language, { key: 'checkFields', values: { problems: details.map((d) => `${d.path} — ${d.message}`).join('; ') } }),
    details,
  };
}

/** One zod issue as "path — problem" in a language, for answers that report problems per item (an event of a batch). */
export function issueText(language: Language, issue: { code: string; message: string; path: PropertyKey[] }): string {
  const where = issue.path.map(String).join('.');
  const problem = issueMessage(language, { keyword: issue.code, message: issue.message, params: issue as unknown as Record<string, unknown> });
  return where ? `${where} — ${problem}` : problem;
}
