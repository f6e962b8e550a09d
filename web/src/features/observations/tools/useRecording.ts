/**
 * What the recording screen needs to know about a visit, wherever it can be had: from the server
 * when it answers, else from this device — the copy kept the last time the server answered (so a
 * page reloaded in a dead zone still records), or the start of a visit begun here offline and
 * not yet created there. Taps always come from the device store (useLocalEvents).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LayoutElementType, ObservationTool } from '../../../../../shared/src/domain';
export { clockText } from '../../../../../shared/src/observations/clock';
import { DEFAULT_INTERVAL_MINUTES, type ProjectionTool, VISIT_EVENT_TYPES } from '../../../../../shared/src/observations/projections';
import { ApiError, type Observation, api } from '../../../api';
import { DEVICE_COPY_PREFIX, deviceLayout, keepLayouts, recorder } from '../record';

export interface RecordingTool extends ProjectionTool {
  tool: ObservationTool;
  categories: string[];
  activities: string[];
  exclusive: boolean;
  intervalMinutes: number;
  speakers: string[];
  kinds: string[];
  tracked: string[];
  layoutId: string | null;
  layoutVersion: number | null;
}

/** A layout version as the visit keeps it (verbal flow and physical map draw on it). */
export interface RecordingLayout {
  layoutId: string;
  version: number;
  kind: 'seating_chart' | 'room_map';
  name: string;
  elements: Array<{ id: string; type: LayoutElementType; label: string; x: number; y: number; w: number; h: number }>;
}

export interface Recording {
  id: string;
  partnershipId: string;
  focus: string;
  startedAt: string;
  endedAt: string | null;
  tools: RecordingTool[];
  /** The layout versions the tools use (none for a visit started offline on this device). */
  layouts: RecordingLayout[];
  /** Whether the server says this person may end it (a visit started here: its author may). */
  canEnd: boolean;
  /** server: as the server just answered; device: from this device's copy. */
  source: 'server' | 'device';
  /** The events the server held when it answered (from every device); none from a device copy. */
  serverEvents: Observation['events'];
  /** The clip the tools run on (its position is the visit's clock), or null for a visit in the room. */
  clip?: Observation['clip'];
}

export const recordingKey = (id: string) => ['observation-recording', id] as const;
const COPY_PREFIX = DEVICE_COPY_PREFIX;

type ToolLike = {
  tool: ObservationTool;
  categories?: readonly string[];
  activities?: readonly string[];
  exclusive?: boolean | null;
  intervalMinutes?: number | null;
  speakers?: readonly string[];
  kinds?: readonly string[];
  tracked?: readonly string[];
  layoutId?: string | null;
  layoutVersion?: number | null;
};
const toolOf = (t: ToolLike): RecordingTool => ({
  tool: t.tool,
  categories: [...(t.categories ?? [])],
  activities: [...(t.activities ?? [])],
  exclusive: t.exclusive ?? true,
  intervalMinutes: t.intervalMinutes && t.intervalMinutes > 0 ? t.intervalMinutes : DEFAULT_INTERVAL_MINUTES,
  speakers: [...(t.speakers ?? [])],
  kinds: [...(t.kinds ?? [])],
  tracked: [...(t.tracked ?? [])],
  layoutId: t.layoutId ?? null,
  layoutVersion: t.layoutVersion ?? null,
});

function fromServer(o: Observation): Recording {
  return { id: o.id, partnershipId: o.partnershipId, focus: o.focus, startedAt: o.startedAt, endedAt: o.endedAt, tools: o.tools.map(toolOf), layouts: o.layouts, canEnd: o.abilities.end, source: 'server', serverEvents: o.events, clip: o.clip };
}

/** The device copy holds only what this screen shows (the focus and the tools' codes), and goes once the visit has ended. */
function keepCopy(r: Recording) {
  try {
    if (r.endedAt) window.localStorage.removeItem(COPY_PREFIX + r.id);
    else window.localStorage.setItem(COPY_PREFIX + r.id, JSON.stringify({ ...r, source: 'device', serverEvents: [] }));
  } catch {
    // Storage off (private browsing): the screen still works while the server answers.
  }
}

