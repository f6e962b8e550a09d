/**
 * Prompt banks, written in our own words: the focus conversation before an
 * observation, the reflection prompts for each partner, and the data methods
 * with the form the coach will fill in (which the coachee sees first).
 *
 * Each text is written in every language Tandem speaks, side by side, so a
 * prompt and its translation are changed together. They are plain text, not
 * ICU messages: they have no placeholders, and the server stores the words a
 * reflection's author answered (see reflections.routes.ts).
 */
import type { DataMethod } from './domain';
import type { Language } from './i18n';

export interface Prompt {
  key: string;
  prompt: string;
  hint: string;
}

/** A prompt in every language; the key is the same in all of them. */
type PromptSource = { key: string } & Record<Language, { prompt: string; hint: string }>;

const inEach = <T>(make: (language: Language) => T): Record<Language, T> => ({ en: make('en'), es: make('es') });
const promptsIn = (bank: PromptSource[]) => inEach((language) => bank.map((p): Prompt => ({ key: p.key, ...p[language] })));

/** The focus conversation, in the order partners usually talk it through. Keys match ObservationPlan fields. */
export const FOCUS_PROMPTS: Record<Language, Prompt[]> = promptsIn([
  {
    key: 'focus',
    en: { prompt: 'What would you like us to look at together?', hint: 'One practice or moment of the day is plenty, for example how children join in at story time.' },
    es: { prompt: '¿Qué te gustaría que miremos juntos?', hint: 'Con una práctica o un momento del día basta; por ejemplo, cómo participan las niñas y los niños a la hora del cuento.' },
  },
  {
    key: 'currentPicture',
    en: { prompt: 'How is it going right now, as you see it?', hint: 'What happens today, what you have tried, what surprised you.' },
    es: { prompt: '¿Cómo va ahora, tal como tú lo ves?', hint: 'Lo que pasa hoy, lo que ya has probado, lo que te sorprendió.' },
  },
  {
    key: 'successLooksLike',
    en: { prompt: 'If this went the way you hope, what would we see and hear?', hint: 'Describe it from the children\'s side if you can.' },
    es: { prompt: 'Si esto saliera como esperas, ¿qué veríamos y escucharíamos?', hint: 'Si puedes, cuéntalo desde la mirada de las niñas y los niños.' },
  },
  {
    key: 'lookFor',
    en: { prompt: 'What exactly should the data capture?', hint: 'Words, moves, who speaks, how long something takes: things that can be written down without judging.' },
    es: { prompt: '¿Qué deberían recoger exactamente los datos?', hint: 'Palabras, movimientos, quién habla, cuánto dura algo: cosas que se pueden anotar sin juzgar.' },
  },
  {
    key: 'method',
    en: { prompt: 'Which way of gathering data fits that best?', hint: 'Pick one method; the form below shows what will be written down.' },
    es: { prompt: '¿Qué forma de recoger datos encaja mejor con eso?', hint: 'Elige un método; la hoja de abajo muestra lo que se va a anotar.' },
  },
  {
    key: 'mode',
    en: { prompt: 'Live in the room, or recorded on video?', hint: 'A recording lets you watch it first, on your own.' },
    es: { prompt: '¿En vivo en el aula, o grabado en video?', hint: 'Con una grabación puedes verla tú primero, a solas.' },
  },
  {
    key: 'when',
    en: { prompt: 'When should it happen, and for how long?', hint: 'A time of day and activity, for example 9:15–9:35 during circle.' },
    es: { prompt: '¿Cuándo debería ser, y durante cuánto tiempo?', hint: 'Un momento del día y una actividad; por ejemplo, de 9:15 a 9:35 durante la hora del círculo.' },
  },
]);

export interface MethodInfo {
  label: string;
  /** What the coach writes down, in one sentence. */
  captures: string;
  /** The columns or categories of the data form, before partners edit them. */
  defaultFields: string[];
  /** A label for the fields in the form editor. */
  fieldsLabel: string;
}

