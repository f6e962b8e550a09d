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
import type { Language } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import { DATA_METHOD_INFO } from '../../../shared/src/prompts';
import { humanDate } from '../platform/dates';
import type { DB } from '../platform/db';
import { itemWords } from './messages';

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
  /** Only items where this column holds this value exist outside their author's hands (a draft is never shared). */
  onlyWhen?: { column: string; value: string };
  /** Fields of the API object that are coaching content (never sent to a non-member without a share). */
  contentFields: readonly string[];
  /**
   * Titles for the access log and lists of shared items: the item's own title,
   * or its first words. Reading them is the coachee's own read (not logged).
   */
  titles(db: DB, orgId: string, ids: string[], language: Language): Promise<Map<string, string>>;
  /** The item as display text, for a person it was shared with (each read logged by the caller), labelled in the reader's language. */
  text?(db: DB, orgId: string, partnershipId: string, id: string, language: Language): Promise<ItemText | null>;
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
function titlesFrom<T extends string>(table: T, idColumn: string, columns: string[], make: (row: Record<string, string>, language: Language) => string) {
  return async (db: DB, orgId: string, ids: string[], language: Language): Promise<Map<string, string>> => {
    const out = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = (await db
        .selectFrom(table as 'notes')
        .select([`${idColumn} as id`, ...columns] as never[])
        .where('org_id', '=', orgId)
        .where(idColumn as 'id', 'in', unique.slice(i, i + 500))
        .execute()) as unknown as Array<Record<string, string>>;
      for (const r of rows) out.set(String(r.id), make(r, language));
    }
    return out;
  };
}

/** The labels around an item's own words, in the reader's language. */
const say = (language: Language, key: keyof typeof itemWords.en, values?: Record<string, string | number>) => format(language, itemWords, key, values);

/** Display text of one item, read from one table (for "shared with me"). */
function textFrom(table: string, columns: string[], title: (r: Record<string, string>, language: Language) => string, body: (r: Record<string, string>, language: Language) => string, onlyWhen?: KindInfo['onlyWhen']) {
  return async (db: DB, orgId: string, partnershipId: string, id: string, language: Language): Promise<ItemText | null> => {
    const r = (await db
      .selectFrom(table as 'notes')
      .select(['subject_id', 'created_at', ...columns, ...(onlyWhen ? [onlyWhen.column] : [])] as never[])
      .where('org_id', '=', orgId)
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', id)
      .executeTakeFirst()) as unknown as Record<string, string> | undefined;
    if (r && onlyWhen && r[onlyWhen.column] !== onlyWhen.value) return null;
    return r ? { subjectId: r.subject_id, createdAt: r.created_at, title: title(r, language), body: body(r, language) } : null;
  };
}

/** A goal written out below its title: what it changes for children, what success looks like, where it stands. */
const goalText = (r: Record<string, string>, language: Language) =>
  [
    r.child_outcome && say(language, 'goalForChildren', { text: r.child_outcome }),
    r.success_looks_like && say(language, 'goalSuccess', { text: r.success_looks_like }),
    say(language, 'goalStatus', { status: r.status }),
  ]
    .filter(Boolean)
    .join('\n');
/** An observation plan written out below its focus (the title). */
const planText = (r: Record<string, string>, language: Language) => {
  const form = JSON.parse(r.data_form) as { method: keyof (typeof DATA_METHOD_INFO)['en']; fields?: string[] };
  const method = DATA_METHOD_INFO[language][form.method]?.label ?? form.method;
  return [
    r.current_picture && say(language, 'planNow', { text: r.current_picture }),
    r.success_looks_like && say(language, 'planSuccess', { text: r.success_looks_like }),
    r.look_for && say(language, 'planLookFor', { text: r.look_for }),
    say(language, 'planData', { method, hasFields: form.fields?.length ? 'yes' : 'no', fields: form.fields?.join(', ') ?? '' }),
  ]
    .filter(Boolean)
    .join('\n');
};
/** An observation's title: its focus, or the day of the visit when it had none. */
const observationTitle = (r: Record<string, string>, language: Language) =>
  r.focus ? say(language, 'observationTitle', { text: firstWords(r.focus, 60) }) : say(language, 'observationOn', { date: humanDate(r.started_at, language) });
