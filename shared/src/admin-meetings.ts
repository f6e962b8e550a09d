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

// ---------- the ten coaching roles (step 5) ----------

export const COACHING_ROLE_KEYS = [
  'resource_provider',
  'data_coach',
  'instructional_specialist',
  'curriculum_specialist',
  'classroom_supporter',
  'learning_facilitator',
  'mentor',
  'school_leader',
  'catalyst_for_change',
  'learner',
] as const;
export type CoachingRoleKey = (typeof COACHING_ROLE_KEYS)[number];

/** How many roles the group settles on, per set (the whole group, or one team or subject). */
export const SETTLED_ROLES_MIN = 3;
export const SETTLED_ROLES_MAX = 5;

/** Each role's name and what it means in practice, in every language (our words). */
export const COACHING_ROLE_TEXT: Record<Language, Record<CoachingRoleKey, { name: string; description: string }>> = {
  en: {
    resource_provider: { name: 'Resource provider', description: 'Finds and shares the materials, readings and tools a teacher asks for, so good ideas reach the classroom quickly.' },
    data_coach: { name: 'Data coach', description: 'Helps teachers and teams look at student results together and decide what to do next because of them.' },
    instructional_specialist: { name: 'Instructional specialist', description: 'Works with teachers on how they teach: choosing strategies that fit their students and adapting lessons so every learner gets in.' },
    curriculum_specialist: { name: 'Curriculum specialist', description: 'Helps teachers understand what students are meant to learn and plan units and lessons that follow the agreed curriculum and standards.' },
    classroom_supporter: { name: 'Classroom supporter', description: 'Works beside a teacher in the classroom: modelling a lesson, teaching it together or watching and talking about it afterwards.' },
    learning_facilitator: { name: 'Learning facilitator', description: 'Designs and leads professional learning for adults, from a team’s study session to a whole-school day.' },
    mentor: { name: 'Mentor', description: 'Stands by teachers who are new to the profession or the school, helping them settle in and grow with confidence.' },
    school_leader: { name: 'School leader', description: 'Takes part in leading the school’s improvement, working with administrators and teams on shared goals.' },
    catalyst_for_change: { name: 'Catalyst for change', description: 'Asks the questions that move practice forward and helps colleagues try something new instead of keeping things as they are.' },
    learner: { name: 'Learner', description: 'Keeps learning openly, about teaching and about coaching, and shows colleagues that growing is part of everyone’s job.' },
  },
  es: {
    resource_provider: { name: 'Proveedor de recursos', description: 'Busca y comparte los materiales, lecturas y herramientas que pide el profesorado, para que las buenas ideas lleguen pronto al aula.' },
    data_coach: { name: 'Coach de datos', description: 'Ayuda a docentes y equipos a mirar juntos los resultados del alumnado y a decidir qué hacer a partir de ellos.' },
    instructional_specialist: { name: 'Especialista en enseñanza', description: 'Trabaja con el profesorado en cómo enseña: elegir estrategias adecuadas a su alumnado y adaptar las clases para que nadie se quede fuera.' },
    curriculum_specialist: { name: 'Especialista en currículo', description: 'Ayuda a entender qué debe aprender el alumnado y a planificar unidades y clases que sigan el currículo y los estándares acordados.' },
    classroom_supporter: { name: 'Apoyo en el aula', description: 'Trabaja junto al docente en su aula: modela una clase, la imparte con él o ella, u observa y la comentan después.' },
    learning_facilitator: { name: 'Facilitador del aprendizaje', description: 'Diseña y dirige la formación del profesorado, desde una sesión de estudio de un equipo hasta una jornada de todo el centro.' },
    mentor: { name: 'Mentor', description: 'Acompaña a quienes empiezan en la profesión o llegan al centro, para que se integren y crezcan con confianza.' },
    school_leader: { name: 'Líder escolar', description: 'Participa en liderar la mejora del centro, con el equipo directivo y los equipos docentes, hacia metas compartidas.' },
    catalyst_for_change: { name: 'Catalizador del cambio', description: 'Plantea las preguntas que hacen avanzar la práctica y anima a probar algo nuevo en lugar de dejarlo todo como está.' },
    learner: { name: 'Aprendiz', description: 'Sigue aprendiendo a la vista de todos, sobre la enseñanza y sobre el coaching, y muestra que crecer es parte del trabajo de cada cual.' },
  },
};

/** The lists the group writes at step 5, besides the roles. */
export const MEETING_ITEM_KINDS = ['challenge', 'strength', 'confidentiality'] as const;
export type MeetingItemKind = (typeof MEETING_ITEM_KINDS)[number];

// ---------- the topics list (step 6) ----------

