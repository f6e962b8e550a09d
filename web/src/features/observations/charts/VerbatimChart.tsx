/** Selective verbatim as a timeline: one lane per speaker, one mark per line at its time, its category by shape (see the key). */
import { scaleBand } from 'd3-scale';
import type { VerbatimView } from '../../../../../shared/src/observations/views';
import { type ChartProps, Figure, Legend, TimeAxis, chartWords, clip, legendRows, round, symbolPath, timeScale, useChartId } from './kit';

const WIDTH = 720;
const LEFT = 130;
const RIGHT = 20;
const LANE = 34;

export function VerbatimChart({ view, language, svgOnly }: ChartProps<VerbatimView>) {
  const id = useChartId();
  const w = chartWords(language);
  // Speakers in the plan's order, then any that only appear in lines.
  const speakers = [...new Set([...view.speakers, ...view.lines.map((l) => l.speaker)])];
  const categories = [...new Set([...view.categories, ...view.lines.flatMap((l) => (l.category === null ? [] : [l.category]))])];
  const hasUncategorised = view.lines.some((l) => l.category === null);
  const legendItems = [
    ...categories.map((name, i) => ({ name, swatch: <path d={symbolPath(i)} transform="translate(10,8)" /> })),
    ...(hasUncategorised ? [{ name: w.t('noCategory'), swatch: <circle cx={10} cy={8} r={5} fill="none" stroke="currentColor" strokeWidth={1.5} /> }] : []),
  ];
  const legendHeight = legendItems.length ? legendRows(legendItems.length, WIDTH) * 22 + 14 : 0;
  const top = 10 + legendHeight;
  const lanes = scaleBand<string>()
    .domain(speakers)
    .range([top, top + Math.max(1, speakers.length) * LANE])
    .padding(0.15);
  const axisY = top + Math.max(1, speakers.length) * LANE + 6;
  const height = axisY + 44;
  const x = timeScale(view.durationMs, LEFT, WIDTH - RIGHT);

  const desc = w.t('verbatimDesc', { lines: view.lines.length, speakers: speakers.length, duration: w.minutes(view.durationMs) });
  return (
    <Figure
      id={id}
      tool="selective_verbatim"
      width={WIDTH}
      height={height}
      title={w.t('verbatimTitle')}
      desc={desc}
      svgOnly={svgOnly}
      tables={[
        {
          caption: w.t('verbatimCaption'),
          head: [w.t('colTime'), w.t('colSpeaker'), w.t('colCategory'), w.t('colWords')],
          rows: view.lines.map((l) => [w.clock(l.atMs), l.speaker, l.category ?? w.t('noCategory'), l.text]),
        },
      ]}
    >
      {legendItems.length > 0 && <Legend x={10} y={8} width={WIDTH} title={w.t('key')} items={legendItems} />}
      {speakers.map((speaker) => {
        const y = lanes(speaker) ?? top;
        return (
          <g key={speaker} className="verbatim-lane" data-speaker={speaker}>
            <rect x={LEFT} y={y} width={WIDTH - RIGHT - LEFT} height={lanes.bandwidth()} fill="none" stroke="currentColor" strokeOpacity={0.35} />
            <text x={LEFT - 8} y={y + lanes.bandwidth() / 2 + 4} textAnchor="end">
              {clip(speaker, 16)}
            </text>
          </g>
        );
      })}
      {view.lines.map((line) => {
        const cy = (lanes(line.speaker) ?? top) + lanes.bandwidth() / 2;
        const cx = x(line.atMs);
        const index = line.category === null ? -1 : categories.indexOf(line.category);
        return (
          <g key={line.id} className="verbatim-line" data-speaker={line.speaker} data-category={line.category ?? ''} data-at={line.atMs} transform={`translate(${round(cx)},${round(cy)})`}>
            {index < 0 ? <circle r={5} fill="#ffffff" stroke="currentColor" strokeWidth={1.5} /> : <path d={symbolPath(index)} stroke="#ffffff" strokeWidth={0.75} />}
          </g>
        );
      })}
      <TimeAxis x={x} y={axisY} durationMs={view.durationMs} words={w} />
    </Figure>
  );
}
