/** Agreement routes: read (full for members, logistics for supervisors and leaders), save a version, sign, export, templates. */
import { z } from 'zod';
import {
  AgreementContent,
  AgreementResponse,
  AgreementTemplate,
  FormatParams,
  IdParams,
  SaveAgreementBody,
  SignBody,
  SupervisorSignBody,
  TemplateBody,
  VersionParams,
} from '../../../shared/src/api';
import { FORMATS } from '../../../shared/src/domain';
import type { Language, Values } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import { humanDate, humanDateTime } from '../platform/dates';
import type { DB } from '../platform/db';
import { notFound } from '../platform/errors';
import { type App, type Services, actorOf, requireRole } from '../platform/http';
import { PDF_FONT, PDF_LANG, renderPdf } from '../platform/pdf';
import { logMemberReads, logSupervisorCommitmentsRead } from '../privacy/content';
import { logisticsOnly } from '../privacy/logistics';
import { authorize, can } from '../privacy/policy';
import { loadContext, type PartnershipContext } from '../privacy/relations';
import { mySupervisorSignatureNeeded, presentSupervisorPart, signAsSupervisor } from '../supervision/supervisor-part';
import { saveVersion, sign, signersOf, templateFor } from './agreements.service';
import { pdfMessages } from './messages';

type Version = { version: number; content: string; content_hash: string; created_at: string; created_by_name: string };