/** An observation written out: the visit, then how much each tool recorded (undone taps left out). */
async function observationText(db: DB, orgId: string, partnershipId: string, id: string, language: Language): Promise<ItemText | null> {
  const r = await db.selectFrom('observations').selectAll().where('org_id', '=', orgId).where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const events = await db.selectFrom('observation_events').select(['id', 'tool', 'type', 'payload']).where('org_id', '=', orgId).where('observation_id', '=', id).execute();
  const undone = new Set(events.filter((e) => e.type === 'undo').map((e) => (JSON.parse(e.payload) as { eventId: string }).eventId));
  const tools = JSON.parse(r.tools) as Array<{ tool: keyof (typeof DATA_METHOD_INFO)['en'] }>;
  const lines = tools.map(({ tool }) =>
    say(language, 'observationTool', { tool: DATA_METHOD_INFO[language][tool]?.label ?? tool, count: events.filter((e) => e.tool === tool && e.type !== 'undo' && !undone.has(e.id)).length }),
  );
  const visit = say(language, 'observationVisit', { mode: r.mode, date: humanDate(r.started_at, language), ended: r.ended_at ? 'yes' : 'no', planned: r.plan_id ? 'yes' : 'no' });
  return { subjectId: r.subject_id, createdAt: r.created_at, title: observationTitle(r as unknown as Record<string, string>, language), body: [visit, ...lines].join('\n') };
}
const answersOf = (json: string) => JSON.parse(json) as Array<{ prompt: string; answer: string }>;
const reflectionTitle = (r: Record<string, string>, language: Language) => say(language, 'reflectionTitle', { text: firstWords(answersOf(r.answers).find((a) => a.answer.trim())?.answer ?? '', 60) });
/** Feedback named by its first words: its first text part, or the first quoted line. */
const feedbackBlocks = (json: string) => JSON.parse(json) as Array<{ kind: string; text?: string; tool?: string }>;
const feedbackTitle = (r: Record<string, string>, language: Language) => say(language, 'feedbackTitle', { text: firstWords(feedbackBlocks(r.blocks).find((b) => b.text?.trim())?.text ?? '', 60) });
/** Feedback written out: its words and quoted lines in order, each graphic named by its tool. */
const feedbackText = (r: Record<string, string>, language: Language) =>
  feedbackBlocks(r.blocks)
    .map((b) => (b.kind === 'graphic' ? say(language, 'feedbackGraphic', { tool: DATA_METHOD_INFO[language][b.tool as keyof (typeof DATA_METHOD_INFO)['en']]?.label ?? String(b.tool) }) : (b.text ?? '')))
    .filter((line) => line.trim())
    .join('\n\n');
