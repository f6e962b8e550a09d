/**
 * The administrator–coach partnership meeting (SPEC §2.7, issue 12): the nine steps of the
 * protocol with their time boxes, in our own words. Step 1 is the preparation before the school
 * year (no time box); the meeting itself runs from step 2 to step 9 in about an hour. A time box
 * is a guide: a step that runs over shows its overrun and never blocks the next.
 * Plain data, shared by the server and the web app.
 */
import type { Language } from './i18n';

export const ADMIN_MEETING_STATUSES = ['draft', 'live', 'ended'] as const;
export type AdminMeetingStatus = (typeof ADMIN_MEETING_STATUSES)[number];

/** What a person is in the meeting (not their role in the organization). */
export const ADMIN_MEETING_ROLES = ['principal', 'assistant_principal', 'coach', 'facilitator', 'other'] as const;
export type AdminMeetingRole = (typeof ADMIN_MEETING_ROLES)[number];

export const ADMIN_MEETING_STEP_KEYS = ['prepare', 'purposes', 'norms', 'note_taker', 'roles', 'topics', 'written_agreement', 'revisit_norms', 'future_meetings'] as const;
export type AdminMeetingStepKey = (typeof ADMIN_MEETING_STEP_KEYS)[number];

export interface AdminMeetingStep {
  /** 1–9, in the protocol's order. */
  step: number;
  key: AdminMeetingStepKey;
  /** The time box in minutes; null: as long as needed (the preparation). */
  minutes: number | null;
}

export const ADMIN_MEETING_STEPS: readonly AdminMeetingStep[] = [
  { step: 1, key: 'prepare', minutes: null },
  { step: 2, key: 'purposes', minutes: 5 },
  { step: 3, key: 'norms', minutes: 5 },
  { step: 4, key: 'note_taker', minutes: 5 },
  { step: 5, key: 'roles', minutes: 15 },
  { step: 6, key: 'topics', minutes: 15 },
  { step: 7, key: 'written_agreement', minutes: 5 },
  { step: 8, key: 'revisit_norms', minutes: 5 },
  { step: 9, key: 'future_meetings', minutes: 5 },
];
export const FIRST_STEP = 1;
export const LAST_STEP = 9;
/** Where a meeting starts when nobody says otherwise: the first step held together. */
export const OPENING_STEP = 2;

/** Each step's name and what it is for, in every language (our words, after the protocol). */
export const ADMIN_MEETING_STEP_TEXT: Record<Language, Record<AdminMeetingStepKey, { title: string; purpose: string }>> = {
  en: {
    prepare: { title: 'Before the school year', purpose: 'Coaches and administrators (the principal and the assistant principals) set a time to write an explicit agreement together, and each looks at the topics beforehand.' },
    purposes: { title: 'Why we are meeting', purpose: 'The facilitator says what the conversation is for: agreements for the working relationship, a plan to keep reviewing expectations and impact, and one aligned support for teachers’ growth.' },
    norms: { title: 'Our norms', purpose: 'With everyone present, draft the norms for this meeting and the ones after it, and agree on them.' },
    note_taker: { title: 'Who takes notes', purpose: 'Choose the person whose notes become the record, especially of what was finally agreed on each topic: the written agreement is built from them.' },
    roles: { title: 'Coaching roles', purpose: 'Look at the ten coaching roles and settle on the three to five that matter most here this year; name the year’s likely challenges, the strengths to build on, and what we agree about confidentiality.' },
    topics: { title: 'The topics', purpose: 'Go through the list of topics, briefly each, and record what we agree on the ones that concern us.' },
    written_agreement: { title: 'Planning the written agreement', purpose: 'Decide who puts the agreement in writing, by when, and how everyone reviews and signs it.' },
    revisit_norms: { title: 'Norms, again', purpose: 'Look at the norms drafted at the start and change them where the new agreement asks for it.' },
    future_meetings: { title: 'Our next meetings', purpose: 'Set the schedule of future meetings, what happens when one is cancelled or someone cannot come, and who sends the calendar invitations.' },
  },
  es: {
    prepare: { title: 'Antes del curso escolar', purpose: 'Coaches y equipo directivo (la dirección y las subdirecciones) fijan un momento para redactar juntos un acuerdo explícito, y cada persona revisa los temas de antemano.' },
    purposes: { title: 'Para qué nos reunimos', purpose: 'Quien facilita explica el propósito de la conversación: acuerdos para la relación de trabajo, un plan para seguir revisando expectativas e impacto, y un apoyo alineado al crecimiento del profesorado.' },
    norms: { title: 'Nuestras normas', purpose: 'Con todo el equipo presente, redactamos y acordamos las normas para esta reunión y las siguientes.' },
    note_taker: { title: 'Quién toma notas', purpose: 'Elegimos a la persona cuyas notas serán el registro, sobre todo de lo acordado en cada tema: de ellas se redacta el acuerdo escrito.' },
    roles: { title: 'Roles del coaching', purpose: 'Revisamos los diez roles del coaching y elegimos los tres a cinco más importantes este curso; nombramos los retos probables, las fortalezas en que apoyarnos y lo que acordamos sobre confidencialidad.' },
    topics: { title: 'Los temas', purpose: 'Recorremos la lista de temas, cada uno brevemente, y registramos lo que acordamos en los que nos conciernen.' },
    written_agreement: { title: 'Preparar el acuerdo escrito', purpose: 'Decidimos quién redacta el acuerdo, para cuándo, y cómo lo revisamos y firmamos todas las personas.' },
    revisit_norms: { title: 'Las normas, otra vez', purpose: 'Revisamos las normas del principio y las cambiamos donde el nuevo acuerdo lo pida.' },
    future_meetings: { title: 'Nuestras próximas reuniones', purpose: 'Fijamos el calendario de reuniones, qué pasa si se cancela una o alguien no puede venir, y quién envía las invitaciones del calendario.' },
  },
};

export const stepInfo = (step: number): AdminMeetingStep | undefined => ADMIN_MEETING_STEPS.find((s) => s.step === step);

/**
 * How long a step has run in all (a step may be returned to), from its intervals; an open
 * interval runs until `now`. Overrun is the time past its box (never negative; 0 without a box).
 */
export function stepTimer(step: number, intervals: ReadonlyArray<{ startedAt: string; endedAt: string | null }>, now: Date): { elapsedMs: number; overrunMs: number; running: boolean } {
  let elapsedMs = 0;
  let running = false;
  for (const i of intervals) {
    const end = i.endedAt ? new Date(i.endedAt).getTime() : now.getTime();
    if (!i.endedAt) running = true;
    elapsedMs += Math.max(0, end - new Date(i.startedAt).getTime());
  }
  const minutes = stepInfo(step)?.minutes ?? null;
  return { elapsedMs, overrunMs: minutes === null ? 0 : Math.max(0, elapsedMs - minutes * 60_000), running };
}