async function loadVersion(db: DB, ctx: PartnershipContext, version: number): Promise<Version | undefined> {
  return db
    .selectFrom('agreement_versions as v')
    .innerJoin('people as p', 'p.id', 'v.created_by')
    .select(['v.version', 'v.content', 'v.content_hash', 'v.created_at', 'p.name as created_by_name'])
    .where('v.org_id', '=', ctx.actor.orgId)
    .where('v.partnership_id', '=', ctx.partnership.id)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

async function presentVersion(db: DB, ctx: PartnershipContext, v: Version) {
  const content = AgreementContent.parse(JSON.parse(v.content));
  const signatures = await db
    .selectFrom('agreement_signatures')
    .select(['person_id', 'name', 'signed_at', 'content_hash', 'version'])
    .where('partnership_id', '=', ctx.partnership.id)
    .where('version', '=', v.version)
    .orderBy('signed_at')
    .execute();
  const signed = new Set(signatures.map((s) => s.person_id));
  // Guidelines (practices, what is observed and shared) are coaching content: members only. Of the
  // commitments, someone outside reads the supervisor's alone, and only as the coachee's supervisor.
  const { commitments: _everyParty, ...logistics } = logisticsOnly('agreementContent', content);
  const outside = can(ctx, 'agreement.readSupervisorCommitments') ? { ...logistics, commitments: logisticsOnly('commitments', content.commitments) } : logistics;
  const visible: Omit<typeof content, 'guidelines' | 'commitments'> & { guidelines?: typeof content.guidelines; commitments?: Partial<typeof content.commitments> } = can(ctx, 'partnership.readContent') ? content : outside;
  const supervisor = can(ctx, 'agreement.readSupervisorCommitments') ? await presentSupervisorPart(db, ctx, content) : undefined;
  return {
    version: v.version,
    contentHash: v.content_hash,
    createdAt: v.created_at,
    createdBy: v.created_by_name,
    content: visible,
    signatures: signatures.map((s) => ({ personId: s.person_id, name: s.name, signedAt: s.signed_at, contentHash: s.content_hash, version: s.version })),
    waitingFor: signersOf(ctx).filter((m) => !signed.has(m.personId)).map((m) => ({ personId: m.personId, name: m.name })),
    ...(supervisor !== undefined ? { supervisor } : {}),
  };
}

export default async function agreementRoutes(app: App, s: Services) {
  const { db, clock } = s;

  async function logAgreementRead(ctx: PartnershipContext, version: number, action: 'view' | 'export' | 'print') {
    await logMemberReads(db, clock, ctx, [{ kind: 'agreement', id: String(version), subjectId: null }], action);
  }

  /** Presents a version; the coachee's supervisor reading its supervisor's commitments is logged for her. */
  async function presentRead(ctx: PartnershipContext, v: Version) {
    const presented = await presentVersion(db, ctx, v);
    if (presented.supervisor && !can(ctx, 'partnership.readContent')) await logSupervisorCommitmentsRead(db, clock, ctx, v.version);
    return presented;
  }

  async function respond(ctx: PartnershipContext) {
    const versions = await db
      .selectFrom('agreement_versions')
      .select(['version', 'created_at'])
      .where('org_id', '=', ctx.actor.orgId)
      .where('partnership_id', '=', ctx.partnership.id)
      .orderBy('version', 'desc')
      .limit(100)
      .execute();
    const current = ctx.partnership.current_agreement_version ? await loadVersion(db, ctx, ctx.partnership.current_agreement_version) : undefined;
    if (current) await logAgreementRead(ctx, current.version, 'view');
    const presented = current ? await presentRead(ctx, current) : null;
    return {
      partnershipId: ctx.partnership.id,
      current: presented,
      versions: versions.map((v) => ({ version: v.version, createdAt: v.created_at, signedByAll: v.version === ctx.partnership.agreement_signed_version })),
      abilities: {
        edit: can(ctx, 'agreement.edit'),
        sign: can(ctx, 'agreement.sign') && ctx.mySignatureNeeded,
        signAsSupervisor: can(ctx, 'agreement.signAsSupervisor') && mySupervisorSignatureNeeded(ctx, presented?.supervisor),
      },
    };
  }

  app.get('/api/partnerships/:id/agreement', { config: { matrix: 'agreement.view' }, schema: { tags: ['agreements'], summary: 'The current agreement with signatures and version list', params: IdParams, response: { 200: AgreementResponse } } }, async (request) => {
    const ctx = await loadContext(db, actorOf(request), request.params.id);
    authorize(ctx, 'agreement.view');
    return respond(ctx);
  });

  app.put('/api/partnerships/:id/agreement', { config: { matrix: 'agreement.edit' }, schema: { tags: ['agreements'], summary: 'Save a new version (everyone signs again)', params: IdParams, body: SaveAgreementBody, response: { 200: AgreementResponse } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'agreement.edit');
    await saveVersion(db, clock, ctx, request.body.content, request.body.baseVersion);
    return respond((await loadContext(db, actor, request.params.id))!);
  });

  app.post('/api/partnerships/:id/agreement/signatures', { config: { matrix: 'agreement.sign' }, schema: { tags: ['agreements'], summary: 'Sign the exact version you read (by its content hash)', params: IdParams, body: SignBody, response: { 200: AgreementResponse } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'agreement.sign');
    await sign(db, clock, ctx, request.body.version, request.body.contentHash);
    return respond((await loadContext(db, actor, request.params.id))!);
  });

  app.post('/api/partnerships/:id/agreement/supervisor-signatures', { config: { matrix: 'agreement.signAsSupervisor' }, schema: { tags: ['agreements'], summary: 'The coachee\'s supervisor signs the supervisor\'s commitments of the current version (by their hash)', params: IdParams, body: SupervisorSignBody, response: { 200: AgreementResponse } } }, async (request) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'agreement.signAsSupervisor');
    await signAsSupervisor(db, clock, ctx, request.body.version, request.body.commitmentsHash);
    return respond((await loadContext(db, actor, request.params.id))!);
  });

  app.get('/api/partnerships/:id/agreement/versions/:version', { config: { matrix: 'agreement.view' }, schema: { tags: ['agreements'], summary: 'One earlier version with its signatures', params: VersionParams, response: { 200: AgreementResponse.shape.current.unwrap() } } }, async (request) => {
    const ctx = await loadContext(db, actorOf(request), request.params.id);
    authorize(ctx, 'agreement.view');
    const v = await loadVersion(db, ctx, request.params.version);
    if (!v) throw notFound();
    await logAgreementRead(ctx, v.version, 'view');
    return presentRead(ctx, v);
  });

  app.get('/api/partnerships/:id/agreement.pdf', { config: { matrix: 'agreement.export' }, schema: { tags: ['agreements'], summary: 'The current agreement as a PDF (members only; the export is logged)', params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await loadContext(db, actor, request.params.id);
    authorize(ctx, 'agreement.export');
    const v = ctx.partnership.current_agreement_version ? await loadVersion(db, ctx, ctx.partnership.current_agreement_version) : undefined;
    if (!v) throw notFound();
    const presented = await presentVersion(db, ctx, v);
    const practices = await db.selectFrom('practices').select(['id', 'name']).where('org_id', '=', ctx.actor.orgId).execute();
    const org = await db.selectFrom('organizations').select('time_zone').where('id', '=', ctx.actor.orgId).executeTakeFirstOrThrow();
    await logAgreementRead(ctx, v.version, 'export');
    // In the language of the person downloading it; the commitments stay as the partners wrote them.
    const pdf = await agreementPdf(ctx, presented, practices, org.time_zone, actor.language);
    reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${format(actor.language, pdfMessages, 'fileName', { version: v.version })}"`);
    return reply.send(pdf);
  });

  app.post('/api/partnerships/:id/agreement/prints', { config: { matrix: 'agreement.export' }, schema: { tags: ['agreements'], summary: 'Record that you printed the current agreement (members only; shown in the coachee\'s access log)', params: IdParams, response: { 201: z.object({ ok: z.literal(true) }) } } }, async (request, reply) => {
    const ctx = await loadContext(db, actorOf(request), request.params.id);
    authorize(ctx, 'agreement.export');
    if (!ctx.partnership.current_agreement_version) throw notFound();
    await logAgreementRead(ctx, ctx.partnership.current_agreement_version, 'print');
    return reply.status(201).send({ ok: true as const });
  });

  app.get('/api/agreement-templates', { config: { matrix: 'org.read' }, schema: { tags: ['agreements'], summary: 'The program\'s agreement templates, one per format', response: { 200: z.object({ items: z.array(AgreementTemplate) }) } } }, async (request) => {
    const actor = actorOf(request);
    const rows = await db.selectFrom('agreement_templates').selectAll().where('org_id', '=', actor.orgId).execute();
    const items = await Promise.all(
      FORMATS.map(async (format) => {
        const row = rows.find((r) => r.format === format);
        return { format, commitments: await templateFor(db, actor.orgId, format), updatedAt: row?.updated_at ?? '' };
      }),
    );
    return { items };
  });

  app.put('/api/agreement-templates/:format', { config: { matrix: 'org.manage' }, schema: { tags: ['agreements'], summary: 'Edit the commitments of one format\'s template', params: FormatParams, body: TemplateBody, response: { 200: AgreementTemplate } } }, async (request) => {
    const actor = actorOf(request);
    requireRole(actor, 'leader');
    const now = clock.now().toISOString();
    const commitments = JSON.stringify(request.body.commitments);
    await db
      .insertInto('agreement_templates')
      .values({ org_id: actor.orgId, format: request.params.format, commitments, updated_at: now })
      .onConflict((oc) => oc.columns(['org_id', 'format']).doUpdateSet({ commitments, updated_at: now }))
      .execute();
    return { format: request.params.format, commitments: request.body.commitments, updatedAt: now };
  });
}

