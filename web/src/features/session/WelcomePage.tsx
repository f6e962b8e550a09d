import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { type RoleDescriptions, api } from '../../api';
import { useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, PageTitle } from '../../ui/Page';
import { useLabels } from '../../ui/format';
import { m } from './welcome/messages';
import { ME_KEY, fetchMe, useSignedIn } from './session';

/** The role descriptions everyone reads once: what each party does and what each can see. */
export function WelcomePage() {
  const t = useT(m);
  const labels = useLabels();
  const me = useSignedIn();
  const client = useQueryClient();
  const navigate = useNavigate();
  const roles = useQuery({ queryKey: ['role-descriptions'], queryFn: () => api.get<RoleDescriptions>('/api/role-descriptions') });
  const ack = useMutation({
    mutationFn: () => api.post('/api/role-descriptions/acknowledgement'),
    onSuccess: async () => {
      client.setQueryData(ME_KEY, await fetchMe());
      await client.invalidateQueries({ queryKey: ['role-descriptions'] });
      navigate('/', { replace: true });
    },
  });
  if (roles.isPending) return <Loading what={t('loadingRoles')} />;
  if (roles.error) return <ErrorAlert error={roles.error} />;
  const list = [...roles.data.descriptions].sort((a, b) => Number(b.isYou) - Number(a.isYou));
  return (
    <div>
      <PageTitle title={me.mustAcknowledgeRoles ? t('welcomeTitle') : t('rolesTitle')}>
        {me.mustAcknowledgeRoles ? t('welcomeHeading', { name: me.name }) : t('rolesHeading')}
      </PageTitle>
      <p className="lead">{t('rolesLead')}</p>
      <div className="role-grid">
        {list.map((d) => (
          <section key={d.party} className={d.isYou ? 'card role-card is-you' : 'card role-card'} aria-labelledby={`role-${d.party}`}>
            <h2 id={`role-${d.party}`}>
              {d.title}
              {d.isYou ? <span className="badge badge-you">{t('yourRole')}</span> : null}
            </h2>
            <h3>{t('whatYouDo')}</h3>
            <ul>
              {d.youDo.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <h3>{t('whatYouSee')}</h3>
            <ul>
              {d.youSee.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <ErrorAlert error={ack.error} />
      {me.mustAcknowledgeRoles ? (
        <p>
          <Button busy={ack.isPending} onClick={() => ack.mutate()}>
            {t('understand')}
          </Button>
        </p>
      ) : (
        <Alert tone="info">{t('acceptedOn', { date: labels.dateTime(roles.data.acknowledgedAt) })}</Alert>
      )}
    </div>
  );
}
