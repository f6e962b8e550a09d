/**
 * Durations as a timeline (Gantt): one row per activity, a bar for each stretch it ran on a minute
 * axis, and its total and share of the visit written beside the row. A stretch still running when
 * the record was read has an open, dashed end.
 */
import { scaleBand } from 'd3-scale';
import type { DurationView } from '../../../../../shared/src/observations/views';
import { type ChartProps, Figure, TimeAxis, chartWords, clip, fillUrl, round, timeScale, useChartId } from './kit';

const WIDTH = 720;
const LEFT = 140;
const RIGHT = 140;
const ROW = 36;

export function DurationChart({ view, language, svgOnly }: ChartProps<DurationView>) {
  const id = useChartId();
  const w = chartWords(language);
  const names = view.activities.map((a) => a.activity);
  const top = 10;
  const rows = scaleBand<string>()
    .domain(names)
    .range([top, top + Math.max(1, names.length) * ROW])
    .padding(0.2);
  const axisY = top + Math.max(1, names.length) * ROW + 6;
  const height = axisY + 44;
  const x = timeScale(view.durationMs, LEFT, WIDTH - RIGHT);
  const longest = [...view.activities].sort((a, b) => b.totalMs - a.totalMs)[0];

  return (
    <Figure
      id={id}
      tool="duration"
      width={WIDTH}
      height={height}
      title={w.t('durationTitle')}
      desc={w.t('durationDesc', {
        activities: names.length,
        duration: w.minutes(view.durationMs),
        top: longest && longest.totalMs > 0 ? longest.activity : 'none',
        topTotal: longest ? w.minutes(longest.totalMs) : '',
        topShare: longest ? w.percent(longest.share) : '',
      })}
      svgOnly={svgOnly}
      tables={[
        {
          caption: w.t('durationCaption'),
          head: [w.t('colActivity'), w.t('colStretches'), w.t('colTotal'), w.t('colShare')],
          rows: view.activities.map((a) => [a.activity, w.count(a.segments.length), w.minutes(a.totalMs), w.percent(a.share)]),
          numeric: [1, 2, 3],
        },
      ]}
    >
      {view.activities.map((a, i) => {
        const y = rows(a.activity) ?? top;
        const h = rows.bandwidth();
        return (
          <g key={a.activity} className="duration-row" data-activity={a.activity} data-total={a.totalMs}>
            <text x={LEFT - 8} y={round(y + h / 2 + 4)} textAnchor="end">
              {clip(a.activity, 18)}
            </text>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={round(y + h / 2)} y2={round(y + h / 2)} stroke="currentColor" strokeOpacity={0.2} />
            {a.segments.map((s, k) => {
              const x1 = x(s.startMs);
              const x2 = Math.max(x1 + 1.5, x(s.endMs));
              return (
                <g key={k} className="duration-segment" data-start={s.startMs} data-end={s.endMs} data-open={s.open ? 'true' : undefined}>
                  <rect x={round(x1)} y={round(y)} width={round(x2 - x1)} height={round(h)} fill={fillUrl(id, i)} stroke="currentColor" strokeDasharray={s.open ? '4 3' : undefined} />
                  <title>{s.open ? `${w.clock(s.startMs)} – ${w.clock(s.endMs)} (${w.t('still')})` : `${w.clock(s.startMs)} – ${w.clock(s.endMs)}`}</title>
                </g>
              );
            })}
            <text x={WIDTH - RIGHT + 8} y={round(y + h / 2 + 4)} fontWeight="700" className="duration-total">
              {w.t('durationBar', { total: w.minutes(a.totalMs), share: w.percent(a.share) })}
            </text>
          </g>
        );
      })}
      <TimeAxis x={x} y={axisY} durationMs={view.durationMs} words={w} />
    </Figure>
  );
}
