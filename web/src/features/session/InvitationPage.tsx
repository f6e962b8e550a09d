import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type InvitationPreview, type Me, api } from '../../api';
import { useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { Loading, PageTitle } from '../../ui/Page';
import { m } from './welcome/messages';
import { useStartSession } from './session';

/** Stands for the e-mail in "This invitation is for …", so it can be emphasized wherever a language puts it. */
const MARK = '\u0001';

/**
 * Opening an invitation link: join the organization with a new or existing
 * account. One form for both, because the link does not say whether the e-mail
 * already uses Tandem (that would tell whoever holds the link about other
 * organizations); the server links or creates the account from the password.
 */
export function InvitationPage() {
  const t = useT(m);
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
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstError(ref, accept.error);

  if (token.length < 10) {
    return (
      <div className="narrow">
        <PageTitle title={t('invitationTitle')}>{t('invitationHeading')}</PageTitle>
        <Alert tone="error">{t('invitationIncomplete')}</Alert>
      </div>
    );
  }
  if (preview.isPending) return <Loading what={t('loadingInvitation')} />;
  if (preview.error || !preview.data) {
    return (
      <div className="narrow">
        <PageTitle title={t('invitationTitle')}>{t('invitationHeading')}</PageTitle>
        <ErrorAlert error={preview.error} />
        <p>
          <Link to="/sign-in">{t('goToSignIn')}</Link>
        </p>
      </div>
    );
  }
  const inv = preview.data;
  const [beforeEmail, afterEmail] = t('invitationFor', { email: MARK }).split(MARK);
  return (
    <div ref={ref} className="narrow">
      <PageTitle title={t('joinTitle')}>{t('joinHeading', { organization: inv.organization })}</PageTitle>
      <p>
        {beforeEmail}
        <strong>{inv.email}</strong>
        {afterEmail}
      </p>
      <p>{t('joinLead', { organization: inv.organization })}</p>
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
          label={t('yourName')}
          autoComplete="name"
          hint={t('yourNameHint', { organization: inv.organization })}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={err?.fieldMessage('name')}
        />
        <TextField
          label={t('password')}
          type="password"
          autoComplete="current-password"
          required
          hint={t('joinPasswordHint')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={err?.fieldMessage('password')}
        />
        <Button type="submit" busy={accept.isPending}>
          {t('join', { organization: inv.organization })}
        </Button>
      </form>
    </div>
  );
}
