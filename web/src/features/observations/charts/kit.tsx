/**
 * What every observation graphic shares: the words and number formats of the reader's language,
 * the figure (an SVG with its title and description, then tables of the same numbers), and the
 * fills, symbols and dashes that tell categories apart without colour.
 *
 * No effects, no DOM measurement, no window: a chart renders the same in the browser and through
 * renderToStaticMarkup on the server (render.tsx), so the PDF shows the graphic the coachee saw.
 * Marks are drawn in `currentColor`, so the page's ink (its CSS variables) colours them and a
 * stand-alone SVG prints black.
 */
import { type ScaleLinear, scaleLinear } from 'd3-scale';
import { symbol, symbolsFill } from 'd3-shape';
import { type ReactNode, createContext, useContext, useId } from 'react';
import type { LayoutElementType } from '../../../../../shared/src/domain';
import type { Language, Values } from '../../../../../shared/src/i18n';
import { format } from '../../../../../shared/src/i18n-format';
import { m } from './messages';

export type MessageKey = keyof typeof m.en;

/** What every chart takes: the view to draw, the reader's language, and whether to draw the SVG alone (for export). */
export interface ChartProps<V> {
  view: V;
  language: Language;
  /** Only the `<svg>` (with fixed pixel size), for SVG/PDF export; by default a figure with its data tables. */
  svgOnly?: boolean;
}

/** Words and number formats in one language, made once per language. */
export interface ChartWords {
  language: Language;
  t(key: MessageKey, values?: Values): string;
  /** 1 234 */
  count(n: number): string;
  /** 45 % */
  percent(share: number): string;
  /** 12.5 min */
  minutes(ms: number): string;
  /** A moment of the visit as a clock from its start: 4:05, 1:02:09. */
  clock(ms: number): string;
  /** The name of a kind of layout element: Seat, Door… */
  element(type: LayoutElementType): string;
  /** Who a path or arrow end belongs to: a code, or the teacher. */
  who(code: string | null): string;
}

const made: Partial<Record<Language, ChartWords>> = {};

export function chartWords(language: Language): ChartWords {
  const existing = made[language];
  if (existing) return existing;
  const t = (key: MessageKey, values?: Values) => format(language, m, key, values);
  const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const minutes = new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 });
  const two = new Intl.NumberFormat(language, { minimumIntegerDigits: 2, useGrouping: false });
  const words: ChartWords = {
    language,
    t,
    count: (n) => integer.format(n),
    percent: (share) => percent.format(share),
    minutes: (ms) => minutes.format(Math.round(ms / 6000) / 10),
    clock: (ms) => {
      const total = Math.max(0, Math.floor(ms / 1000));
      const h = Math.floor(total / 3600);
      const mins = Math.floor((total % 3600) / 60);
      const secs = total % 60;
      return h > 0 ? `${integer.format(h)}:${two.format(mins)}:${two.format(secs)}` : `${integer.format(mins)}:${two.format(secs)}`;
    },
    element: (type) => t(`element_${type}`),
    who: (code) => code ?? t('teacher'),
  };
  made[language] = words;
  return words;
}

/** Fills told apart by pattern, not colour: solid, hatched, dotted, lined, crossed… (repeats after eight, labels still tell). */
export const FILL_COUNT = 8;
const fillId = (id: string, index: number) => `${id}-fill${index % FILL_COUNT}`;
export const fillUrl = (id: string, index: number) => `url(#${fillId(id, index)})`;
export const arrowUrl = (id: string) => `url(#${id}-arrow)`;

/** One line style per kind, for arrows, paths and cumulative lines. */
const DASHES = [undefined, '9 4', '2 3', '12 3 2 3', '5 5', '1 2', '14 4 4 4', '3 6'];
export const dash = (index: number) => DASHES[index % DASHES.length];

/** One filled symbol per category (circle, cross, diamond, square, star, triangle, wye), as a path centred on 0,0. */
export function symbolPath(index: number, size = 90): string {
  const key = `${index % symbolsFill.length}:${size}`;
  let path = symbols.get(key);
  if (path === undefined) {
    path = symbol(symbolsFill[index % symbolsFill.length], size)() ?? '';
    symbols.set(key, path);
  }
  return path;
}
const symbols = new Map<string, string>();

function Fills({ id }: { id: string }) {
  const stroke = { stroke: 'currentColor', strokeWidth: 1.4, fill: 'none' } as const;
  const inner: ReactNode[] = [
    <rect key="s" width="8" height="8" fill="currentColor" />,
    <path key="d" d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...stroke} />,
    <circle key="o" cx="4" cy="4" r="1.6" fill="currentColor" />,
    <path key="h" d="M0,2 H8 M0,6 H8" {...stroke} strokeWidth={1} />,
    <path key="x" d="M0,0 L8,8 M8,0 L0,8" {...stroke} strokeWidth={1} />,
    <path key="v" d="M2,0 V8 M6,0 V8" {...stroke} strokeWidth={1} />,
    <path key="r" d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...stroke} />,
    <path key="g" d="M0,4 H8 M4,0 V8" {...stroke} strokeWidth={1} />,
  ];
  return (
    <>
      {inner.map((shape, i) => (
        <pattern key={i} id={fillId(id, i)} patternUnits="userSpaceOnUse" width="8" height="8">
          <rect width="8" height="8" fill="#ffffff" />
          {shape}
        </pattern>
      ))}
      <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
      </marker>
    </>
  );
}

