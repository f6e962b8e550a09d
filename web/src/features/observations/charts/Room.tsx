/** The classroom layout drawn to scale: elements placed in layout units (a 1000×1000 space, up to 2000), scaled into the chart. */
import { type ScaleLinear, scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import type { LayoutElementView } from '../../../../../shared/src/observations/views';
import { type ChartWords, clip, round } from './kit';

export interface RoomScale {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** Layout units to chart units, for sizes. */
  k: number;
  /** The room's drawn width and height, in chart units. */
  width: number;
  height: number;
}

/**
 * How far the room reaches, in layout units: a 1000×1000 space, or more when the layout uses more
 * (the API takes up to 2000 on each axis), rounded up to the next hundred so the walls sit just
 * outside the furthest element.
 */
export function roomExtent(elements: LayoutElementView[], points: Array<{ x: number | null; y: number | null }> = []): { x: number; y: number } {
  const reach = (values: number[]) => Math.min(2000, Math.max(1000, Math.ceil(Math.max(0, ...values) / 100) * 100));
  return {
    x: reach([...elements.map((el) => el.x + el.w), ...points.map((p) => p.x ?? 0)]),
    y: reach([...elements.map((el) => el.y + el.h), ...points.map((p) => p.y ?? 0)]),
  };
}

/** Layout units into at most `size`×`size` chart units at (left, top), keeping the room's proportions. */
export function roomScale(left: number, top: number, size: number, extent = { x: 1000, y: 1000 }): RoomScale {
  const k = size / Math.max(extent.x, extent.y);
  return {
    x: scaleLinear().domain([0, extent.x]).range([left, left + extent.x * k]),
    y: scaleLinear().domain([0, extent.y]).range([top, top + extent.y * k]),
    k,
    width: extent.x * k,
    height: extent.y * k,
  };
}

/** The centre of an element, in chart units. */
export function centreOf(el: LayoutElementView, s: RoomScale): { x: number; y: number } {
  return { x: s.x(el.x + el.w / 2), y: s.y(el.y + el.h / 2) };
}

/** An element's name: its label, else its kind ("Door"). */
export const elementName = (el: LayoutElementView, w: ChartWords) => el.label ?? w.element(el.type);

/** Large, quiet elements (rug, zone) are drawn first and faint, so seats and paths stay readable on top. */
const BACKGROUND = new Set(['rug', 'zone', 'centre']);

export function Room({ elements, scale, words, extra }: { elements: LayoutElementView[]; scale: RoomScale; words: ChartWords; extra?: (el: LayoutElementView) => ReactNode }) {
  const [left] = scale.x.range();
  const [top] = scale.y.range();
  const ordered = [...elements].sort((a, b) => Number(BACKGROUND.has(b.type)) - Number(BACKGROUND.has(a.type)));
  return (
    <g className="room">
      <rect x={left} y={top} width={round(scale.width)} height={round(scale.height)} fill="none" stroke="currentColor" strokeWidth={2} />
      {ordered.map((el) => {
        const x = scale.x(el.x);
        const y = scale.y(el.y);
        const w = Math.max(4, el.w * scale.k);
        const h = Math.max(4, el.h * scale.k);
        const quiet = BACKGROUND.has(el.type);
        const chars = Math.max(3, Math.floor(w / 7));
        return (
          <g key={el.id} className={`room-element room-${el.type}`} data-element={el.id}>
            <rect
              x={round(x)}
              y={round(y)}
              width={round(w)}
              height={round(h)}
              rx={el.type === 'rug' ? 12 : 3}
              fill="#ffffff"
              fillOpacity={quiet ? 0 : 1}
              stroke="currentColor"
              strokeOpacity={quiet ? 0.4 : 0.8}
              strokeDasharray={el.type === 'zone' ? '6 4' : el.type === 'door' || el.type === 'window' ? '2 2' : undefined}
            />
            <text x={round(x + w / 2)} y={round(quiet ? y + 14 : y + Math.min(h / 2, 16) + 4)} textAnchor="middle" fontSize="11" fillOpacity={quiet ? 0.7 : 1}>
              {clip(elementName(el, words), chars)}
            </text>
            {extra?.(el)}
          </g>
        );
      })}
    </g>
  );
}
