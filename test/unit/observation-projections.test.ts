/**
 * The projections from an observation's event log to each tool's view (shared/src/observations/projections.ts):
 * hand-built event lists, no database, so the tablet and the server can be trusted to draw the same evidence.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Observation } from '../../shared/src/api';
import {
  flowKindSpeaker,
  liveEvents,
  type ProjectionEvent,
  type ProjectionLayout,
  type ProjectionTool,
  projectDuration,
  projectEventCount,
  projectObservation,
  projectPhysicalMap,
  projectTimeSample,
  projectVerbalFlow,
  projectVerbatim,
} from '../../shared/src/observations/projections';
import type { CountView, DurationView } from '../../shared/src/observations/views';

const START = '2026-03-02T09:00:00.000Z';
const startMs = Date.parse(START);
const MIN = 60_000;
/** A device time `ms` after the start. */
const t = (ms: number) => new Date(startMs + ms).toISOString();
const ended = (ms: number) => ({ startedAt: START, endedAt: t(ms) });

let n = 0;
/** An event with a readable, sortable id unless one is given. */
const ev = (tool: string, type: string, ms: number, payload: Record<string, unknown>, id = `e${String(++n).padStart(5, '0')}`): ProjectionEvent => ({ id, tool, type, payload, deviceAt: t(ms) });
const undo = (tool: string, ms: number, eventId: string, id?: string) => ev(tool, 'undo', ms, { eventId }, id);

const tool = (name: ProjectionTool['tool'], extra: Partial<ProjectionTool> = {}): ProjectionTool => ({ tool: name, ...extra });

describe('the shared rules', () => {
  it('reads events in device-time order, ties by id, whatever order they arrived in', () => {
    const events = [ev('event_count', 'count', 2000, { category: 'A' }, 'b'), ev('event_count', 'count', 1000, { category: 'A' }, 'z'), ev('event_count', 'count', 2000, { category: 'A' }, 'a')];
    expect(liveEvents(events).map((e) => e.id)).toEqual(['z', 'a', 'b']);
  });

  it('counts an event sent twice once', () => {
    const tap = ev('event_count', 'count', 1000, { category: 'Praise' });
    const view = projectEventCount([tap, { ...tap }, tap], tool('event_count', { categories: ['Praise'] }), ended(10 * MIN));
    expect(view.categories).toEqual([{ category: 'Praise', total: 1, atMs: [1000] }]);
  });

  it('leaves out an undone event, even when the undo arrived before it', () => {
    const tap = ev('event_count', 'count', 5000, { category: 'Praise' }, 'tap-1');
    const kept = ev('event_count', 'count', 6000, { category: 'Praise' }, 'tap-2');
    const u = undo('event_count', 7000, 'tap-1');
    const config = tool('event_count', { categories: ['Praise'] });
    expect(projectEventCount([u, kept, tap], config, ended(MIN)).categories[0]).toEqual({ category: 'Praise', total: 1, atMs: [6000] });
    expect(projectEventCount([tap, kept, u, u], config, ended(MIN)).categories[0].total).toBe(1);
  });

  it('leaves out an event the server marks undone, and never draws undo events', () => {
    const tap = { ...ev('event_count', 'count', 5000, { category: 'Praise' }), undoneBy: 'u-elsewhere' };
    const view = projectEventCount([tap, undo('event_count', 6000, 'nothing')], tool('event_count', { categories: ['Praise'] }), ended(MIN));
    expect(view.categories).toEqual([{ category: 'Praise', total: 0, atMs: [] }]);
  });

  it('an undo of an undo changes nothing (the server refuses it)', () => {
    const tap = ev('event_count', 'count', 1000, { category: 'A' });
    const u1 = undo('event_count', 2000, tap.id);
    const u2 = undo('event_count', 3000, u1.id);
    expect(projectEventCount([tap, u1, u2], tool('event_count', { categories: ['A'] }), ended(MIN)).categories[0].total).toBe(0);
  });

  it('draws taps from a skewed clock at the edges of the observed time', () => {
    const view = projectEventCount([ev('event_count', 'count', -30_000, { category: 'A' }), ev('event_count', 'count', 11 * MIN, { category: 'A' })], tool('event_count', { categories: ['A'] }), ended(10 * MIN));
    expect(view.categories[0].atMs).toEqual([0, 10 * MIN]);
  });

  it('ignores events of another tool when they carry one', () => {
    const view = projectEventCount([ev('time_sample', 'count', 1000, { category: 'A' })], tool('event_count', { categories: ['A'] }), ended(MIN));
    expect(view.categories[0].total).toBe(0);
  });
});