/** An artifact named by its note's first words, or by its file name when it has no note. */
const artifactTitle = (r: Record<string, string>, language: Language) => say(language, 'artifactTitle', { text: firstWords(r.note?.trim() || r.file_name, 60) });
const strengthTitle = (r: Record<string, string>, language: Language, max = 60) => say(language, 'strengthTitle', { type: r.type, text: max ? firstWords(r.text, max) : r.text });

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
    titles: async (_db, _org, ids, language) => new Map(ids.map((id) => [id, say(language, 'profileTitle')])),
    text: async (db, orgId, partnershipId, id, language) => {
      const r = await db.selectFrom('partnership_profiles').selectAll().where('org_id', '=', orgId).where('partnership_id', '=', partnershipId).where('subject_id', '=', id).executeTakeFirst();
      if (!r) return null;
      const challenges = (JSON.parse(r.challenges) as string[]).map((challenge) => say(language, 'challenge', { challenge }));
      const body = [
        r.strengths && say(language, 'profileStrengths', { text: r.strengths }),
        r.learning_style && say(language, 'profileLearning', { text: r.learning_style }),
        r.needs && say(language, 'profileNeeds', { text: r.needs }),
        challenges.length && say(language, 'profileChallenges', { list: new Intl.ListFormat(language, { type: 'conjunction' }).format(challenges) }),
        r.challenge_notes && say(language, 'profileChallengeNotes', { text: r.challenge_notes }),
      ].filter(Boolean).join('\n');
      return { subjectId: r.subject_id, createdAt: r.updated_at, title: say(language, 'profileTitle'), body };
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
    titles: titlesFrom('meetings', 'id', ['kind', 'starts_at'], (r, language) => say(language, 'meetingTitle', { kind: r.kind, date: humanDate(r.starts_at, language) })),
  },
  agreement: {
    // Named by its version number; the guidelines are the content.
    table: 'agreement_versions', id: 'version', subject: null, created: 'created_at',
    share: NOT_SHARED,
    oneOf: 'your coaching agreement',
    contentFields: ['guidelines'],
    titles: async (_db, _org, ids, language) => new Map(ids.map((id) => [id, say(language, 'agreementTitle', { version: id })])),
  },
  celebration: {
    table: 'celebrations', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'celebrations' },
    oneOf: 'one of your celebrations',
    contentFields: ['text', 'goalTitle'],
    titles: titlesFrom('celebrations', 'id', ['text'], (r) => firstWords(r.text)),
    text: textFrom('celebrations', ['kind', 'text', 'happened_on'], (r) => firstWords(r.text), (r, language) => say(language, 'celebrationBody', { kind: r.kind, date: humanDate(r.happened_on, language), text: r.text })),
  },
  strength: {
    // Strengths and priorities (strength_entries) and the coachee's self-ratings (self_ratings) share one kind.
    table: 'strength_entries', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'strengths' },
    oneOf: 'one of your strengths or priorities',
    contentFields: ['text', 'comment', 'level'],
    titles: async (db, orgId, ids, language) => {
      const entries = await titlesFrom('strength_entries', 'id', ['type', 'text'], strengthTitle)(db, orgId, ids, language);
      const missing = ids.filter((id) => !entries.has(id));
      if (!missing.length) return entries;
      const ratings = (await db
        .selectFrom('self_ratings as r')
        .innerJoin('practices as p', 'p.id', 'r.practice_id')
        .select(['r.id', 'r.level', 'p.name'])
        .where('r.org_id', '=', orgId)
        .where('r.id', 'in', missing.slice(0, 1000))
        .execute());
      for (const r of ratings) entries.set(r.id, say(language, 'selfRatingTitle', { practice: r.name, level: String(r.level) }));
      return entries;
    },
    text: textFrom('strength_entries', ['type', 'text'], (r, language) => strengthTitle(r, language), (r, language) => strengthTitle(r, language, 0)),
  },
  observation_plan: {
    table: 'observation_plans', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'observation_plans' },
    oneOf: 'one of your observation plans',
    contentFields: ['focus', 'currentPicture', 'successLooksLike', 'lookFor', 'when', 'dataForm', 'goalTitle'],
    titles: titlesFrom('observation_plans', 'id', ['focus'], (r, language) => say(language, 'planTitle', { text: firstWords(r.focus, 60) })),
    text: textFrom('observation_plans', ['focus', 'current_picture', 'success_looks_like', 'look_for', 'data_form'], (r, language) => say(language, 'planTitle', { text: firstWords(r.focus, 60) }), planText),
  },
  observation: {
    // What was recorded during a visit: the tools and their categories, the layouts used, every event.
    table: 'observations', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: 'observations' },
    oneOf: 'one of your observations',
    contentFields: ['focus', 'tools', 'events', 'layouts'],
    titles: titlesFrom('observations', 'id', ['focus', 'started_at'], observationTitle),
    text: observationText,
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
    titles: titlesFrom('messages', 'id', ['body'], (r, language) => say(language, 'messageTitle', { text: firstWords(r.body, 60) })),
  },
  feedback: {
    // Written feedback on an observation. Drafts are their author's alone: the feedback routes show a
    // draft to nobody else (ITEM_RULES 'feedback.read'), and only sent feedback can reach a share.
    table: 'feedback', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: null },
    onlyWhen: { column: 'status', value: 'sent' },
    oneOf: 'feedback written for you',
    contentFields: ['blocks'],
    titles: titlesFrom('feedback', 'id', ['blocks'], feedbackTitle),
    text: textFrom('feedback', ['blocks'], feedbackTitle, feedbackText, { column: 'status', value: 'sent' }),
  },
  artifact: {
    // A photo, document, student work or clip with a note. The file name is content too (it may name a
    // child); the bytes are read through GET /api/artifacts/:id/file, a logged read like any other. A
    // clip's comments at moments (artifact_comments) are its content too: read with it, as one read of it.
    table: 'artifacts', id: 'id', subject: 'subject_id', created: 'created_at',
    share: { item: true, category: null },
    oneOf: 'one of your artifacts (a photo, document, student work or clip)',
    contentFields: ['note', 'fileName'],
    titles: titlesFrom('artifacts', 'id', ['note', 'file_name'], artifactTitle),
    text: textFrom('artifacts', ['note', 'file_name', 'content_type'], artifactTitle, (r, language) => [say(language, 'artifactFile', { name: r.file_name, type: r.content_type }), r.note].filter(Boolean).join('\n\n')),
  },
  concern: {
    table: 'concerns', id: 'id', subject: 'subject_id', created: 'created_at',
    share: NOT_SHARED,
    oneOf: 'a concern',
    contentFields: ['description', 'discussionSummary', 'coacheeView', 'escalationReason', 'resolutionNote'],
    titles: titlesFrom('concerns', 'id', ['description'], (r, language) => say(language, 'concernTitle', { text: firstWords(r.description, 60) })),
  },
};

/** Kinds that may be shared one item at a time. */
export const ITEM_SHAREABLE = (Object.keys(KINDS) as ContentKind[]).filter((k) => KINDS[k].share.item);

/** The category a kind falls under when a coachee shares a whole category (null: never as a category). */
export const categoryOf = (kind: ContentKind): ShareCategory | null => KINDS[kind].share.category;

/** The kinds a category covers. */
export const kindsIn = (category: ShareCategory): ContentKind[] => (Object.keys(KINDS) as ContentKind[]).filter((k) => KINDS[k].share.category === category);

export const isContentKind = (kind: string): kind is ContentKind => kind in KINDS;

/** Titles for many (kind, id) pairs at once, labelled in the reader's language; unknown kinds and missing items are left out. */
export async function titlesOf(db: DB, orgId: string, refs: Array<{ kind: string; id: string | null }>, language: Language): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byKind = new Map<ContentKind, string[]>();
  for (const r of refs) {
    if (!r.id || !isContentKind(r.kind)) continue;
    byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  }
  await Promise.all(
    [...byKind].map(async ([kind, ids]) => {
      for (const [id, title] of await KINDS[kind].titles(db, orgId, ids, language)) out.set(`${kind}:${id}`, title);
    }),
  );
  return out;
}
