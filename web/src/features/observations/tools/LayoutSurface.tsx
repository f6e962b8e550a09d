/**
 * A classroom layout drawn large for tapping: the room as the graphics draw it (Room.tsx, behind),
 * with whatever a tool places on top positioned in layout units, so a tap lands where the coach
 * sees it on a tablet or a phone. On a narrow screen the room keeps a width where a seat stays a
 * thumb's size and scrolls inside its own frame, never the page.
 */
import type { ReactNode } from 'react';
import type { LayoutElementView } from '../../../../../shared/src/observations/views';
import { useLanguage } from '../../../i18n';
import { Room, roomExtent, roomScale } from '../charts/Room';
import { chartWords } from '../charts/kit';
import type { RecordingLayout } from './useRecording';

/** Chart units across the drawn room (the SVG's viewBox, as the graphics size it, so labels read the same); positions on top are in percent. */
const SIZE = 640;

export const elementsOf = (layout: RecordingLayout): LayoutElementView[] => layout.elements.map((e) => ({ ...e, label: e.label ? e.label : null }));

/** Where an element sits on the surface, in percent of the room. */
export function boxOf(el: { x: number; y: number; w: number; h: number }, extent: { x: number; y: number }) {
  return { left: `${(el.x / extent.x) * 100}%`, top: `${(el.y / extent.y) * 100}%`, width: `${(el.w / extent.x) * 100}%`, height: `${(el.h / extent.y) * 100}%` };
}

export function LayoutSurface({
  elements,
  label,
  onTap,
  overlay,
  children,
  className = '',
  bare = false,
  hide,
}: {
  elements: LayoutElementView[];
  label: string;
  /** A tap on the floor (or anything on it that lets the tap through), in layout units. */
  onTap?: (point: { x: number; y: number }) => void;
  /** Drawn in the room's SVG, in chart units (the scale is passed). */
  overlay?: (scale: ReturnType<typeof roomScale>) => ReactNode;
  children?: ReactNode;
  className?: string;
  /** Only the walls: what is placed is drawn by the children (the layout editor's buttons). */
  bare?: boolean;
  /** Elements the children draw themselves (the seats of verbal flow), left out of the drawing. */
  hide?: (el: LayoutElementView) => boolean;
}) {
  const { language } = useLanguage();
  const extent = roomExtent(elements);
  const scale = roomScale(0, 0, SIZE, extent);
  return (
    <div className="layout-frame">
      <div
        className={`layout-surface ${className}`}
        role="group"
        aria-label={label}
        style={{ aspectRatio: `${extent.x} / ${extent.y}` }}
        onClick={(e) => {
          if (!onTap) return;
          const r = e.currentTarget.getBoundingClientRect();
          const at = (v: number, size: number, reach: number) => Math.round(Math.min(2000, Math.max(0, (v / size) * reach)));
          onTap({ x: at(e.clientX - r.left, r.width, extent.x), y: at(e.clientY - r.top, r.height, extent.y) });
        }}
      >
        <svg viewBox={`0 0 ${scale.width} ${scale.height}`} width="100%" height="100%" aria-hidden="true" focusable="false" className="layout-svg">
          <Room elements={bare ? [] : hide ? elements.filter((el) => !hide(el)) : elements} scale={scale} words={chartWords(language)} />
          {overlay?.(scale)}
        </svg>
        {children}
      </div>
    </div>
  );
}

export { roomExtent };
