/**
 * From an observation's append-only event log to what each tool's graphic draws (views.ts).
 *
 * Threat: the tablet and the server (review screen, PDF) showing different evidence, or a tap
 * counted twice, lost, or invented. These functions are the one place totals, segments, paths
 * and grids are computed: pure (no clock read unless `now` is left out of a visit still
 * recording, no I/O, no imports at run time), so the device and the server compute the same
 * view from the same events, whatever order they arrived in.
 *
 * Rules shared by every tool:
 * - an event sent twice (same id) counts once (the first copy read);
 * - an `undo` names the event it cancels; the cancelled event is left out wherever the undo sits
 *   in the log (an undo synced before its target still cancels it), and so is an event the server
 *   already marks `undoneBy`; undo events are never drawn (an undo of an undo changes nothing:
 *   the server refuses it);
 * - events are read in device-time order, ties by id;
 * - times are milliseconds since the observation started, kept inside the observed time
 *   (0…durationMs): the server accepts taps a few minutes either side of the visit for skewed
 *   clocks, and they are drawn at its edges rather than off the chart;
 * - a payload missing what its type needs (a hand-edited device store) is skipped, never guessed;
 * - a `pause` (recorded under any tool of the visit) stops the observed time until the next
 *   `resume`: every time is *observed* time, paused time taken out, so durations, dwell, rates and
 *   time-sample intervals never count a pause, and no interval begins (or is missed) during one.
 *   A pause while paused, or a resume while running, changes nothing; a pause still open at the
 *   end closes there; a tap made during a pause is drawn where the pause began.
 */
import type { LayoutElementType } from '../domain';
import type { CountView, DurationView, FlowView, LayoutElementView, MapView, TimeSampleView, ToolView, VerbatimView } from './views';

/** One event as stored on the device or read from the server (only what the projections read). */
export interface ProjectionEvent {
  id: string;
  /** The tool it belongs to; when given, events of other tools are ignored. */
  tool?: string;
  type: string;
  payload: Record<string, unknown>;
  /** The device's clock at the tap (ISO 8601). */
  deviceAt: string;
  /** The undo that cancelled it, when the server already knows. */
  undoneBy?: string | null;
}

/** A tool as configured for the observation (the read response's `tools`; codes left out are empty). */
export interface ProjectionTool {
  tool: ToolView['tool'];
  categories?: readonly string[];
  speakers?: readonly string[];
  kinds?: readonly string[];
  activities?: readonly string[];
  exclusive?: boolean | null;
  tracked?: readonly string[];
  intervalMinutes?: number | null;
  layoutId?: string | null;
  layoutVersion?: number | null;
}

/** A layout version as the observation kept it. */
export interface ProjectionLayout {
  layoutId: string;
  version: number;
  elements: ReadonlyArray<{ id: string; type: LayoutElementType; label?: string | null; x: number; y: number; w: number; h: number }>;
}

/** When the visit ran: `now` closes a visit still recording (defaults to the current time). */
export interface ObservationWindow {
  startedAt: string;
  endedAt: string | null;
  now?: Date | number | string;
}

/** What `projectObservation` reads of an observation (the read response fits). */
export interface ProjectionObservation extends ObservationWindow {
  tools: readonly ProjectionTool[];
  layouts: readonly ProjectionLayout[];
  events: readonly ProjectionEvent[];
}

/** Time-sample interval when neither the tool nor the plan names one (as the server defaults). */
export const DEFAULT_INTERVAL_MINUTES = 5;

// ---------- shared rules ----------

/** An event that still counts: its device time read as ms since the epoch. */
export interface LiveEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  /** Device time, ms since the epoch. */
  at: number;
}

/**
 * The events that still count, in device-time order (ties by id), each id once, undone ones and
 * undo events left out. Events of another tool are ignored when `tool` is given.
 */
