/**
 * Lines a person can quote from an observation's data into their reflection (issue 10, item 5:
 * "review together"): one line per row of each tool's data table — "Open question: 12 (40%)",
 * a verbatim line with its time and speaker, the time in each activity — in the reader's
 * language, with numbers formatted as the graphics' tables format them (charts/kit.tsx).
 *
 * Pure: a ToolView (projections.ts) in, lines out; no clock, no I/O. Only the data: nobody's
 * interpretation is added, so the coachee quotes what was seen, not what someone made of it.
 */
import type { Language, Values } from '../i18n';
import { format } from '../i18n-format';
import { quoteMessages } from './messages';
import type { LayoutElementView, ToolView } from './views';

export interface QuoteLine {
  /** Stable within one view: `<tool>:<row kind>:<index>`. */
  id: string;
  text: string;
}

type Key = keyof typeof quoteMessages.en;

/** Number formats of one language, as the graphics use them. */
function wordsFor(language: Language) {
  const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const minutes = new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 });
  const two = new Intl.NumberFormat(language, { minimumIntegerDigits: 2, useGrouping: false });
  const t = (key: Key, values?: Values) => format(language, quoteMessages, key, values);
  return {
    t,
    count: (n: number) => integer.format(n),
    percent: (share: number) => percent.format(share),
    minutes: (ms: number) => minutes.format(Math.round(ms / 6000) / 10),
    /** A moment of the visit as a clock from its start: 4:05, 1:02:09. */
    clock: (ms: number) => {
      const total = Math.max(0, Math.floor(ms / 1000));
      const h = Math.floor(total / 3600);
      const mins = Math.floor((total % 3600) / 60);
      const secs = total % 60;
      return h > 0 ? `${integer.format(h)}:${two.format(mins)}:${two.format(secs)}` : `${integer.format(mins)}:${two.format(secs)}`;
    },
    /** A code, or the teacher when none. */
    who: (code: string | null) => code ?? t('teacher'),
    /** An element by its label, or by what it is when it has none. */
    place: (element: LayoutElementView | undefined, id: string) => element?.label ?? (element ? t(`element_${element.type}`) : id),
  };
}

/** The quotable lines of one tool's data, in the order its table lists them; rows with nothing recorded are left out. */
export function quoteLines(view: ToolView, language: Language): QuoteLine[] {
  const w = wordsFor(language);
  const line = (kind: string, i: number, text: string): QuoteLine => ({ id: `${view.tool}:${kind}:${i}`, text });
  switch (view.tool) {
    case 'event_count': {
      const all = view.categories.reduce((sum, c) => sum + c.total, 0);
      return view.categories
        .filter((c) => c.total > 0)
        .map((c, i) => line('category', i, w.t('count', { category: c.category, total: w.count(c.total), hasShare: all > 0 ? 'yes' : 'no', share: w.percent(all ? c.total / all : 0) })));
    }
    case 'selective_verbatim':
      return view.lines.map((l, i) =>
        line('line', i, w.t('verbatim', { time: w.clock(l.atMs), speaker: l.speaker, hasCategory: l.category ? 'yes' : 'no', category: l.category ?? '', text: l.text })),
      );
    case 'duration':
      return view.activities
        .filter((a) => a.totalMs > 0)
        .map((a, i) => line('activity', i, w.t(a.segments.some((s) => s.open) ? 'durationStill' : 'duration', { activity: a.activity, minutes: w.minutes(a.totalMs), share: w.percent(a.share) })));
    case 'verbal_flow': {
      const byId = new Map(view.elements.map((e) => [e.id, e]));
      const seats = view.seats
        .filter((s) => s.total > 0)
        .map((s, i) => {
          const kinds = view.kinds.filter((k) => (s.byKind[k] ?? 0) > 0).map((k) => w.t('flowKind', { kind: k, count: w.count(s.byKind[k]) }));
          return line('seat', i, w.t('flowSeat', { seat: s.label ?? w.place(byId.get(s.seatId), s.seatId), total: s.total, kinds: kinds.join('; ') }));
        });
      const end = (id: string | null) => (id === null ? w.who(null) : w.place(byId.get(id), id));
      const arrows = view.arrows
        .filter((a) => a.count > 0)
        .map((a, i) => line('arrow', i, w.t('flowArrow', { from: end(a.from), to: end(a.to), kind: a.kind, count: w.count(a.count) })));
      return [...seats, ...arrows];
    }
    case 'physical_map': {
      const byId = new Map(view.elements.map((e) => [e.id, e]));
      const dwell = view.dwell
        .filter((d) => d.totalMs > 0)
        .map((d, i) => line('dwell', i, w.t('mapDwell', { who: w.who(d.who), place: w.place(byId.get(d.elementId), d.elementId), minutes: w.minutes(d.totalMs) })));
      const notes = view.notes.map((n, i) =>
        line('note', i, w.t('mapNote', { time: w.clock(n.atMs), hasPlace: n.elementId ? 'yes' : 'no', place: n.elementId ? w.place(byId.get(n.elementId), n.elementId) : '', text: n.text })),
      );
      return [...dwell, ...notes];
    }
    case 'time_sample': {
      const total = view.intervals.length;
      const counted = view.categories
        .map((category) => ({ category, count: view.intervals.filter((x) => x.category === category).length }))
        .filter((c) => c.count > 0)
        .map((c, i) => line('category', i, w.t('sampleCategory', { category: c.category, count: w.count(c.count), total, share: w.percent(total ? c.count / total : 0) })));
      const missed = view.intervals.filter((x) => x.missed).length;
      const missedLine = missed ? [line('missed', 0, w.t('sampleMissed', { count: missed, total: w.count(total) }))] : [];
      const notes = view.intervals
        .filter((x) => x.note.trim())
        .map((x, i) => line('note', i, w.t('sampleNote', { n: x.interval, time: w.clock(x.startMs), hasCategory: x.category ? 'yes' : 'no', category: x.category ?? '', note: x.note.trim() })));
      return [...counted, ...missedLine, ...notes];
    }
  }
}