/** The PDF's document language, for screen readers. */

/**
 * The agreement as a PDF, in the reader's language; every date and time in the
 * organization's time zone. What the partners wrote prints as written.
 */
function agreementPdf(ctx: PartnershipContext, v: Awaited<ReturnType<typeof presentVersion>>, practices: Array<{ id: string; name: string }>, timeZone: string, language: Language): Promise<Buffer> {
  const t = (key: keyof (typeof pdfMessages)['en'], values?: Values) => format(language, pdfMessages, key, values);
  const or = (text: string | undefined) => text || '—';
  const options = { size: 'LETTER', margin: 56, info: { Title: t('documentTitle', { version: v.version }) }, lang: PDF_LANG[language], tagged: true, displayTitle: true } as PDFKit.PDFDocumentOptions;
  return renderPdf(options, (doc) => {
    const h = (text: string) => doc.moveDown(0.6).font(PDF_FONT.bold).fontSize(13).text(text).font(PDF_FONT.regular).fontSize(11);
    doc.font(PDF_FONT.bold).fontSize(18).text(t('title'));
    doc.font(PDF_FONT.regular).fontSize(11).text(t('subtitle', { format: ctx.partnership.format, version: v.version, date: humanDateTime(v.createdAt, timeZone, language) }));
    const members = ctx.members.filter((m) => m.state !== 'declined').map((m) => t('member', { name: m.name, role: m.role }));
    doc.text(t('members', { members: new Intl.ListFormat(language, { type: 'unit' }).format(members) }));
    const c = v.content;
    for (const [party, items] of Object.entries(c.commitments ?? {})) {
      if (!items?.length) continue;
      h(t('partyHeading', { party }));
      doc.list(items, { bulletRadius: 2 });
    }
    if (c.guidelines) {
      h(t('guidelines'));
      const names = c.guidelines.practiceIds.map((id) => practices.find((p) => p.id === id)?.name).filter(Boolean);
      doc.text(t('practices', { chosen: names.length ? 'yes' : 'no', practices: names.join('; ') }));
      doc.text(t('observation', { mode: c.guidelines.observationMode, text: or(c.guidelines.observation) }));
      doc.text(t('sharing', { text: or(c.guidelines.sharing) }));
      doc.text(t('supports', { text: or(c.guidelines.supports) }));
      doc.text(t('concerns', { text: or(c.guidelines.concerns) }));
    }
    h(t('logistics'));
    doc.text(t('meet', { text: or(c.meetingCadence) }));
    doc.text(t('coverage', { text: or(c.coverageNeeds) }));
    doc.text(t('review', { date: c.reviewOn ? humanDate(c.reviewOn, language) : '—' }));
    h(t('communication'));
    for (const item of c.communicationPlan ?? []) doc.text(`${item.from} → ${item.to}: ${item.what} (${item.when})`);
    h(t('signatures'));
    doc.fontSize(9).text(t('contentHash', { hash: v.contentHash })).fontSize(11);
    for (const sig of v.signatures) doc.text(t('signed', { name: sig.name, date: humanDateTime(sig.signedAt, timeZone, language) }));
    for (const w of v.waitingFor) doc.text(t('notSigned', { name: w.name }));
    // The supervisor signs their own part (issue 12): shown with the partners' signatures.
    for (const sig of v.supervisor?.signatures ?? []) doc.text(t('supervisorSigned', { name: sig.name, date: humanDateTime(sig.signedAt, timeZone, language) }));
    for (const w of v.supervisor?.waitingFor ?? []) doc.text(t('supervisorNotSigned', { name: w.name }));
  });
}
