/**
 * Default agreement templates, one per format, in Tandem's own words and in each language
 * Tandem speaks. They cover the commitments of the sample agreements in the seed documents: a
 * new organization gets them in its default language, each program edits its copy, each
 * partnership edits its agreement.
 */
import type { AgreementContent } from '../../../shared/src/api';
import type { Format } from '../../../shared/src/domain';
import type { Language } from '../../../shared/src/i18n';

const coach = [
  'Help the coachee take stock of their own strengths and needs with the practices they choose.',
  'Build an individual plan together: goals that matter for the children, steps to reach them, and who does each step.',
  'Schedule and prepare visits and coaching meetings across the year, and arrive on time and ready.',
  'Offer support the coachee asks for: resources, demonstrations, observation as agreed, and descriptive feedback anchored in data.',
  'Stay a supporter, not an evaluator, and keep coaching apart from performance review.',
  'Decide with the coachee what, if anything, is shared outside the partnership, and keep our conversations confidential.',
  'Check in regularly on how coaching is going and adjust it to what the coachee needs.',
  'Raise any concern with the coachee first, before it goes to anyone else.',
];
const coachee = [
  'Take an active part: look at my strengths and needs, ask questions, share what matters, reflect, and set my own goals.',
  'Be open to being observed in the ways we agreed and to hearing descriptive feedback.',
  'Try new practices with support and look at how they work for my children.',
  'Take part in coaching meetings through the year and keep our schedule.',
  'Value my partner\'s time: come on time and prepared.',
];
const peer = [
  'Give and receive coaching as an equal: both of us plan, observe as agreed, and share data without judgement.',
  'Agree together when we observe each other, what data we collect, and what we do with it.',
  'Keep what we see and say in coaching between us unless the person it is about decides to share it.',
  'Follow through on our plans and come on time and prepared.',
  'Ask our mentor coach for resources or help when we need it.',
];
const self = [
  'Choose the practices I work on and set goals that matter for my children.',
  'Gather data on my own practice in the ways I decide (for example, recording and reviewing my teaching).',
  'Reflect on the data and choose my next steps.',
  'Keep in regular touch with my mentor coach and ask for what I need.',
];
const mentor = [
  'Meet the coaching partners early on to plan how I will support them.',
  'Answer questions about the practices and the coaching process, and share resources on request.',
  'Keep regular contact and follow through on every request, saying when it will be fulfilled.',
  'Keep what I learn of the partnership confidential.',
];
const supervisor = [
  'Support the coach and coachee through regular check-ins (by e-mail, phone or in person).',
  'Bring any question about progress toward coaching goals to the coachee and coach together.',
  'Talk about my own monitoring or evaluation with the coachee directly, never through the coach.',
  'Accept that coaching data and activities are not used for supervision, and that the coachee decides what I see.',
  'Arrange classroom coverage so the coachee can attend coaching meetings.',
  'Protect the coach\'s time for coaching: no pulling them to cover absences or administrative work.',
];

