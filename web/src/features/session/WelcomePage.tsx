import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { type RoleDescriptions, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, PageTitle } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { ME_KEY, fetchMe, useSignedIn } from './session';

/** The role descriptions everyone reads once: what each party does and what each can see. */
export function WelcomePage() {
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
  if (roles.isPending) return <Loading what="the role descriptions" />;
  if (roles.error) return <ErrorAlert error={roles.error} />;
  const list = [...roles.data.descriptions].sort((a, b) => Number(b.isYou) - Number(a.isYou));
  return (
    <div>
      <PageTitle title={me.mustAcknowledgeRoles ? 'Welcome' : 'Who does what'}>{me.mustAcknowledgeRoles ? `Welcome, ${me.name}` : 'Who does what in coaching'}</PageTitle>
      <p className="lead">
        Coaching here is a partnership of equals. Before you start, take a minute to read what each person does — and, just as important, what each
        person can and cannot see.
      </p>
      <div className="role-grid">
        {list.map((d) => (
          <section key={d.party} className={d.isYou ? 'card role-card is-you' : 'card role-card'} aria-labelledby={`role-${d.party}`}>
            <h2 id={`role-${d.party}`}>
              {d.title}
              {d.isYou ? <span className="badge badge-you">Your role</span> : null}
            </h2>
            <h3>What you do</h3>
            <ul>
              {d.youDo.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <h3>What you can see</h3>
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
            I understand
          </Button>
        </p>
      ) : (
        <Alert tone="info">You read and accepted these on {formatDateTime(roles.data.acknowledgedAt)}.</Alert>
      )}
    </div>
  );
}
