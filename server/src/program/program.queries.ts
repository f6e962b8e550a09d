/**
 * Scoped reads of the program page (issue 12, item 8): every query takes the actor's
 * organization in its where clause; what a person may then see of each row is decided in
 * privacy/policy.ts (enrolment.*, testimonial.*), and presented here from allow-lists.
 */
import type { z } from 'zod';
import type { MyEnrolment, MyTestimonial, ProgramCoach, PublishedTestimonial, TestimonialForReview, Volunteer } from '../../../shared/src/api';
import type { Format } from '../../../shared/src/domain';
import type { EnrolmentStart, EnrolmentStatus, TestimonialAuthorRole, TestimonialConsent, TestimonialState } from '../../../shared/src/program';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import type { Database } from '../platform/tables';
import { type EnrolmentContext, type TestimonialContext, canOnEnrolment, canOnTestimonial } from '../privacy/policy';

type Who = Pick<Actor, 'personId' | 'orgId' | 'roles'>;

export type EnrolmentRow = Database['enrolments'] & { name: string; site: string | null; coach_name: string | null };
export type TestimonialRow = Database['testimonials'] & { author_name: string };

export const enrolmentContext = (actor: Who, r: Database['enrolments']): EnrolmentContext => ({
  actor,
  roles: actor.roles,
  enrolment: { orgId: r.org_id, personId: r.person_id, status: r.status, preferredCoachId: r.preferred_coach_id },
});

export const testimonialContext = (actor: Who, r: Database['testimonials']): TestimonialContext => ({
  actor,
  roles: actor.roles,
  testimonial: { orgId: r.org_id, authorId: r.author_id, consent: r.consent, approved: !!r.approved_at },
});

/** Enrolments of the actor's organization, with the teacher's name and site and the chosen coach's name. */
export function selectEnrolments(db: DB, actor: Who) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .leftJoin('sites as s', 's.id', 'p.site_id')
    .leftJoin('people as c', 'c.id', 'e.preferred_coach_id')
    .selectAll('e')
    .select(['p.name as name', 's.name as site', 'c.name as coach_name'])
    .where('e.org_id', '=', actor.orgId);
}

export function selectTestimonials(db: DB, actor: Who) {
  return db
    .selectFrom('testimonials as t')
    .innerJoin('people as a', 'a.id', 't.author_id')
    .selectAll('t')
    .select('a.name as author_name')
    .where('t.org_id', '=', actor.orgId);
}

/** The coaches of the program: active people of the organization with the coach role, and their site. */
export async function programCoaches(db: DB, orgId: string): Promise<Array<z.infer<typeof ProgramCoach>>> {
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('person_roles as r', (j) => j.onRef('r.person_id', '=', 'p.id').onRef('r.org_id', '=', 'p.org_id'))
    .leftJoin('sites as s', 's.id', 'p.site_id')
    .select(['p.id', 'p.name', 's.name as site'])
    .where('p.org_id', '=', orgId)
    .where('p.active', '=', 1)
    .where('r.role', '=', 'coach')
    .orderBy('p.name')
    .limit(200)
    .execute();
  return rows.map((r) => ({ personId: r.id, name: r.name, site: r.site }));
}

export function presentMyEnrolment(actor: Who, r: EnrolmentRow): z.infer<typeof MyEnrolment> {
  const ctx = enrolmentContext(actor, r);
  return {
    id: r.id,
    status: r.status as EnrolmentStatus,
    format: r.format as Format | null,
    preferredCoachId: r.preferred_coach_id,
    preferredCoachName: r.coach_name,
    starts: r.starts as EnrolmentStart | null,
    partnershipId: r.partnership_id,
    updatedAt: r.updated_at,
    abilities: { change: canOnEnrolment(ctx, 'enrolment.change'), withdraw: canOnEnrolment(ctx, 'enrolment.withdraw') },
  };
}

/** A request for coaching as the leader or the chosen coach sees it: never a decline (the query and enrolment.see both say so). */
export function presentVolunteer(actor: Who, r: EnrolmentRow): z.infer<typeof Volunteer> {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    site: r.site,
    status: r.status as 'volunteered' | 'partnered',
    format: r.format as Format | null,
    preferredCoachId: r.preferred_coach_id,
    preferredCoachName: r.coach_name,
    starts: r.starts as EnrolmentStart | null,
    partnershipId: r.partnership_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: { partner: canOnEnrolment(enrolmentContext(actor, r), 'enrolment.partner') },
  };
}

export function testimonialState(r: Database['testimonials']): TestimonialState {
  if (r.consent === 'none') return 'private';
  return r.approved_at ? 'published' : 'awaiting_approval';
}

export function presentMyTestimonial(actor: Who, r: Database['testimonials']): z.infer<typeof MyTestimonial> {
  const ctx = testimonialContext(actor, r);
  return {
    id: r.id,
    text: r.text,
    consent: r.consent as TestimonialConsent,
    state: testimonialState(r),
    consentedAt: r.consented_at,
    approvedAt: r.approved_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: {
      edit: canOnTestimonial(ctx, 'testimonial.edit'),
      consent: canOnTestimonial(ctx, 'testimonial.consent'),
      withdrawConsent: canOnTestimonial(ctx, 'testimonial.withdrawConsent'),
      remove: canOnTestimonial(ctx, 'testimonial.remove'),
    },
  };
}

/** On the page: the author's name only when they chose to be named. */
export function presentPublished(r: TestimonialRow): z.infer<typeof PublishedTestimonial> {
  return { id: r.id, text: r.text, authorName: r.consent === 'named' ? r.author_name : null, authorRole: r.author_role as TestimonialAuthorRole };
}

export function presentForReview(actor: Who, r: TestimonialRow): z.infer<typeof TestimonialForReview> {
  return {
    id: r.id,
    text: r.text,
    authorName: r.author_name,
    authorRole: r.author_role as TestimonialAuthorRole,
    consent: r.consent as 'named' | 'anonymous',
    consentedAt: r.consented_at ?? r.updated_at,
    approvedAt: r.approved_at,
    abilities: { approve: canOnTestimonial(testimonialContext(actor, r), 'testimonial.review') },
  };
}
