/**
 * Event counts as two small charts in one figure: horizontal bars with their totals written at the
 * end, then a running total per behaviour over the visit (step lines, told apart by dash and end symbol).
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import type { CountView } from '../../../../../shared/src/observations/views';
import { type ChartProps, Figure, TimeAxis, chartWords, clip, dash, fillUrl, round, symbolPath, timeScale, useChartId } from './kit';

const WIDTH = 720;
const LEFT = 150;
const RIGHT = 70;
const BAR = 30;
const LINE_HEIGHT = 190;

export function CountChart({ view, language, svgOnly }: ChartProps<CountView>) {
  const id = useChartId();
  const w = chartWords(language);
  const names = view.categories.map((c) => c.category);
  const max = Math.max(1, ...view.categories.map((c) => c.total));
  const total = view.categories.reduce((sum, c) => sum + c.total, 0);
  const top = [...view.categories].sort((a, b) => b.total - a.total)[0];

  const barsTop = 34;
  const bands = scaleBand<string>()
    .domain(names)
    .range([barsTop, barsTop + Math.max(1, names.length) * BAR])
    .padding(0.2);
  const length = scaleLinear().domain([0, max]).range([0, WIDTH - LEFT - RIGHT]);

  const lineHeading = barsTop + Math.max(1, names.length) * BAR + 30;
  const plotTop = lineHeading + 24;
  const plotBottom = plotTop + LINE_HEIGHT;
  const x = timeScale(view.durationMs, LEFT, WIDTH - RIGHT);
  const y = scaleLinear().domain([0, max]).nice().range([plotBottom, plotTop]);
  const height = plotBottom + 50;
  const yTicks = y.ticks(4).filter((v) => Number.isInteger(v));
  const end = Math.max(view.durationMs, ...view.categories.flatMap((c) => c.atMs));
  const stepLine = line<[number, number]>()
    .x((d) => round(x(d[0])))
    .y((d) => round(y(d[1])))
    .curve(curveStepAfter);
  const per10 = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const rate = (n: number) => (view.durationMs > 0 ? per10.format((n * 600000) / view.durationMs) : '—');

  return (
    <Figure
      id={id}
      tool="event_count"
      width={WIDTH}
      height={height}
      title={w.t('countTitle')}
      desc={w.t('countDesc', {
        total,
        categories: names.length,
        duration: w.minutes(view.durationMs),
        top: top && top.total > 0 ? top.category : 'none',
        topTotal: top ? w.count(top.total) : '',
      })}
      svgOnly={svgOnly}
      tables={[
        {
          caption: w.t('countCaption'),
          head: [w.t('colBehaviour'), w.t('colTotal'), w.t('colPer10')],
          rows: view.categories.map((c) => [c.category, w.count(c.total), rate(c.total)]),
          numeric: [1, 2],
        },
      ]}
    >
      <text x={10} y={20} fontWeight="600" fontSize="14">
        {w.t('countBars')}
      </text>
      <g className="count-bars">
        {view.categories.map((c, i) => {
          const by = bands(c.category) ?? barsTop;
          const bw = length(c.total);
          return (
            <g key={c.category} className="count-bar" data-category={c.category} data-total={c.total}>
              <text x={LEFT - 8} y={round(by + bands.bandwidth() / 2 + 4)} textAnchor="end">
                {clip(c.category, 20)}
              </text>
              <rect x={LEFT} y={round(by)} width={round(bw)} height={round(bands.bandwidth())} fill={fillUrl(id, i)} stroke="currentColor" />
              <text x={round(LEFT + bw + 6)} y={round(by + bands.bandwidth() / 2 + 4)} fontWeight="700" className="count-total">
                {w.count(c.total)}
              </text>
            </g>
          );
        })}
      </g>
      <text x={10} y={lineHeading} fontWeight="600" fontSize="14">
        {w.t('countLine')}
      </text>
      <g className="count-y-axis" fontSize="11">
        <line x1={LEFT} x2={LEFT} y1={plotTop} y2={plotBottom} stroke="currentColor" />
        {yTicks.map((v) => (
          <g key={v} transform={`translate(${LEFT},${round(y(v))})`}>
            <line x2={-5} stroke="currentColor" />
            <line x2={WIDTH - LEFT - RIGHT} stroke="currentColor" strokeOpacity={0.15} />
            <text x={-8} y={4} textAnchor="end">
              {w.count(v)}
            </text>
          </g>
        ))}
        <text transform={`translate(${LEFT - 40},${(plotTop + plotBottom) / 2}) rotate(-90)`} textAnchor="middle">
          {w.t('countAxis')}
        </text>
      </g>
      <g className="count-lines" fill="none">
        {view.categories.map((c, i) => {
          const times = [...c.atMs].sort((a, b) => a - b);
          const points: Array<[number, number]> = [[0, 0], ...times.map((t, k): [number, number] => [t, k + 1]), [end, times.length]];
          const last = points[points.length - 1];
          return (
            <g key={c.category} className="count-line" data-category={c.category} data-points={times.length}>
              <path d={stepLine(points) ?? ''} stroke="currentColor" strokeWidth={2} strokeDasharray={dash(i)} />
              <path d={symbolPath(i, 60)} transform={`translate(${round(x(last[0]))},${round(y(last[1]))})`} fill="currentColor" />
              <text x={round(x(last[0]) + 8)} y={round(y(last[1]) + 4)} fontSize="11" fill="currentColor">
                {clip(c.category, 10)}
              </text>
            </g>
          );
        })}
      </g>
      <TimeAxis x={x} y={plotBottom} durationMs={view.durationMs} words={w} />
    </Figure>
  );
}
