/**
 * buildApp(services): the whole HTTP application, without listen(), so tests
 * drive it through inject() on a real database. Platform plugins first, then
 * one plugin per feature.
 */
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, LogController } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import accountRoutes from './accounts/accounts.routes';
import adminMeetingRoutes from './admin-meetings/admin-meetings.routes';
import languageRoutes from './accounts/language.routes';
import agreementRoutes from './agreements/agreements.routes';
import attentionRoutes from './attention/attention.routes';
import calendarRoutes from './calendar/calendar.routes';
import celebrationRoutes from './celebrations/celebrations.routes';
import supervisionRoutes from './supervision/supervision.routes';
import concernRoutes from './concerns/concerns.routes';
import layoutRoutes from './observations/layouts.routes';
import observationRoutes from './observations/observations.routes';
import observationExportRoutes from './observations/export.routes';
import observationRecordRoutes from './observations/records.routes';
import strengthRoutes from './strengths/strengths.routes';
import goalRoutes from './goals/goals.routes';
import languageCheckRoutes from './language-check/language-check.routes';
import meetingRoutes from './meetings/meetings.routes';
import messageRoutes from './messages/messages.routes';
import noteRoutes from './notes/notes.routes';
import orgRoutes from './org/org.routes';
import organizationRoutes from './org/organization.routes';
import partnershipRoutes from './partnerships/partnerships.routes';
import overviewRoutes from './partnerships/overview.routes';
import { AppError, type ErrorCode, type ErrorText } from './platform/errors';
import type { App, Services } from './platform/http';
import { requestLanguage } from './platform/language';
import { securityHeaders } from './platform/security-headers';
import { lookupSession, SESSION_COOKIE } from './platform/sessions';
import { loadSessionAndPartnership, partnershipOfUrl } from './privacy/relations';
import { validationBody } from './platform/validation';
import { inlineScriptHashes, registerWebApp } from './platform/web-app';
import practiceRoutes from './practices/practices.routes';
import reflectionRoutes from './reflections/reflections.routes';
import feedbackRoutes from './feedback/feedback.routes';
import artifactRoutes from './artifacts/artifacts.routes';
import privacyRoutes from './privacy/privacy.routes';
import setupRoutes from './setup/setup.routes';
import workLogRoutes from './work-log/work-log.routes';
import programRoutes from './program/program.routes';