const coachEs = [
  'Ayudar a la persona acompañada a reconocer sus propias fortalezas y necesidades en las prácticas que elija.',
  'Construir juntos un plan individual: metas que importan para las niñas y los niños, pasos para alcanzarlas y quién se encarga de cada paso.',
  'Programar y preparar visitas y reuniones de coaching a lo largo del año, y llegar a tiempo y con lo necesario.',
  'Ofrecer el apoyo que la persona acompañada pida: recursos, demostraciones, observación según lo acordado y retroalimentación descriptiva basada en datos.',
  'Seguir siendo un apoyo, no una evaluación, y mantener el coaching separado de la evaluación del desempeño.',
  'Decidir con la persona acompañada qué se comparte fuera del acompañamiento, si es que algo, y mantener nuestras conversaciones en confianza.',
  'Preguntar con regularidad cómo va el coaching y ajustarlo a lo que la persona acompañada necesita.',
  'Hablar primero con la persona acompañada de cualquier preocupación, antes de que llegue a otra persona.',
];
const coacheeEs = [
  'Participar activamente: mirar mis fortalezas y necesidades, hacer preguntas, compartir lo que importa, reflexionar y fijar mis propias metas.',
  'Estar abierta o abierto a que me observen de las maneras acordadas y a escuchar retroalimentación descriptiva.',
  'Probar prácticas nuevas con apoyo y ver cómo funcionan con mis niñas y niños.',
  'Participar en las reuniones de coaching durante el año y respetar nuestro calendario.',
  'Valorar el tiempo de mi compañera o compañero: llegar a tiempo y con lo preparado.',
];
const peerEs = [
  'Dar y recibir coaching de igual a igual: las dos partes planifican, observan según lo acordado y comparten datos sin juzgar.',
  'Acordar juntos cuándo nos observamos, qué datos recogemos y qué hacemos con ellos.',
  'Guardar entre nosotros lo que vemos y decimos en el coaching, salvo que la persona de quien se trata decida compartirlo.',
  'Cumplir lo que planificamos y llegar a tiempo y con lo preparado.',
  'Pedir recursos o ayuda a nuestra coach mentora o nuestro coach mentor cuando lo necesitemos.',
];
const selfEs = [
  'Elegir las prácticas en las que trabajo y fijar metas que importan para mis niñas y niños.',
  'Reunir datos sobre mi propia práctica de la manera que decida (por ejemplo, grabando y revisando mis clases).',
  'Reflexionar sobre los datos y elegir mis próximos pasos.',
  'Mantener un contacto regular con mi coach mentor/a y pedir lo que necesito.',
];
const mentorEs = [
  'Reunirme pronto con quienes forman el acompañamiento para planificar cómo les apoyaré.',
  'Responder preguntas sobre las prácticas y el proceso de coaching, y compartir recursos cuando me los pidan.',
  'Mantener un contacto regular y dar seguimiento a cada solicitud, diciendo cuándo quedará atendida.',
  'Guardar en confianza lo que sepa del acompañamiento.',
];
const supervisorEs = [
  'Apoyar a coach y persona acompañada con encuentros regulares (por correo, teléfono o en persona).',
  'Llevar cualquier pregunta sobre el avance hacia las metas de coaching a la persona acompañada y a su coach, juntos.',
  'Hablar de mi propio seguimiento o evaluación directamente con la persona acompañada, nunca a través de su coach.',
  'Aceptar que los datos y las actividades del coaching no se usan para la supervisión, y que la persona acompañada decide qué veo.',
  'Organizar que alguien cubra el aula para que la persona acompañada pueda asistir a las reuniones de coaching.',
  'Proteger el tiempo de coaching de la o el coach: no pedirle que cubra ausencias ni tareas administrativas.',
];

export const DEFAULT_COMMITMENTS: Record<Language, Record<Format, AgreementContent['commitments']>> = {
  en: {
    expert: { coach, coachee, peer: [], self: [], mentor: [], supervisor },
    peer: { coach: [], coachee: [], peer, self: [], mentor, supervisor },
    self: { coach: [], coachee: [], peer: [], self, mentor, supervisor },
  },
  es: {
    expert: { coach: coachEs, coachee: coacheeEs, peer: [], self: [], mentor: [], supervisor: supervisorEs },
    peer: { coach: [], coachee: [], peer: peerEs, self: [], mentor: mentorEs, supervisor: supervisorEs },
    self: { coach: [], coachee: [], peer: [], self: selfEs, mentor: mentorEs, supervisor: supervisorEs },
  },
};

/** The parts of a first draft that are words rather than the program's commitments. */
const DRAFT_WORDS: Record<Language, { concerns: string; communicationPlan: AgreementContent['communicationPlan'] }> = {
  en: {
    concerns: 'A concern is first talked over between the partners. Nothing goes to the supervisor before that conversation, and the coachee sees anything that does.',
    communicationPlan: [
      { from: 'Coach and coachee', to: 'Supervisor', what: 'That coaching is happening and any coverage needed — never what was said or seen.', when: 'Monthly check-in' },
      { from: 'Coachee', to: 'Supervisor', what: 'Anything the coachee chooses to share from coaching.', when: 'When the coachee decides' },
    ],
  },
  es: {
    concerns: 'Una preocupación se habla primero entre quienes forman el acompañamiento. Nada llega a la supervisión antes de esa conversación, y la persona acompañada ve todo lo que llegue.',
    communicationPlan: [
      { from: 'Coach y persona acompañada', to: 'Supervisión', what: 'Que el coaching está en marcha y si hace falta cubrir el aula — nunca lo que se dijo o se vio.', when: 'Encuentro mensual' },
      { from: 'Persona acompañada', to: 'Supervisión', what: 'Lo que la persona acompañada decida compartir del coaching.', when: 'Cuando la persona acompañada lo decida' },
    ],
  },
};

/** A first draft for a new partnership: the program's commitments and an empty set of guidelines, in the program's language. */
export function firstDraft(commitments: AgreementContent['commitments'], language: Language): AgreementContent {
  const words = DRAFT_WORDS[language];
  return {
    commitments,
    guidelines: { practiceIds: [], observation: '', observationMode: 'undecided', sharing: '', supports: '', concerns: words.concerns },
    meetingCadence: '',
    coverageNeeds: '',
    cancellationNoticeHours: 24,
    communicationPlan: words.communicationPlan.map((line) => ({ ...line })),
    reviewOn: null,
  };
}