export const TOPIC_GROUP_KEYS = ['roles_focus', 'engagement', 'access', 'feedback_progress', 'planning_data', 'confidentiality', 'specific_issues', 'several_campuses'] as const;
export type TopicGroupKey = (typeof TOPIC_GROUP_KEYS)[number];

export interface MeetingTopic {
  /** Stable: answers and concerns are stored by it. */
  key: string;
  group: TopicGroupKey;
  /** The answer also says yes or no to naming teachers (the confidentiality question about names). */
  structured?: 'namesMayBeUsed';
}

/** The topics in the protocol's order, grouped. */
export const MEETING_TOPICS = [
  { key: 'coaching_this_year', group: 'roles_focus' },
  { key: 'relationships_first', group: 'roles_focus' },
  { key: 'roles_by_team', group: 'roles_focus' },
  { key: 'introducing_coaches', group: 'engagement' },
  { key: 'working_with_teams', group: 'engagement' },
  { key: 'one_to_one_cycles', group: 'engagement' },
  { key: 'first_teachers', group: 'engagement' },
  { key: 'principal_priorities', group: 'engagement' },
  { key: 'content_coordinator', group: 'engagement' },
  { key: 'expected_to_work_with_coach', group: 'engagement' },
  { key: 'common_periods', group: 'access' },
  { key: 'planning_meetings', group: 'access' },
  { key: 'planning_days', group: 'access' },
  { key: 'classroom_access', group: 'access' },
  { key: 'looking_for_impact', group: 'feedback_progress' },
  { key: 'telling_teachers_of_changes', group: 'feedback_progress' },
  { key: 'tracking_coaching_work', group: 'feedback_progress' },
  { key: 'sharing_coaching_work', group: 'feedback_progress' },
  { key: 'backward_design', group: 'planning_data' },
  { key: 'common_assessments', group: 'planning_data' },
  { key: 'sharing_assessment_data', group: 'planning_data' },
  { key: 'changing_assessments', group: 'planning_data' },
  { key: 'standards_and_objectives', group: 'planning_data' },
  { key: 'gathering_data', group: 'planning_data' },
  { key: 'reviewing_results', group: 'planning_data' },
  { key: 'naming_teachers', group: 'confidentiality', structured: 'namesMayBeUsed' },
  { key: 'declining_a_question', group: 'confidentiality' },
  { key: 'attention_needed', group: 'confidentiality' },
  { key: 'complaints_about_coach', group: 'specific_issues' },
  { key: 'coach_learning_and_days', group: 'specific_issues' },
  { key: 'coach_learning_budget', group: 'specific_issues' },
  { key: 'learning_budget', group: 'specific_issues' },
  { key: 'campus_schedule', group: 'several_campuses' },
  { key: 'campus_flexibility', group: 'several_campuses' },
  { key: 'campus_learning_days', group: 'several_campuses' },
] as const satisfies readonly MeetingTopic[];
export type MeetingTopicKey = (typeof MEETING_TOPICS)[number]['key'];
export const MEETING_TOPIC_KEYS = MEETING_TOPICS.map((t) => t.key) as [MeetingTopicKey, ...MeetingTopicKey[]];
/** The question whose answer carries namesMayBeUsed. */
export const NAMING_TOPIC: MeetingTopicKey = 'naming_teachers';
export const topicInfo = (key: string): MeetingTopic | undefined => (MEETING_TOPICS as readonly MeetingTopic[]).find((t) => t.key === key);

export const TOPIC_ANSWER_STATUSES = ['agreed', 'not_relevant'] as const;
export type TopicAnswerStatus = (typeof TOPIC_ANSWER_STATUSES)[number];

/** Each group's heading, in every language. */
export const TOPIC_GROUP_TEXT: Record<Language, Record<TopicGroupKey, string>> = {
  en: {
    roles_focus: 'Roles and focus this year',
    engagement: 'How coaches work with teachers',
    access: 'Time with teachers and classrooms',
    feedback_progress: 'Feedback, progress and timelines',
    planning_data: 'Expectations for planning and data',
    confidentiality: 'Confidentiality',
    specific_issues: 'Particular questions',
    several_campuses: 'Coaches who serve more than one campus',
  },
  es: {
    roles_focus: 'Roles y enfoque de este curso',
    engagement: 'Cómo trabajan los coaches con el profesorado',
    access: 'Tiempo con el profesorado y acceso a las aulas',
    feedback_progress: 'Retroalimentación, progreso y plazos',
    planning_data: 'Expectativas sobre planificación y datos',
    confidentiality: 'Confidencialidad',
    specific_issues: 'Cuestiones concretas',
    several_campuses: 'Coaches que atienden más de un centro',
  },
};

