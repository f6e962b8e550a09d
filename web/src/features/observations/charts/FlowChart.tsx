/**
 * Verbal flow on the seating chart: each seat with its tally (silent seats dashed, so they show),
 * and an arrow for each who-spoke-to-whom, as wide as it was frequent, its kind by dash (see the key).
 */
import { scaleLinear } from 'd3-scale';
import type { FlowView } from '../../../../../shared/src/observations/views';
import { type ChartProps, Figure, Legend, arrowUrl, chartWords, dash, legendRows, round, useChartId } from './kit';
import { Room, centreOf, elementName, roomExtent, roomScale } from './Room';

const WIDTH = 720;
const ROOM = 640;
const LEFT = 40;
const TOP = 10;
/** How far an arrow stops short of a seat's centre, so the tally stays readable. */
const GAP = 16;

export function FlowChart({ view, language, svgOnly }: ChartProps<FlowView>) {
  const id = useChartId();
  const w = chartWords(language);
  const scale = roomScale(LEFT, TOP, ROOM, roomExtent(view.elements));
  const byId = new Map(view.elements.map((el) => [el.id, el]));
  const tallies = new Map(view.seats.map((s) => [s.seatId, s]));
  const kinds = [...new Set([...view.kinds, ...view.arrows.map((a) => a.kind)])];

  // The teacher stands in front of their desk, else in front of the board, else at the front of the room.
  const desk = view.elements.find((el) => el.type === 'teacher_desk');
  const board = view.elements.find((el) => el.type === 'board');
  const teacher = desk ? { x: centreOf(desk, scale).x, y: Math.min(scale.y(desk.y + desk.h) + 18, TOP + scale.height - 14) } : board ? { x: centreOf(board, scale).x, y: Math.min(scale.y(board.y + board.h + 50), TOP + scale.height - 14) } : { x: LEFT + scale.width / 2, y: TOP + 40 };
  const pointOf = (end: string | null) => {
    if (end === null) return teacher;
    const el = byId.get(end);
    return el ? centreOf(el, scale) : null;
  };

  const drawn = view.arrows.filter((a) => a.from !== a.to && pointOf(a.from) && pointOf(a.to));
  const maxCount = Math.max(1, ...view.arrows.map((a) => a.count));
  const width = scaleLinear().domain([1, Math.max(2, maxCount)]).range([1.5, 7]).clamp(true);
  // Arrows between the same two ends sit side by side.
  const pairKey = (a: { from: string | null; to: string | null }) => [a.from ?? '', a.to ?? ''].sort().join('|');
  const pairs = new Map<string, number>();
  const offsets = drawn.map((a) => {
    const k = pairKey(a);
    const n = pairs.get(k) ?? 0;
    pairs.set(k, n + 1);
    return n;
  });

  const seatLike = view.elements.filter((el) => tallies.has(el.id) || el.type === 'seat');
  const spoke = view.seats.filter((s) => s.total > 0).length;
  const total = view.arrows.reduce((sum, a) => sum + a.count, 0);
  const legendItems = kinds.map((name, i) => ({ name, swatch: <line x1={0} x2={20} y1={8} y2={8} stroke="currentColor" strokeWidth={2.5} strokeDasharray={dash(i)} /> }));
  const legendY = TOP + scale.height + 14;
  const height = legendY + (legendItems.length ? legendRows(legendItems.length, WIDTH) * 22 + 10 : 0);
  const seatName = (seatId: string | null) => {
    if (seatId === null) return w.t('teacher');
    const el = byId.get(seatId);
    return (el ? el.label : null) ?? tallies.get(seatId)?.label ?? (el ? elementName(el, w) : seatId);
  };

  return (
    <Figure
      id={id}
      tool="verbal_flow"
      width={WIDTH}
      height={height}
      title={w.t('flowTitle')}
      desc={w.t('flowDesc', { spoke: w.count(spoke), seats: Math.max(seatLike.length, view.seats.length), total })}
      svgOnly={svgOnly}
      tables={[
        {
          caption: w.t('flowSeatsCaption'),
          head: [w.t('colSeat'), w.t('colTotal'), ...kinds],
          rows: view.seats.map((s) => [seatName(s.seatId), w.count(s.total), ...kinds.map((k) => w.count(s.byKind[k] ?? 0))]),
          numeric: [1, ...kinds.map((_, i) => i + 2)],
        },
        {
          caption: w.t('flowArrowsCaption'),
          head: [w.t('colFrom'), w.t('colTo'), w.t('colKind'), w.t('colCount')],
          rows: view.arrows.map((a) => [seatName(a.from), seatName(a.to), a.kind, w.count(a.count)]),
          numeric: [3],
        },
      ]}
    >
      <Room
        elements={view.elements}
        scale={scale}
        words={w}
        extra={(el) => {
          const tally = tallies.get(el.id);
          if (!tally && el.type !== 'seat') return null;
          const c = centreOf(el, scale);
          const n = tally?.total ?? 0;
          return (
            <g className="flow-seat" data-seat={el.id} data-total={n}>
              {n === 0 && <rect x={round(scale.x(el.x))} y={round(scale.y(el.y))} width={round(el.w * scale.k)} height={round(el.h * scale.k)} fill="none" stroke="currentColor" strokeDasharray="3 3" />}
              <text x={round(c.x)} y={round(c.y + 14)} textAnchor="middle" fontSize="15" fontWeight="700" className="flow-tally">
                {w.count(n)}
              </text>
            </g>
          );
        }}
      />
      <g className="flow-teacher">
        <circle cx={round(teacher.x)} cy={round(teacher.y)} r={12} fill="#ffffff" stroke="currentColor" strokeWidth={2} />
        <text x={round(teacher.x + 17)} y={round(teacher.y + 4)} fontWeight="600">
          {w.t('teacher')}
        </text>
      </g>
      <g className="flow-arrows" fill="none">
        {drawn.map((a, i) => {
          const from = pointOf(a.from);
          const to = pointOf(a.to);
          if (!from || !to) return null;
          const dx = to.x - from.x;
          const dy = to.y - from.y;
          const len = Math.hypot(dx, dy) || 1;
          const ux = dx / len;
          const uy = dy / len;
          // Side by side: shift along the normal, the same side whichever way the arrow points.
          const flip = (a.from ?? '') < (a.to ?? '') ? 1 : -1;
          const shift = (offsets[i] === 0 ? 0 : (Math.ceil(offsets[i] / 2) * (offsets[i] % 2 ? 1 : -1))) * 10 * flip;
          const x1 = from.x + ux * GAP - uy * shift;
          const y1 = from.y + uy * GAP + ux * shift;
          const x2 = to.x - ux * GAP - uy * shift;
          const y2 = to.y - uy * GAP + ux * shift;
          return (
            <g key={i} className="flow-arrow" data-from={a.from ?? 'teacher'} data-to={a.to ?? 'teacher'} data-kind={a.kind} data-count={a.count}>
              <line
                x1={round(x1)}
                y1={round(y1)}
                x2={round(x2)}
                y2={round(y2)}
                stroke="currentColor"
                strokeOpacity={0.85}
                strokeWidth={round(width(a.count))}
                strokeDasharray={dash(kinds.indexOf(a.kind))}
                markerEnd={arrowUrl(id)}
              />
              <text x={round((x1 + x2) / 2 - uy * 9)} y={round((y1 + y2) / 2 + ux * 9 + 4)} textAnchor="middle" fontSize="11" fill="currentColor" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
                {w.count(a.count)}
              </text>
            </g>
          );
        })}
      </g>
      {legendItems.length > 0 && <Legend x={10} y={legendY} width={WIDTH} title={w.t('key')} items={legendItems} />}
    </Figure>
  );
}
