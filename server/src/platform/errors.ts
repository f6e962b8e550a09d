/**
 * One error vocabulary: stable codes, one table from code to HTTP status, and a
 * message a person can act on. Handlers throw AppError; the error handler in
 * app.ts turns it (and validation, size and unexpected errors) into ErrorBody.
 */
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
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    public code: ErrorCode,
    message: string,
    public details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * The single "not found or no access" answer. Denials and missing ids must be
 * indistinguishable, or ids of other people's coaching content leak by probing.
 */
export function notFound(): AppError {
  return new AppError('NOT_FOUND', 'Not found, or you do not have access to it.');
}

export function unprocessable(message: string, path?: string): AppError {
  return new AppError('UNPROCESSABLE', message, path ? [{ path, message }] : undefined);
}