describe('event count', () => {
  it('gives a row per configured category in its order, zero when never tapped, then others tapped', () => {
    const events = [ev('event_count', 'count', 3000, { category: 'Redirect' }), ev('event_count', 'count', 1000, { category: 'Redirect' }), ev('event_count', 'count', 2000, { category: 'Other' })];
    const view: CountView = projectEventCount(events, tool('event_count', { categories: ['Praise', 'Redirect'] }), ended(10 * MIN));
    expect(view).toEqual({
      tool: 'event_count',
      durationMs: 10 * MIN,
      categories: [
        { category: 'Praise', total: 0, atMs: [] },
        { category: 'Redirect', total: 2, atMs: [1000, 3000] },
        { category: 'Other', total: 1, atMs: [2000] },
      ],
    });
  });

  it('runs a visit still recording to now', () => {
    const view = projectEventCount([], tool('event_count', { categories: ['A'] }), { startedAt: START, endedAt: null, now: t(4 * MIN) });
    expect(view.durationMs).toBe(4 * MIN);
  });
});

describe('duration', () => {
  const start = (ms: number, activity: string) => ev('duration', 'segment_start', ms, { activity });
  const stop = (ms: number, activity: string) => ev('duration', 'segment_stop', ms, { activity });
  const byName = (view: DurationView) => Object.fromEntries(view.activities.map((a) => [a.activity, a]));

  it('exclusive: starting one activity closes the one running', () => {
    const view = projectDuration([start(0, 'Whole group'), start(10 * MIN, 'Transition'), start(12 * MIN, 'Whole group'), stop(20 * MIN, 'Whole group')], tool('duration', { activities: ['Whole group', 'Transition', 'Independent'], exclusive: true }), ended(40 * MIN));
    const a = byName(view);
    expect(view.exclusive).toBe(true);
    expect(a['Whole group'].segments).toEqual([
      { startMs: 0, endMs: 10 * MIN, open: false },
      { startMs: 12 * MIN, endMs: 20 * MIN, open: false },
    ]);
    expect(a.Transition.segments).toEqual([{ startMs: 10 * MIN, endMs: 12 * MIN, open: false }]);
    expect(a['Whole group'].totalMs).toBe(18 * MIN);
    expect(a['Whole group'].share).toBeCloseTo(0.45);
    expect(a.Transition.share).toBeCloseTo(0.05);
    expect(a.Independent).toEqual({ activity: 'Independent', totalMs: 0, share: 0, segments: [] });
    expect(view.activities.map((x) => x.activity)).toEqual(['Whole group', 'Transition', 'Independent']);
  });

  it('closes a segment still running at the end at endedAt and marks it open', () => {
    const view = projectDuration([start(5 * MIN, 'Small group')], tool('duration', { activities: ['Small group'], exclusive: true }), ended(30 * MIN));
    expect(view.activities[0]).toEqual({ activity: 'Small group', totalMs: 25 * MIN, share: 25 / 30, segments: [{ startMs: 5 * MIN, endMs: 30 * MIN, open: true }] });
  });

  it('closes it at now for a visit still recording', () => {
    const view = projectDuration([start(MIN, 'A')], tool('duration', { activities: ['A'] }), { startedAt: START, endedAt: null, now: new Date(startMs + 3 * MIN) });
    expect(view.activities[0].segments).toEqual([{ startMs: MIN, endMs: 3 * MIN, open: true }]);
  });

  it('ignores a stop without a start, and a second start of an activity already running', () => {
    const view = projectDuration([stop(MIN, 'A'), start(2 * MIN, 'A'), start(3 * MIN, 'A'), stop(4 * MIN, 'A'), stop(5 * MIN, 'A')], tool('duration', { activities: ['A'] }), ended(10 * MIN));
    expect(view.activities[0].segments).toEqual([{ startMs: 2 * MIN, endMs: 4 * MIN, open: false }]);
  });

  it('overlapping: activities run side by side and their shares may sum past 1', () => {
    const view = projectDuration([start(0, 'Teacher talk'), start(MIN, 'Whole group'), stop(8 * MIN, 'Teacher talk')], tool('duration', { activities: ['Whole group', 'Teacher talk'], exclusive: false }), ended(10 * MIN));
    const a = byName(view);
    expect(view.exclusive).toBe(false);
    expect(a['Teacher talk'].segments).toEqual([{ startMs: 0, endMs: 8 * MIN, open: false }]);
    expect(a['Whole group'].segments).toEqual([{ startMs: MIN, endMs: 10 * MIN, open: true }]);
    expect(a['Teacher talk'].share + a['Whole group'].share).toBeCloseTo(1.7);
  });

  it('an undone start leaves no segment; an undone stop lets the segment run on', () => {
    const s = start(MIN, 'A');
    const st = stop(2 * MIN, 'A');
    const view = projectDuration([s, st, start(3 * MIN, 'B'), undo('duration', 4 * MIN, st.id)], tool('duration', { activities: ['A', 'B'], exclusive: true }), ended(10 * MIN));
    expect(byName(view).A.segments).toEqual([{ startMs: MIN, endMs: 3 * MIN, open: false }]);
    const none = projectDuration([undo('duration', 0, s.id), s, st], tool('duration', { activities: ['A'] }), ended(10 * MIN));
    expect(none.activities[0].segments).toEqual([]);
  });

  it('defaults to exclusive and gives share 0 in an empty observed time', () => {
    const view = projectDuration([start(0, 'A')], tool('duration', { activities: ['A'] }), ended(0));
    expect(view.exclusive).toBe(true);
    expect(view.activities[0]).toMatchObject({ totalMs: 0, share: 0 });
  });
});

