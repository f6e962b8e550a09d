/**
 * Launching a program (issue 12, item 8; SPEC §2.1): the program page every signed-in person
 * reads, a teacher's one-step answer to "would you like a coach?", the volunteers the program
 * leader (and the coach a teacher chose) turns into partnerships of origin "volunteered", and
 * testimonials shown only with their author's explicit consent and the leader's approval.
 *
 * Who may do what is decided in privacy/policy.ts (program.*, enrolment.*, testimonial.*); a
 * person an action is not for gets the same 404 as for an id that does not exist. A teacher's
 * supervisor is never among the readers of an enrolment.
 */
import { z } from 'zod';
import {
  EnrolmentBody,
  IdParams,
  PartnerEnrolmentBody,
  ProgramPage,
  ProgramWelcomeBody,
  TestimonialApprovalBody,
  TestimonialBody,
  TestimonialConsentBody,
  TestimonialForReview,
  TestimonialsForReview,
  Volunteer,
  Volunteers,
} from '../../../shared/src/api';
import type { MemberRole } from '../../../shared/src/domain';
import { SUBJECT_ROLES } from '../../../shared/src/domain';
import type { Actor } from '../platform/actor';
import { AppError, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { newId } from '../platform/ids';
import { authorizeInProgram, authorizeOnEnrolment, authorizeOnTestimonial, canOnEnrolment, canOnTestimonial, programAbilities } from '../privacy/policy';
import { loadPersonFacts } from '../privacy/relations';
import { createPartnership } from '../partnerships/partnerships.service';
import {
  enrolmentContext,
  presentForReview,
  presentMyEnrolment,
  presentMyTestimonial,
  presentPublished,
  presentVolunteer,
  programCoaches,
  selectEnrolments,
  selectTestimonials,
  testimonialContext,
} from './program.queries';

const TAGS = ['program'];

export default async function programRoutes(app: App, s: Services) {
  const { db, clock } = s;

  async function page(actor: Actor): Promise<z.infer<typeof ProgramPage>> {
    const [facts, org, welcome, coaches, published, mine, myTestimonials] = await Promise.all([
      loadPersonFacts(db, actor),
      db.selectFrom('organizations').select('name').where('id', '=', actor.orgId).executeTakeFirstOrThrow(),
      db.selectFrom('program_pages').select('welcome').where('org_id', '=', actor.orgId).executeTakeFirst(),
      programCoaches(db, actor.orgId),
      // Scoped in the query (consented and approved) and again by the rule, so an unconsented testimonial never leaves here.
      selectTestimonials(db, actor).where('t.consent', '!=', 'none').where('t.approved_at', 'is not', null).orderBy('t.approved_at', 'desc').limit(50).execute(),
      selectEnrolments(db, actor).where('e.person_id', '=', actor.personId).executeTakeFirst(),
      db.selectFrom('testimonials').selectAll().where('org_id', '=', actor.orgId).where('author_id', '=', actor.personId).orderBy('created_at', 'desc').limit(20).execute(),
    ]);
    return {
      organization: org.name,
      welcome: welcome?.welcome || null,
      coaches,
      testimonials: published.filter((r) => canOnTestimonial(testimonialContext(actor, r), 'testimonial.show')).map(presentPublished),
      myEnrolment: mine && canOnEnrolment(enrolmentContext(actor, mine), 'enrolment.see') ? presentMyEnrolment(actor, mine) : null,
      myTestimonials: myTestimonials.map((r) => presentMyTestimonial(actor, r)),
      abilities: programAbilities(facts),
    };
  }

  app.get('/api/program', { config: { matrix: 'program.read' }, schema: { tags: TAGS, summary: 'The program page: how coaching works here, its coaches, published testimonials, and your own answer and testimonials', response: { 200: ProgramPage } } }, async (request) => page(actorOf(request)));

  app.put('/api/program/welcome', { config: { matrix: 'program.welcome' }, schema: { tags: TAGS, summary: "The program leader's welcome on the program page (empty: none)", body: ProgramWelcomeBody, response: { 200: ProgramPage } } }, async (request) => {
    const actor = actorOf(request);
    authorizeInProgram(await loadPersonFacts(db, actor), 'program.editWelcome');
    const values = { welcome: request.body.welcome, updated_by: actor.personId, updated_at: clock.now().toISOString() };
    await db.insertInto('program_pages').values({ org_id: actor.orgId, ...values }).onConflict((oc) => oc.column('org_id').doUpdateSet(values)).execute();
    return page(actor);
  });

  // ---------- a teacher's answer ----------

  app.put('/api/program/enrolment', { config: { matrix: 'program.enrol' }, schema: { tags: TAGS, summary: 'Volunteer for coaching (with optional preferences) or say "not now", in one step; change your mind any time until it becomes a partnership', body: EnrolmentBody, response: { 200: ProgramPage } } }, async (request) => {
    const actor = actorOf(request);
    authorizeInProgram(await loadPersonFacts(db, actor), 'program.enrol');
    const body = request.body;
    const volunteer = body.choice === 'volunteer';
    if (volunteer && body.preferredCoachId) {
      const coach = (await programCoaches(db, actor.orgId)).find((c) => c.personId === body.preferredCoachId);
      if (!coach || coach.personId === actor.personId) throw unprocessable('enrolmentCoach', 'preferredCoachId');
    }
    const existing = await db.selectFrom('enrolments').selectAll().where('org_id', '=', actor.orgId).where('person_id', '=', actor.personId).executeTakeFirst();
    if (existing && !canOnEnrolment(enrolmentContext(actor, existing), 'enrolment.change')) throw unprocessable('enrolmentPartnered');
    const now = clock.now().toISOString();
    // A "not now" keeps no preferences: nothing about it is ever shown to anyone else.
    const values = {
      status: volunteer ? 'volunteered' : 'declined',
      format: volunteer ? body.format : null,
      preferred_coach_id: volunteer ? body.preferredCoachId : null,
      starts: volunteer ? body.starts : null,
      partnership_id: null,
      updated_at: now,
    };
    if (existing) {
      const res = await db.updateTable('enrolments').set(values).where('id', '=', existing.id).where('org_id', '=', actor.orgId).where('status', '!=', 'partnered').executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('CONFLICT', 'sameMoment');
    } else {
      await db.insertInto('enrolments').values({ id: newId(), org_id: actor.orgId, person_id: actor.personId, created_at: now, ...values }).execute();
    }
    return page(actor);
  });

  app.delete('/api/program/enrolment', { config: { matrix: 'program.enrol' }, schema: { tags: TAGS, summary: 'Take back your request for coaching (or your "not now"), until it becomes a partnership', response: { 200: ProgramPage } } }, async (request) => {
    const actor = actorOf(request);
    const row = await db.selectFrom('enrolments').selectAll().where('org_id', '=', actor.orgId).where('person_id', '=', actor.personId).executeTakeFirst();
    authorizeOnEnrolment(row && enrolmentContext(actor, row), 'enrolment.withdraw');
    const res = await db
      .updateTable('enrolments')
      .set({ status: 'withdrawn', format: null, preferred_coach_id: null, starts: null, updated_at: clock.now().toISOString() })
      .where('id', '=', row!.id)
      .where('org_id', '=', actor.orgId)
      .where('status', 'in', ['volunteered', 'declined'])
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('CONFLICT', 'sameMoment');
    return page(actor);
  });

  // ---------- the volunteers, for the program leader and the coach a teacher chose ----------

  app.get('/api/program/enrolments', { config: { matrix: 'program.enrolments' }, schema: { tags: TAGS, summary: 'Teachers who volunteered (all of them for the program leader; for a coach, those who chose them), newest first', response: { 200: Volunteers } } }, async (request) => {
    const actor = actorOf(request);
    authorizeInProgram(await loadPersonFacts(db, actor), 'program.reviewEnrolments');
    let q = selectEnrolments(db, actor).where('e.status', 'in', ['volunteered', 'partnered']);
    if (!actor.roles.has('leader')) q = q.where('e.preferred_coach_id', '=', actor.personId);
    const rows = await q.orderBy('e.updated_at', 'desc').limit(200).execute();
    return { items: rows.filter((r) => canOnEnrolment(enrolmentContext(actor, r), 'enrolment.see')).map((r) => presentVolunteer(actor, r)) };
  });

  app.post('/api/program/enrolments/:id/partnership', { config: { matrix: 'program.partner' }, schema: { tags: TAGS, summary: 'Turn a request for coaching into a partnership (origin "volunteered") in one step; its people are invited', params: IdParams, body: PartnerEnrolmentBody, response: { 201: Volunteer } } }, async (request, reply) => {
    const actor = actorOf(request);
    const find = () => selectEnrolments(db, actor).where('e.id', '=', request.params.id).executeTakeFirst();
    const row = await find();
    authorizeOnEnrolment(row && enrolmentContext(actor, row), 'enrolment.partner');
    const body = request.body;
    const teacher = row!.person_id;
    const coachRole: MemberRole = body.format === 'expert' ? 'coach' : 'mentor';
    const teacherRole: MemberRole = body.format === 'expert' ? 'coachee' : body.format === 'self' ? 'self' : 'peer';
    const coaches = await db.selectFrom('person_roles').select('role').where('org_id', '=', actor.orgId).where('person_id', '=', body.coachId).execute();
    const roles = new Set(coaches.map((r) => r.role));
    if (body.coachId === teacher || !(roles.has('coach') || (coachRole === 'mentor' && roles.has('mentor')))) throw unprocessable('enrolmentPartnerCoach', 'coachId');
    if (body.format !== 'peer' && body.peerIds.length > 0) throw unprocessable('enrolmentPeersOnlyPeer', 'peerIds');
    const members = [
      { personId: body.coachId, role: coachRole },
      { personId: teacher, role: teacherRole },
      ...body.peerIds.map((personId) => ({ personId, role: 'peer' as const })),
    ];
    if (!members.some((m) => SUBJECT_ROLES.includes(m.role))) throw unprocessable('enrolmentPartnerCoach', 'coachId');
    // The partnership and the answered request are written together: never a partnership whose request still waits.
    await createPartnership(db, clock, actor, { format: body.format, origin: 'volunteered', members, acknowledgeDualRole: body.acknowledgeDualRole }, async (trx, partnershipId) => {
      const res = await trx
        .updateTable('enrolments')
        .set({ status: 'partnered', partnership_id: partnershipId, updated_at: clock.now().toISOString() })
        .where('id', '=', row!.id)
        .where('org_id', '=', actor.orgId)
        .where('status', '=', 'volunteered')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('CONFLICT', 'sameMoment');
      // Colleagues paired with them who had volunteered too: their requests are answered by the same partnership.
      if (body.peerIds.length) {
        await trx
          .updateTable('enrolments')
          .set({ status: 'partnered', partnership_id: partnershipId, updated_at: clock.now().toISOString() })
          .where('org_id', '=', actor.orgId)
          .where('person_id', 'in', body.peerIds)
          .where('status', '=', 'volunteered')
          .execute();
      }
    });
    return reply.status(201).send(presentVolunteer(actor, (await find())!));
  });

  // ---------- testimonials ----------

  app.post('/api/program/testimonials', { config: { matrix: 'program.testify' }, schema: { tags: TAGS, summary: 'Write a testimonial about coaching here; nobody else sees it until you consent to show it', body: TestimonialBody, response: { 201: ProgramPage } } }, async (request, reply) => {
    const actor = actorOf(request);
    const facts = await loadPersonFacts(db, actor);
    authorizeInProgram(facts, 'program.writeTestimonial');
    const accepted = facts.memberships.filter((m) => m.state === 'accepted');
    const authorRole = accepted.some((m) => SUBJECT_ROLES.includes(m.role)) ? 'teacher' : 'coach';
    const now = clock.now().toISOString();
    await db
      .insertInto('testimonials')
      .values({ id: newId(), org_id: actor.orgId, author_id: actor.personId, author_role: authorRole, text: request.body.text, consent: 'none', consented_at: null, approved_by: null, approved_at: null, created_at: now, updated_at: now })
      .execute();
    return reply.status(201).send(await page(actor));
  });

  async function ownTestimonial(actor: Actor, id: string) {
    return db.selectFrom('testimonials').selectAll().where('org_id', '=', actor.orgId).where('id', '=', id).executeTakeFirst();
  }

  app.put('/api/program/testimonials/:id', { config: { matrix: 'program.testimonial' }, schema: { tags: TAGS, summary: 'Change your testimonial: it goes back to private until you consent again, and the leader approves the new words', params: IdParams, body: TestimonialBody, response: { 200: ProgramPage } } }, async (request) => {
    const actor = actorOf(request);
    const row = await ownTestimonial(actor, request.params.id);
    authorizeOnTestimonial(row && testimonialContext(actor, row), 'testimonial.edit');
    await db
      .updateTable('testimonials')
      .set({ text: request.body.text, consent: 'none', consented_at: null, approved_by: null, approved_at: null, updated_at: clock.now().toISOString() })
      .where('id', '=', row!.id)
      .where('org_id', '=', actor.orgId)
      .execute();
    return page(actor);
  });

  app.put('/api/program/testimonials/:id/consent', { config: { matrix: 'program.testimonial' }, schema: { tags: TAGS, summary: 'Consent to show your testimonial to colleagues, with or without your name (the leader then approves it for the page)', params: IdParams, body: TestimonialConsentBody, response: { 200: ProgramPage } } }, async (request) => {
    const actor = actorOf(request);
    const row = await ownTestimonial(actor, request.params.id);
    authorizeOnTestimonial(row && testimonialContext(actor, row), 'testimonial.consent');
    if (!request.body.agree) throw unprocessable('testimonialAgree', 'agree');
    const now = clock.now().toISOString();
    // Choosing to be shown differently (named ↔ anonymous) is a new consent: the leader approves again.
    const same = row!.consent === request.body.show;
    await db
      .updateTable('testimonials')
      .set({ consent: request.body.show, consented_at: now, updated_at: now, ...(same ? {} : { approved_by: null, approved_at: null }) })
      .where('id', '=', row!.id)
      .where('org_id', '=', actor.orgId)
      .execute();
    return page(actor);
  });

  app.delete('/api/program/testimonials/:id/consent', { config: { matrix: 'program.testimonial' }, schema: { tags: TAGS, summary: 'Withdraw your consent: the testimonial leaves the program page at once', params: IdParams, response: { 200: ProgramPage } } }, async (request) => {
    const actor = actorOf(request);
    const row = await ownTestimonial(actor, request.params.id);
    authorizeOnTestimonial(row && testimonialContext(actor, row), 'testimonial.withdrawConsent');
    await db
      .updateTable('testimonials')
      .set({ consent: 'none', consented_at: null, approved_by: null, approved_at: null, updated_at: clock.now().toISOString() })
      .where('id', '=', row!.id)
      .where('org_id', '=', actor.orgId)
      .execute();
    return page(actor);
  });

  app.delete('/api/program/testimonials/:id', { config: { matrix: 'program.testimonial' }, schema: { tags: TAGS, summary: 'Delete your testimonial', params: IdParams, response: { 200: ProgramPage } } }, async (request) => {
    const actor = actorOf(request);
    const row = await ownTestimonial(actor, request.params.id);
    authorizeOnTestimonial(row && testimonialContext(actor, row), 'testimonial.remove');
    await db.deleteFrom('testimonials').where('id', '=', row!.id).where('org_id', '=', actor.orgId).execute();
    return page(actor);
  });

  app.get('/api/program/testimonials', { config: { matrix: 'program.review' }, schema: { tags: TAGS, summary: "Testimonials whose authors consented to show them, for the program leader's approval", response: { 200: TestimonialsForReview } } }, async (request) => {
    const actor = actorOf(request);
    authorizeInProgram(await loadPersonFacts(db, actor), 'program.reviewTestimonials');
    const rows = await selectTestimonials(db, actor).where('t.consent', '!=', 'none').orderBy('t.consented_at', 'desc').limit(200).execute();
    return { items: rows.filter((r) => canOnTestimonial(testimonialContext(actor, r), 'testimonial.review')).map((r) => presentForReview(actor, r)) };
  });

  app.put('/api/program/testimonials/:id/approval', { config: { matrix: 'program.review' }, schema: { tags: TAGS, summary: 'Approve a consented testimonial for the program page, or take it off (the words stay the author’s)', params: IdParams, body: TestimonialApprovalBody, response: { 200: TestimonialForReview } } }, async (request) => {
    const actor = actorOf(request);
    const find = () => selectTestimonials(db, actor).where('t.id', '=', request.params.id).executeTakeFirst();
    const row = await find();
    authorizeOnTestimonial(row && testimonialContext(actor, row), 'testimonial.review');
    const now = clock.now().toISOString();
    // Only while the consent stands: a withdrawal at the same moment wins.
    await db
      .updateTable('testimonials')
      .set(request.body.approved ? { approved_by: actor.personId, approved_at: now } : { approved_by: null, approved_at: null })
      .where('id', '=', row!.id)
      .where('org_id', '=', actor.orgId)
      .where('consent', '!=', 'none')
      .execute();
    const after = await find();
    authorizeOnTestimonial(after && testimonialContext(actor, after), 'testimonial.review');
    return presentForReview(actor, after!);
  });
}
