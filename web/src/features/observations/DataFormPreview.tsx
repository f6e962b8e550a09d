import { useId } from 'react';
import type { DataMethod } from '../../../../shared/src/domain';
import { DATA_METHOD_INFO } from '../../../../shared/src/prompts';

export interface DataFormShape {
  method: DataMethod;
  fields: string[];
  intervalMinutes: number | null;
  instructions: string;
}

/** An empty box to write in, as on the paper form. */
function Blank() {
  return <span className="blank" aria-hidden="true" />;
}

const BLANK_ROWS = 3;
/** Marks on the seating sketch for each kind of exchange, in order. */
const FLOW_MARKS = ['Solid arrow →', 'Dashed arrow ⇢', 'Double arrow ⇒', 'Dotted arrow ⋯›', 'Wavy arrow ↝', 'Arrow with a dot •→'];

/**
 * The data form exactly as the coach will fill it in, so the coachee knows
 * before the visit what will be written down — and what will not.
 */
export function DataFormPreview({ form, heading = 'h4' }: { form: DataFormShape; heading?: 'h4' | 'h5' }) {
  const id = useId();
  const info = DATA_METHOD_INFO[form.method];
  const fields = form.fields.map((f, i) => f.trim() || `Item ${i + 1} (no name yet)`);
  const H = heading;
  const caption = `${info.label}: the form the coach will fill in`;
  return (
    <div className="data-form-preview">
      <H id={`${id}-title`} className="data-form-title">
        {caption}
      </H>
      <p className="muted">{info.captures}</p>
      {form.method === 'verbal_flow' || form.method === 'physical_map' ? (
        <div className="sketch-box" aria-hidden="true">
          {form.method === 'verbal_flow' ? 'Seating sketch: where everyone sits' : 'Floor plan of the room'}
        </div>
      ) : null}
      <div className="data-form-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
        <table className="data-form-table">
          <caption className="visually-hidden">{caption}. Empty cells are filled in during the observation.</caption>
          <Body method={form.method} fields={fields} interval={form.intervalMinutes} />
        </table>
      </div>
      {form.instructions.trim() ? (
        <p className="data-form-instructions">
          <span className="meta">How the data is taken: </span>
          <span className="note-body">{form.instructions}</span>
        </p>
      ) : null}
    </div>
  );
}

function Body({ method, fields, interval }: { method: DataMethod; fields: string[]; interval: number | null }) {
  const blanks = (n: number) => Array.from({ length: n }, (_, i) => i);
  switch (method) {
    case 'event_count':
      return (
        <>
          <thead>
            <tr>
              <td />
              {fields.map((f, i) => (
                <th key={i} scope="col">
                  {f}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {['Tally', 'Times noted', 'Total'].map((row) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {fields.map((_, i) => (
                  <td key={i} className={row === 'Tally' ? 'tally-cell' : undefined}>
                    <Blank />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      );
    case 'selective_verbatim':
      return (
        <>
          <thead>
            <tr>
              <th scope="col">Time</th>
              {fields.map((f, i) => (
                <th key={i} scope="col">
                  {f} <span className="muted">(word for word)</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {blanks(BLANK_ROWS + 1).map((r) => (
              <tr key={r}>
                <td>
                  <Blank />
                </td>
                {fields.map((_, i) => (
                  <td key={i}>
                    <Blank />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      );
    case 'time_sample': {
      const every = interval && interval > 0 ? interval : 5;
      return (
        <>
          <thead>
            <tr>
              <th scope="col">Time</th>
              {fields.map((f, i) => (
                <th key={i} scope="col">
                  {f}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {blanks(4).map((r) => (
              <tr key={r}>
                <th scope="row">Minute {r * every}</th>
                {fields.map((_, i) => (
                  <td key={i}>
                    <Blank />
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">…</th>
              <td colSpan={fields.length} className="muted">
                and so on, every {every} {every === 1 ? 'minute' : 'minutes'}
              </td>
            </tr>
          </tbody>
        </>
      );
    }
    default: {
      const table = ROW_PER_FIELD[method];
      return <RowPerField fields={fields} columns={table.columns} filled={table.filled} />;
    }
  }
}

/**
 * Methods whose form has one row per field: the first column names the field,
 * the others are blank to fill in, except where the method pre-prints a value.
 */
const ROW_PER_FIELD: Record<Exclude<DataMethod, 'event_count' | 'selective_verbatim' | 'time_sample'>, { columns: string[]; filled?: (row: number) => string }> = {
  verbal_flow: { columns: ['Kind of exchange', 'Mark on the sketch', 'Count'], filled: (row) => FLOW_MARKS[row % FLOW_MARKS.length] },
  duration: { columns: ['Activity', 'Started', 'Ended', 'Minutes'] },
  physical_map: { columns: ['Traced on the plan', 'Drawn as', 'Notes'], filled: (row) => (row === 0 ? 'A line' : row === 1 ? 'Circles' : 'A labelled mark') },
  artifacts: { columns: ['Artifact', 'Collected', 'Notes'] },
  video: { columns: ['Moment', 'Clip starts at', 'Comments'] },
};

/** One row per field; the second column is pre-printed when the method says so, the rest are blanks. */
function RowPerField({ fields, columns, filled }: { fields: string[]; columns: string[]; filled?: (row: number) => string }) {
  const [, ...rest] = columns;
  return (
    <>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fields.map((f, row) => (
          <tr key={row}>
            <th scope="row">{f}</th>
            {rest.map((c, col) => (
              <td key={c}>{col === 0 && filled ? filled(row) : <Blank />}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </>
  );
}
