/**
 * The physical map: the room as laid out, each person's path as numbered stops joined by lines
 * (one dash per person), a circle under each place as large as the time spent near it, with the
 * minutes written, and notes pinned where they were taken (N1, N2… matching the notes table).
 */
import { scaleSqrt } from 'd3-scale';
import { line } from 'd3-shape';
import type { MapView } from '../../../../../shared/src/observations/views';
import { type ChartProps, Figure, Legend, chartWords, dash, legendRows, round, useChartId } from './kit';
import { Room, centreOf, elementName, roomExtent, roomScale } from './Room';

const WIDTH = 720;
const ROOM = 640;
const LEFT = 40;
const TOP = 40;

export function MapChart({ view, language, svgOnly }: ChartProps<MapView>) {
  const id = useChartId();
  const w = chartWords(language);
  const scale = roomScale(LEFT, TOP, ROOM, roomExtent(view.elements, [...view.paths.flatMap((p) => p.points), ...view.notes]));
  const byId = new Map(view.elements.map((el) => [el.id, el]));
  const several = view.paths.length > 1;
  const whoIndex = new Map(view.paths.map((p, i) => [p.who ?? '', i]));
  const place = (elementId: string | null) => {
    const el = elementId ? byId.get(elementId) : undefined;
    return el ? elementName(el, w) : w.t('openFloor');
  };
  const maxDwell = Math.max(1, ...view.dwell.map((d) => d.totalMs));
  const radius = scaleSqrt().domain([0, maxDwell]).range([0, 46]);
  const path = line<{ x: number; y: number }>()
    .x((p) => round(scale.x(p.x)))
    .y((p) => round(scale.y(p.y)));
  const pinned = view.notes
    .map((note, i) => ({ note, n: i + 1, at: note.x !== null && note.y !== null ? { x: scale.x(note.x), y: scale.y(note.y) } : note.elementId && byId.get(note.elementId) ? centreOf(byId.get(note.elementId)!, scale) : null }))
    .filter((p) => p.at !== null);
  const points = view.paths.reduce((sum, p) => sum + p.points.length, 0);
  const legendItems = several ? view.paths.map((p, i) => ({ name: w.who(p.who), swatch: <line x1={0} x2={20} y1={8} y2={8} stroke="currentColor" strokeWidth={2.5} strokeDasharray={dash(i)} /> })) : [];
  const legendY = TOP + scale.height + 14;
  const height = legendY + (legendItems.length ? legendRows(legendItems.length, WIDTH) * 22 + 10 : 0);
  const whoLabel = (who: string | null) => w.who(who);

  return (
    <Figure
      id={id}
      tool="physical_map"
      width={WIDTH}
      height={height}
      title={w.t('mapTitle')}
      desc={w.t('mapDesc', { points, paths: Math.max(1, view.paths.length), notes: view.notes.length })}
      svgOnly={svgOnly}
      tables={[
        {
          caption: w.t('mapPathCaption'),
          head: [w.t('colStop'), w.t('colWho'), w.t('colTime'), w.t('colPlace')],
          rows: view.paths.flatMap((p) => p.points.map((pt, k) => [w.count(k + 1), whoLabel(p.who), w.clock(pt.atMs), place(pt.elementId)])),
          numeric: [0],
        },
        {
          caption: w.t('mapDwellCaption'),
          head: [w.t('colPlace'), w.t('colWho'), w.t('colTime')],
          rows: view.dwell.map((d) => [place(d.elementId), whoLabel(d.who), w.minutes(d.totalMs)]),
          numeric: [2],
        },
        {
          caption: w.t('mapNotesCaption'),
          head: [w.t('colNote'), w.t('colTime'), w.t('colPlace'), w.t('colWords')],
          rows: view.notes.map((n, i) => [w.t('noteMark', { n: i + 1 }), w.clock(n.atMs), n.elementId ? place(n.elementId) : n.x !== null ? w.t('openFloor') : '—', n.text]),
        },
      ]}
    >
      <g className="map-dwell">
        {view.dwell.map((d, i) => {
          const el = byId.get(d.elementId);
          if (!el) return null;
          const c = centreOf(el, scale);
          return <circle key={i} className="map-dwell-circle" data-element={d.elementId} data-total={d.totalMs} cx={round(c.x)} cy={round(c.y)} r={round(radius(d.totalMs))} fill="currentColor" fillOpacity={0.08} stroke="currentColor" strokeOpacity={0.5} strokeDasharray={dash(whoIndex.get(d.who ?? '') ?? 0)} />;
        })}
      </g>
      <Room
        elements={view.elements}
        scale={scale}
        words={w}
        extra={(el) => {
          const here = view.dwell.filter((d) => d.elementId === el.id);
          if (!here.length) return null;
          const c = centreOf(el, scale);
          return here.map((d, k) => (
            <text key={k} className="map-dwell-time" x={round(c.x)} y={round(c.y + 14 + k * 13)} textAnchor="middle" fontSize="11" fontWeight="700" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
              {several ? `${whoLabel(d.who)}: ${w.minutes(d.totalMs)}` : w.minutes(d.totalMs)}
            </text>
          ));
        }}
      />
      {view.paths.map((p, i) => (
        <g key={i} className="map-path" data-who={p.who ?? 'teacher'} data-points={p.points.length}>
          {p.points.length > 1 && <path d={path(p.points) ?? ''} fill="none" stroke="currentColor" strokeWidth={2} strokeDasharray={dash(i)} />}
          {p.points.map((pt, k) => (
            <g key={k} className="map-point" data-at={pt.atMs} transform={`translate(${round(scale.x(pt.x))},${round(scale.y(pt.y))})`}>
              <circle r={9} fill="#ffffff" stroke="currentColor" strokeWidth={1.5} />
              <text y={4} textAnchor="middle" fontSize="10" fontWeight="700">
                {w.count(k + 1)}
              </text>
            </g>
          ))}
        </g>
      ))}
      {pinned.map(({ n, at }) => (
        <g key={n} className="map-note" transform={`translate(${round(at!.x)},${round(at!.y)})`}>
          <path d="M0,0 L-7,-12 A8,8 0 1 1 7,-12 Z" fill="currentColor" />
          <text y={-30} textAnchor="middle" fontSize="11" fontWeight="700" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
            {w.t('noteMark', { n })}
          </text>
        </g>
      ))}
      {legendItems.length > 0 && <Legend x={10} y={legendY} width={WIDTH} title={w.t('key')} items={legendItems} />}
    </Figure>
  );
}
