/**
 * The descriptive-language check over HTTP, for clients that do not run the
 * shared checker themselves, and the rules in force, so a browser that does
 * checks with exactly the server's rules (the program's extensions included).
 *
 * Any signed-in person may call it. The text is coaching content in the
 * making: it is checked in memory and answered, never stored, and never
 * written to a log (requests are not logged; an error logs only the route).
 */
import { checkLanguage } from '../../../shared/src/language-check';
import { LanguageCheckBody, LanguageCheckResponse, LanguageRulesQuery, LanguageRulesResponse } from '../../../shared/src/language-check/api';
import type { App, Services } from '../platform/http';
import { loadLanguageRules } from './language-check.extensions';

/** 100,000 characters of any script fit, even with every character \u-escaped in the JSON (6 bytes each). */
const BODY_LIMIT = 1024 * 1024;

export default async function languageCheckRoutes(app: App, s: Services) {
  // At start-up, once: a bad extension file stops the start (ConfigError) instead of being found by a coach.
  const { rules, files } = loadLanguageRules(s.config.dataDir);
  if (files.length) app.log.info({ files }, 'language-check extensions loaded');

  app.post(
    '/api/language-check',
    { bodyLimit: BODY_LIMIT, config: { matrix: 'languageCheck.check' }, schema: { tags: ['language-check'], summary: 'Flag judgements, advice, comparisons, scores and vague praise in a text, each with an explanation and a descriptive rewrite (nothing is stored or logged)', body: LanguageCheckBody, response: { 200: LanguageCheckResponse } } },
    async (request) => ({ flags: checkLanguage(request.body.text, request.body.language, rules) }),
  );

  app.get(
    '/api/language-check/rules',
    { config: { matrix: 'languageCheck.rules' }, schema: { tags: ['language-check'], summary: 'The language-check rule sets in force for a language (built-in, then the program\'s extensions), to check in the browser exactly as the server does', querystring: LanguageRulesQuery, response: { 200: LanguageRulesResponse } } },
    async (request) => ({ language: request.query.language, sets: rules.sets.filter((set) => set.language === request.query.language) }),
  );
}
