import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { type RoleDescriptions, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, PageTitle } from '../../ui/Page';
import { useLabels } from '../../ui/format';
import { m } from './welcome/messages';
import { ME_KEY, fetchMe, useSignedIn } from './session';

type Description = RoleDescriptions['descriptions'][number];

/**
 * The role descriptions everyone reads once: what each party does and what each can see.
 * The reader's own role(s) are open and come first, with "I understand" right after them;
 * while the reader is still in their own role (a long read on a phone) the button waits at the
 * bottom of the screen (CSS: sticky), so it is always in reach. The other roles are folded and
 * open with a tap or the keyboard. The descriptions come in the reader's language, so the
 * query key carries it and a change of language fetches them again.
 */
export function WelcomePage() {
  const t = useT(m);
  const { language } = useLanguage();
  const labels = useLabels();
  const me = useSignedIn();
  const client = useQueryClient();
  const navigate = useNavigate();
  const roles = useQuery({ queryKey: ['role-descriptions', language], queryFn: () => api.get<RoleDescriptions>('/api/role-descriptions') });
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
  const mine = roles.data.descriptions.filter((d) => d.isYou);
  const others = roles.data.descriptions.filter((d) => !d.isYou);
  return (
    <div className="welcome">
      <PageTitle title={me.mustAcknowledgeRoles ? t('welcomeTitle') : t('rolesTitle')}>
        {me.mustAcknowledgeRoles ? t('welcomeHeading', { name: me.name }) : t('rolesHeading')}
      </PageTitle>
      <p className="lead">{t('rolesLead')}</p>
      {mine.map((d) => (
        <section key={d.party} className="card role-card is-you" aria-labelledby={`role-${d.party}`}>
          <h2 id={`role-${d.party}`}>
            {d.title}
            <span className="badge badge-you">{t('yourRole')}</span>
          </h2>
          <RoleLists d={d} />
        </section>
      ))}
      {me.mustAcknowledgeRoles ? (
        <>
          <div className="role-ack">
            <ErrorAlert error={ack.error} />
            <Button busy={ack.isPending} onClick={() => ack.mutate()}>
              {t('understand')}
            </Button>
          </div>
          {others.length > 0 ? <p className="muted">{mine.length > 0 ? t('othersBelow') : t('othersBelowNoRole')}</p> : null}
        </>
      ) : (
        <Alert tone="info">{t('acceptedOn', { date: labels.dateTime(roles.data.acknowledgedAt) })}</Alert>
      )}
      {others.length > 0 ? (
        <section className="other-roles" aria-labelledby="other-roles">
          <h2 id="other-roles">{mine.length > 0 ? t('otherRoles') : t('allRoles')}</h2>
          {others.map((d) => (
            <details key={d.party} className="card role-card role-fold">
              <summary>{d.title}</summary>
              <RoleLists d={d} />
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}

/** What a role does and what it can see, under the role's title (an h2, or a disclosure's summary). */
function RoleLists({ d }: { d: Description }) {
  const t = useT(m);
  return (
    <>
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
    </>
  );
}
