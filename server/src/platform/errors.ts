/**
 * One error vocabulary: stable codes, one table from code to HTTP status, and a
 * message a person can act on. Handlers throw AppError with a key of the error
 * catalog (platform/messages.ts) and its values; the error handler in app.ts
 * formats it in the requester's language and turns it (and validation, size
 * and unexpected errors) into ErrorBody.
 */
import type { ErrorBody } from '../../../shared/src/api';
import type { Language } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import { type EnglishErrors, type ErrorKey, errorMessages } from './messages';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  NOT_SIGNED_IN: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  AGREEMENT_ALREADY_SIGNED: 409,
  AGREEMENT_CHANGED: 409,
  INVALID_TRANSITION: 409,
  COACHEE_FIRST: 409,
  DISCUSS_FIRST: 409,
  ALREADY_EXISTS: 409,
  ALREADY_SET_UP: 409,
  TOKEN_INVALID: 410,
  UPLOAD_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

// ---------- typed messages: a key of the catalog and exactly the values its English uses ----------

/**
 * The placeholders of an ICU message, read from its literal text: a `{` at an
 * even depth opens an argument (`{name}`, `{count, plural, …}`), one at an odd
 * depth opens a plural or select branch, whose text may hold arguments again.
 */
type ArgsOf<S extends string, Depth extends 0[] = [], Found extends string = never> = S extends `${infer Before}{${infer After}`
  ? Before extends `${string}}${infer AfterClose}`
    ? ArgsOf<`${AfterClose}{${After}`, Depth extends [0, ...infer Rest extends 0[]] ? Rest : [], Found>
    : Depth['length'] extends 0 | 2 | 4 | 6
      ? ArgsOf<After, [...Depth, 0], Found | NameOf<After>>
      : ArgsOf<After, [...Depth, 0], Found>
  : Found;
type NameOf<S extends string> = S extends `${infer Head}}${string}` ? (Head extends `${infer Name},${string}` ? Trim<Name> : Trim<Head>) : never;
type Trim<S extends string> = S extends ` ${infer T}` ? Trim<T> : S extends `${infer T} ` ? Trim<T> : S;

/** Keys whose message is one {item} of a list (the list's words in each language). */
type ItemKey = { [K in ErrorKey]: [ArgsOf<EnglishErrors[K]>] extends [never] ? never : [ArgsOf<EnglishErrors[K]>] extends ['item'] ? K : never }[ErrorKey];
/** A list value, joined with ", ": its items as they are, or each formatted with an item key (a role, a status). */
export interface ErrorList {
  list: readonly string[];
  each?: ItemKey;
}
export type ErrorValue = string | number | Date | ErrorList;

/**
 * What an error says: a key of the catalog, bare when its message has no
 * placeholders, else with exactly the values it uses. A key that is not in the
 * catalog, or English typed inline, does not compile.
 */
export type ErrorText = {
  [K in ErrorKey]: [ArgsOf<EnglishErrors[K]>] extends [never] ? K | { key: K; values?: undefined } : { key: K; values: Record<ArgsOf<EnglishErrors[K]>, ErrorValue> };
}[ErrorKey];

/** Formats an error's text in a language, lists included. */
export function errorText(language: Language, text: ErrorText): string {
  if (typeof text === 'string') {
    // A message not yet in the catalog (a route still being converted) is answered as written, never as a 500.
    if (!(text in errorMessages.en)) return text;
    return format(language, errorMessages, text);
  }
  const values: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries((text.values ?? {}) as Record<string, ErrorValue>)) {
    values[name] =
      typeof value === 'object' && 'list' in value
        ? value.list.map((item) => (value.each ? format(language, errorMessages, value.each, { item }) : item)).join(', ')
        : value;
  }
  return format(language, errorMessages, text.key, values);
}

export type ErrorDetail = { path: string; message: ErrorText };

export class AppError extends Error {
  constructor(
    public code: ErrorCode,
    public text: ErrorText,
    public details?: ErrorDetail[],
  ) {
    // English for logs and the operator's command line; answers are formatted per request (bodyIn).
    super(errorText('en', text));
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  /** The answer's body in the requester's language. */
  bodyIn(language: Language): ErrorBody {
    return {
      code: this.code,
      message: errorText(language, this.text),
      ...(this.details ? { details: this.details.map((d) => ({ path: d.path, message: errorText(language, d.message) })) } : {}),
    };
  }
}

/**
 * The single "not found or no access" answer. Denials and missing ids must be
 * indistinguishable, or ids of other people's coaching content leak by probing.
 */
export function notFound(): AppError {
  return new AppError('NOT_FOUND', 'notFound');
}

/** 422 with the same message on the field it is about. */
export function unprocessable(text: ErrorText, path?: string): AppError {
  return new AppError('UNPROCESSABLE', text, path ? [{ path, message: text }] : undefined);
}