function readCopy(id: string): Recording | null {
  try {
    const raw = window.localStorage.getItem(COPY_PREFIX + id);
    if (!raw) return null;
    const copy = JSON.parse(raw) as Recording;
    // A copy kept by an earlier version of this screen lacks the layouts and some codes.
    return { ...copy, layouts: copy.layouts ?? [], tools: copy.tools.map(toolOf), serverEvents: [] };
  } catch {
    return null;
  }
}

/** The layout versions the tools use, from this device's copies (those it has). */
async function layoutsOnDevice(tools: readonly RecordingTool[], have: readonly RecordingLayout[]): Promise<RecordingLayout[]> {
  const out = [...have];
  for (const t of tools) {
    if (!t.layoutId || out.some((l) => l.layoutId === t.layoutId && (t.layoutVersion == null || l.version === t.layoutVersion))) continue;
    const kept = await deviceLayout(t.layoutId, t.layoutVersion);
    if (kept) out.push({ layoutId: kept.layoutId, version: kept.version, kind: kept.kind, name: kept.name, elements: kept.elements.map((e) => ({ ...e, label: e.label ?? '' })) });
  }
  return out;
}

async function fromDevice(id: string): Promise<Recording | null> {
  const copy = readCopy(id);
  if (copy) return { ...copy, layouts: await layoutsOnDevice(copy.tools, copy.layouts) };
  const start = await recorder().db.starts.get(id);
  if (!start) return null;
  const b = start.body;
  const tools = (b.tools ?? []).map(toolOf);
  return { id, partnershipId: start.partnershipId, focus: b.focus ?? '', startedAt: b.startedAt, endedAt: null, tools, layouts: await layoutsOnDevice(tools, []), canEnd: true, source: 'device', serverEvents: [] };
}

async function loadRecording(id: string): Promise<Recording> {
  try {
    const o = await api.get<Observation>(`/api/observations/${id}`);
    const r = fromServer(o);
    keepCopy(r);
    await keepLayouts(o.layouts, o.partnershipId);
    return r;
  } catch (error) {
    // Out of reach, or not created there yet (started offline here): the device's copy, if any.
    if (error instanceof ApiError && (error.status === 0 || error.status === 404)) {
      const local = await fromDevice(id);
      if (local) return local;
    }
    throw error;
  }
}

export function useRecording(id: string) {
  return useQuery({ queryKey: recordingKey(id), queryFn: () => loadRecording(id), retry: false, staleTime: Infinity });
}

/** The current time, ticking every second (the running clock, timers and intervals read it). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** The most recent tap of a tool on this device that is not undone (undo, pause and resume are never undone: a pause is taken back by resuming). */
export function lastUndoable<E extends { id: string; tool: string; type: string; payload: Record<string, unknown> }>(events: readonly E[], tool: ObservationTool): E | undefined {
  const undone = new Set(events.filter((e) => e.type === 'undo').map((e) => e.payload.eventId));
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.tool === tool && e.type !== 'undo' && !VISIT_EVENT_TYPES.includes(e.type) && !undone.has(e.id)) return e;
  }
  return undefined;
}

/**
 * This device's events of a visit and those the server already held from other devices (a second
 * tablet of the same observer), each id once, oldest first: the running counts and marks are then
 * complete after a reload anywhere. The device's copy of an event wins (it knows its sync state).
 */
export function mergeEvents<E extends { id: string; deviceAt: string }>(local: readonly E[], fromServer: readonly E[]): { events: E[]; fromOthers: E[] } {
  const mine = new Set(local.map((e) => e.id));
  const fromOthers = fromServer.filter((e) => !mine.has(e.id));
  if (fromOthers.length === 0) return { events: local as E[], fromOthers };
  const events = [...local, ...fromOthers].sort((a, b) => (a.deviceAt < b.deviceAt ? -1 : a.deviceAt > b.deviceAt ? 1 : 0));
  return { events, fromOthers };
}
