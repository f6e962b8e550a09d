/** Each person's language: their own choice, or back to their organization's default. */
import { LanguageBody, Me } from '../../../shared/src/api';
import { type App, type Services, actorOf } from '../platform/http';
import { sessionStarter } from './session-start';

export default async function languageRoutes(app: App, s: Services) {
  const { buildMe } = sessionStarter(s);

  app.put('/api/me/language', { config: { matrix: 'self' }, schema: { tags: ['accounts'], summary: 'Choose the language Tandem speaks to you (null: your organization\'s default)', body: LanguageBody, response: { 200: Me } } }, async (request) => {
    const actor = actorOf(request);
    await s.db.updateTable('people').set({ language: request.body.language }).where('id', '=', actor.personId).where('org_id', '=', actor.orgId).execute();
    return buildMe(actor.userId, actor.personId, actor.csrfToken);
  });
}
