import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type InvitationPreview, type Me, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Loading, PageTitle } from '../../ui/Page';
import { useStartSession } from './session';

/** Opening an invitation link: join the organization with a new or existing account. */
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
      api.post<Me>('/api/invitations/accept', preview.data?.hasAccount ? { token, password } : { token, name: name.trim() || undefined, password }),
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
        This invitation is for <strong>{inv.email}</strong>.{' '}
        {inv.hasAccount ? 'You already have a Tandem account: enter its password to join.' : 'Choose the name colleagues will see and a password.'}
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
        {!inv.hasAccount ? (
          <TextField label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={err?.fieldMessage('name')} />
        ) : null}
        <TextField
          label={inv.hasAccount ? 'Your Tandem password' : 'Choose a password'}
          type="password"
          autoComplete={inv.hasAccount ? 'current-password' : 'new-password'}
          required
          hint={inv.hasAccount ? undefined : 'At least 10 characters.'}
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