describe('selective verbatim', () => {
  it('lists lines in order, speakers and categories as configured then any others used', () => {
    const l1 = ev('selective_verbatim', 'line', 2 * MIN, { text: 'Why do you think so?', speaker: 'T', category: 'Open question' });
    const l2 = ev('selective_verbatim', 'line', MIN, { text: 'Because it floats.', speaker: 'S07', category: null });
    const l3 = ev('selective_verbatim', 'line', 3 * MIN, { text: 'Good.', speaker: 'Group B', category: 'Praise' });
    const view = projectVerbatim([l1, l2, l3], tool('selective_verbatim', { speakers: ['T', 'S01'], categories: ['Open question', 'Closed question'] }), ended(20 * MIN));
    expect(view.lines).toEqual([
      { id: l2.id, atMs: MIN, speaker: 'S07', category: null, text: 'Because it floats.' },
      { id: l1.id, atMs: 2 * MIN, speaker: 'T', category: 'Open question', text: 'Why do you think so?' },
      { id: l3.id, atMs: 3 * MIN, speaker: 'Group B', category: 'Praise', text: 'Good.' },
    ]);
    expect(view.speakers).toEqual(['T', 'S01', 'S07', 'Group B']);
    expect(view.categories).toEqual(['Open question', 'Closed question', 'Praise']);
  });
});

const seat = (id: string, label = '') => ({ id, type: 'seat' as const, label, x: 100, y: 100, w: 50, h: 50 });
const flowLayout: ProjectionLayout = { layoutId: 'L1', version: 2, elements: [seat('S1', 'Desk 1'), seat('S2'), seat('S3'), { id: 'board', type: 'board', label: 'Board', x: 0, y: 0, w: 500, h: 20 }] };

