import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { WORK_LOG_ACTIVITIES } from '../../../../shared/src/work-log';
import { api, query } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Loading } from '../../ui/Page';
import { m } from './messages';
import { type WorkLogTotals, duration, shortDay, workLogKey } from './workLogWords';

/**
 * A coach's totals as the server answers them at /api/people/:id/work-log-totals — the same
 * answer, drawn the same way, for the administrator and for the coach's "what your administrators
 * see" (with `as`: through one administrator's eyes). A bar per week split by activity, with the
 * table of the same figures under it for anyone who does not read the graphic.
 */
export function TotalsView({ coachId, as, headingLevel = 3 }: { coachId: string; as?: string; headingLevel?: 2 | 3 }) {
  const t = useT(m);
  const totals = useQuery({
    queryKey: [...workLogKey, 'totals', coachId, as ?? null],
    queryFn: () => api.get<WorkLogTotals>(`/api/people/${coachId}/work-log-totals${query({ as })}`),
  });
  if (totals.isPending) return <Loading what={t('totalsLoading')} />;
  if (totals.error) return <ErrorAlert error={totals.error} />;
  return <Totals data={totals.data} headingLevel={headingLevel} />;
}

function Totals({ data, headingLevel }: { data: WorkLogTotals; headingLevel: 2 | 3 }) {
  const t = useT(m);
  const { language } = useLanguage();
  const id = useId();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';
  const most = Math.max(60, ...data.weeks.map((w) => w.total));
  return (
    <section className="work-log-totals" aria-labelledby={`${id}-title`}>
      <H id={`${id}-title`}>{t('totalsTitle', { name: data.coach.name, weeks: data.weeks.length })}</H>
      <p>{t('totalsSum', { time: duration(t, data.total) })}</p>
      <ul className="work-log-legend" aria-hidden="true">
        {WORK_LOG_ACTIVITIES.map((a) => (
          <li key={a}>
            <span className={`work-log-swatch activity-${a}`} />
            {t('activity', { activity: a })}
          </li>
        ))}
      </ul>
      {/* The graphic repeats the table below; screen readers read the table. */}
      <ol className="work-log-bars" aria-hidden="true">
        {data.weeks.map((w) => (
          <li key={w.weekStart}>
            <span className="work-log-bar-label">{shortDay(w.weekStart, language)}</span>
            <span className="work-log-bar">
              {w.byActivity
                .filter((a) => a.minutes > 0)
                .map((a) => (
                  <span key={a.activity} className={`work-log-segment activity-${a.activity}`} style={{ width: `${(100 * a.minutes) / most}%` }} />
                ))}
            </span>
            <span className="work-log-bar-total">{duration(t, w.total)}</span>
          </li>
        ))}
      </ol>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="work-log-table">
          <caption id={`${id}-caption`}>{t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('weekColumn')}</th>
              {WORK_LOG_ACTIVITIES.map((a) => (
                <th scope="col" key={a}>
                  {t('activity', { activity: a })}
                </th>
              ))}
              <th scope="col">{t('totalColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {data.weeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{t('weekOf', { start: shortDay(w.weekStart, language) })}</th>
                {w.byActivity.map((a) => (
                  <td key={a.activity}>{duration(t, a.minutes)}</td>
                ))}
                <td>{duration(t, w.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <H2>{t('teachersHeading')}</H2>
      {data.teachers === null ? (
        <p className="muted">{t('noNamesNote')}</p>
      ) : (
        <>
          <p className="muted">{t('teachersLead')}</p>
          {data.teachers.length === 0 ? (
            <p>{t('teachersEmpty')}</p>
          ) : (
            <table className="work-log-table">
              <thead>
                <tr>
                  <th scope="col">{t('teacherColumn')}</th>
                  <th scope="col">{t('timeColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {data.teachers.map((x) => (
                  <tr key={x.name}>
                    <th scope="row">{x.name}</th>
                    <td>{duration(t, x.minutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
