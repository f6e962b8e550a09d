/**
 * THE content-kind registry: for every kind of coaching content, where it is
 * stored, whose content it is, how it may be shared, how the coachee sees it
 * named in their access log, and which of its fields are content. Complete over
 * CONTENT_KINDS (a Record, not a Partial), so a new kind does not compile until
 * it says all of this. Every other "which kinds are shareable" list derives from
 * here: the share check (shares.ts), the category match (content.ts), "shared
 * with me" (privacy.routes.ts) and the access log's titles (access-log.ts).
 */
import type { ContentKind, ShareCategory } from '../../../shared/src/domain';
import { SELF_RATING_LABELS } from '../../../shared/src/domain';
import type { DB } from '../platform/db';

/** How a kind may leave the partnership: as single items, and/or as a whole category. */
export type Shareable = { item: boolean; category: ShareCategory | null };

export interface KindInfo {
  /** Where one item lives; `id` is the column that names it in shares and the access log. */
  table: string;
  id: string;
  /** The column holding the coachee whose content this is (null: every coachee of the partnership). */
  subject: string | null;
  /** When the item was written (orders "shared with me"). */
  created: string;
  share: Shareable;
  /** "one of your goals": how a share receipt names one item. */
  oneOf: string;
  /** Fields of the API object that are coaching content (never sent to a non-member without a share). */
  contentFields: readonly string[];
  /**
   * Titles for the access log and lists of shared items: the item's own title,
   * or its first words. Reading them is the coachee's own read (not logged).
   */
  titles(db: DB, orgId: string, ids: string[]): Promise<Map<string, string>>;
  /** The item as display text, for a person it was shared with (each read logged by the caller). */
  text?(db: DB, orgId: string, partnershipId: string, id: string): Promise<ItemText | null>;
}

export interface ItemText {
  subjectId: string;
  title: string;
  body: string;
  createdAt: string;
}

const NOT_SHARED: Shareable = { item: false, category: null };

/** The first words of a text, for a title. */
export function firstWords(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

type TitleRow = { id: string; title: string };
/** Titles from one table: a column, or a function of some columns. */
function titlesFrom<T extends string>(table: T, idColumn: string, columns: string[], make: (row: Record<string, string>) => string) {
  return async (db: DB, orgId: string, ids: string[]): Promise<Map<string, string>> => {
    const out = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = (await db
        .selectFrom(table as 'notes')
        .select([`${idColumn} as id`, ...columns] as never[])
        .where('org_id', '=', orgId)
        .where(idColumn as 'id', 'in', unique.slice(i, i + 500))
        .execute()) as unknown as Array<Record<string, string>>;
      for (const r of rows) out.set(String(r.id), make(r));
    }
    return out;
  };
}

/** "Tue 8 Dec 2026" (UTC): a date a person reads, in a title. */
const dateOf = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Display text of one item, read from one table (for "shared with me"). */
function textFrom(table: string, columns: string[], title: (r: Record<string, string>) => string, body: (r: Record<string, string>) => string) {
  return async (db: DB, orgId: string, partnershipId: string, id: string): Promise<ItemText | null> => {
    const r = (await db
      .selectFrom(table as 'notes')
      .select(['subject_id', 'created_at', ...columns] as never[])
      .where('org_id', '=', orgId)
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', id)
      .executeTakeFirst()) as unknown as Record<string, string> | undefined;
    return r ? { subjectId: r.subject_id, createdAt: r.created_at, title: title(r), body: body(r) } : null;
  };
}

const goalText = (r: Record<string, string>) =>
  [`Goal: ${r.title}`, r.child_outcome && `For the children: ${r.child_outcome}`, r.success_looks_like && `What success looks like: ${r.success_looks_like}`, `Status: ${r.status.replace('_', ' ')}`].filter(Boolean).join('\n');
const planText = (r: Record<string, string>) => {
  const form = JSON.parse(r.data_form) as { method: string; fields?: string[] };
  return [`Observation plan: ${r.focus}`, r.current_picture && `Where we are now: ${r.current_picture}`, r.success_looks_like && `What success looks like: ${r.success_looks_like}`, r.look_for && `What to look for: ${r.look_for}`, `Data: ${form.method.replace('_', ' ')}${form.fields?.length ? ` (${form.fields.join(', ')})` : ''}`]
    .filter(Boolean)
    .join('\n');
};
const answersOf = (json: string) => JSON.parse(json) as Array<{ prompt: string; answer: string }>;
const reflectionTitle = (r: Record<string, string>) => `Reflection: ${firstWords(answersOf(r.answers).find((a) => a.answer.trim())?.answer ?? '', 60)}`;