describe('verbal flow', () => {
  const tap = (ms: number, seatId: string, kind: string, toSeatId: string | null = null) => ev('verbal_flow', 'interaction', ms, { seatId, kind, toSeatId });
  const config = tool('verbal_flow', { kinds: ['Teacher question', 'Student response', 'Praise', 'Student to student'], layoutId: 'L1', layoutVersion: 2 });

  it('tallies per seat and kind over the layout version, seats in the layout order', () => {
    const events = [tap(1000, 'S2', 'Teacher question'), tap(2000, 'S2', 'Student response'), tap(3000, 'S1', 'Praise'), tap(4000, 'S2', 'Teacher question'), tap(5000, 'S9', 'Praise'), tap(6000, 'board', 'Praise')];
    const view = projectVerbalFlow(events, config, flowLayout, ended(10 * MIN));
    const zero = { 'Teacher question': 0, 'Student response': 0, Praise: 0, 'Student to student': 0 };
    expect(view.seats).toEqual([
      { seatId: 'S1', label: 'Desk 1', total: 1, byKind: { ...zero, Praise: 1 } },
      { seatId: 'S2', label: null, total: 3, byKind: { ...zero, 'Teacher question': 2, 'Student response': 1 } },
      { seatId: 'S3', label: null, total: 0, byKind: zero },
    ]);
    expect(view.kinds).toEqual(['Teacher question', 'Student response', 'Praise', 'Student to student']);
    expect(view.elements.map((e) => e.id)).toEqual(['S1', 'S2', 'S3', 'board']);
  });

  it('draws teacher kinds from the teacher to the seat, student kinds from the seat to the teacher or the seat spoken to', () => {
    const events = [tap(1000, 'S2', 'Teacher question'), tap(2000, 'S2', 'Student response'), tap(3000, 'S2', 'Teacher question'), tap(4000, 'S1', 'Praise'), tap(5000, 'S3', 'Student to student', 'S1'), tap(6000, 'S3', 'Student to student'), tap(7000, 'S3', 'Student to student', 'S9')];
    const view = projectVerbalFlow(events, config, flowLayout, ended(10 * MIN));
    expect(view.arrows).toEqual([
      { from: null, to: 'S2', kind: 'Teacher question', count: 2 },
      { from: 'S2', to: null, kind: 'Student response', count: 1 },
      { from: null, to: 'S1', kind: 'Praise', count: 1 },
      { from: 'S3', to: 'S1', kind: 'Student to student', count: 1 },
      { from: 'S3', to: null, kind: 'Student to student', count: 1 },
    ]);
  });

  it('tells teacher kinds from student kinds by their words, in English and Spanish', () => {
    const teacher = ['Teacher question', 'Praise', 'Redirect', 'Question', 'Call on student', 'Question to students', 'T question', 'Pregunta del maestro', 'Pregunta al alumno', 'Elogio', 'Teacher response to student'];
    const student = ['Student response', 'Student question', 'Student-to-student', 'Response', 'Answer', 'S question', 'Respuesta', 'Respuesta del estudiante', 'Pregunta de la alumna', 'Peer feedback'];
    expect(teacher.filter((k) => flowKindSpeaker(k) !== 'teacher')).toEqual([]);
    expect(student.filter((k) => flowKindSpeaker(k) !== 'student')).toEqual([]);
  });

  it('draws nothing on seats without a layout', () => {
    const view = projectVerbalFlow([tap(1000, 'S1', 'Praise')], config, undefined, ended(MIN));
    expect(view).toMatchObject({ elements: [], seats: [], arrows: [] });
  });
});

describe('physical map', () => {
  const room: ProjectionLayout = {
    layoutId: 'R1',
    version: 1,
    elements: [
      { id: 'rug', type: 'rug', label: 'Rug', x: 100, y: 100, w: 200, h: 200 },
      { id: 'blocks', type: 'centre', label: 'Blocks', x: 600, y: 100, w: 200, h: 200 },
    ],
  };
  const mark = (ms: number, who: string | null, elementId: string | null, x = 10, y = 20) => ev('physical_map', 'mark', ms, { x, y, elementId, who });
  const config = tool('physical_map', { tracked: ['T', 'S04'], layoutId: 'R1', layoutVersion: 1 });

  it('draws a path per person and dwell per element until the next mark or the end', () => {
    const events = [mark(0, 'T', 'rug'), mark(2 * MIN, 'S05', 'blocks'), mark(5 * MIN, 'T', null, 400, 400), mark(6 * MIN, 'T', 'blocks'), mark(8 * MIN, 'T', 'rug'), mark(9 * MIN, null, 'rug')];
    const view = projectPhysicalMap(events, config, room, ended(10 * MIN));
    expect(view.paths.map((p) => [p.who, p.points.length])).toEqual([
      ['T', 4],
      ['S04', 0],
      ['S05', 1],
      [null, 1],
    ]);
    expect(view.paths[0].points[1]).toEqual({ atMs: 5 * MIN, x: 400, y: 400, elementId: null });
    expect(view.dwell).toEqual([
      { who: 'T', elementId: 'rug', totalMs: 5 * MIN + 2 * MIN },
      { who: 'T', elementId: 'blocks', totalMs: 2 * MIN },
      { who: 'S05', elementId: 'blocks', totalMs: 8 * MIN },
      { who: null, elementId: 'rug', totalMs: MIN },
    ]);
    expect(view.elements).toEqual([
      { id: 'rug', type: 'rug', label: 'Rug', x: 100, y: 100, w: 200, h: 200 },
      { id: 'blocks', type: 'centre', label: 'Blocks', x: 600, y: 100, w: 200, h: 200 },
    ]);
  });

  it('an undone mark leaves the path and its dwell goes to the mark before', () => {
    const wrong = mark(3 * MIN, 'T', 'blocks');
    const view = projectPhysicalMap([mark(0, 'T', 'rug'), wrong, undo('physical_map', 3 * MIN + 1000, wrong.id)], config, room, ended(10 * MIN));
    expect(view.dwell).toEqual([{ who: 'T', elementId: 'rug', totalMs: 10 * MIN }]);
  });

  it('keeps notes, with or without a place, and a point on an element the layout no longer has', () => {
    const view = projectPhysicalMap(
      [ev('physical_map', 'note', MIN, { text: 'Materials out of reach', x: null, y: null, elementId: 'blocks' }), ev('physical_map', 'note', 2 * MIN, { text: 'Door propped', x: 5, y: 6, elementId: null }), mark(3 * MIN, 'T', 'gone')],
      config,
      room,
      ended(10 * MIN),
    );
    expect(view.notes).toEqual([
      { atMs: MIN, text: 'Materials out of reach', x: null, y: null, elementId: 'blocks' },
      { atMs: 2 * MIN, text: 'Door propped', x: 5, y: 6, elementId: null },
    ]);
    expect(view.paths[0].points).toEqual([{ atMs: 3 * MIN, x: 10, y: 20, elementId: null }]);
    expect(view.dwell).toEqual([]);
  });
});

