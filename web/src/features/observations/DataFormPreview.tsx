import { useId } from 'react';
import type { DataMethod } from '../../../../shared/src/domain';
import { DATA_METHOD_INFO } from '../../../../shared/src/prompts';
import { useLanguage, useT } from '../../i18n';
import { type Key, m } from './messages';
import type { T } from './observationWords';

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
const FLOW_MARKS: Key[] = ['flow_0', 'flow_1', 'flow_2', 'flow_3', 'flow_4', 'flow_5'];

/**
 * The data form exactly as the coach will fill it in, so the coachee knows
 * before the visit what will be written down — and what will not.
 */
export function DataFormPreview({ form, heading = 'h4' }: { form: DataFormShape; heading?: 'h4' | 'h5' }) {
  const t = useT(m);
  const { language } = useLanguage();
  const id = useId();
  const info = DATA_METHOD_INFO[language][form.method];
  const fields = form.fields.map((f, i) => f.trim() || t('unnamedItem', { n: i + 1 }));
  const H = heading;
  const caption = t('formCaption', { method: info.label });
  return (
    <div className="data-form-preview">
      <H id={`${id}-title`} className="data-form-title">
        {caption}
      </H>
      <p className="muted">{info.captures}</p>
      {form.method === 'verbal_flow' || form.method === 'physical_map' ? (
        <div className="sketch-box" aria-hidden="true">
          {form.method === 'verbal_flow' ? t('seatingSketch') : t('floorPlan')}
        </div>
      ) : null}
      <div className="data-form-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
        <table className="data-form-table">
          <caption className="visually-hidden">{t('formCaptionHidden', { method: info.label })}</caption>
          <Body t={t} method={form.method} fields={fields} interval={form.intervalMinutes} />
        </table>
      </div>
      {form.instructions.trim() ? (
        <p className="data-form-instructions">
          <span className="meta">{t('howTaken')} </span>
          <span className="note-body">{form.instructions}</span>
        </p>
      ) : null}
    </div>
  );
}

function Body({ t, method, fields, interval }: { t: T; method: DataMethod; fields: string[]; interval: number | null }) {
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
            {(['row_tally', 'row_timesNoted', 'row_total'] as const).map((row) => (
              <tr key={row}>
                <th scope="row">{t(row)}</th>
                {fields.map((_, i) => (
                  <td key={i} className={row === 'row_tally' ? 'tally-cell' : undefined}>
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
              <th scope="col">{t('time')}</th>
              {fields.map((f, i) => (
                <th key={i} scope="col">
                  {f} <span className="muted">{t('wordForWord')}</span>
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
              <th scope="col">{t('time')}</th>
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
                <th scope="row">{t('minute', { n: r * every })}</th>
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
                {t('andSoOn', { every })}
              </td>
            </tr>
          </tbody>
        </>
      );
    }
    default: {
      const table = ROW_PER_FIELD[method];
      return <RowPerField fields={fields} columns={table.columns.map((c) => t(c))} filled={table.filled && ((row) => t(table.filled!(row)))} />;
    }
  }
}

/**
 * Methods whose form has one row per field: the first column names the field,
 * the others are blank to fill in, except where the method pre-prints a value.
 */
const ROW_PER_FIELD: Record<Exclude<DataMethod, 'event_count' | 'selective_verbatim' | 'time_sample'>, { columns: Key[]; filled?: (row: number) => Key }> = {
  verbal_flow: { columns: ['col_kindOfExchange', 'col_markOnSketch', 'col_count'], filled: (row) => FLOW_MARKS[row % FLOW_MARKS.length] },
  duration: { columns: ['col_activity', 'col_started', 'col_ended', 'col_minutes'] },
  physical_map: { columns: ['col_traced', 'col_drawnAs', 'col_notes'], filled: (row) => (row === 0 ? 'drawn_line' : row === 1 ? 'drawn_circles' : 'drawn_mark') },
  artifacts: { columns: ['col_artifact', 'col_collected', 'col_notes'] },
  video: { columns: ['col_moment', 'col_clipStarts', 'col_comments'] },
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
