/**
 * The first set-up of an empty install, from the browser (see setup.service.ts):
 * GET says only whether it is needed; POST, with the token printed on the
 * console, creates the organization and its first program leader and signs
 * them in. Both are public: nobody has an account yet.
 */
import { ErrorBody, Me, SetupBody, SetupStatus } from '../../../shared/src/api';
import { sessionStarter } from '../accounts/session-start';
import { attemptLimiter, openAttemptStore } from '../platform/attempt-limits';
import { AppError } from '../platform/errors';
import type { App, Services } from '../platform/http';
import { hashPassword } from '../platform/passwords';
import { alreadySetUp, completeSetup, setupNeeded, setupTokenState } from './setup.service';

export default async function setupRoutes(app: App, s: Services) {
  const { db, clock, config } = s;
  const { startSession } = sessionStarter(s);
  const store = await openAttemptStore(config, clock, app.log);
  app.addHook('onClose', () => store.close());
  // Every try counts against the address, like sign-in. The token is 256 random bits, so there is
  // no per-install budget: one would let anyone keep the operator from setting up.
  const setupLimit = attemptLimiter(store, config, app.log).hook({ door: 'setup' });

  app.get(
    '/api/setup',
    { config: { public: true, matrix: 'public' }, schema: { tags: ['setup'], summary: 'Whether this install still needs its first set-up (nothing else)', response: { 200: SetupStatus } } },
    async () => ({ needed: await setupNeeded(db) }),
  );

  app.post(
    '/api/setup',
    {
      config: { public: true, matrix: 'public' },
      preHandler: setupLimit,
      schema: {
        tags: ['setup'],
        summary: 'Set up an empty install with the token printed at start-up: the organization and its first program leader, who is signed in',
        body: SetupBody,
        response: { 201: Me, 401: ErrorBody, 409: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { token, organization, leader } = request.body;
      const state = await setupTokenState(db, token);
      if (state === 'done') throw alreadySetUp();
      if (state === 'wrong') {
        // The event only: the body (and the token tried) is never logged.
        request.log.info({ event: 'setup_token_wrong' }, 'set-up refused: wrong token');
        throw new AppError('INVALID_CREDENTIALS', 'setupTokenWrong', [{ path: 'body.token', message: 'setupTokenWrongField' }]);
      }
      const passwordHash = await hashPassword(leader.password);
      const { userId, personId } = await completeSetup(db, clock, token, organization, leader, passwordHash);
      request.log.info({ event: 'setup_completed' }, 'Tandem is set up');
      return reply.status(201).send(await startSession(reply, userId, personId));
    },
  );
}