describe('time sample', () => {
  const rec = (ms: number, interval: number, category: string, note = '', id?: string) => ev('time_sample', 'interval_record', ms, { interval, category, note }, id);
  const config = tool('time_sample', { categories: ['On task', 'Off task'], intervalMinutes: 5 });

  it('gives one cell per interval begun by the end, missed where nothing was recorded', () => {
    const view = projectTimeSample([rec(1 * MIN, 1, 'On task', 'all reading'), rec(11 * MIN, 3, 'Off task')], config, ended(17 * MIN));
    expect(view.intervalMinutes).toBe(5);
    expect(view.intervals).toEqual([
      { interval: 1, startMs: 0, category: 'On task', note: 'all reading', missed: false },
      { interval: 2, startMs: 5 * MIN, category: null, note: '', missed: true },
      { interval: 3, startMs: 10 * MIN, category: 'Off task', note: '', missed: false },
      { interval: 4, startMs: 15 * MIN, category: null, note: '', missed: true },
    ]);
  });

  it('takes the last record for an interval, and an undone record leaves it missed', () => {
    const first = rec(MIN, 1, 'On task', 'first');
    const again = rec(2 * MIN, 1, 'Off task', 'corrected');
    const gone = rec(6 * MIN, 2, 'On task');
    const view = projectTimeSample([again, first, gone, undo('time_sample', 7 * MIN, gone.id)], config, ended(10 * MIN));
    expect(view.intervals).toEqual([
      { interval: 1, startMs: 0, category: 'Off task', note: 'corrected', missed: false },
      { interval: 2, startMs: 5 * MIN, category: null, note: '', missed: true },
    ]);
  });

  it('counts intervals begun by now for a visit still recording, and defaults to 5 minutes', () => {
    const view = projectTimeSample([], tool('time_sample', { categories: ['A'], intervalMinutes: null }), { startedAt: START, endedAt: null, now: t(5 * MIN + 1) });
    expect(view.intervalMinutes).toBe(5);
    expect(view.intervals.map((i) => [i.interval, i.missed])).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it('keeps a record for an interval after the end (clock slack) and lists other categories recorded', () => {
    const view = projectTimeSample([rec(10 * MIN, 3, 'Transition')], config, ended(10 * MIN));
    expect(view.intervals.map((i) => [i.interval, i.category])).toEqual([
      [1, null],
      [2, null],
      [3, 'Transition'],
    ]);
    expect(view.categories).toEqual(['On task', 'Off task', 'Transition']);
  });
});

describe('projectObservation', () => {
  type ObservationRead = z.infer<typeof Observation>;
  const base: Omit<ObservationRead, 'tools' | 'layouts' | 'events'> = {
    id: 'o1',
    partnershipId: 'p1',
    subjectId: 's1',
    planId: null,
    planned: false,
    clip: null,
    meetingId: null,
    focus: 'Questions',
    mode: 'live',
    status: 'ended',
    toolKinds: [],
    startedAt: START,
    endedAt: t(60 * MIN),
    createdById: 'c1',
    createdBy: 'Coach',
    version: 1,
    coacheeReflectedAt: null,
    abilities: { record: true, end: true, share: true },
    endedById: 'c1',
    createdAt: START,
    updatedAt: START,
  };
  const toolConfig = (name: ProjectionTool['tool'], extra: Partial<ObservationRead['tools'][number]> = {}): ObservationRead['tools'][number] => ({
    tool: name,
    categories: [],
    speakers: [],
    kinds: [],
    activities: [],
    exclusive: null,
    tracked: [],
    intervalMinutes: null,
    layoutId: null,
    layoutVersion: null,
    ...extra,
  });
  const server = (e: ProjectionEvent, undoneBy: string | null = null): ObservationRead['events'][number] => ({ id: e.id, tool: e.tool as ObservationRead['events'][number]['tool'], type: e.type, payload: e.payload, deviceAt: e.deviceAt, receivedAt: e.deviceAt, authorId: 'c1', undoneBy });

  it('projects every tool of a read observation, in its order, each from its own events', () => {
    const obs: ObservationRead = {
      ...base,
      tools: [
        toolConfig('event_count', { categories: ['Praise', 'Redirect'] }),
        toolConfig('verbal_flow', { kinds: ['Teacher question'], layoutId: 'L1', layoutVersion: 2 }),
        toolConfig('duration', { activities: ['A'], exclusive: true }),
        toolConfig('time_sample', { categories: ['On task'], intervalMinutes: 10 }),
        toolConfig('selective_verbatim', { speakers: ['T'] }),
        toolConfig('physical_map', { tracked: ['T'], layoutId: 'L1', layoutVersion: 2 }),
      ],
      layouts: [
        { ...flowLayout, version: 1, kind: 'seating_chart', name: 'Old', elements: [seat('S1')] },
        { ...flowLayout, kind: 'seating_chart', name: 'Room 12', elements: flowLayout.elements.map((e) => ({ ...e, label: e.label ?? '' })) },
      ],
      events: [
        server(ev('event_count', 'count', MIN, { category: 'Praise' })),
        server(ev('verbal_flow', 'interaction', MIN, { seatId: 'S3', kind: 'Teacher question', toSeatId: null })),
        server(ev('duration', 'segment_start', 0, { activity: 'A' })),
        server(ev('time_sample', 'interval_record', 12 * MIN, { interval: 2, category: 'On task', note: '' })),
        server(ev('selective_verbatim', 'line', 2 * MIN, { text: 'Ready?', speaker: 'T', category: null })),
        server(ev('physical_map', 'mark', 0, { x: 1, y: 2, elementId: 'board', who: 'T' })),
      ],
    };
    const views = projectObservation(obs);
    expect(views.map((v) => v.tool)).toEqual(['event_count', 'verbal_flow', 'duration', 'time_sample', 'selective_verbatim', 'physical_map']);
    expect(views.every((v) => v.durationMs === 60 * MIN)).toBe(true);
    const [count, flow, duration, sample, verbatim, map] = views;
    expect(count.tool === 'event_count' && count.categories.map((c) => c.total)).toEqual([1, 0]);
    expect(flow.tool === 'verbal_flow' && flow.arrows).toEqual([{ from: null, to: 'S3', kind: 'Teacher question', count: 1 }]);
    expect(duration.tool === 'duration' && duration.activities[0]).toMatchObject({ totalMs: 60 * MIN, share: 1 });
    expect(sample.tool === 'time_sample' && sample.intervals.map((i) => i.missed)).toEqual([true, false, true, true, true, true]);
    expect(verbatim.tool === 'selective_verbatim' && verbatim.lines.length).toBe(1);
    expect(map.tool === 'physical_map' && map.dwell).toEqual([{ who: 'T', elementId: 'board', totalMs: 60 * MIN }]);
  });

  it('closes a visit still recording at the now given', () => {
    const obs: ObservationRead = { ...base, status: 'recording', endedAt: null, tools: [toolConfig('duration', { activities: ['A'], exclusive: true })], layouts: [], events: [server(ev('duration', 'segment_start', MIN, { activity: 'A' }))] };
    const [view] = projectObservation(obs, t(11 * MIN));
    expect(view).toMatchObject({ durationMs: 11 * MIN, activities: [{ totalMs: 10 * MIN, segments: [{ open: true }] }] });
  });

  it('computes a one-hour visit with 2,000 events, undos and duplicates included', () => {
    const events: ObservationRead['events'] = [];
    const kinds = ['Teacher question', 'Student response', 'Praise'];
    const expected = { count: 0, flow: 0, lines: 0 };
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor((i * 60 * MIN) / 2000);
      const id = `x${String(i).padStart(5, '0')}`;
      const which = i % 5;
      if (which === 0) events.push(server(ev('event_count', 'count', ms, { category: i % 2 ? 'Praise' : 'Redirect' }, id)));
      else if (which === 1) events.push(server(ev('verbal_flow', 'interaction', ms, { seatId: `S${(i % 3) + 1}`, kind: kinds[i % 3], toSeatId: null }, id)));
      else if (which === 2) events.push(server(ev('duration', i % 4 === 2 ? 'segment_start' : 'segment_stop', ms, { activity: i % 3 ? 'A' : 'B' }, id)));
      else if (which === 3) events.push(server(ev('selective_verbatim', 'line', ms, { text: `line ${i}`, speaker: 'T', category: null }, id)));
      else events.push(server(ev('physical_map', 'mark', ms, { x: i % 1000, y: 5, elementId: i % 2 ? 'S1' : null, who: 'T' }, id)));
    }
    // Every 50th event undone, the undo sent first; every 40th sent twice.
    const undone = new Set<string>();
    const withExtras: ObservationRead['events'] = [];
    events.forEach((e, i) => {
      if (i % 50 === 7) {
        withExtras.unshift(server(undo(e.tool, 60 * MIN, e.id, `u${i}`)));
        undone.add(e.id);
      }
      withExtras.push(e);
      if (i % 40 === 3) withExtras.push({ ...e });
    });
    for (const e of events) {
      if (undone.has(e.id)) continue;
      if (e.tool === 'event_count') expected.count++;
      if (e.tool === 'verbal_flow') expected.flow++;
      if (e.tool === 'selective_verbatim') expected.lines++;
    }
    const obs: ObservationRead = {
      ...base,
      tools: [
        toolConfig('event_count', { categories: ['Praise', 'Redirect'] }),
        toolConfig('verbal_flow', { kinds, layoutId: 'L1', layoutVersion: 2 }),
        toolConfig('duration', { activities: ['A', 'B'], exclusive: true }),
        toolConfig('selective_verbatim', { speakers: ['T'] }),
        toolConfig('physical_map', { tracked: ['T'], layoutId: 'L1', layoutVersion: 2 }),
      ],
      layouts: [{ ...flowLayout, kind: 'seating_chart', name: 'Room 12', elements: flowLayout.elements.map((e) => ({ ...e, label: e.label ?? '' })) }],
      events: withExtras,
    };
    const began = performance.now();
    const [count, flow, duration, verbatim, map] = projectObservation(obs);
    const took = performance.now() - began;
    console.log(`projected ${withExtras.length} events (2,000 taps) in ${took.toFixed(1)} ms`);

    expect(count.tool === 'event_count' && count.categories.reduce((s, c) => s + c.total, 0)).toBe(expected.count);
    expect(flow.tool === 'verbal_flow' && flow.seats.reduce((s, c) => s + c.total, 0)).toBe(expected.flow);
    expect(flow.tool === 'verbal_flow' && flow.arrows.reduce((s, a) => s + a.count, 0)).toBe(expected.flow);
    expect(verbatim.tool === 'selective_verbatim' && verbatim.lines.length).toBe(expected.lines);
    if (duration.tool !== 'duration') throw new Error('duration expected');
    const total = duration.activities.reduce((s, a) => s + a.totalMs, 0);
    expect(total).toBeLessThanOrEqual(60 * MIN);
    for (const a of duration.activities) for (const s of a.segments) expect(s.endMs).toBeGreaterThanOrEqual(s.startMs);
    if (map.tool !== 'physical_map') throw new Error('map expected');
    expect(map.dwell.every((d) => d.totalMs >= 0 && d.elementId === 'S1')).toBe(true);
  });
});
