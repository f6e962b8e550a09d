/**
 * Launching a program (issue 12, item 8; SPEC §2.1): the fixed lists a teacher's answer and a
 * testimonial use, shared by the server and the web app.
 */

/** A teacher's current answer to "would you like a coach?". Only the teacher ever sees a decline. */
export const ENROLMENT_STATUSES = ['volunteered', 'declined', 'withdrawn', 'partnered'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** When the teacher would like to start (a fixed list: no free text travels with a request for coaching). */
export const ENROLMENT_STARTS = ['now', 'this_term', 'next_term'] as const;
export type EnrolmentStart = (typeof ENROLMENT_STARTS)[number];

/** How a testimonial may be shown, by its author's explicit choice; 'none' until they choose. */
export const TESTIMONIAL_CONSENTS = ['none', 'named', 'anonymous'] as const;
export type TestimonialConsent = (typeof TESTIMONIAL_CONSENTS)[number];

/** Where a testimonial stands, as its author sees it. */
export const TESTIMONIAL_STATES = ['private', 'awaiting_approval', 'published'] as const;
export type TestimonialState = (typeof TESTIMONIAL_STATES)[number];

/** How the author took part when writing it: said of a testimonial shown without a name. */
export const TESTIMONIAL_AUTHOR_ROLES = ['coach', 'teacher'] as const;
export type TestimonialAuthorRole = (typeof TESTIMONIAL_AUTHOR_ROLES)[number];

/** The longest welcome and testimonial, in characters. */
export const PROGRAM_WELCOME_MAX = 2000;
export const TESTIMONIAL_MAX = 1500;
