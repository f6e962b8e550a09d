/**
 * Pausing a visit (issue 10, "start, pause, end"): a pause and a resume are events in the same
 * append-only log as taps, recorded under any tool of the visit, and every projection reads the
 * observed time with paused spans taken out, so no duration, dwell or interval counts a pause and
 * no time-sample interval is invented (or missed) during one.
 */
import { describe, expect, it } from 'vitest';
import { type ProjectionEvent, projectDuration, projectEventCount, projectObservation, projectTimeSample, visitClock } from '../../shared/src/observations/projections';

const START = '2026-03-02T09:00:00.000Z';
const MIN = 60_000;
const t = (ms: number) => new Date(Date.parse(START) + ms).toISOString();
let n = 0;
const ev = (tool: string, type: string, ms: number, payload: Record<string, unknown> = {}): ProjectionEvent => ({ id: `p${String(++n).padStart(5, '0')}`, tool, type, payload, deviceAt: t(ms) });

describe('the visit clock', () => {
  it('leaves paused time out of the observed time and draws a tap made while paused where the pause began', () => {
    const events = [ev('event_count', 'pause', 5 * MIN), ev('event_count', 'resume', 15 * MIN)];
    const clock = visitClock({ startedAt: START, endedAt: t(30 * MIN) }, events);
    expect(clock.durationMs).toBe(20 * MIN);
    expect(clock.paused).toBe(false);
    expect(clock.atMs(Date.parse(t(20 * MIN)))).toBe(10 * MIN);
    expect(clock.atMs(Date.parse(t(10 * MIN)))).toBe(5 * MIN);
  });

  it('stops while paused: a pause still open runs to now (or the end) and says it is paused', () => {
    const events = [ev('duration', 'pause', 4 * MIN)];
    const at10 = visitClock({ startedAt: START, endedAt: null, now: t(10 * MIN) }, events);
    const at20 = visitClock({ startedAt: START, endedAt: null, now: t(20 * MIN) }, events);
    expect(at10).toMatchObject({ durationMs: 4 * MIN, paused: true });
    expect(at20.durationMs).toBe(4 * MIN);
    expect(visitClock({ startedAt: START, endedAt: t(9 * MIN) }, events).durationMs).toBe(4 * MIN);
  });

  it('a second pause while paused, or a resume while running, changes nothing; events arrive in any order', () => {
    const events = [ev('x', 'resume', 1 * MIN), ev('x', 'resume', 12 * MIN), ev('x', 'pause', 6 * MIN), ev('x', 'pause', 2 * MIN)].reverse();
    expect(visitClock({ startedAt: START, endedAt: t(20 * MIN) }, events).durationMs).toBe(10 * MIN);
  });
});

describe('projections during a pause', () => {
  it('duration: a segment running across a pause counts only the observed time', () => {
    const events = [ev('duration', 'segment_start', 0, { activity: 'Whole group' }), ev('event_count', 'pause', 10 * MIN), ev('event_count', 'resume', 20 * MIN), ev('duration', 'segment_stop', 30 * MIN, { activity: 'Whole group' })];
    const view = projectDuration(events, { tool: 'duration', activities: ['Whole group'] }, { startedAt: START, endedAt: t(30 * MIN) });
    expect(view.durationMs).toBe(20 * MIN);
    expect(view.activities[0]).toMatchObject({ totalMs: 20 * MIN, share: 1, segments: [{ startMs: 0, endMs: 20 * MIN, open: false }] });
  });

  it('time sample: intervals do not run during a pause, so none is invented as missed', () => {
    const events = [ev('time_sample', 'interval_record', 1 * MIN, { interval: 1, category: 'On task' }), ev('time_sample', 'pause', 5 * MIN), ev('time_sample', 'resume', 25 * MIN), ev('time_sample', 'interval_record', 26 * MIN, { interval: 2, category: 'Talking' })];
    const view = projectTimeSample(events, { tool: 'time_sample', categories: ['On task', 'Talking'], intervalMinutes: 5 }, { startedAt: START, endedAt: t(30 * MIN) });
    expect(view.intervals.map((i) => [i.interval, i.category, i.missed])).toEqual([
      [1, 'On task', false],
      [2, 'Talking', false],
    ]);
  });

  it('event count: taps keep their observed times, and the whole observation agrees on one clock', () => {
    const events = [ev('event_count', 'count', 2 * MIN, { category: 'Praise' }), ev('event_count', 'pause', 3 * MIN), ev('event_count', 'resume', 13 * MIN), ev('event_count', 'count', 14 * MIN, { category: 'Praise' })];
    const count = projectEventCount(events, { tool: 'event_count', categories: ['Praise'] }, { startedAt: START, endedAt: t(20 * MIN) });
    expect(count).toMatchObject({ durationMs: 10 * MIN, categories: [{ category: 'Praise', total: 2, atMs: [2 * MIN, 4 * MIN] }] });
    const views = projectObservation({ startedAt: START, endedAt: t(20 * MIN), tools: [{ tool: 'event_count', categories: ['Praise'] }, { tool: 'duration', activities: ['A'] }], layouts: [], events });
    expect(views.map((v) => v.durationMs)).toEqual([10 * MIN, 10 * MIN]);
  });
});
