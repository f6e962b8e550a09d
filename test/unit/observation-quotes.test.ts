/**
 * The lines a coachee quotes from an observation's data into a reflection
 * (shared/src/observations/quotes.ts): one per row of each tool's data, in the reader's
 * language, with nothing added to the data. Hand-built views, no database.
 */
import { describe, expect, it } from 'vitest';
import { quoteLines } from '../../shared/src/observations/quotes';
import type { CountView, DurationView, FlowView, MapView, TimeSampleView, VerbatimView } from '../../shared/src/observations/views';

const MIN = 60_000;
const texts = (lines: Array<{ text: string }>) => lines.map((l) => l.text);

describe('quoting an observation’s data', () => {
  const count: CountView = {
    tool: 'event_count',
    durationMs: 20 * MIN,
    categories: [
      { category: 'Open question', total: 12, atMs: [] },
      { category: 'Closed question', total: 18, atMs: [] },
      { category: 'Praise', total: 0, atMs: [] },
    ],
  };

  // Spanish puts a no-break space before the percent sign.
  it('gives each behaviour counted its total and its share of all taps, leaving out what was never tapped', () => {
    expect(texts(quoteLines(count, 'en'))).toEqual(['Open question: 12 (40%)', 'Closed question: 18 (60%)']);
    expect(texts(quoteLines(count, 'es'))).toEqual(['Open question: 12 (40\u00a0%)', 'Closed question: 18 (60\u00a0%)']);
  });

  it('gives every line ids that stay the same for the same view', () => {
    const ids = quoteLines(count, 'en').map((l) => l.id);
    expect(ids).toEqual(['event_count:category:0', 'event_count:category:1']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(quoteLines(count, 'es').map((l) => l.id)).toEqual(ids);
  });

  it('quotes a verbatim line as it was written, with its time and speaker (and category when there is one)', () => {
    const view: VerbatimView = {
      tool: 'selective_verbatim',
      durationMs: 30 * MIN,
      speakers: ['T', 'S07'],
      categories: ['Open question'],
      lines: [
        { id: 'a', atMs: 4 * MIN + 5000, speaker: 'T', category: 'Open question', text: 'What do you notice about the ending?' },
        { id: 'b', atMs: 61 * MIN + 9000, speaker: 'S07', category: null, text: 'It was sad, but kind of happy.' },
      ],
    };
    expect(texts(quoteLines(view, 'en'))).toEqual(['4:05 · T (Open question): “What do you notice about the ending?”', '1:01:09 · S07: “It was sad, but kind of happy.”']);
  });

  it('gives each activity its time and share of the visit, and says when one is still going', () => {
    const view: DurationView = {
      tool: 'duration',
      durationMs: 20 * MIN,
      exclusive: true,
      activities: [
        { activity: 'Whole group', totalMs: 11 * MIN, share: 0.55, segments: [{ startMs: 0, endMs: 11 * MIN, open: false }] },
        { activity: 'Transition', totalMs: 3.5 * MIN, share: 0.175, segments: [{ startMs: 16.5 * MIN, endMs: 20 * MIN, open: true }] },
        { activity: 'Centres', totalMs: 0, share: 0, segments: [] },
      ],
    };
    expect(texts(quoteLines(view, 'en'))).toEqual(['Whole group: 11 min (55%)', 'Transition: 3.5 min (18%), still going']);
    expect(texts(quoteLines(view, 'es'))).toEqual(['Whole group: 11 min (55\u00a0%)', 'Transition: 3,5 min (18\u00a0%), todavía en curso']);
  });

  it('gives each seat in the verbal flow its exchanges by kind, then who spoke to whom', () => {
    const view: FlowView = {
      tool: 'verbal_flow',
      durationMs: 20 * MIN,
      kinds: ['Teacher question', 'Student response'],
      elements: [
        { id: 's1', type: 'seat', label: 'S01', x: 0, y: 0, w: 10, h: 10 },
        { id: 's2', type: 'seat', label: null, x: 20, y: 0, w: 10, h: 10 },
      ],
      seats: [
        { seatId: 's1', label: 'S01', total: 3, byKind: { 'Teacher question': 2, 'Student response': 1 } },
        { seatId: 's2', label: null, total: 1, byKind: { 'Student response': 1 } },
      ],
      arrows: [{ from: null, to: 's1', kind: 'Teacher question', count: 2 }],
    };
    expect(texts(quoteLines(view, 'en'))).toEqual(['S01: 3 exchanges (Teacher question: 2; Student response: 1)', 'seat: 1 exchange (Student response: 1)', 'Teacher → S01, Teacher question: 2']);
    expect(texts(quoteLines(view, 'es'))[2]).toBe('Docente → S01, Teacher question: 2');
  });

  it('gives the time spent near each place on the map, and the notes pinned to places', () => {
    const view: MapView = {
      tool: 'physical_map',
      durationMs: 20 * MIN,
      elements: [{ id: 'b', type: 'board', label: null, x: 0, y: 0, w: 100, h: 10 }],
      paths: [],
      dwell: [{ who: null, elementId: 'b', totalMs: 4 * MIN }],
      notes: [{ atMs: 12 * MIN + 30_000, text: 'Knelt beside the reading group', x: 1, y: 1, elementId: 'b' }, { atMs: 13 * MIN, text: 'Lights off', x: null, y: null, elementId: null }],
    };
    expect(texts(quoteLines(view, 'en'))).toEqual(['Teacher near board: 4 min', '12:30 · board: “Knelt beside the reading group”', '13:00: “Lights off”']);
    expect(texts(quoteLines(view, 'es'))[0]).toBe('Docente junto a la pizarra: 4 min');
  });

  it('gives each category of a time sample its intervals, the missed ones, and the notes', () => {
    const view: TimeSampleView = {
      tool: 'time_sample',
      durationMs: 20 * MIN,
      intervalMinutes: 5,
      categories: ['On task', 'Off task'],
      intervals: [
        { interval: 1, startMs: 0, category: 'On task', note: '', missed: false },
        { interval: 2, startMs: 5 * MIN, category: null, note: '', missed: true },
        { interval: 3, startMs: 10 * MIN, category: 'Off task', note: 'Line-up', missed: false },
        { interval: 4, startMs: 15 * MIN, category: 'On task', note: '', missed: false },
      ],
    };
    expect(texts(quoteLines(view, 'en'))).toEqual(['On task: 2 of 4 intervals (50%)', 'Off task: 1 of 4 intervals (25%)', '1 interval missed, of 4', 'Interval 3 (10:00): Off task — “Line-up”']);
    expect(texts(quoteLines(view, 'es'))).toEqual(['On task: 2 de 4 intervalos (50\u00a0%)', 'Off task: 1 de 4 intervalos (25\u00a0%)', '1 intervalo sin registro, de 4', 'Intervalo 3 (10:00): Off task — “Line-up”']);
  });

  it('has nothing to quote when nothing was recorded', () => {
    expect(quoteLines({ tool: 'event_count', durationMs: MIN, categories: [{ category: 'Praise', total: 0, atMs: [] }] }, 'en')).toEqual([]);
    expect(quoteLines({ tool: 'selective_verbatim', durationMs: MIN, speakers: [], categories: [], lines: [] }, 'es')).toEqual([]);
  });
});
