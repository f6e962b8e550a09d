/**
 * What each observation tool's record looks like once its events are read (undone events left
 * out): the shapes the projections (projections.ts) compute from events and the graphics draw.
 * Shared by the tablet, the review screen and the server (PDF), so each computes the same thing.
 * Times are milliseconds since the observation started.
 */
import type { LayoutElementType } from '../domain';

/** A placed element of a classroom layout, in layout units (0–2000 on each axis, as the API accepts them). */
export interface LayoutElementView {
  id: string;
  type: LayoutElementType;
  label: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Selective verbatim: the lines said, in order, by speaker and category. */
export interface VerbatimView {
  tool: 'selective_verbatim';
  durationMs: number;
  speakers: string[];
  categories: string[];
  lines: Array<{ id: string; atMs: number; speaker: string; category: string | null; text: string }>;
}

/** Verbal flow: taps on seats, tallied per seat and kind, and arrows between who spoke to whom. */
export interface FlowView {
  tool: 'verbal_flow';
  durationMs: number;
  kinds: string[];
  elements: LayoutElementView[];
  seats: Array<{ seatId: string; label: string | null; total: number; byKind: Record<string, number> }>;
  /** from: a seat id, or null for the teacher; to: a seat id, or null for the teacher (a student speaking to the teacher, or to the group). */
  arrows: Array<{ from: string | null; to: string | null; kind: string; count: number }>;
}

/** Event count: a total per behaviour, and when each tap happened (for a cumulative line). */
export interface CountView {
  tool: 'event_count';
  durationMs: number;
  categories: Array<{ category: string; total: number; atMs: number[] }>;
}

/** Duration: the segments of each activity, their total and share of the observed time. */
export interface DurationView {
  tool: 'duration';
  durationMs: number;
  exclusive: boolean;
  activities: Array<{ activity: string; totalMs: number; share: number; segments: Array<{ startMs: number; endMs: number; open: boolean }> }>;
}

/** Physical map: where each person was, in order (a path), how long they stayed near each element, and notes pinned to places. */
export interface MapView {
  tool: 'physical_map';
  durationMs: number;
  elements: LayoutElementView[];
  paths: Array<{ who: string | null; points: Array<{ atMs: number; x: number; y: number; elementId: string | null }> }>;
  dwell: Array<{ who: string | null; elementId: string; totalMs: number }>;
  notes: Array<{ atMs: number; text: string; x: number | null; y: number | null; elementId: string | null }>;
}

/** Time sample: one cell per interval, with the category recorded, or missed (never invented). */
export interface TimeSampleView {
  tool: 'time_sample';
  durationMs: number;
  intervalMinutes: number;
  categories: string[];
  intervals: Array<{ interval: number; startMs: number; category: string | null; note: string; missed: boolean }>;
}

export type ToolView = VerbatimView | FlowView | CountView | DurationView | MapView | TimeSampleView;