/** Each topic's question, in every language (our words, after the protocol's list). */
export const TOPIC_TEXT: Record<Language, Record<MeetingTopicKey, string>> = {
  en: {
    coaching_this_year: 'What will coaching look like this year, and which responsibilities will the coaches focus on?',
    relationships_first: 'Are relationships with teachers already strong, or do we leave time to build them before coaching for impact?',
    roles_by_team: 'Which roles come first for each team or subject, given new teachers, new standards or curriculum changes?',
    introducing_coaches: 'How will coaches be introduced to teachers, and who explains what a coach does?',
    working_with_teams: 'Will coaches work with teams of teachers?',
    one_to_one_cycles: 'Will coaches run formal coaching cycles with individual teachers?',
    first_teachers: 'Which teams, or how many teachers, will coaches start with?',
    principal_priorities: 'What are the principal’s priorities for teaching and learning?',
    content_coordinator: 'What matters most to the content coordinators?',
    expected_to_work_with_coach: 'Are teachers expected to work with a coach? If so, how will they hear it, and will coaches have to win teachers over?',
    common_periods: 'Which teachers share a planning or conference period?',
    planning_meetings: 'Are weekly planning meetings expected, does the coach attend them by right or by invitation, and how will teachers hear about it?',
    planning_days: 'Will teachers get planning days, how often, who sets the dates, what are they for, and may a teacher opt out?',
    classroom_access: 'How will coaches get into classrooms: by invitation, or are all classrooms open to them? How will teachers hear about it?',
    looking_for_impact: 'When do we start looking for impact, and when do we talk about changing priorities or the coaching work?',
    telling_teachers_of_changes: 'How will teachers hear about changes in priorities or in what coaches do?',
    tracking_coaching_work: 'How are coaches expected to track or document their work, and what will administrators receive from it?',
    sharing_coaching_work: 'How will coaches’ work be shared with teachers (a newsletter, a corner of the school bulletin)?',
    backward_design: 'Are teachers expected to plan backwards from the learning goals?',
    common_assessments: 'Are teachers expected to build common assessments in the district’s platform and share them with the coach?',
    sharing_assessment_data: 'Are teachers expected to share the data from common assessments?',
    changing_assessments: 'May teachers change common assessments as they see fit?',
    standards_and_objectives: 'What part do the standards, the learning objectives and “I can” statements play in lessons?',
    gathering_data: 'Who gathers data for teachers, and who for administrators?',
    reviewing_results: 'Who reviews benchmark and end-of-unit results with teachers, and who speaks to them first when results are lower than hoped?',
    naming_teachers: 'When coaches report on their work to administrators, may they name teachers, or only teams? If names are used, how do we keep the coaching relationship safe?',
    declining_a_question: 'How does a coach tell an administrator that a question cannot be answered without breaking confidentiality?',
    attention_needed: 'How does one of us tell the other that a classroom or team needs attention soon, while keeping confidentiality?',
    complaints_about_coach: 'How will we handle a teacher’s complaint about a coach?',
    coach_learning_and_days: 'When do we discuss the coaches’ own learning and schedule: days on and off campus, and professional learning with teachers elsewhere?',
    coach_learning_budget: 'Is there money for the coaches’ own professional learning (conferences, courses)?',
    learning_budget: 'Is there money for the learning coaches offer (materials, release time for teachers, district sessions on campus)?',
    campus_schedule: 'How is the coach’s week divided between the campuses?',
    campus_flexibility: 'Can the coach move between campuses when teachers’ needs call for it?',
    campus_learning_days: 'On a campus’s professional learning days, how do we decide how the coach spends the day, and what do the administrators expect?',
  },
  es: {
    coaching_this_year: '¿Cómo será el coaching este curso y en qué responsabilidades se centrarán los coaches?',
    relationships_first: '¿Las relaciones con el profesorado ya son sólidas, o dejamos tiempo para construirlas antes de buscar impacto?',
    roles_by_team: '¿Qué roles van primero en cada equipo o materia, teniendo en cuenta docentes nuevos, estándares nuevos o cambios de currículo?',
    introducing_coaches: '¿Cómo presentaremos a los coaches al profesorado y quién explica qué hace un coach?',
    working_with_teams: '¿Trabajarán los coaches con equipos docentes?',
    one_to_one_cycles: '¿Harán los coaches ciclos formales de coaching con docentes individuales?',
    first_teachers: '¿Con qué equipos, o con cuántos docentes, empezarán los coaches?',
    principal_priorities: '¿Cuáles son las prioridades de la dirección para la enseñanza y el aprendizaje?',
    content_coordinator: '¿Qué es lo que más preocupa a los coordinadores de área?',
    expected_to_work_with_coach: '¿Se espera que el profesorado trabaje con un coach? Si es así, ¿cómo se le comunicará, y tendrán los coaches que ganarse al profesorado?',
    common_periods: '¿Qué docentes comparten hora de planificación o de atención?',
    planning_meetings: '¿Se esperan reuniones semanales de planificación, asiste el coach por derecho o por invitación, y cómo se enterará el profesorado?',
    planning_days: '¿Tendrá el profesorado días de planificación, con qué frecuencia, quién fija las fechas, para qué son y puede un docente no asistir?',
    classroom_access: '¿Cómo entrarán los coaches en las aulas: por invitación, o todas las aulas están abiertas? ¿Cómo se enterará el profesorado?',
    looking_for_impact: '¿Cuándo empezamos a buscar impacto y cuándo hablamos de cambiar prioridades o el trabajo de coaching?',
    telling_teachers_of_changes: '¿Cómo se enterará el profesorado de los cambios de prioridades o de lo que hacen los coaches?',
    tracking_coaching_work: '¿Cómo se espera que los coaches registren o documenten su trabajo, y qué recibirá de ello el equipo directivo?',
    sharing_coaching_work: '¿Cómo se dará a conocer al profesorado el trabajo de los coaches (un boletín, un apartado en el boletín del centro)?',
    backward_design: '¿Se espera que el profesorado planifique hacia atrás desde las metas de aprendizaje?',
    common_assessments: '¿Se espera que el profesorado cree evaluaciones comunes en la plataforma del distrito y las comparta con el coach?',
    sharing_assessment_data: '¿Se espera que el profesorado comparta los datos de las evaluaciones comunes?',
    changing_assessments: '¿Puede el profesorado modificar las evaluaciones comunes a su criterio?',
    standards_and_objectives: '¿Qué papel tienen en las clases los estándares, los objetivos de aprendizaje y los enunciados “soy capaz de”?',
    gathering_data: '¿Quién reúne los datos para el profesorado y quién para el equipo directivo?',
    reviewing_results: '¿Quién revisa con el profesorado los resultados de referencia y de fin de unidad, y quién habla primero con él si son más bajos de lo esperado?',
    naming_teachers: 'Cuando los coaches informan de su trabajo al equipo directivo, ¿pueden nombrar a docentes o solo a equipos? Si se usan nombres, ¿cómo protegemos la relación de coaching?',
    declining_a_question: '¿Cómo le dice un coach al equipo directivo que no puede responder una pregunta sin romper la confidencialidad?',
    attention_needed: '¿Cómo avisa una parte a la otra de que un aula o un equipo necesita atención pronto, sin romper la confidencialidad?',
    complaints_about_coach: '¿Cómo atenderemos la queja de un docente sobre un coach?',
    coach_learning_and_days: '¿Cuándo hablamos de la formación y el horario de los propios coaches: días dentro y fuera del centro, y formación con el profesorado en otro lugar?',
    coach_learning_budget: '¿Hay presupuesto para la formación de los propios coaches (congresos, cursos)?',
    learning_budget: '¿Hay presupuesto para la formación que ofrecen los coaches (materiales, sustituciones para el profesorado, sesiones del distrito en el centro)?',
    campus_schedule: '¿Cómo se reparte la semana del coach entre los centros?',
    campus_flexibility: '¿Puede el coach cambiar de centro cuando lo piden las necesidades del profesorado?',
    campus_learning_days: 'En los días de formación de un centro, ¿cómo decidimos en qué emplea el coach la jornada y qué espera el equipo directivo?',
  },
};

/**
 * The written agreement's frozen content (step 7): what the server assembles from the meeting,
 * stored with its content hash. Words people wrote stay as written; role and topic keys are
 * named in the reader's language when shown.
 */
export interface MeetingAgreementContent {
  meetingId: string;
  title: string;
  schoolYear: string;
  /** The drafter's own opening words, if any. */
  introduction: string | null;
  participants: { personId: string; name: string; role: AdminMeetingRole }[];
  /** Settled roles: scope '' is the whole group. */
  roleSets: { scope: string; roles: CoachingRoleKey[] }[];
  challenges: { id: string; text: string }[];
  strengths: { id: string; text: string }[];
  confidentiality: { id: string; text: string }[];
  /** Answered topics in the list's order (unanswered ones are left out). */
  topics: { key: MeetingTopicKey; status: TopicAnswerStatus; text: string; namesMayBeUsed: boolean | null }[];
  /** The agreed norms. */
  norms: { id: string; text: string }[];
}
