import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type InvitationPreview, type Me, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Loading, PageTitle } from '../../ui/Page';
import { useStartSession } from './session';

/**
 * Opening an invitation link: join the organization with a new or existing
 * account. One form for both, because the link does not say whether the e-mail
 * already uses Tandem (that would tell whoever holds the link about other
 * organizations); the server links or creates the account from the password.
 */
export function InvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const startSession = useStartSession();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
    enabled: token.length >= 10,
    retry: false,
  });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  useEffect(() => {
    if (preview.data) setName(preview.data.name);
  }, [preview.data]);
  const accept = useMutation({
    mutationFn: () =>
      api.post<Me>('/api/invitations/accept', { token, name: name.trim() || undefined, password }),
    onSuccess: (me) => {
      startSession(me);
      navigate(me.mustAcknowledgeRoles ? '/welcome' : '/', { replace: true });
    },
  });
  const err = accept.error instanceof ApiError ? accept.error : null;

  if (token.length < 10) {
    return (
      <div className="narrow">
        <PageTitle title="Invitation">Your invitation</PageTitle>
        <Alert tone="error">This invitation link is incomplete. Open it again from your message, or ask your program leader for a new one.</Alert>
      </div>
    );
  }
  if (preview.isPending) return <Loading what="your invitation" />;
  if (preview.error || !preview.data) {
    return (
      <div className="narrow">
        <PageTitle title="Invitation">Your invitation</PageTitle>
        <ErrorAlert error={preview.error} />
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </div>
    );
  }
  const inv = preview.data;
  return (
    <div className="narrow">
      <PageTitle title="Join your organization">Welcome to {inv.organization}</PageTitle>
      <p>
        This invitation is for <strong>{inv.email}</strong>.
      </p>
      <p>
        Already use Tandem with this e-mail, perhaps with another program? Enter the password you sign in with, and {inv.organization} joins your account. New
        to Tandem? Choose a password of at least 10 characters, and your account is ready.
      </p>
      <ErrorAlert error={accept.error} />
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          accept.mutate();
        }}
      >
        <TextField
          label="Your name"
          autoComplete="name"
          hint={`How colleagues at ${inv.organization} will see you; change it if you go by another name.`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={err?.fieldMessage('name')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          hint="The password you already use for Tandem, or a new one of at least 10 characters."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={err?.fieldMessage('password')}
        />
        <Button type="submit" busy={accept.isPending}>
          Join {inv.organization}
        </Button>
      </form>
    </div>
  );
}