export const KINDS: Record<ContentKind, KindInfo> = {
  note: {
    table: 'notes', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'notes' },
    oneOf: 'one of your notes',
    contentFields: ['body'],
    titles: titlesFrom('notes', 'id', ['body'], (r) => firstWords(r.body)),
    text: textFrom('notes', ['body'], (r) => firstWords(r.body), (r) => r.body),
  },
  profile: {
    // One profile per coachee and partnership: it is named by the coachee's id.
    table: 'partnership_profiles', id: 'subject_id', subject: 'subject_id', created: 'updated_at',
    share: { item: true, category: null },
    oneOf: 'your getting-to-know-you profile',
    contentFields: ['profiles', 'strengths', 'learningStyle', 'needs', 'challenges', 'challengeNotes'],
    titles: async (_db, _org, ids) => new Map(ids.map((id) => [id, 'Getting-to-know-you profile'])),
    text: async (db, orgId, partnershipId, id) => {
      const r = await db.selectFrom('partnership_profiles').selectAll().where('org_id', '=', orgId).where('partnership_id', '=', partnershipId).where('subject_id', '=', id).executeTakeFirst();
      if (!r) return null;
      const challenges = (JSON.parse(r.challenges) as string[]).map((c) => c.replace('_', ' '));
      const body = [
        r.strengths && `Strengths: ${r.strengths}`,
        r.learning_style && `How I like to learn: ${r.learning_style}`,
        r.needs && `What I need: ${r.needs}`,
        challenges.length && `Challenges: ${challenges.join(', ')}`,
        r.challenge_notes && `About the challenges: ${r.challenge_notes}`,
      ].filter(Boolean).join('\n');
      return { subjectId: r.subject_id, createdAt: r.updated_at, title: 'Getting-to-know-you profile', body };
    },
  },
  goal: {
    table: 'goals', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'goals' },
    oneOf: 'one of your goals',
    contentFields: ['title', 'childOutcome', 'successLooksLike', 'steps', 'decisionNote', 'goalTitle', 'addedSteps', 'description'],
    titles: titlesFrom('goals', 'id', ['title'], (r) => firstWords(r.title)),
    text: textFrom('goals', ['title', 'child_outcome', 'success_looks_like', 'status'], (r) => firstWords(r.title), goalText),
  },
  meeting: {
    // The agenda is the content of a session; its time and place are logistics.
    table: 'meetings', id: 'id', subject: null, created: 'created_at',
    share: NOT_SHARED,
    oneOf: 'a session agenda',
    contentFields: ['agenda', 'cancelReason', 'lastRescheduleReason', 'location', 'note'],
    titles: titlesFrom('meetings', 'id', ['kind', 'starts_at'], (r) => `Agenda of the ${r.kind.replace(/_/g, ' ')} on ${dateOf(r.starts_at)}`),
  },
  agreement: {
    // Named by its version number; the guidelines are the content.
    table: 'agreement_versions', id: 'version', subject: null, created: 'created_at',
    share: NOT_SHARED,
    oneOf: 'your coaching agreement',
    contentFields: ['guidelines'],
    titles: async (_db, _org, ids) => new Map(ids.map((id) => [id, `Coaching agreement, version ${id}`])),
  },
  celebration: {
    table: 'celebrations', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'celebrations' },
    oneOf: 'one of your celebrations',
    contentFields: ['text', 'goalTitle'],
    titles: titlesFrom('celebrations', 'id', ['text'], (r) => firstWords(r.text)),
    text: textFrom('celebrations', ['kind', 'text', 'happened_on'], (r) => firstWords(r.text), (r) => `Celebration (${r.kind.replace('_', ' ')}, ${r.happened_on}): ${r.text}`),
  },
  strength: {
    // Strengths and priorities (strength_entries) and the coachee's self-ratings (self_ratings) share one kind.
    table: 'strength_entries', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'strengths' },
    oneOf: 'one of your strengths or priorities',
    contentFields: ['text', 'comment', 'level'],
    titles: async (db, orgId, ids) => {
      const entries = await titlesFrom('strength_entries', 'id', ['type', 'text'], (r) => `${r.type === 'strength' ? 'Strength' : 'Priority'}: ${firstWords(r.text, 60)}`)(db, orgId, ids);
      const missing = ids.filter((id) => !entries.has(id));
      if (!missing.length) return entries;
      const ratings = (await db
        .selectFrom('self_ratings as r')
        .innerJoin('practices as p', 'p.id', 'r.practice_id')
        .select(['r.id', 'r.level', 'p.name'])
        .where('r.org_id', '=', orgId)
        .where('r.id', 'in', missing.slice(0, 1000))
        .execute());
      for (const r of ratings) entries.set(r.id, `Self-rating of ${r.name}: ${SELF_RATING_LABELS[r.level] ?? r.level}`);
      return entries;
    },
    text: textFrom('strength_entries', ['type', 'text'], (r) => `${r.type === 'strength' ? 'Strength' : 'Priority'}: ${firstWords(r.text, 60)}`, (r) => `${r.type === 'strength' ? 'Strength' : 'Priority'}: ${r.text}`),
  },
  observation_plan: {
    table: 'observation_plans', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'observation_plans' },
    oneOf: 'one of your observation plans',
    contentFields: ['focus', 'currentPicture', 'successLooksLike', 'lookFor', 'when', 'dataForm', 'goalTitle'],
    titles: titlesFrom('observation_plans', 'id', ['focus'], (r) => `Observation plan: ${firstWords(r.focus, 60)}`),
    text: textFrom('observation_plans', ['focus', 'current_picture', 'success_looks_like', 'look_for', 'data_form'], (r) => `Observation plan: ${firstWords(r.focus, 60)}`, planText),
  },
  reflection: {
    table: 'reflections', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'reflections' },
    oneOf: 'one of your reflections',
    contentFields: ['answers', 'addedSteps'],
    titles: titlesFrom('reflections', 'id', ['answers'], reflectionTitle),
    text: textFrom('reflections', ['answers'], reflectionTitle, (r) => answersOf(r.answers).map((a) => `${a.prompt}\n${a.answer}`).join('\n\n')),
  },
  message: {
    table: 'messages', id: 'id', subject: 'subject_id', created: 'created_at',
    share: NOT_SHARED,
    oneOf: 'a message',
    contentFields: ['body', 'fulfilmentNote'],
    titles: titlesFrom('messages', 'id', ['body'], (r) => `Message: ${firstWords(r.body, 60)}`),
  },
  concern: {
    table: 'concerns', id: 'id', subject: 'subject_id', created: 'created_at',
    share: NOT_SHARED,
    oneOf: 'a concern',
    contentFields: ['description', 'discussionSummary', 'coacheeView', 'escalationReason', 'resolutionNote'],
    titles: titlesFrom('concerns', 'id', ['description'], (r) => `Concern: ${firstWords(r.description, 60)}`),
  },
};

/** Kinds that may be shared one item at a time. */
export const ITEM_SHAREABLE = (Object.keys(KINDS) as ContentKind[]).filter((k) => KINDS[k].share.item);

/** The category a kind falls under when a coachee shares a whole category (null: never as a category). */
export const categoryOf = (kind: ContentKind): ShareCategory | null => KINDS[kind].share.category;

/** The kinds a category covers. */
export const kindsIn = (category: ShareCategory): ContentKind[] => (Object.keys(KINDS) as ContentKind[]).filter((k) => KINDS[k].share.category === category);

export const isContentKind = (kind: string): kind is ContentKind => kind in KINDS;

/** Titles for many (kind, id) pairs at once; unknown kinds and missing items are left out. */
export async function titlesOf(db: DB, orgId: string, refs: Array<{ kind: string; id: string | null }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byKind = new Map<ContentKind, string[]>();
  for (const r of refs) {
    if (!r.id || !isContentKind(r.kind)) continue;
    byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  }
  await Promise.all(
    [...byKind].map(async ([kind, ids]) => {
      for (const [id, title] of await KINDS[kind].titles(db, orgId, ids)) out.set(`${kind}:${id}`, title);
    }),
  );
  return out;
}
