import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { NotForYou } from '../../ui/NotForYou';
import { Loading, PageTitle } from '../../ui/Page';
import { AgreedTermsNote } from '../agreed-terms/AgreedTermsNote';
import { useSignedIn } from '../session/session';
import { TotalsView } from './TotalsView';
import { m } from './messages';
import { type WorkLogCoaches, workLogKey } from './workLogWords';
import './work-log.css';

/**
 * For an administrator: the coaches who signed a partnership meeting agreement with them, each
 * with their totals by activity and week (the same answer the coach sees as "what your
 * administrators see"). Opening the page is recorded as a look at each coach's totals.
 */
export function CoachesWorkLogsPage() {
  const me = useSignedIn();
  const t = useT(m);
  if (!me.abilities.coachesWorkLogs) return <NotForYou className="work-log" title={t('coachesTitle')} lead={t('coachesNotForYou')} next={t('coachesEmpty')} backHome={t('backHome')} />;
  return <Coaches />;
}

function Coaches() {
  const t = useT(m);
  const coaches = useQuery({ queryKey: [...workLogKey, 'coaches'], queryFn: () => api.get<WorkLogCoaches>('/api/work-log/coaches') });
  return (
    <div className="work-log">
      <PageTitle title={t('coachesTitle')}>{t('coachesTitle')}</PageTitle>
      <p className="lead">{t('coachesLead')}</p>
      <AgreedTermsNote />
      {coaches.isPending ? <Loading what={t('coachesLoading')} /> : null}
      <ErrorAlert error={coaches.error} />
      {coaches.data && coaches.data.items.length === 0 ? <p>{t('coachesEmpty')}</p> : null}
      {coaches.data?.items.map((c) => (
        <div key={c.personId} className="section">
          <TotalsView coachId={c.personId} headingLevel={2} />
        </div>
      ))}
    </div>
  );
}