const METHODS: Record<DataMethod, Record<Language, MethodInfo>> = {
  selective_verbatim: {
    en: {
      label: 'Selective verbatim',
      captures: 'Word for word, only the kinds of talk you chose, with the time.',
      defaultFields: ['Questions the teacher asks', 'What children answer'],
      fieldsLabel: 'Kinds of talk to write down',
    },
    es: {
      label: 'Transcripción selectiva',
      captures: 'Palabra por palabra, solo los tipos de conversación que eligieron, con la hora.',
      defaultFields: ['Preguntas que hace el/la docente', 'Lo que responden niñas y niños'],
      fieldsLabel: 'Tipos de conversación que se anotan',
    },
  },
  verbal_flow: {
    en: {
      label: 'Verbal flow',
      captures: 'A seating sketch with an arrow each time someone speaks to someone else.',
      defaultFields: ['Teacher to child', 'Child to teacher', 'Child to child'],
      fieldsLabel: 'Kinds of exchange to mark',
    },
    es: {
      label: 'Flujo verbal',
      captures: 'Un croquis de dónde se sienta cada quien, con una flecha cada vez que alguien le habla a otra persona.',
      defaultFields: ['Docente a niño/a', 'Niño/a a docente', 'Entre niños/as'],
      fieldsLabel: 'Tipos de intercambio que se marcan',
    },
  },
  event_count: {
    en: {
      label: 'Event count',
      captures: 'A tally each time one of the chosen events happens.',
      defaultFields: ['Open question', 'Closed question', 'Specific praise'],
      fieldsLabel: 'Events to tally',
    },
    es: {
      label: 'Conteo de eventos',
      captures: 'Una marca cada vez que ocurre uno de los eventos elegidos.',
      defaultFields: ['Pregunta abierta', 'Pregunta cerrada', 'Reconocimiento específico'],
      fieldsLabel: 'Eventos que se cuentan',
    },
  },
  duration: {
    en: {
      label: 'Duration',
      captures: 'How long each chosen activity or transition lasts, start to finish.',
      defaultFields: ['Transition to centres', 'Waiting time'],
      fieldsLabel: 'Activities to time',
    },
    es: {
      label: 'Duración',
      captures: 'Cuánto dura cada actividad o transición elegida, de principio a fin.',
      defaultFields: ['Transición a los centros', 'Tiempo de espera'],
      fieldsLabel: 'Actividades que se cronometran',
    },
  },
  physical_map: {
    en: {
      label: 'Physical map',
      captures: 'A floor plan of the room with where people moved and stayed.',
      defaultFields: ['Teacher\'s path', 'Where children gather'],
      fieldsLabel: 'Movements to trace',
    },
    es: {
      label: 'Mapa del espacio',
      captures: 'Un plano del aula con los recorridos de las personas y los lugares donde se quedaron.',
      defaultFields: ['Recorrido del/de la docente', 'Dónde se reúnen niñas y niños'],
      fieldsLabel: 'Movimientos que se trazan',
    },
  },
  time_sample: {
    en: {
      label: 'Time sample',
      captures: 'At a fixed interval, a note of what is happening at that moment.',
      defaultFields: ['Children engaged', 'Children waiting', 'Children off task'],
      fieldsLabel: 'What to note at each interval',
    },
    es: {
      label: 'Muestreo de tiempo',
      captures: 'Cada cierto tiempo fijo, una nota de lo que está pasando en ese momento.',
      defaultFields: ['Niños/as participando', 'Niños/as esperando', 'Niños/as en otra cosa'],
      fieldsLabel: 'Qué anotar en cada intervalo',
    },
  },
  artifacts: {
    en: {
      label: 'Artifacts',
      captures: 'Children\'s work, photos of displays or lesson materials, collected as they are.',
      defaultFields: ['Children\'s drawings', 'Lesson plan'],
      fieldsLabel: 'Artifacts to collect',
    },
    es: {
      label: 'Trabajos y materiales',
      captures: 'Trabajos de niñas y niños, fotos de lo que está expuesto o materiales de la actividad, recogidos tal como están.',
      defaultFields: ['Dibujos de niñas y niños', 'Planificación de la actividad'],
      fieldsLabel: 'Qué se recoge',
    },
  },
  video: {
    en: {
      label: 'Video',
      captures: 'A recording the coachee watches first, then a chosen clip to look at together.',
      defaultFields: ['Clip of the opening', 'Clip of the closing'],
      fieldsLabel: 'Moments to record',
    },
    es: {
      label: 'Video',
      captures: 'Una grabación que la persona acompañada ve primero; después, un fragmento elegido para mirarlo juntos.',
      defaultFields: ['Fragmento del comienzo', 'Fragmento del cierre'],
      fieldsLabel: 'Momentos que se graban',
    },
  },
};

