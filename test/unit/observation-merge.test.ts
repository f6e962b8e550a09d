/**
 * Taps from other devices (issue 10): the recording screen adds the events the server already
 * holds (a second tablet of the same observer) to this device's, each id once, so the running
 * counts are complete after a reload anywhere and nothing is counted twice.
 */
import { describe, expect, it } from 'vitest';
import { projectEventCount } from '../../shared/src/observations/projections';
import { mergeEvents } from '../../web/src/features/observations/tools/useRecording';

const START = '2026-03-02T09:00:00.000Z';
const at = (s: number) => new Date(Date.parse(START) + s * 1000).toISOString();
const tap = (id: string, s: number, state = 'waiting') => ({ id, tool: 'event_count', type: 'count', payload: { category: 'Praise' }, deviceAt: at(s), state });

describe('merging the server’s events with the device’s', () => {
  it('adds the other device’s taps in time order, keeps the device’s copy of one sent from here, and counts each once', () => {
    const local = [tap('a', 10), tap('b', 30, 'sent')];
    const server = [tap('x', 5, 'sent'), tap('b', 30, 'sent'), tap('y', 20, 'sent')];
    const { events, fromOthers } = mergeEvents(local, server);
    expect(events.map((e) => e.id)).toEqual(['x', 'a', 'y', 'b']);
    expect(fromOthers.map((e) => e.id)).toEqual(['x', 'y']);
    expect(events.find((e) => e.id === 'b')).toBe(local[1]);
    const view = projectEventCount(events, { tool: 'event_count', categories: ['Praise'] }, { startedAt: START, endedAt: at(60) });
    expect(view.categories[0].total).toBe(4);
  });

  it('returns the device’s own list untouched when the server holds nothing else', () => {
    const local = [tap('a', 10)];
    expect(mergeEvents(local, [tap('a', 10, 'sent')]).events).toBe(local);
  });
});
