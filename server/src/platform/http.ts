/** Shared HTTP types: the app instance with zod typing and the services each feature receives. */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Actor } from './actor';
import type { Clock } from './clock';
import type { DB } from './db';
import { AppError } from './errors';
import type { Mailer } from './mail';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface Services {
  db: DB;
  clock: Clock;
  config: Config;
  mailer: Mailer;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, invitations, password reset, health). */
    public?: boolean;
    /** Permission-matrix key(s) this route is covered by; checked by the route-inventory test. */
    matrix?: string;
  }
  interface FastifyRequest {
    actorOrNull: Actor | null;
  }
}

/** The signed-in actor; routes that are not public always have one. */
export function actorOf(request: { actorOrNull: Actor | null }): Actor {
  if (!request.actorOrNull) throw new AppError('NOT_SIGNED_IN', 'notSignedIn');
  return request.actorOrNull;
}

export function requireRole(actor: Actor, role: 'leader' | 'supervisor' | 'coach' | 'mentor' | 'coachee'): void {
  // Role-gated program set-up routes answer 404 too: they are not there for others.
  if (!actor.roles.has(role)) throw new AppError('NOT_FOUND', 'notFound');
}