/** Each data method in words, per language: DATA_METHOD_INFO[language][method]. */
export const DATA_METHOD_INFO: Record<Language, Record<DataMethod, MethodInfo>> = inEach(
  (language) => Object.fromEntries(Object.entries(METHODS).map(([method, info]) => [method, info[language]])) as Record<DataMethod, MethodInfo>,
);

const COACHEE_PROMPTS = promptsIn([
  {
    key: 'noticed',
    en: { prompt: 'Looking at the data, what do you notice first?', hint: 'Describe before you judge: what is there, what repeats, what is missing.' },
    es: { prompt: 'Mirando los datos, ¿qué es lo primero que notas?', hint: 'Describe antes de juzgar: qué hay, qué se repite, qué falta.' },
  },
  { key: 'surprised', en: { prompt: 'What surprised you?', hint: '' }, es: { prompt: '¿Qué te sorprendió?', hint: '' } },
  {
    key: 'children',
    en: { prompt: 'What does it tell you about the children\'s experience?', hint: '' },
    es: { prompt: '¿Qué te dice sobre lo que viven las niñas y los niños?', hint: '' },
  },
  {
    key: 'challenging',
    en: { prompt: 'What was challenging?', hint: 'In the lesson, or in looking at it now.' },
    es: { prompt: '¿Qué te resultó difícil?', hint: 'En la clase, o al mirarla ahora.' },
  },
  { key: 'learned', en: { prompt: 'What did you learn?', hint: '' }, es: { prompt: '¿Qué aprendiste?', hint: '' } },
  { key: 'keep', en: { prompt: 'What do you want to keep doing?', hint: '' }, es: { prompt: '¿Qué quieres seguir haciendo?', hint: '' } },
  {
    key: 'change',
    en: { prompt: 'What would you do differently next time?', hint: 'These can become next steps in your plan.' },
    es: { prompt: '¿Qué harías de otra manera la próxima vez?', hint: 'Esto puede convertirse en próximos pasos de tu plan.' },
  },
]);

const PARTNER_PROMPTS = promptsIn([
  {
    key: 'heard',
    en: { prompt: 'What did you hear the coachee notice?', hint: 'Say it back in their words.' },
    es: { prompt: '¿Qué escuchaste que notó la persona acompañada?', hint: 'Devuélveselo con sus propias palabras.' },
  },
  {
    key: 'described',
    en: { prompt: 'What did you see, described without judging?', hint: 'Numbers, words, moves: what the data shows.' },
    es: { prompt: '¿Qué viste, descrito sin juzgar?', hint: 'Números, palabras, movimientos: lo que muestran los datos.' },
  },
  {
    key: 'support',
    en: { prompt: 'How can you support the next steps the coachee chose?', hint: '' },
    es: { prompt: '¿Cómo puedes apoyar los próximos pasos que eligió la persona acompañada?', hint: '' },
  },
  {
    key: 'challenging',
    en: { prompt: 'What was challenging for you as a coach this time?', hint: '' },
    es: { prompt: '¿Qué te resultó difícil esta vez, como coach?', hint: '' },
  },
  {
    key: 'ownPractice',
    en: { prompt: 'What did you learn about your own coaching?', hint: '' },
    es: { prompt: '¿Qué aprendiste sobre tu propia forma de acompañar?', hint: '' },
  },
]);

/** Reflection prompts, per language. The coachee answers first when partners look at data together. */
export const REFLECTION_PROMPTS_BY_LANGUAGE: Record<Language, { coachee: Prompt[]; partner: Prompt[] }> = inEach((language) => ({
  coachee: COACHEE_PROMPTS[language],
  partner: PARTNER_PROMPTS[language],
}));

/** The reflection prompts in English, for code with no reader's language to go by. */
export const REFLECTION_PROMPTS = REFLECTION_PROMPTS_BY_LANGUAGE.en;
