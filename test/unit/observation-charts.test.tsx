/**
 * The observation graphics, rendered as the server renders them (renderToStaticMarkup) from views
 * built by hand, checked for structure against the data — bars and their totals, arrows and their
 * ends, Gantt stretches, interval and missed cells, path stops, table rows — never for pixels.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CountView, DurationView, FlowView, LayoutElementView, MapView, TimeSampleView, VerbatimView } from '../../shared/src/observations/views';
import { ObservationChart } from '../../web/src/features/observations/charts/ObservationChart';
import { renderChartSvg } from '../../web/src/features/observations/charts/render';

const MIN = 60_000;

/** The opening tags of elements carrying a class, with their attributes. */
function marks(html: string, className: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const tag = new RegExp(`<\\w+ [^>]*class="${className}"[^>]*>`, 'g');
  for (const match of html.matchAll(tag)) {
    const attrs: Record<string, string> = {};
    for (const a of match[0].matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push(attrs);
  }
  return out;
}

/** The texts of <text> elements with a class. */
const texts = (html: string, className: string) => [...html.matchAll(new RegExp(`<text [^>]*class="${className}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => decode(m[1]));

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

/** Each data table: its caption and the cells of its body rows. */
function tables(html: string): Array<{ caption: string; head: string[]; rows: string[][] }> {
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((t) => {
    const caption = decode(/<caption>([^<]*)<\/caption>/.exec(t[1])?.[1] ?? '');
    const head = [...(/<thead>([\s\S]*?)<\/thead>/.exec(t[1])?.[1] ?? '').matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((c) => decode(c[1]));
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(t[1])?.[1] ?? '';
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((c) => decode(c[1])));
    return { caption, head, rows };
  });
}

/** Every <svg> is an image named by its title and described by its desc. */
function expectAccessibleSvg(html: string) {
  const svg = /<svg [^>]*>/.exec(html)?.[0] ?? '';
  expect(svg).toContain('role="img"');
  expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
  const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1];
  const describedBy = /aria-describedby="([^"]+)"/.exec(svg)?.[1];
  expect(html).toMatch(new RegExp(`<title id="${labelledBy}">[^<]+</title>`));
  expect(html).toMatch(new RegExp(`<desc id="${describedBy}">[^<]+</desc>`));
  // Nothing that needs a browser: no scripts, no event handlers.
  expect(html).not.toMatch(/<script|\son[a-z]+=/i);
}

const render = (view: Parameters<typeof ObservationChart>[0]['view'], language: 'en' | 'es' = 'en') => renderToStaticMarkup(<ObservationChart view={view} language={language} />);

const el = (id: string, type: LayoutElementView['type'], x: number, y: number, w = 100, h = 80, label: string | null = null): LayoutElementView => ({ id, type, label, x, y, w, h });

describe('selective verbatim: a timeline by speaker', () => {
  const view: VerbatimView = {
    tool: 'selective_verbatim',
    durationMs: 30 * MIN,
    speakers: ['Teacher', 'S01', 'S02'],
    categories: ['open question', 'praise'],
    lines: [
      { id: 'l1', atMs: 1 * MIN, speaker: 'Teacher', category: 'open question', text: 'What do you notice?' },
      { id: 'l2', atMs: 2 * MIN, speaker: 'S01', category: null, text: 'It floats' },
      { id: 'l3', atMs: 9 * MIN, speaker: 'Teacher', category: 'praise', text: 'Good thinking & care' },
      { id: 'l4', atMs: 20 * MIN, speaker: 'S02', category: 'open question', text: 'Why?' },
    ],
  };

  it('draws a lane per speaker and a mark per line, in its lane and category, with the key and a table of the lines', () => {
    const html = render(view);
    expectAccessibleSvg(html);
    expect(marks(html, 'verbatim-lane').map((l) => l['data-speaker'])).toEqual(['Teacher', 'S01', 'S02']);
    const lines = marks(html, 'verbatim-line');
    expect(lines.map((l) => [l['data-speaker'], l['data-category'], Number(l['data-at'])])).toEqual(view.lines.map((l) => [l.speaker, l.category ?? '', l.atMs]));
    // Marks are placed left to right in time.
    const xs = lines.map((l) => Number(/translate\(([\d.]+),/.exec(l.transform)?.[1]));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(html).toContain('No category');
    const [table] = tables(html);
    expect(table.caption).toBe('Every line, in the order it was said');
    expect(table.rows).toEqual([
      ['1:00', 'Teacher', 'open question', 'What do you notice?'],
      ['2:00', 'S01', 'No category', 'It floats'],
      ['9:00', 'Teacher', 'praise', 'Good thinking & care'],
      ['20:00', 'S02', 'open question', 'Why?'],
    ]);
    expect(html).toContain('4 lines were written down from 3 speakers over 30 min.');
  });

  it('speaks Spanish to a Spanish reader', () => {
    const html = render(view, 'es');
    expect(html).toContain('Lo que se dijo, por persona, a lo largo de la visita');
    expect(html).toContain('Sin categoría');
    expect(html).toContain('Minutos desde el inicio de la visita');
  });
});

describe('verbal flow: the seating chart with tallies and arrows', () => {
  const view: FlowView = {
    tool: 'verbal_flow',
    durationMs: 40 * MIN,
    kinds: ['teacher question', 'student response', 'student to student'],
    elements: [el('board', 'board', 300, 0, 400, 40), el('desk', 'teacher_desk', 450, 100, 100, 60), el('a', 'seat', 100, 400, 100, 80, 'S01'), el('b', 'seat', 400, 400, 100, 80, 'S02'), el('c', 'seat', 700, 400, 100, 80, 'S03'), el('d', 'seat', 400, 700, 100, 80, 'S04')],
    seats: [
      { seatId: 'a', label: 'S01', total: 7, byKind: { 'teacher question': 4, 'student response': 3 } },
      { seatId: 'b', label: 'S02', total: 3, byKind: { 'student response': 1, 'student to student': 2 } },
      { seatId: 'c', label: 'S03', total: 2, byKind: { 'student to student': 2 } },
    ],
    arrows: [
      { from: null, to: 'a', kind: 'teacher question', count: 4 },
      { from: 'a', to: null, kind: 'student response', count: 3 },
      { from: 'b', to: null, kind: 'student response', count: 1 },
      { from: 'b', to: 'c', kind: 'student to student', count: 2 },
    ],
  };

  it('draws one arrow per exchange between its two ends, wider when more frequent, each with its count', () => {
    const html = render(view);
    expectAccessibleSvg(html);
    const arrows = marks(html, 'flow-arrow');
    expect(arrows.map((a) => [a['data-from'], a['data-to'], a['data-kind'], Number(a['data-count'])])).toEqual([
      ['teacher', 'a', 'teacher question', 4],
      ['a', 'teacher', 'student response', 3],
      ['b', 'teacher', 'student response', 1],
      ['b', 'c', 'student to student', 2],
    ]);
    // Every arrow line ends in the arrowhead marker defined in the same SVG.
    const marker = /<marker id="([^"]+)"/.exec(html)?.[1];
    expect(html.match(new RegExp(`marker-end="url\\(#${marker}\\)"`, 'g'))).toHaveLength(4);
    const widths = [...html.matchAll(/class="flow-arrow"[^>]*><line [^>]*stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeGreaterThan(widths[2]);
  });

  it('writes each seat’s tally, shows the silent seat, and lists seats and arrows in tables', () => {
    const html = render(view);
    const seats = marks(html, 'flow-seat');
    expect(seats.map((s) => [s['data-seat'], Number(s['data-total'])])).toEqual([
      ['a', 7],
      ['b', 3],
      ['c', 2],
      ['d', 0],
    ]);
    expect(texts(html, 'flow-tally')).toEqual(['7', '3', '2', '0']);
    const [bySeat, byArrow] = tables(html);
    expect(bySeat.head).toEqual(['Seat', 'Total', 'teacher question', 'student response', 'student to student']);
    expect(bySeat.rows).toEqual([
      ['S01', '7', '4', '3', '0'],
      ['S02', '3', '0', '1', '2'],
      ['S03', '2', '0', '0', '2'],
    ]);
    expect(byArrow.rows).toEqual([
      ['Teacher', 'S01', 'teacher question', '4'],
      ['S01', 'Teacher', 'student response', '3'],
      ['S02', 'Teacher', 'student response', '1'],
      ['S02', 'S03', 'student to student', '2'],
    ]);
    expect(html).toContain('3 of 4 seats took part, with 10 exchanges in all.');
    expect(render(view, 'es')).toContain('Docente');
  });
});

describe('a layout larger than 1000 units (the API takes up to 2000)', () => {
  it('keeps every element and stop inside the drawing, in the room’s proportions', () => {
    const view: MapView = {
      tool: 'physical_map',
      durationMs: 10 * MIN,
      elements: [el('t', 'table', 1700, 300, 200, 200, 'Far table')],
      paths: [{ who: 'S07', points: [{ atMs: 0, x: 100, y: 100, elementId: null }, { atMs: MIN, x: 1800, y: 400, elementId: 't' }] }],
      dwell: [],
      notes: [],
    };
    const svg = renderChartSvg(view, 'en');
    const [, , vw, vh] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
    expect(vw).toBeGreaterThan(vh);
    const stops = [...svg.matchAll(/class="map-point"[^>]*transform="translate\(([\d.]+),([\d.]+)\)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(stops).toHaveLength(2);
    for (const [x, y] of stops) {
      expect(x).toBeLessThan(vw);
      expect(y).toBeLessThan(vh);
    }
  });
});

describe('event count: bars with totals and a running total', () => {
  const view: CountView = {
    tool: 'event_count',
    durationMs: 20 * MIN,
    categories: [
      { category: 'hands up', total: 3, atMs: [1 * MIN, 5 * MIN, 12 * MIN] },
      { category: 'call-outs', total: 1, atMs: [8 * MIN] },
      { category: 'praise', total: 0, atMs: [] },
    ],
  };

  it('draws a bar per behaviour with its total, a step line per behaviour, and a table of totals and rates', () => {
    const html = render(view);
    expectAccessibleSvg(html);
    const bars = marks(html, 'count-bar');
    expect(bars.map((b) => [b['data-category'], Number(b['data-total'])])).toEqual([
      ['hands up', 3],
      ['call-outs', 1],
      ['praise', 0],
    ]);
    expect(texts(html, 'count-total')).toEqual(['3', '1', '0']);
    const barWidths = [...html.matchAll(/class="count-bar"[\s\S]*?<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(barWidths[0]).toBeGreaterThan(barWidths[1]);
    expect(barWidths[2]).toBe(0);
    expect(marks(html, 'count-line').map((l) => [l['data-category'], Number(l['data-points'])])).toEqual([
      ['hands up', 3],
      ['call-outs', 1],
      ['praise', 0],
    ]);
    const [table] = tables(html);
    expect(table.rows).toEqual([
      ['hands up', '3', '1.5'],
      ['call-outs', '1', '0.5'],
      ['praise', '0', '0'],
    ]);
    expect(html).toContain('the most often was hands up (3)');
  });

  it('formats numbers for a Spanish reader', () => {
    const html = render(view, 'es');
    expect(html).toContain('Cuántas veces ocurrió cada conducta');
    expect(tables(html)[0].rows[0]).toEqual(['hands up', '3', '1,5']);
  });
});

describe('duration: a Gantt timeline with totals and shares', () => {
  const view: DurationView = {
    tool: 'duration',
    durationMs: 40 * MIN,
    exclusive: true,
    activities: [
      {
        activity: 'whole group',
        totalMs: 20 * MIN,
        share: 0.5,
        segments: [
          { startMs: 0, endMs: 10 * MIN, open: false },
          { startMs: 25 * MIN, endMs: 35 * MIN, open: false },
        ],
      },
      { activity: 'transition', totalMs: 5 * MIN, share: 0.125, segments: [{ startMs: 10 * MIN, endMs: 15 * MIN, open: false }] },
      { activity: 'small group', totalMs: 15 * MIN, share: 0.375, segments: [{ startMs: 15 * MIN, endMs: 25 * MIN, open: false }, { startMs: 35 * MIN, endMs: 40 * MIN, open: true }] },
    ],
  };

  it('draws every stretch of every activity and writes its total and share beside it', () => {
    const html = render(view);
    expectAccessibleSvg(html);
    expect(marks(html, 'duration-row').map((r) => r['data-activity'])).toEqual(['whole group', 'transition', 'small group']);
    const segments = marks(html, 'duration-segment');
    expect(segments).toHaveLength(5);
    expect(segments.map((s) => [Number(s['data-start']), Number(s['data-end'])])).toEqual(view.activities.flatMap((a) => a.segments.map((s) => [s.startMs, s.endMs])));
    expect(segments.filter((s) => s['data-open'] === 'true')).toHaveLength(1);
    expect(texts(html, 'duration-total')).toEqual(['20 min · 50%', '5 min · 13%', '15 min · 38%']);
    expect(tables(html)[0].rows).toEqual([
      ['whole group', '2', '20 min', '50%'],
      ['transition', '1', '5 min', '13%'],
      ['small group', '2', '15 min', '38%'],
    ]);
  });

  it('writes shares the Spanish way', () => {
    const html = render(view, 'es');
    expect(texts(html, 'duration-total')[0]).toBe('20 min · 50\u00a0%');
    expect(html).toContain('Tiempo dedicado a cada actividad');
  });
});

describe('physical map: the path, dwell and notes on the room', () => {
  const view: MapView = {
    tool: 'physical_map',
    durationMs: 30 * MIN,
    elements: [el('door', 'door', 0, 450, 40, 100), el('board', 'board', 300, 0, 400, 40), el('rug', 'rug', 100, 100, 300, 300), el('t1', 'table', 600, 600, 200, 120, 'Table 1')],
    paths: [
      {
        who: null,
        points: [
          { atMs: 0, x: 500, y: 80, elementId: 'board' },
          { atMs: 5 * MIN, x: 250, y: 250, elementId: 'rug' },
          { atMs: 15 * MIN, x: 700, y: 660, elementId: 't1' },
          { atMs: 25 * MIN, x: 500, y: 500, elementId: null },
        ],
      },
    ],
    dwell: [
      { who: null, elementId: 'board', totalMs: 5 * MIN },
      { who: null, elementId: 'rug', totalMs: 10 * MIN },
      { who: null, elementId: 't1', totalMs: 10 * MIN },
    ],
    notes: [
      { atMs: 6 * MIN, text: 'Reads aloud', x: null, y: null, elementId: 'rug' },
      { atMs: 16 * MIN, text: 'Checks in with each group', x: 720, y: 700, elementId: null },
      { atMs: 20 * MIN, text: 'Timer set', x: null, y: null, elementId: null },
    ],
  };

  it('numbers every stop of the path, sizes dwell by time, pins placed notes and lists it all', () => {
    const html = render(view);
    expectAccessibleSvg(html);
    const paths = marks(html, 'map-path');
    expect(paths.map((p) => Number(p['data-points']))).toEqual([4]);
    expect(marks(html, 'map-point')).toHaveLength(4);
    expect(marks(html, 'map-point').map((p) => Number(p['data-at']))).toEqual([0, 5 * MIN, 15 * MIN, 25 * MIN]);
    const dwell = marks(html, 'map-dwell-circle');
    expect(dwell.map((d) => d['data-element'])).toEqual(['board', 'rug', 't1']);
    expect(Number(dwell[1].r)).toBeGreaterThan(Number(dwell[0].r));
    // The rug is drawn first, under the rest, so compare as a set.
    expect(texts(html, 'map-dwell-time').sort()).toEqual(['10 min', '10 min', '5 min']);
    // Two notes have a place; the third is only in the table.
    expect(marks(html, 'map-note')).toHaveLength(2);
    const [stops, dwellTable, notes] = tables(html);
    expect(stops.rows).toEqual([
      ['1', 'Teacher', '0:00', 'Board'],
      ['2', 'Teacher', '5:00', 'Rug'],
      ['3', 'Teacher', '15:00', 'Table 1'],
      ['4', 'Teacher', '25:00', 'Open floor'],
    ]);
    expect(dwellTable.rows).toHaveLength(3);
    expect(notes.rows.map((r) => r[0])).toEqual(['N1', 'N2', 'N3']);
    expect(render(view, 'es')).toContain('Alfombra');
  });
});

describe('time sample: the interval grid', () => {
  const view: TimeSampleView = {
    tool: 'time_sample',
    durationMs: 30 * MIN,
    intervalMinutes: 5,
    categories: ['on task', 'off task'],
    intervals: [
      { interval: 1, startMs: 0, category: 'on task', note: '', missed: false },
      { interval: 2, startMs: 5 * MIN, category: 'on task', note: 'reading', missed: false },
      { interval: 3, startMs: 10 * MIN, category: null, note: '', missed: true },
      { interval: 4, startMs: 15 * MIN, category: 'off task', note: '', missed: false },
      { interval: 5, startMs: 20 * MIN, category: null, note: '', missed: true },
      { interval: 6, startMs: 25 * MIN, category: 'on task', note: '', missed: false },
    ],
  };

  it('fills one cell per recorded interval in its category’s row and marks missed intervals, never filled', () => {
    const html = render(view);
    expectAccessibleSvg(html);
    const cells = marks(html, 'sample-cell');
    expect(cells.map((c) => [Number(c['data-interval']), c['data-category']])).toEqual([
      [1, 'on task'],
      [2, 'on task'],
      [4, 'off task'],
      [6, 'on task'],
    ]);
    const missed = marks(html, 'sample-missed');
    expect(missed.map((c) => Number(c['data-interval']))).toEqual([3, 5]);
    const missedMarkup = [...html.matchAll(/<g class="sample-missed"[\s\S]*?<\/g>/g)].map((m) => m[0]);
    for (const cell of missedMarkup) {
      expect(cell).toContain('>missed</text>');
      expect(cell).toContain('fill="none"');
      expect(cell).not.toContain('url(#');
    }
    expect(texts(html, 'sample-share')).toEqual(['3 of 6', '1 of 6']);
    const [table] = tables(html);
    expect(table.rows).toHaveLength(6);
    expect(table.rows[2]).toEqual(['3', '10:00 – 15:00', 'missed', '']);
    expect(html).toContain('6 intervals of 5 minutes: 4 recorded, 2 missed.');
  });

  it('says missed in Spanish', () => {
    const html = render(view, 'es');
    expect(html).toContain('>sin registro</text>');
    expect(html).toContain('6 intervalos de 5 minutos: 4 con registro, 2 sin registro.');
  });
});

describe('renderChartSvg: the graphic alone, for export', () => {
  it('returns a stand-alone SVG document with its size, title and no tables', () => {
    const svg = renderChartSvg(
      { tool: 'event_count', durationMs: 10 * MIN, categories: [{ category: 'questions', total: 2, atMs: [MIN, 2 * MIN] }] },
      'es',
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/width="720" height="\d+"/);
    expect(svg).toContain('<title id="');
    expect(svg).toContain('Cuántas veces ocurrió cada conducta');
    expect(svg).not.toContain('<table');
    expect(svg).not.toContain('<figure');
  });

  it('draws an empty record without failing', () => {
    for (const view of [
      { tool: 'selective_verbatim', durationMs: 0, speakers: [], categories: [], lines: [] },
      { tool: 'verbal_flow', durationMs: 0, kinds: [], elements: [], seats: [], arrows: [] },
      { tool: 'event_count', durationMs: 0, categories: [] },
      { tool: 'duration', durationMs: 0, exclusive: true, activities: [] },
      { tool: 'physical_map', durationMs: 0, elements: [], paths: [], dwell: [], notes: [] },
      { tool: 'time_sample', durationMs: 0, intervalMinutes: 5, categories: [], intervals: [] },
    ] as const) {
      const svg = renderChartSvg(view as unknown as Parameters<typeof renderChartSvg>[0], 'en');
      expect(svg).toContain('role="img"');
      expect(svg).not.toMatch(/NaN|undefined/);
    }
  });
});
