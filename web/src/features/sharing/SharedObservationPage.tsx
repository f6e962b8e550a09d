/**
 * An observation a coachee shared with the reader (most often their supervisor), as graphics: the
 * same charts and data tables the partners see, drawn from the record the server gives only while
 * the share lasts (reading it is logged, and the coachee sees it). Nothing here is a rating.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { projectObservation } from '../../../../shared/src/observations/projections';
import { DATA_METHOD_INFO } from '../../../../shared/src/prompts';
import { ApiError, type Observation, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Loading, PageTitle } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { ChartFiles } from '../observations/charts/ChartFiles';
import { ObservationChart } from '../observations/charts/ObservationChart';
import { m } from './received/messages';

export function SharedObservationPage() {
  const t = useT(m);
  const { language } = useLanguage();
  const { observationId = '' } = useParams();
  const [search] = useSearchParams();
  const q = useQuery({ queryKey: ['shared-observation', observationId], queryFn: () => api.get<Observation>(`/api/observations/${encodeURIComponent(observationId)}`), gcTime: 0 });
  const views = useMemo(() => (q.data ? projectObservation(q.data) : []), [q.data]);

  if (q.isPending) return <Loading what={t('observationLoading')} />;
  if (q.error instanceof ApiError && q.error.status === 404) {
    return (
      <div>
        <PageTitle title={t('shared')}>{t('shared')}</PageTitle>
        <p>{t('observationNotShared')}</p>
        <p>
          <Link to="/">{t('backHome')}</Link>
        </p>
      </div>
    );
  }
  if (!q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  const from = search.get('from');
  return (
    <div className="shared-observation observation-review">
      <PageTitle title={o.focus || t('shared')}>{o.focus || t('shared')}</PageTitle>
      <p>{t('observationWhen', { mode: o.mode, date: formatDateTime(o.startedAt, language) })}</p>
      {from ? <p className="muted">{t('observationLead', { from })}</p> : null}
      {views.map((view) => (
        <section key={view.tool} className="review-tool" aria-labelledby={`shared-tool-${view.tool}`}>
          <h2 id={`shared-tool-${view.tool}`}>{DATA_METHOD_INFO[language][view.tool].label}</h2>
          <ObservationChart view={view} language={language} />
          <ChartFiles observationId={o.id} tool={view.tool} toolLabel={DATA_METHOD_INFO[language][view.tool].label} />
        </section>
      ))}
      <p className="no-print">
        <Link to="/">{t('backHome')}</Link>
      </p>
    </div>
  );
}
