import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Loading, Section } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { m } from './messages';
import { type MyCheckins as MyCheckinsData, myCheckinsKey } from './types';

/** The supervisor's Home, beside their staff list: check-ins coming up, and coverage requests waiting for an answer. */
export function MyCheckins() {
  const t = useT(m);
  const { language } = useLanguage();
  const mine = useQuery({ queryKey: myCheckinsKey, queryFn: () => api.get<MyCheckinsData>('/api/me/checkins') });
  return (
    <Section title={t('homeTitle')} id="my-checkins">
      <p className="muted">{t('homeIntro')}</p>
      {mine.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={mine.error} />
      {mine.data?.toSign.length ? (
        <ul className="plain-list">
          {mine.data.toSign.map((s) => (
            <li key={s.partnershipId}>
              {t('homeToSign', { names: s.partners.join(', ') })} <Link to={`/partnerships/${s.partnershipId}/agreement`}>{t('readAndSign')}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {mine.data?.pendingCoverage ? <p className="waiting-banner">{t('homePending', { count: mine.data.pendingCoverage })}</p> : null}
      {mine.data && mine.data.items.length === 0 ? <p>{t('homeNone')}</p> : null}
      <ul className="plain-list session-list">
        {mine.data?.items.map((c) => (
          <li key={c.id} className="card">
            <p>
              <strong>{t('checkinWhen', { date: formatDateTime(c.startsAt, language), minutes: c.minutes })}</strong>
            </p>
            <p>{t('homeWith', { names: c.partners.join(', ') })}</p>
            {c.place ? <p>{t('checkinPlace', { place: c.place })}</p> : null}
            <p>
              <Link to={`/partnerships/${c.partnershipId}/sessions`}>{t('open')}</Link>
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
