/**
 * Which language the server speaks: to the person making a request (their own
 * choice, else their organization's default, else what the browser asks for),
 * and to the person an e-mail goes to.
 */
import { DEFAULT_LANGUAGE, type Language, isLanguage, pickLanguage } from '../../../shared/src/i18n';
import type { DB } from './db';

/** The language of a request: the signed-in person's, else the Accept-Language header's. */
export function requestLanguage(request: { actorOrNull?: { language: Language } | null; headers: Record<string, string | string[] | undefined> }): Language {
  if (request.actorOrNull) return request.actorOrNull.language;
  const header = request.headers['accept-language'];
  return pickLanguage(Array.isArray(header) ? header.join(',') : header);
}

/** The language of each person (for e-mail): their own choice, else their organization's default. */
export async function languagesOf(db: DB, personIds: string[]): Promise<Map<string, Language>> {
  const out = new Map<string, Language>();
  if (!personIds.length) return out;
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.language', 'o.default_language'])
    .where('p.id', 'in', [...new Set(personIds)])
    .execute();
  for (const r of rows) out.set(r.id, isLanguage(r.language) ? r.language : isLanguage(r.default_language) ? r.default_language : DEFAULT_LANGUAGE);
  return out;
}

export async function languageOf(db: DB, personId: string): Promise<Language> {
  return (await languagesOf(db, [personId])).get(personId) ?? DEFAULT_LANGUAGE;
}
