/**
 * Step 7 of the partnership meeting (issue 12, item 4): the written agreement. Whoever runs the
 * meeting records who drafts it (a participant) and by when; the drafter writes versions, each
 * assembled by the server from what the meeting recorded (settled roles, challenges, strengths,
 * confidentiality agreements, topic answers with the not-relevant ones listed as such, the agreed
 * norms) plus the drafter's own introduction, frozen with a SHA-256 content hash (the hashing of
 * coaching agreements, agreements/agreements.service.ts). Every participant signs the latest
 * version (person + version + hash + time); a newer version starts the signatures over; the
 * agreement is signed once every participant signed the latest. Drafting and signing go on after
 * the meeting ended. The PDF uses Tandem's embedded font (platform/pdf.ts), in the reader's language.
 */
import type { z } from 'zod';
import {
  COACHING_ROLE_TEXT,
  type CoachingRoleKey,
  MEETING_TOPICS,
  type MeetingAgreementContent,
  type MeetingTopicKey,
  NAMING_TOPIC,
  TOPIC_GROUP_KEYS,
  TOPIC_GROUP_TEXT,
  TOPIC_TEXT,
  type AdminMeetingRole,
  type TopicAnswerStatus,
} from '../../../shared/src/admin-meetings';
import {
  AdminMeeting,
  AdminMeetingAgreementPlanBody,
  AdminMeetingAgreementVersion,
  AdminMeetingSignBody,
  AdminMeetingVersionParams,
  CreateAdminMeetingAgreementVersionBody,
  IdParams,
} from '../../../shared/src/api';
import type { Language, Values } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import { hashContent } from '../agreements/agreements.service';
import { humanDateTime } from '../platform/dates';
import type { DB } from '../platform/db';
import { AppError, notFound, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { PDF_FONT, PDF_LANG, renderPdf } from '../platform/pdf';
import type { MeetingRow } from './admin-meetings.queries';
import type { meetingChanges } from './admin-meetings.service';
import { meetingAccess } from './agreement.access';
import { meetingPdfMessages } from './agreement.messages';
import { presentVersion } from './agreement.present';
import { agreementVersion, signaturesOf } from './agreement.queries';

type Change = ReturnType<typeof meetingChanges>['change'];

/** Participants in the order the meeting lists them. */
function participantsOf(db: DB, meetingId: string) {
  return db
    .selectFrom('admin_meeting_participants as p')
    .innerJoin('people as u', 'u.id', 'p.person_id')
    .select(['p.person_id', 'p.role', 'u.name'])
    .where('p.meeting_id', '=', meetingId)
    .orderBy('p.created_at')
    .orderBy('u.name')
    .execute();
}

/** The written agreement's content, assembled from what the meeting recorded (inside the drafter's transaction). */
export async function assembleAgreement(db: DB, m: MeetingRow, introduction: string | null): Promise<MeetingAgreementContent> {
  const [participants, sets, items, answers, norms] = await Promise.all([
    participantsOf(db, m.id),
    db.selectFrom('admin_meeting_role_sets').select(['scope', 'roles']).where('meeting_id', '=', m.id).orderBy('scope').execute(),
    db.selectFrom('admin_meeting_items').select(['id', 'kind', 'text']).where('meeting_id', '=', m.id).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('admin_meeting_answers').select(['topic_key', 'status', 'text', 'names_may_be_used']).where('meeting_id', '=', m.id).execute(),
    db.selectFrom('admin_meeting_norms').select(['id', 'text', 'agreed_at']).where('meeting_id', '=', m.id).orderBy('created_at').orderBy('id').execute(),
  ]);
  const of = (kind: string) => items.filter((i) => i.kind === kind).map((i) => ({ id: i.id, text: i.text }));
  return {
    meetingId: m.id,
    title: m.title,
    schoolYear: m.school_year,
    introduction: introduction || null,
    participants: participants.map((p) => ({ personId: p.person_id, name: p.name, role: p.role as AdminMeetingRole })),
    // The whole group's set ("") first, then teams and subjects by name.
    roleSets: sets.map((s) => ({ scope: s.scope, roles: JSON.parse(s.roles) as CoachingRoleKey[] })),
    challenges: of('challenge'),
    strengths: of('strength'),
    confidentiality: of('confidentiality'),
    topics: MEETING_TOPICS.flatMap((t) => {
      const a = answers.find((x) => x.topic_key === t.key);
      if (!a) return [];
      return [{ key: t.key as MeetingTopicKey, status: a.status as TopicAnswerStatus, text: a.text, namesMayBeUsed: t.key === NAMING_TOPIC && a.names_may_be_used !== null ? Number(a.names_may_be_used) === 1 : null }];
    }),
    // Only the norms the group agreed on.
    norms: norms.filter((n) => n.agreed_at !== null).map((n) => ({ id: n.id, text: n.text })),
  };
}

export default async function meetingAgreementRoutes(app: App, s: Services, change: Change) {
  const { db, clock } = s;
  const { load, read } = meetingAccess(db, clock);

  app.put(
    '/api/admin-meetings/:id/agreement-plan',
    {
      config: { matrix: 'adminMeeting.planAgreement' },
      schema: {
        tags: ['admin meetings'],
        summary: 'Record who drafts the written agreement (a participant) and by when (whoever runs the meeting, also after it ended; baseVersion is agreement.planVersion, 409 when stale)',
        params: IdParams,
        body: AdminMeetingAgreementPlanBody,
        response: { 200: AdminMeeting },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.planAgreement');
      const { drafterId, dueOn, baseVersion } = request.body;
      const seat = await db.selectFrom('admin_meeting_participants').select('person_id').where('meeting_id', '=', m.id).where('person_id', '=', drafterId).executeTakeFirst();
      if (!seat) throw unprocessable('adminMeetingDrafter', 'drafterId');
      await change(m.id, m.org_id, 'agreement_plan', async (trx, now) => {
        const plan = await trx.selectFrom('admin_meeting_agreements').select('version').where('meeting_id', '=', m.id).executeTakeFirst();
        if ((plan ? Number(plan.version) : 0) !== baseVersion) throw new AppError('VERSION_CONFLICT', 'adminMeetingPlanChanged');
        if (!plan) {
          await trx
            .insertInto('admin_meeting_agreements')
            .values({ meeting_id: m.id, org_id: m.org_id, drafter_id: drafterId, due_on: dueOn, version: 1, current_version: 0, signed_version: null, signed_at: null, updated_at: now })
            .execute();
        } else {
          const res = await trx.updateTable('admin_meeting_agreements').set({ drafter_id: drafterId, due_on: dueOn, version: baseVersion + 1, updated_at: now }).where('meeting_id', '=', m.id).where('version', '=', baseVersion).executeTakeFirst();
          if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'adminMeetingPlanChanged');
        }
      });
      return read(actor, m.id);
    },
  );

  app.post(
    '/api/admin-meetings/:id/agreement-versions',
    {
      config: { matrix: 'adminMeeting.draftAgreement' },
      schema: {
        tags: ['admin meetings'],
        summary:
          'Write the next version of the agreement: the server assembles it from the settled roles, challenges, strengths, confidentiality agreements, topic answers (not-relevant ones listed as such) and agreed norms, plus your optional introduction, and freezes it with its content hash; everyone signs again (the drafter only, once the meeting started, also after it ended; baseVersion is agreement.currentVersion, 409 when stale)',
        params: IdParams,
        body: CreateAdminMeetingAgreementVersionBody,
        response: { 201: AdminMeeting },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.draftAgreement');
      if (m.status === 'draft') throw new AppError('INVALID_TRANSITION', 'adminMeetingDraftNotYet');
      const { introduction, baseVersion } = request.body;
      await change(m.id, m.org_id, 'agreement_version', async (trx, now) => {
        const plan = await trx.selectFrom('admin_meeting_agreements').select('current_version').where('meeting_id', '=', m.id).executeTakeFirstOrThrow();
        const current = Number(plan.current_version);
        if (current !== baseVersion) throw new AppError('VERSION_CONFLICT', { key: 'adminMeetingAgreementNewer', values: { version: current } });
        const content = await assembleAgreement(trx, m, introduction);
        const version = current + 1;
        await trx.insertInto('admin_meeting_agreement_versions').values({ meeting_id: m.id, version, org_id: m.org_id, content: JSON.stringify(content), content_hash: hashContent(content), created_by: actor.personId, created_at: now }).execute();
        // A newer version starts the signatures over.
        const res = await trx
          .updateTable('admin_meeting_agreements')
          .set({ current_version: version, signed_version: null, signed_at: null, updated_at: now })
          .where('meeting_id', '=', m.id)
          .where('current_version', '=', current)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', { key: 'adminMeetingAgreementNewer', values: { version: current } });
      });
      return reply.status(201).send(await read(actor, m.id));
    },
  );

  app.get(
    '/api/admin-meetings/:id/agreement-versions/:version',
    {
      config: { matrix: 'adminMeeting.exportAgreement' },
      schema: { tags: ['admin meetings'], summary: 'One version of the written agreement with its signatures (any participant; the latest is also in the meeting’s `agreement.latest`)', params: AdminMeetingVersionParams, response: { 200: AdminMeetingAgreementVersion } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.exportAgreement');
      const v = await agreementVersion(db, m.id, request.params.version);
      if (!v) throw notFound();
      return presentVersion(v, await signaturesOf(db, m.id, v.version), await participantsOf(db, m.id));
    },
  );

  app.post(
    '/api/admin-meetings/:id/agreement-signatures',
    {
      config: { matrix: 'adminMeeting.signAgreement' },
      schema: {
        tags: ['admin meetings'],
        summary: 'Sign the latest version of the agreement by its number and content hash (each participant once per version; 409 when it is no longer the latest or you signed it already; also after the meeting ended)',
        params: IdParams,
        body: AdminMeetingSignBody,
        response: { 200: AdminMeeting },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.signAgreement');
      const { version, contentHash } = request.body;
      await change(m.id, m.org_id, 'agreement_signed', async (trx, now) => {
        const plan = await trx.selectFrom('admin_meeting_agreements').select('current_version').where('meeting_id', '=', m.id).executeTakeFirst();
        const v = plan && Number(plan.current_version) === version ? await trx.selectFrom('admin_meeting_agreement_versions').select('content_hash').where('meeting_id', '=', m.id).where('version', '=', version).executeTakeFirst() : undefined;
        if (!v || v.content_hash !== contentHash) throw new AppError('AGREEMENT_CHANGED', 'adminMeetingAgreementNotLatest');
        const mine = await trx.selectFrom('admin_meeting_signatures').select('person_id').where('meeting_id', '=', m.id).where('version', '=', version).where('person_id', '=', actor.personId).executeTakeFirst();
        if (mine) throw new AppError('AGREEMENT_ALREADY_SIGNED', 'adminMeetingAgreementSigned');
        const me = await trx.selectFrom('people').select('name').where('id', '=', actor.personId).executeTakeFirstOrThrow();
        await trx.insertInto('admin_meeting_signatures').values({ meeting_id: m.id, version, person_id: actor.personId, org_id: m.org_id, name: me.name, content_hash: contentHash, signed_at: now }).execute();
        const participants = await trx.selectFrom('admin_meeting_participants').select('person_id').where('meeting_id', '=', m.id).execute();
        const signed = new Set((await trx.selectFrom('admin_meeting_signatures').select('person_id').where('meeting_id', '=', m.id).where('version', '=', version).execute()).map((r) => r.person_id));
        if (participants.every((p) => signed.has(p.person_id))) {
          await trx.updateTable('admin_meeting_agreements').set({ signed_version: version, signed_at: now, updated_at: now }).where('meeting_id', '=', m.id).where('current_version', '=', version).execute();
        }
      });
      return read(actor, m.id);
    },
  );

  app.get(
    '/api/admin-meetings/:id/agreement.pdf',
    {
      config: { matrix: 'adminMeeting.exportAgreement' },
      schema: { tags: ['admin meetings'], summary: 'The latest version of the written agreement as a PDF, in your language, with its signatures (any participant; 404 before a version exists)', params: IdParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.exportAgreement');
      const plan = await db.selectFrom('admin_meeting_agreements').select('current_version').where('meeting_id', '=', m.id).executeTakeFirst();
      const v = plan && Number(plan.current_version) > 0 ? await agreementVersion(db, m.id, Number(plan.current_version)) : undefined;
      if (!v) throw notFound();
      const presented = presentVersion(v, await signaturesOf(db, m.id, v.version), await participantsOf(db, m.id));
      const org = await db.selectFrom('organizations').select('time_zone').where('id', '=', m.org_id).executeTakeFirstOrThrow();
      const pdf = await meetingAgreementPdf(presented, org.time_zone, actor.language);
      reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${format(actor.language, meetingPdfMessages, 'fileName', { version: v.version })}"`);
      return reply.send(pdf);
    },
  );
}

/** The written agreement as a PDF: our words in the reader's language, the participants' words as written, times in the organization's zone. */
function meetingAgreementPdf(v: z.infer<typeof AdminMeetingAgreementVersion>, timeZone: string, language: Language): Promise<Buffer> {
  const t = (key: keyof (typeof meetingPdfMessages)['en'], values?: Values) => format(language, meetingPdfMessages, key, values);
  const c = v.content;
  const options = { size: 'LETTER', margin: 56, info: { Title: t('documentTitle', { version: v.version }) }, lang: PDF_LANG[language], tagged: true, displayTitle: true } as PDFKit.PDFDocumentOptions;
  return renderPdf(options, (doc) => {
    const h = (text: string) => doc.moveDown(0.6).font(PDF_FONT.bold).fontSize(13).text(text).font(PDF_FONT.regular).fontSize(11);
    const sub = (text: string) => doc.moveDown(0.3).font(PDF_FONT.bold).fontSize(11).text(text).font(PDF_FONT.regular);
    const list = (items: { text: string }[]) => (items.length ? doc.list(items.map((i) => i.text), { bulletRadius: 2 }) : doc.text(t('none')));
    doc.font(PDF_FONT.bold).fontSize(18).text(t('title'));
    doc.font(PDF_FONT.regular).fontSize(11).text(t('subtitle', { title: c.title, schoolYear: c.schoolYear, version: v.version, date: humanDateTime(v.createdAt, timeZone, language) }));
    doc.text(t('participants', { people: new Intl.ListFormat(language, { type: 'unit' }).format(c.participants.map((p) => t('participant', { name: p.name, role: p.role }))) }));
    if (c.introduction) {
      h(t('introduction'));
      doc.text(c.introduction);
    }
    h(t('roles'));
    if (!c.roleSets.length) doc.text(t('none'));
    for (const set of c.roleSets) {
      sub(t('roleScope', { scope: set.scope || 'all' }));
      doc.list(
        set.roles.map((r) => t('role', { name: COACHING_ROLE_TEXT[language][r].name, description: COACHING_ROLE_TEXT[language][r].description })),
        { bulletRadius: 2 },
      );
    }
    h(t('challenges'));
    list(c.challenges);
    h(t('strengths'));
    list(c.strengths);
    h(t('confidentiality'));
    list(c.confidentiality);
    h(t('topics'));
    if (!c.topics.length) doc.text(t('none'));
    for (const group of TOPIC_GROUP_KEYS) {
      const answered = c.topics.filter((a) => MEETING_TOPICS.find((x) => x.key === a.key)?.group === group);
      if (!answered.length) continue;
      sub(TOPIC_GROUP_TEXT[language][group]);
      for (const a of answered) {
        doc.moveDown(0.2).font(PDF_FONT.bold).text(TOPIC_TEXT[language][a.key]).font(PDF_FONT.regular);
        if (a.status === 'not_relevant') doc.text(t('notRelevant'));
        else {
          doc.text(a.text);
          if (a.namesMayBeUsed !== null) doc.text(t('names', { allowed: a.namesMayBeUsed ? 'yes' : 'no' }));
        }
      }
    }
    h(t('norms'));
    list(c.norms);
    h(t('signatures'));
    doc.fontSize(9).text(t('contentHash', { hash: v.contentHash })).fontSize(11);
    for (const sig of v.signatures) doc.text(t('signed', { name: sig.name, date: humanDateTime(sig.signedAt, timeZone, language) }));
    for (const w of v.waitingFor) doc.text(t('notSigned', { name: w.name }));
    if (!v.waitingFor.length) doc.text(t('allSigned'));
  });
}