export interface TableSpec {
  caption: string;
  head: string[];
  rows: Array<Array<string | number>>;
  /** Which columns hold numbers (right-aligned). */
  numeric?: number[];
}

/** A table of the numbers the chart draws, for screen readers and for print. */
export function DataTable({ caption, head, rows, numeric = [] }: TableSpec) {
  return (
    <table className="chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={c} className={numeric.includes(c) ? 'num' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A stable id for the chart's title, description, fills and markers (unique in the page, the same on server and client). */
export function useChartId(): string {
  return `chart${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
}

interface FigureProps {
  id: string;
  tool: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  svgOnly?: boolean;
  tables: TableSpec[];
  children: ReactNode;
}

/**
 * The chart as a figure: the SVG (role="img", named by its <title>, described by its <desc>),
 * the one-sentence description as the caption, and the same numbers as tables beside it.
 */
/** What a figure says besides its drawing, for an export that lays it out itself (the PDF: render.tsx). */
export interface FigureParts {
  title: string;
  desc: string;
  width: number;
  height: number;
  tables: TableSpec[];
}

/** Receives each figure's parts while it renders; only the export sets it (never the screen). */
export const FigurePartsSink = createContext<((parts: FigureParts) => void) | null>(null);

export function Figure({ id, tool, width, height, title, desc, svgOnly, tables, children }: FigureProps) {
  useContext(FigurePartsSink)?.({ title, desc, width, height, tables });
  const svg = (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={svgOnly ? width : '100%'}
      height={svgOnly ? height : undefined}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className={`observation-chart-svg chart-${tool}`}
      fontFamily="system-ui, sans-serif"
      fontSize="13"
      fill="currentColor"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <defs>
        <Fills id={id} />
      </defs>
      {children}
    </svg>
  );
  if (svgOnly) return svg;
  return (
    <figure className={`observation-chart observation-chart-${tool}`}>
      {svg}
      <figcaption>{desc}</figcaption>
      {tables.map((table, i) => (
        <DataTable key={i} {...table} />
      ))}
    </figure>
  );
}

/** A key: a swatch (fill, symbol or line) and a name for each category, wrapping across the width. */
export function Legend({ x, y, width, title, items }: { x: number; y: number; width: number; title: string; items: Array<{ name: string; swatch: ReactNode }> }) {
  const itemWidth = 170;
  const perRow = Math.max(1, Math.floor((width - 80) / itemWidth));
  return (
    <g className="chart-legend" transform={`translate(${x},${y})`}>
      <text y={12} fontWeight="600">
        {title}
      </text>
      {items.map((item, i) => (
        <g key={i} className="chart-legend-item" transform={`translate(${80 + (i % perRow) * itemWidth},${Math.floor(i / perRow) * 22})`}>
          {item.swatch}
          <text x={26} y={12}>
            {clip(item.name, 20)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Rows a legend of n items takes in a width. */
export const legendRows = (n: number, width: number) => Math.max(1, Math.ceil(n / Math.max(1, Math.floor((width - 80) / 170))));

/** A name cut to fit a label (the full name is in the table). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A time axis along the bottom of a plot: ticks at round minutes (d3-scale's nice ticks) and its title. */
export function TimeAxis({ x, y, durationMs, words }: { x: ScaleLinear<number, number>; y: number; durationMs: number; words: ChartWords }) {
  const minutes = Math.max(durationMs, 60000) / 60000;
  const ticks = scaleLinear().domain([0, minutes]).ticks(6);
  const [left, right] = x.range();
  const tickLabel = new Intl.NumberFormat(words.language, { maximumFractionDigits: 1 });
  return (
    <g className="chart-axis">
      <line x1={left} x2={right} y1={y} y2={y} stroke="currentColor" />
      {ticks.map((v) => (
        <g key={v} transform={`translate(${x(v * 60000)},${y})`}>
          <line y2={5} stroke="currentColor" />
          <text y={18} textAnchor="middle" fontSize="11">
            {tickLabel.format(v)}
          </text>
        </g>
      ))}
      <text x={(left + right) / 2} y={y + 34} textAnchor="middle" fontSize="11">
        {words.t('minutesAxis')}
      </text>
    </g>
  );
}

/** Maps a moment of the visit (ms) to x between left and right; the domain is at least one minute. */
export function timeScale(durationMs: number, left: number, right: number): ScaleLinear<number, number> {
  return scaleLinear()
    .domain([0, Math.max(durationMs, 60000)])
    .range([left, right])
    .clamp(true);
}

/** Coordinates to a tenth of a unit: shorter markup, the same picture. */
export const round = (n: number) => Math.round(n * 10) / 10;
