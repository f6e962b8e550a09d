/**
 * Starting points for a classroom layout, in layout units (a 1000 × 1000 room): each gives seats
 * coded S01, S02… (codes, never names), the board, the door and the teacher's desk, so a coach
 * has a 20-seat room in one tap and only moves what differs.
 */
import type { LayoutElementType } from '../../../../../shared/src/domain';

export interface DraftElement {
  id: string;
  type: LayoutElementType;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export const PRESETS = ['rows', 'tables', 'circle', 'rug', 'centres'] as const;
export type Preset = (typeof PRESETS)[number];

/** How big a newly added element is, by kind. */
export const SIZES: Record<LayoutElementType, { w: number; h: number }> = {
  seat: { w: 90, h: 90 },
  desk: { w: 120, h: 80 },
  table: { w: 160, h: 160 },
  centre: { w: 250, h: 200 },
  rug: { w: 400, h: 300 },
  door: { w: 40, h: 140 },
  board: { w: 400, h: 40 },
  teacher_desk: { w: 180, h: 90 },
  window: { w: 200, h: 20 },
  shelf: { w: 200, h: 50 },
  zone: { w: 300, h: 300 },
};

const code = (n: number) => `S${String(n).padStart(2, '0')}`;
const seat = (n: number, x: number, y: number, size = 90): DraftElement => ({ id: code(n), type: 'seat', label: code(n), x: Math.round(x), y: Math.round(y), w: size, h: size });
const frame = (): DraftElement[] => [
  { id: 'board', type: 'board', label: '', x: 300, y: 10, w: 400, h: 40 },
  { id: 'teacher_desk', type: 'teacher_desk', label: '', x: 780, y: 80, w: 180, h: 90 },
  { id: 'door', type: 'door', label: '', x: 0, y: 820, w: 40, h: 140 },
];

/** The elements of a preset; `words` names the centres in the reader's language. */
export function preset(kind: Preset, centres: readonly string[] = []): DraftElement[] {
  const out = frame();
  if (kind === 'rows') {
    // 5 across, 4 deep: 20 seats facing the board.
    for (let i = 0; i < 20; i++) out.push(seat(i + 1, 110 + (i % 5) * 165, 250 + Math.floor(i / 5) * 170, 110));
  } else if (kind === 'tables') {
    // Five tables of four: three at the front, two behind.
    const tables = [
      [85, 260],
      [405, 260],
      [725, 260],
      [245, 620],
      [565, 620],
    ];
    let n = 1;
    tables.forEach(([tx, ty], i) => {
      out.push({ id: `table_${i + 1}`, type: 'table', label: '', x: tx, y: ty, w: 160, h: 160 });
      for (const [dx, dy] of [
        [-75, 5],
        [165, 5],
        [-75, 85],
        [165, 85],
      ])
        out.push(seat(n++, tx + dx, ty + dy, 70));
    });
  } else if (kind === 'circle') {
    // 16 seats in a circle around the middle of the room.
    for (let i = 0; i < 16; i++) {
      const a = (2 * Math.PI * i) / 16 - Math.PI / 2;
      out.push(seat(i + 1, 500 + 330 * Math.cos(a) - 45, 560 + 330 * Math.sin(a) - 45));
    }
  } else if (kind === 'rug') {
    // A rug with 12 carpet spots, and the teacher's chair in front of it.
    out.push({ id: 'rug', type: 'rug', label: '', x: 230, y: 280, w: 540, h: 420 });
    for (let i = 0; i < 12; i++) out.push(seat(i + 1, 270 + (i % 4) * 125, 330 + Math.floor(i / 4) * 125, 80));
  } else {
    // Learning centres around a rug, for early learning rooms.
    out.push({ id: 'rug', type: 'rug', label: '', x: 320, y: 330, w: 360, h: 300 });
    const spots = [
      [60, 120],
      [60, 450],
      [700, 450],
      [700, 760],
      [330, 760],
    ];
    centres.forEach((name, i) => {
      const [x, y] = spots[i % spots.length];
      out.push({ id: `centre_${i + 1}`, type: 'centre', label: name, x, y, w: 240, h: 190 });
    });
  }
  return out;
}

/** Seats numbered again in reading order (front row first, left to right), keeping labels the coach typed. */
export function renumberSeats(elements: readonly DraftElement[]): DraftElement[] {
  const seats = elements.filter((e) => e.type === 'seat').sort((a, b) => Math.round(a.y / 60) - Math.round(b.y / 60) || a.x - b.x);
  const order = new Map(seats.map((s, i) => [s, i + 1]));
  return elements.map((e) => {
    const n = order.get(e);
    if (n === undefined) return e;
    const old = e.label === e.id || /^S\d+$/.test(e.label) || e.label === '';
    return { ...e, label: old ? code(n) : e.label };
  });
}

/** A fresh id for an added element of a kind: seat ids continue the codes (S21), others count (table_3). */
export function nextId(elements: readonly DraftElement[], type: LayoutElementType): string {
  const taken = new Set(elements.map((e) => e.id));
  for (let n = 1; ; n++) {
    const id = type === 'seat' ? code(n) : `${type}_${n}`;
    if (!taken.has(id)) return id;
  }
}
