/**
 * Time samples as an interval grid: a row per category, a column per interval. A recorded interval
 * fills its category's cell with that category's pattern; a missed interval is a dashed, empty
 * column marked "missed", never filled in. Each row ends with how many intervals it took.
 */
import { scaleBand } from 'd3-scale';
import type { TimeSampleView } from '../../../../../shared/src/observations/views';
import { type ChartProps, Figure, chartWords, clip, fillUrl, round, useChartId } from './kit';

const WIDTH = 720;
const LEFT = 140;
const RIGHT = 80;
const ROW = 34;
const HEAD = 24;

export function TimeSampleChart({ view, language, svgOnly }: ChartProps<TimeSampleView>) {
  const id = useChartId();
  const w = chartWords(language);
  const categories = [...new Set([...view.categories, ...view.intervals.flatMap((i) => (i.category === null ? [] : [i.category]))])];
  const intervals = [...view.intervals].sort((a, b) => a.interval - b.interval);
  const top = 10;
  const columns = scaleBand<number>()
    .domain(intervals.map((i) => i.interval))
    .range([LEFT, WIDTH - RIGHT])
    .paddingInner(0.08);
  const rows = scaleBand<string>()
    .domain(categories)
    .range([top + HEAD, top + HEAD + Math.max(1, categories.length) * ROW])
    .paddingInner(0.1);
  const gridBottom = top + HEAD + Math.max(1, categories.length) * ROW;
  const height = gridBottom + 16;
  const cw = columns.bandwidth();
  const recorded = intervals.filter((i) => !i.missed && i.category !== null);
  const missed = intervals.filter((i) => i.missed);
  const interval = view.intervalMinutes * 60000;
  // Interval numbers on top, thinned so they never overlap.
  const every = Math.max(1, Math.ceil(22 / Math.max(1, cw)));

  return (
    <Figure
      id={id}
      tool="time_sample"
      width={WIDTH}
      height={height}
      title={w.t('sampleTitle')}
      desc={w.t('sampleDesc', { intervals: intervals.length, minutes: view.intervalMinutes, recorded: w.count(recorded.length), missed: w.count(missed.length) })}
      svgOnly={svgOnly}
      tables={[
        {
          caption: w.t('sampleCaption'),
          head: [w.t('colInterval'), w.t('colTime'), w.t('colRecorded'), w.t('colNote')],
          rows: intervals.map((i) => [
            w.count(i.interval),
            `${w.clock(i.startMs)} – ${w.clock(i.startMs + interval)}`,
            i.missed ? w.t('missed') : (i.category ?? w.t('nothingRecorded')),
            i.note,
          ]),
          numeric: [0],
        },
      ]}
    >
      <g className="sample-header" fontSize="11">
        {intervals.map((i, k) =>
          k % every === 0 ? (
            <text key={i.interval} x={round((columns(i.interval) ?? LEFT) + cw / 2)} y={top + 14} textAnchor="middle">
              {w.count(i.interval)}
            </text>
          ) : null,
        )}
      </g>
      {categories.map((c) => {
        const y = rows(c) ?? top + HEAD;
        const count = recorded.filter((i) => i.category === c).length;
        return (
          <g key={c} className="sample-row" data-category={c} data-count={count}>
            <text x={LEFT - 8} y={round(y + rows.bandwidth() / 2 + 4)} textAnchor="end">
              {clip(c, 18)}
            </text>
            <rect x={LEFT} y={round(y)} width={WIDTH - RIGHT - LEFT} height={round(rows.bandwidth())} fill="none" stroke="currentColor" strokeOpacity={0.2} />
            <text x={WIDTH - RIGHT + 8} y={round(y + rows.bandwidth() / 2 + 4)} fontWeight="700" className="sample-share">
              {w.t('sampleShare', { count: w.count(count), total: w.count(intervals.length) })}
            </text>
          </g>
        );
      })}
      {intervals.map((i) => {
        const x = columns(i.interval) ?? LEFT;
        if (i.missed) {
          const mid = (top + HEAD + gridBottom) / 2;
          return (
            <g key={i.interval} className="sample-missed" data-interval={i.interval}>
              <rect x={round(x)} y={top + HEAD} width={round(cw)} height={gridBottom - top - HEAD} fill="none" stroke="currentColor" strokeDasharray="3 3" />
              <text transform={`translate(${round(x + cw / 2 + 4)},${round(mid)}) rotate(-90)`} textAnchor="middle" fontSize="11" fontStyle="italic">
                {w.t('missed')}
              </text>
            </g>
          );
        }
        if (i.category === null) return null;
        const row = categories.indexOf(i.category);
        const y = rows(i.category) ?? top + HEAD;
        return (
          <g key={i.interval} className="sample-cell" data-interval={i.interval} data-category={i.category}>
            <rect x={round(x)} y={round(y)} width={round(cw)} height={round(rows.bandwidth())} fill={fillUrl(id, row)} stroke="currentColor" />
            <title>{i.note ? `${i.category}: ${i.note}` : i.category}</title>
          </g>
        );
      })}
    </Figure>
  );
}
