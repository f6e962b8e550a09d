/**
 * The one way the web app talks to the server: same-origin cookies, JSON bodies,
 * the CSRF header on every state-changing request, and typed errors whose
 * message is written for people.
 */
import type { z } from 'zod';
import type * as Api from '../../shared/src/api';
import { isLanguage } from '../../shared/src/i18n';
import { format } from '../../shared/src/i18n-format';
import { m as words } from './ui/messages';

export type Me = z.infer<typeof Api.Me>;
export type Person = z.infer<typeof Api.Person>;
export type Site = z.infer<typeof Api.Site>;
export type Team = z.infer<typeof Api.Team>;
export type SupervisionLink = z.infer<typeof Api.SupervisionLink>;
export type DirectoryEntry = z.infer<typeof Api.DirectoryEntry>;
export type Practice = z.infer<typeof Api.Practice>;
export type PartnershipSummary = z.infer<typeof Api.PartnershipSummary>;
export type PartnershipDetail = z.infer<typeof Api.PartnershipDetail>;
export type PartnershipOverview = z.infer<typeof Api.PartnershipOverview>;
export type Member = z.infer<typeof Api.Member>;
export type Profile = z.infer<typeof Api.Profile>;
export type AgreementResponse = z.infer<typeof Api.AgreementResponse>;
export type AgreedTermsList = z.infer<typeof Api.AgreedTermsList>;
export type AgreementVersion = z.infer<typeof Api.AgreementVersion>;
export type AgreementContent = z.infer<typeof Api.AgreementContent>;
export type CommitmentSet = z.infer<typeof Api.CommitmentSet>;
export type AgreementTemplate = z.infer<typeof Api.AgreementTemplate>;
export type Note = z.infer<typeof Api.Note>;
export type Share = z.infer<typeof Api.Share>;
export type SharedItem = z.infer<typeof Api.SharedItem>;
export type SharedItemText = z.infer<typeof Api.SharedItemText>;
export type AccessEvent = z.infer<typeof Api.AccessEvent>;
export type Goal = z.infer<typeof Api.Goal>;
export type GoalStep = z.infer<typeof Api.GoalStep>;
export type GoalStepInput = z.input<typeof Api.GoalStepInput>;
export type Meeting = z.infer<typeof Api.Meeting>;
export type Attendance = z.infer<typeof Api.Attendance>;
export type RoleDescriptions = z.infer<typeof Api.RoleDescriptionsResponse>;
export type InvitationPreview = z.infer<typeof Api.InvitationPreview>;
export type InvitationLink = z.infer<typeof Api.InvitationLink>;
export type ImportResult = z.infer<typeof Api.ImportResult>;
export type ImportRow = z.infer<typeof Api.ImportRow>;
export type Attention = z.infer<typeof Api.AttentionResponse>;
export type Celebration = z.infer<typeof Api.Celebration>;
export type CreateCelebrationBody = z.input<typeof Api.CreateCelebrationBody>;
export type StrengthsResponse = z.infer<typeof Api.StrengthsResponse>;
export type StrengthEntry = z.infer<typeof Api.StrengthEntry>;
export type PracticeRatings = z.infer<typeof Api.PracticeRatings>;
export type RateBody = z.input<typeof Api.RateBody>;
export type AddStrengthBody = z.input<typeof Api.AddStrengthBody>;
export type ObservationPlan = z.infer<typeof Api.ObservationPlan>;
export type DataForm = z.infer<typeof Api.DataForm>;
export type CreateObservationPlanBody = z.input<typeof Api.CreateObservationPlanBody>;
export type UpdateObservationPlanBody = z.input<typeof Api.UpdateObservationPlanBody>;
export type ObservationSummary = z.infer<typeof Api.ObservationSummary>;
export type Observation = z.infer<typeof Api.Observation>;
export type StartObservationBody = z.input<typeof Api.StartObservationBody>;
export type ToolConfigInput = z.input<typeof Api.ToolConfigInput>;
export type ClassroomLayout = z.infer<typeof Api.ClassroomLayout>;
export type Reflection = z.infer<typeof Api.Reflection>;
export type Feedback = z.infer<typeof Api.Feedback>;
export type FeedbackList = z.infer<typeof Api.FeedbackList>;
export type CreateReflectionBody = z.input<typeof Api.CreateReflectionBody>;
export type Message = z.infer<typeof Api.Message>;
export type CreateMessageBody = z.input<typeof Api.CreateMessageBody>;
export type Concern = z.infer<typeof Api.Concern>;
export type Reminder = z.infer<typeof Api.Reminder>;
export type CalendarFeedStatus = z.infer<typeof Api.CalendarFeedStatus>;
export type ReminderSettings = z.infer<typeof Api.ReminderSettings>;
export type Organization = z.infer<typeof Api.Organization>;
export type SetupStatus = z.infer<typeof Api.SetupStatus>;
export type Page<T> = { items: T[]; nextCursor: string | null };
export type FieldProblem = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** The problem reported for one field, matched by its last path segment(s), e.g. "email" or "body.email". */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => normalizePath(d.path) === field)?.message;
  }

  get isSignedOut(): boolean {
    return this.status === 401 && (this.code === 'SESSION_EXPIRED' || this.code === 'NOT_SIGNED_IN');
  }
}

function normalizePath(path: string): string {
  return path.replace(/^(body|querystring|params)\./, '');
}

/** The app's own words for a failed request, in the language the page is shown in (language.tsx keeps <html lang> current). */
function ownWords(key: 'networkError' | 'somethingWrong'): string {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return format(isLanguage(lang) ? lang : 'en', words, key);
}

let csrfToken = '';
let onSignedOut: () => void = () => {};

/** Remember the CSRF token of the current session (from /api/me or a sign-in answer). */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** The current session's CSRF token, for requests not made here (the resumable clip upload sets its own headers). */
export function getCsrfToken(): string {
  return csrfToken;
}

/** Called once by the session layer: what to do when the server says the session is over. */
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

declare global {
  interface Window {
    /** Answers the early questions (web/early.js, inline in the page) asked for before this bundle ran, by address; each is taken once. */
    __tandemEarly?: Record<string, Promise<Response>>;
    /** Set as soon as this bundle runs: early.js, if it arrives later, asks nothing. */
    __tandemStarted?: boolean;
  }
}
if (typeof window !== 'undefined') window.__tandemStarted = true;

/** A GET that early.js already sent (once): its answer, instead of asking again. */
function takeEarly(url: string): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__tandemEarly;
  const answer = early?.[url];
  if (answer) delete early[url];
  return answer;
}

async function request<T>(method: Method, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await ((method === 'GET' && takeEarly(url)) ||
      fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch {
    throw new ApiError(0, 'NETWORK', ownWords('networkError'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; details?: FieldProblem[] };
    const error = new ApiError(
      response.status,
      e.code ?? 'UNKNOWN',
      e.message ?? ownWords('somethingWrong'),
      (e.details ?? []).map((d) => ({ path: normalizePath(d.path), message: d.message })),
    );
    if (error.isSignedOut && !url.startsWith('/api/auth/') && url !== '/api/me') onSignedOut();
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return ownWords('somethingWrong');
}