/** A unique or primary-key violation from either database: a race between two writers. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteInfo {
  method: string;
  url: string;
  matrix?: string;
  public?: boolean;
}

export async function buildApp(services: Services, opts: { logger?: boolean | object; onRoute?: (route: RouteInfo) => void } = {}): Promise<App> {
  const { config, db, clock } = services;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 256 * 1024,
    // Which proxies may set X-Forwarded-For (TRUST_PROXY); never every hop, or any client picks its own address.
    trustProxy: config.trustProxy,
    // Never log cookies or bodies: they may hold session tokens or coaching content.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>() as unknown as App;
  if (opts.onRoute) {
    const report = opts.onRoute;
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) report({ method, url: r.url, matrix: r.config?.matrix, public: r.config?.public });
    });
  }
  // JSON only: a cross-site form can post text/plain without a preflight.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err: FastifyError, request, reply) => {
    // Every answer in the requester's language: theirs when signed in, else the browser's (platform/messages.ts).
    const language = requestLanguage(request);
    const answer = (status: number, code: ErrorCode, text: ErrorText) => reply.status(status).send(new AppError(code, text).bodyIn(language));
    if (err instanceof AppError) {
      return reply.status(err.status).send(err.bodyIn(language));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send(validationBody(language, err.validationContext, err.validation));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return answer(413, 'PAYLOAD_TOO_LARGE', 'payloadTooLarge');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return answer(415, 'UNSUPPORTED_MEDIA_TYPE', 'unsupportedMediaType');
    if (err.statusCode === 429) return answer(429, 'RATE_LIMITED', 'rateLimited');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return answer(err.statusCode, 'BAD_REQUEST', err.code?.startsWith('FST_ERR_CTP') ? 'invalidJson' : { key: 'badRequest', values: { detail: err.message } });
    }
    if (isUniqueViolation(err)) return answer(409, 'CONFLICT', 'sameMoment');
    // The route's pattern, not request.url: some addresses carry a secret (/calendar/<token>.ics, /api/invitations/<token>).
    const route = request.routeOptions.url ?? '(no route)';
    if (isResponseSerializationError(err)) request.log.error({ err, route }, 'response failed its schema');
    else request.log.error({ err, route, method: request.method }, 'unexpected error');
    return answer(500, 'INTERNAL', 'internal');
  });

  await app.register(cookie);
  const headers = securityHeaders(config.secureCookies, inlineScriptHashes());
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Tandem API', version: '0.1.0', description: 'Collaborative coaching partnerships. Coaching content is visible only inside its partnership unless the coachee shares it; every read is logged.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.decorateRequest('actorOrNull', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const routeConfig = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
      // A request about one partnership reads it with the session, in one statement (privacy/relations.ts).
      const partnershipId = request.routeOptions.url?.startsWith('/api/partnerships/:id') ? partnershipOfUrl(request.url) : null;
      const found = partnershipId ? await loadSessionAndPartnership(db, clock, policy, token, partnershipId) : await lookupSession(db, clock, policy, token);
      if (found && 'actor' in found) request.actorOrNull = found.actor;
      else if (!routeConfig?.public && request.routeOptions.url) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        throw new AppError('SESSION_EXPIRED', 'sessionExpired');
      }
    }
    if (!request.routeOptions.url || routeConfig?.public) return;
    if (!request.actorOrNull) throw new AppError('NOT_SIGNED_IN', 'notSignedIn');
    // CSRF: a cross-site page cannot read our token, so it cannot send this header.
    if (STATE_CHANGING.has(request.method) && request.headers['x-csrf-token'] !== request.actorOrNull.csrfToken) {
      throw new AppError('CSRF_FAILED', 'csrfFailed');
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }));

  await app.register(async (api) => accountRoutes(api as App, services));
  await app.register(async (api) => languageRoutes(api as App, services));
  await app.register(async (api) => setupRoutes(api as App, services));
  await app.register(async (api) => orgRoutes(api as App, services));
  await app.register(async (api) => organizationRoutes(api as App, services));
  await app.register(async (api) => practiceRoutes(api as App, services));
  await app.register(async (api) => partnershipRoutes(api as App, services));
  await app.register(async (api) => overviewRoutes(api as App, services));
  await app.register(async (api) => agreementRoutes(api as App, services));
  await app.register(async (api) => noteRoutes(api as App, services));
  await app.register(async (api) => goalRoutes(api as App, services));
  await app.register(async (api) => meetingRoutes(api as App, services));
  await app.register(async (api) => celebrationRoutes(api as App, services));
  await app.register(async (api) => supervisionRoutes(api as App, services));
  await app.register(async (api) => strengthRoutes(api as App, services));
  await app.register(async (api) => observationRoutes(api as App, services));
  await app.register(async (api) => observationRecordRoutes(api as App, services));
  await app.register(async (api) => observationExportRoutes(api as App, services));
  await app.register(async (api) => layoutRoutes(api as App, services));
  await app.register(async (api) => reflectionRoutes(api as App, services));
  await app.register(async (api) => feedbackRoutes(api as App, services));
  await app.register(async (api) => artifactRoutes(api as App, services));
  await app.register(async (api) => messageRoutes(api as App, services));
  await app.register(async (api) => concernRoutes(api as App, services));
  await app.register(async (api) => calendarRoutes(api as App, services));
  await app.register(async (api) => attentionRoutes(api as App, services));
  await app.register(async (api) => languageCheckRoutes(api as App, services));
  await app.register(async (api) => privacyRoutes(api as App, services));
  await app.register(async (api) => adminMeetingRoutes(api as App, services));
  await app.register(async (api) => workLogRoutes(api as App, services));
  await app.register(async (api) => programRoutes(api as App, services));

  // The built web app, compressed and cached (platform/web-app.ts), and index.html for client routes.
  await registerWebApp(app);

  return app;
}