export function liveEvents(events: readonly ProjectionEvent[], tool?: string): LiveEvent[] {
  const seen = new Set<string>();
  const undone = new Set<string>();
  const taps: LiveEvent[] = [];
  for (const e of events) {
    if (seen.has(e.id) || (tool !== undefined && e.tool !== undefined && e.tool !== tool)) continue;
    seen.add(e.id);
    if (e.type === 'undo') {
      const target = e.payload?.eventId;
      if (typeof target === 'string') undone.add(target);
      continue;
    }
    if (e.undoneBy) continue;
    const at = Date.parse(e.deviceAt);
    if (Number.isNaN(at)) continue;
    taps.push({ id: e.id, type: e.type, payload: e.payload ?? {}, at });
  }
  return taps.filter((t) => !undone.has(t.id)).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Event types about the whole visit (VISIT_EVENT_PAYLOADS), read whichever tool recorded them. */
export const VISIT_EVENT_TYPES: readonly string[] = ['pause', 'resume'];

/** The visit's clock: the observed time, paused spans taken out. */
export interface VisitClock {
  /** Observed time from the start to the end (or now), pauses left out. */
  durationMs: number;
  /** A device time (ms since the epoch) as observed ms since the start, inside 0…durationMs. */
  atMs: (at: number) => number;
  /** Whether the visit is paused at its end (or now). */
  paused: boolean;
  /** Paused spans inside the visit, as epoch ms. */
  pauses: Array<{ from: number; to: number }>;
}

/**
 * The observed time of a visit from its window and its events (any tool's `pause`/`resume`). The
 * recording screen's clock, the time sampler and every projection read it, so a pause stops all
 * of them the same way.
 */
export function visitClock(window: ObservationWindow, events: readonly ProjectionEvent[] = []): VisitClock {
  const start = Date.parse(window.startedAt);
  const rawEnd = window.endedAt ? Date.parse(window.endedAt) : window.now === undefined ? Date.now() : new Date(window.now).getTime();
  const end = Math.max(start, rawEnd) || start;
  const pauses: Array<{ from: number; to: number }> = [];
  let pausedAt: number | null = null;
  for (const e of liveEvents(events)) {
    if (e.type === 'pause' && pausedAt === null) pausedAt = Math.min(end, Math.max(start, e.at));
    else if (e.type === 'resume' && pausedAt !== null) {
      const to = Math.min(end, Math.max(pausedAt, e.at));
      if (to > pausedAt) pauses.push({ from: pausedAt, to });
      pausedAt = null;
    }
  }
  const paused = pausedAt !== null;
  if (pausedAt !== null && end > pausedAt) pauses.push({ from: pausedAt, to: end });
  const pausedBefore = (t: number) => pauses.reduce((sum, p) => sum + Math.max(0, Math.min(t, p.to) - p.from), 0);
  const durationMs = Math.max(0, end - start - pausedBefore(end)) || 0;
  const atMs = (at: number) => {
    const t = Math.min(end, Math.max(start, at));
    return Math.min(durationMs, Math.max(0, t - start - pausedBefore(t)));
  };
  return { durationMs, atMs, paused, pauses };
}

/** Start and length of the observed time (pauses left out); a visit still recording runs to `now`. */
function clockOf(window: ObservationWindow, events: readonly ProjectionEvent[]) {
  const { durationMs, atMs } = visitClock(window, events);
  return { durationMs, atMs };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The configured codes in their order, then any others the events name, in the order they first appear. */
function codesWith(configured: readonly string[] | undefined, seen: Iterable<string | null>): string[] {
  const out = [...new Set(configured ?? [])];
  const known = new Set(out);
  for (const c of seen) {
    if (c !== null && !known.has(c)) {
      known.add(c);
      out.push(c);
    }
  }
  return out;
}

/** The layout version a tool uses (the one it was started with), if the observation holds it. */
export function layoutOf(tool: ProjectionTool, layouts: readonly ProjectionLayout[]): ProjectionLayout | undefined {
  if (!tool.layoutId) return undefined;
  return layouts.find((l) => l.layoutId === tool.layoutId && (tool.layoutVersion == null || l.version === tool.layoutVersion));
}

const elementViews = (layout: ProjectionLayout | undefined): LayoutElementView[] =>
  (layout?.elements ?? []).map((e) => ({ id: e.id, type: e.type, label: e.label ? e.label : null, x: e.x, y: e.y, w: e.w, h: e.h }));

// ---------- the six tools ----------

/** Selective verbatim: every line in time order; speakers and categories as configured, then any others the lines use. */
export function projectVerbatim(events: readonly ProjectionEvent[], tool: ProjectionTool, window: ObservationWindow): VerbatimView {
  const { durationMs, atMs } = clockOf(window, events);
  const lines: VerbatimView['lines'] = [];
  for (const t of liveEvents(events, 'selective_verbatim')) {
    const text = str(t.payload.text);
    const speaker = str(t.payload.speaker);
    if (t.type !== 'line' || text === null || speaker === null) continue;
    lines.push({ id: t.id, atMs: atMs(t.at), speaker, category: str(t.payload.category), text });
  }
  return {
    tool: 'selective_verbatim',
    durationMs,
    speakers: codesWith(tool.speakers, lines.map((l) => l.speaker)),
    categories: codesWith(tool.categories, lines.map((l) => l.category)),
    lines,
  };
}

/** Event count: one row per configured category (zero when never tapped) in its order, then any other category tapped; each tap's time. */
export function projectEventCount(events: readonly ProjectionEvent[], tool: ProjectionTool, window: ObservationWindow): CountView {
  const { durationMs, atMs } = clockOf(window, events);
  const taps: Array<{ category: string; atMs: number }> = [];
  for (const t of liveEvents(events, 'event_count')) {
    const category = str(t.payload.category);
    if (t.type === 'count' && category !== null) taps.push({ category, atMs: atMs(t.at) });
  }
  const rows = new Map(codesWith(tool.categories, taps.map((t) => t.category)).map((category) => [category, { category, total: 0, atMs: [] as number[] }]));
  for (const t of taps) {
    const row = rows.get(t.category)!;
    row.total += 1;
    row.atMs.push(t.atMs);
  }
  return { tool: 'event_count', durationMs, categories: [...rows.values()] };
}

/**
 * Duration: segments per activity from segment_start/segment_stop.
 * - Exclusive (the default, as the server configures it): starting an activity closes the one
 *   running at that moment. Overlapping: each activity runs on its own.
 * - A start while the same activity runs changes nothing (the first start counts); a stop
 *   without a running start is ignored.
 * - A segment still running at the end closes at endedAt (or now) and is marked open.
 * - share = totalMs / durationMs, a fraction (0–1) of the whole observed time, so time when no
 *   activity ran is not counted in any share: exclusive shares sum to at most 1, while
 *   overlapping activities may sum to more than 1 (two running at once both count that time).
 */
export function projectDuration(events: readonly ProjectionEvent[], tool: ProjectionTool, window: ObservationWindow): DurationView {
  const { durationMs, atMs } = clockOf(window, events);
  const exclusive = tool.exclusive ?? true;
  const running = new Map<string, number>();
  const segments = new Map<string, Array<{ startMs: number; endMs: number; open: boolean }>>();
  const seen: string[] = [];
  const close = (activity: string, endMs: number, open: boolean) => {
    const startMs = running.get(activity)!;
    running.delete(activity);
    if (!segments.has(activity)) segments.set(activity, []);
    segments.get(activity)!.push({ startMs, endMs, open });
  };
  for (const t of liveEvents(events, 'duration')) {
    const activity = str(t.payload.activity);
    if (activity === null) continue;
    const at = atMs(t.at);
    if (t.type === 'segment_start') {
      seen.push(activity);
      if (running.has(activity)) continue;
      if (exclusive) for (const other of [...running.keys()]) close(other, at, false);
      running.set(activity, at);
    } else if (t.type === 'segment_stop' && running.has(activity)) {
      close(activity, at, false);
    }
  }
  for (const activity of [...running.keys()]) close(activity, durationMs, true);
  return {
    tool: 'duration',
    durationMs,
    exclusive,
    activities: codesWith(tool.activities, seen).map((activity) => {
      const list = segments.get(activity) ?? [];
      const totalMs = list.reduce((sum, s) => sum + (s.endMs - s.startMs), 0);
      return { activity, totalMs, share: durationMs > 0 ? totalMs / durationMs : 0, segments: list };
    }),
  };
}

const TEACHER_WORDS = /(?<!\p{L})(teachers?|instructors?|maestr(?:o|a|os|as)|docentes?|profesor(?:a|es|as)?|profes?|T)(?!\p{L})/giu;
const STUDENT_WORDS = /(?<!\p{L})(students?|pupils?|learners?|child|children|kids?|peers?|estudiantes?|alumn(?:o|a|os|as)|niñ(?:o|a|os|as)|S)(?!\p{L})/giu;
const ANSWER_WORDS = /(?<!\p{L})(responses?|respond\w*|answers?|answered|repl(?:y|ies|ied)|respuestas?|responde\w*|contest\w*)(?!\p{L})/iu;
/** A party named after one of these is spoken to, not speaking: "question to student", "call on student", "pregunta al alumno". */
const TO_WORDS = /(?<!\p{L})(to|for|on|at|towards?|al|para|hacia)[^\p{L}]*$/iu;

/** Where the kind first names a party as the one speaking (Infinity: never). */
function firstSpeaking(kind: string, words: RegExp): number {
  for (const m of kind.matchAll(words)) {
    // Single letters count only in capitals ("T question", "S→S"), never a lower-case "s" or "t".
    if (m[1].length === 1 && m[1] !== m[1].toUpperCase()) continue;
    if (TO_WORDS.test(kind.slice(0, m.index))) continue;
    return m.index;
  }
  return Infinity;
}

/**
 * Who speaks in an interaction of this kind, decided from the kind's own words (kinds are the
 * coachee's codes, typed in English or Spanish): whoever the kind names first as speaking — a
 * teacher word (teacher, instructor, maestro/a, docente, profesor/a, a capital "T") or a student
 * word (student, pupil, learner, child, kid, peer, estudiante, alumno/a, niño/a, a capital "S"),
 * skipping a party named after "to", "for", "on", "at", "towards", "al", "para", "hacia" (spoken
 * to). A kind naming no speaker is the student's when it is an answer (response, answer, reply,
 * respuesta, responde, contesta…), and otherwise the teacher's: praise, redirect, question,
 * feedback, "call on student" are the teacher's moves in the classic verbal flow chart.
 * So "student-to-student" and "respuesta del estudiante" are student kinds, "teacher question"
 * and "pregunta al alumno" teacher kinds.
 */
export function flowKindSpeaker(kind: string): 'teacher' | 'student' {
  const teacher = firstSpeaking(kind, TEACHER_WORDS);
  const student = firstSpeaking(kind, STUDENT_WORDS);
  if (teacher !== student) return teacher < student ? 'teacher' : 'student';
  return ANSWER_WORDS.test(kind) ? 'student' : 'teacher';
}

/**
 * Verbal flow over the layout version the observation kept. Taps on a seat that is not a seat of
 * that version are ignored (the server refuses them already). Seats come in the layout's order,
 * each with a count for every kind (configured kinds, then any other kind tapped).
 *
 * Arrows, aggregated by (from, to, kind) in the order they first appear (FlowView: null is the
 * teacher): a tap naming a seat spoken to (toSeatId) is seat → that seat; otherwise a teacher
 * kind (see flowKindSpeaker) is teacher → seat, and a student kind is seat → teacher (or the
 * group). Whatever the arrow, the tap is tallied on the tapped seat.
 */
export function projectVerbalFlow(events: readonly ProjectionEvent[], tool: ProjectionTool, layout: ProjectionLayout | undefined, window: ObservationWindow): FlowView {
  const { durationMs } = clockOf(window, events);
  const elements = elementViews(layout);
  const seatIds = new Set(elements.filter((e) => e.type === 'seat').map((e) => e.id));
  const taps: Array<{ seatId: string; toSeatId: string | null; kind: string }> = [];
  for (const t of liveEvents(events, 'verbal_flow')) {
    const seatId = str(t.payload.seatId);
    const kind = str(t.payload.kind);
    const toSeatId = str(t.payload.toSeatId);
    if (t.type !== 'interaction' || seatId === null || kind === null || !seatIds.has(seatId) || (toSeatId !== null && !seatIds.has(toSeatId))) continue;
    taps.push({ seatId, toSeatId, kind });
  }
  const kinds = codesWith(tool.kinds, taps.map((t) => t.kind));
  const speaker = new Map(kinds.map((k) => [k, flowKindSpeaker(k)]));
  const seats = new Map(
    elements.filter((e) => e.type === 'seat').map((e) => [e.id, { seatId: e.id, label: e.label, total: 0, byKind: Object.fromEntries(kinds.map((k) => [k, 0])) as Record<string, number> }]),
  );
  const arrows = new Map<string, FlowView['arrows'][number]>();
  for (const t of taps) {
    const seat = seats.get(t.seatId)!;
    seat.total += 1;
    seat.byKind[t.kind] += 1;
    const [from, to] = t.toSeatId !== null ? [t.seatId, t.toSeatId] : speaker.get(t.kind) === 'teacher' ? [null, t.seatId] : [t.seatId, null];
    const key = JSON.stringify([from, to, t.kind]);
    const arrow = arrows.get(key);
    if (arrow) arrow.count += 1;
    else arrows.set(key, { from, to, kind: t.kind, count: 1 });
  }
  return { tool: 'verbal_flow', durationMs, kinds, elements, seats: [...seats.values()], arrows: [...arrows.values()] };
}

/**
 * Physical map over the layout version the observation kept: one path per person (the tracked
 * codes in their order, even without marks, then anyone else marked, then marks naming nobody),
 * dwell per element, and notes. Dwell on an element runs from a mark on it to the same person's
 * next mark (on an element or not), or to the end of the observed time. A mark or note on an
 * element missing from that version keeps its point but no element.
 */
export function projectPhysicalMap(events: readonly ProjectionEvent[], tool: ProjectionTool, layout: ProjectionLayout | undefined, window: ObservationWindow): MapView {
  const { durationMs, atMs } = clockOf(window, events);
  const elements = elementViews(layout);
  const known = new Set(elements.map((e) => e.id));
  const place = (v: unknown) => {
    const id = str(v);
    return id !== null && known.has(id) ? id : null;
  };
  const marks: Array<{ who: string | null; atMs: number; x: number; y: number; elementId: string | null }> = [];
  const notes: MapView['notes'] = [];
  for (const t of liveEvents(events, 'physical_map')) {
    if (t.type === 'mark') {
      const x = num(t.payload.x);
      const y = num(t.payload.y);
      if (x === null || y === null) continue;
      marks.push({ who: str(t.payload.who), atMs: atMs(t.at), x, y, elementId: place(t.payload.elementId) });
    } else if (t.type === 'note') {
      const text = str(t.payload.text);
      if (text === null) continue;
      notes.push({ atMs: atMs(t.at), text, x: num(t.payload.x), y: num(t.payload.y), elementId: place(t.payload.elementId) });
    }
  }
  const named = codesWith(tool.tracked, marks.map((m) => m.who));
  const who: Array<string | null> = marks.some((m) => m.who === null) ? [...named, null] : named;
  const paths = new Map<string | null, MapView['paths'][number]>(who.map((w) => [w, { who: w, points: [] }]));
  for (const m of marks) paths.get(m.who)!.points.push({ atMs: m.atMs, x: m.x, y: m.y, elementId: m.elementId });
  const dwell = new Map<string, MapView['dwell'][number]>();
  for (const path of paths.values()) {
    for (const [i, p] of path.points.entries()) {
      if (p.elementId === null) continue;
      const until = i + 1 < path.points.length ? path.points[i + 1].atMs : durationMs;
      const key = JSON.stringify([path.who, p.elementId]);
      const row = dwell.get(key);
      if (row) row.totalMs += until - p.atMs;
      else dwell.set(key, { who: path.who, elementId: p.elementId, totalMs: until - p.atMs });
    }
  }
  return { tool: 'physical_map', durationMs, elements, paths: [...paths.values()], dwell: [...dwell.values()], notes };
}

/**
 * Time sample: one cell per interval that has begun by endedAt (or now) — interval n begins at
 * (n − 1) × intervalMinutes — with the category and note of the last record for it (device time,
 * ties by id). An interval without a record is missed: no category, never carried over from
 * another. A record for a later interval (the server allows a few minutes of clock slack) extends
 * the grid so nothing recorded is hidden.
 */
export function projectTimeSample(events: readonly ProjectionEvent[], tool: ProjectionTool, window: ObservationWindow): TimeSampleView {
  const { durationMs } = clockOf(window, events);
  const intervalMinutes = tool.intervalMinutes && tool.intervalMinutes > 0 ? tool.intervalMinutes : DEFAULT_INTERVAL_MINUTES;
  const intervalMs = intervalMinutes * 60_000;
  const records = new Map<number, { category: string; note: string }>();
  for (const t of liveEvents(events, 'time_sample')) {
    const interval = num(t.payload.interval);
    const category = str(t.payload.category);
    if (t.type !== 'interval_record' || interval === null || !Number.isInteger(interval) || interval < 1 || category === null) continue;
    records.set(interval, { category, note: typeof t.payload.note === 'string' ? t.payload.note : '' });
  }
  const count = Math.max(Math.ceil(durationMs / intervalMs), ...records.keys(), 0);
  const intervals: TimeSampleView['intervals'] = [];
  for (let n = 1; n <= count; n++) {
    const r = records.get(n);
    intervals.push({ interval: n, startMs: (n - 1) * intervalMs, category: r?.category ?? null, note: r?.note ?? '', missed: !r });
  }
  const seen = [...records.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r.category);
  return { tool: 'time_sample', durationMs, intervalMinutes, categories: codesWith(tool.categories, seen), intervals };
}

/** One tool's view from the observation's events (events of other tools are ignored). */
export function projectTool(tool: ProjectionTool, events: readonly ProjectionEvent[], layouts: readonly ProjectionLayout[], window: ObservationWindow): ToolView {
  switch (tool.tool) {
    case 'selective_verbatim':
      return projectVerbatim(events, tool, window);
    case 'verbal_flow':
      return projectVerbalFlow(events, tool, layoutOf(tool, layouts), window);
    case 'event_count':
      return projectEventCount(events, tool, window);
    case 'duration':
      return projectDuration(events, tool, window);
    case 'physical_map':
      return projectPhysicalMap(events, tool, layoutOf(tool, layouts), window);
    case 'time_sample':
      return projectTimeSample(events, tool, window);
  }
}

/**
 * Every tool of an observation (the read response), in the order the observation lists them.
 * `now` closes a visit still recording; left out, the current time is read once for all tools.
 */
export function projectObservation(observation: ProjectionObservation, now?: Date | number | string): ToolView[] {
  const window: ObservationWindow = {
    startedAt: observation.startedAt,
    endedAt: observation.endedAt,
    now: now ?? observation.now ?? (observation.endedAt ? undefined : Date.now()),
  };
  return observation.tools.map((tool) => projectTool(tool, observation.events, observation.layouts, window));
}
