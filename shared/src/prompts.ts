/**
 * Prompt banks, written in our own words: the focus conversation before an
 * observation, the reflection prompts for each partner, and the data methods
 * with the form the coach will fill in (which the coachee sees first).
 */
import type { DataMethod } from './domain';

export interface Prompt {
  key: string;
  prompt: string;
  hint: string;
}

/** The focus conversation, in the order partners usually talk it through. Keys match ObservationPlan fields. */
export const FOCUS_PROMPTS: Prompt[] = [
  { key: 'focus', prompt: 'What would you like us to look at together?', hint: 'One practice or moment of the day is plenty, for example how children join in at story time.' },
  { key: 'currentPicture', prompt: 'How is it going right now, as you see it?', hint: 'What happens today, what you have tried, what surprised you.' },
  { key: 'successLooksLike', prompt: 'If this went the way you hope, what would we see and hear?', hint: 'Describe it from the children\'s side if you can.' },
  { key: 'lookFor', prompt: 'What exactly should the data capture?', hint: 'Words, moves, who speaks, how long something takes: things that can be written down without judging.' },
  { key: 'method', prompt: 'Which way of gathering data fits that best?', hint: 'Pick one method; the form below shows what will be written down.' },
  { key: 'mode', prompt: 'Live in the room, or recorded on video?', hint: 'A recording lets you watch it first, on your own.' },
  { key: 'when', prompt: 'When should it happen, and for how long?', hint: 'A time of day and activity, for example 9:15–9:35 during circle.' },
];

export interface MethodInfo {
  label: string;
  /** What the coach writes down, in one sentence. */
  captures: string;
  /** The columns or categories of the data form, before partners edit them. */
  defaultFields: string[];
  /** A label for the fields in the form editor. */
  fieldsLabel: string;
}

export const DATA_METHOD_INFO: Record<DataMethod, MethodInfo> = {
  selective_verbatim: {
    label: 'Selective verbatim',
    captures: 'Word for word, only the kinds of talk you chose, with the time.',
    defaultFields: ['Questions the teacher asks', 'What children answer'],
    fieldsLabel: 'Kinds of talk to write down',
  },
  verbal_flow: {
    label: 'Verbal flow',
    captures: 'A seating sketch with an arrow each time someone speaks to someone else.',
    defaultFields: ['Teacher to child', 'Child to teacher', 'Child to child'],
    fieldsLabel: 'Kinds of exchange to mark',
  },
  event_count: {
    label: 'Event count',
    captures: 'A tally each time one of the chosen events happens.',
    defaultFields: ['Open question', 'Closed question', 'Specific praise'],
    fieldsLabel: 'Events to tally',
  },
  duration: {
    label: 'Duration',
    captures: 'How long each chosen activity or transition lasts, start to finish.',
    defaultFields: ['Transition to centres', 'Waiting time'],
    fieldsLabel: 'Activities to time',
  },
  physical_map: {
    label: 'Physical map',
    captures: 'A floor plan of the room with where people moved and stayed.',
    defaultFields: ['Teacher\'s path', 'Where children gather'],
    fieldsLabel: 'Movements to trace',
  },
  time_sample: {
    label: 'Time sample',
    captures: 'At a fixed interval, a note of what is happening at that moment.',
    defaultFields: ['Children engaged', 'Children waiting', 'Children off task'],
    fieldsLabel: 'What to note at each interval',
  },
  artifacts: {
    label: 'Artifacts',
    captures: 'Children\'s work, photos of displays or lesson materials, collected as they are.',
    defaultFields: ['Children\'s drawings', 'Lesson plan'],
    fieldsLabel: 'Artifacts to collect',
  },
  video: {
    label: 'Video',
    captures: 'A recording the coachee watches first, then a chosen clip to look at together.',
    defaultFields: ['Clip of the opening', 'Clip of the closing'],
    fieldsLabel: 'Moments to record',
  },
};

/** Reflection prompts. The coachee answers first when partners look at data together. */
export const REFLECTION_PROMPTS: { coachee: Prompt[]; partner: Prompt[] } = {
  coachee: [
    { key: 'noticed', prompt: 'Looking at the data, what do you notice first?', hint: 'Describe before you judge: what is there, what repeats, what is missing.' },
    { key: 'surprised', prompt: 'What surprised you?', hint: '' },
    { key: 'children', prompt: 'What does it tell you about the children\'s experience?', hint: '' },
    { key: 'keep', prompt: 'What do you want to keep doing?', hint: '' },
    { key: 'change', prompt: 'What would you like to try differently?', hint: 'These can become next steps in your plan.' },
  ],
  partner: [
    { key: 'heard', prompt: 'What did you hear the coachee notice?', hint: 'Say it back in their words.' },
    { key: 'described', prompt: 'What did you see, described without judging?', hint: 'Numbers, words, moves: what the data shows.' },
    { key: 'support', prompt: 'How can you support the next steps the coachee chose?', hint: '' },
    { key: 'ownPractice', prompt: 'What did you learn about your own coaching?', hint: '' },
  ],
};
