import { LanguagePicker } from '../language/LanguagePicker';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type Me, api } from '../../api';
import { useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { focusSaved, useFocusFirstError } from '../../ui/focus';
import { PageTitle } from '../../ui/Page';
import { m } from './messages';
import { useStartSession } from './session';

/** Only follow "next" to a page of this app, never to another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const t = useT(m);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => api.post<Me>('/api/auth/login', { email, password }),
    onSuccess: (me) => {
      startSession(me);
      navigate(me.mustAcknowledgeRoles ? '/welcome' : safeNext(params.get('next')), { replace: true });
    },
  });
  const err = signIn.error instanceof ApiError ? signIn.error : null;
  // A refused sign-in: focus the field with the problem, or the message (a wrong password is not one field's).
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstError(ref, signIn.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    signIn.mutate();
  }
  return (
    <div ref={ref} className="narrow">
      <PageTitle title={t('signInTitle')}>{t('signInHeading')}</PageTitle>
      <p>{t('signInLead')}</p>
      {params.get('signedOut') ? <Alert tone="success">{t('signedOut')}</Alert> : null}
      {params.get('reset') ? <Alert tone="success">{t('passwordIsSet')}</Alert> : null}
      <ErrorAlert error={signIn.error} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label={t('email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={err?.fieldMessage('email')}
        />
        <TextField
          label={t('password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={err?.fieldMessage('password')}
        />
        <Button type="submit" busy={signIn.isPending}>
          {signIn.isPending ? t('signingIn') : t('signIn')}
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">{t('forgotQuestion')}</Link>
      </p>
      <LanguagePicker />
    </div>
  );
}

export function ForgotPasswordPage() {
  const t = useT(m);
  const [email, setEmail] = useState('');
  // Sent: the form gives way to "Check your e-mail", and focus goes there.
  const send = useMutation({ mutationFn: () => api.post('/api/auth/password-reset', { email }), onSuccess: () => focusSaved('reset-link-sent') });
  const err = send.error instanceof ApiError ? send.error : null;
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstError(ref, send.error);
  return (
    <div ref={ref} className="narrow">
      <PageTitle title={t('forgotTitle')}>{t('forgotQuestion')}</PageTitle>
      {send.isSuccess ? (
        <div id="reset-link-sent">
          <Alert tone="success" title={t('checkEmail')}>
            <p>{t('linkOnItsWay', { email })}</p>
          </Alert>
        </div>
      ) : (
        <>
          <p>{t('forgotLead')}</p>
          <ErrorAlert error={send.error} />
          <form
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate();
            }}
          >
            <TextField label={t('email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={err?.fieldMessage('email')} />
            <Button type="submit" busy={send.isPending}>
              {t('sendLink')}
            </Button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
  const t = useT(m);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => api.post<Me>('/api/auth/password-reset/complete', { token, password }),
    onSuccess: (me) => {
      startSession(me);
      navigate(me.mustAcknowledgeRoles ? '/welcome' : '/', { replace: true });
    },
  });
  const err = reset.error instanceof ApiError ? reset.error : null;
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstError(ref, reset.error);
  return (
    <div ref={ref} className="narrow">
      <PageTitle title={t('newPasswordTitle')}>{t('newPasswordTitle')}</PageTitle>
      {!token ? (
        <Alert tone="error">{t('linkMissingCode')}</Alert>
      ) : (
        <>
          <ErrorAlert error={reset.error} />
          <form
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              reset.mutate();
            }}
          >
            <TextField
              label={t('newPassword')}
              type="password"
              autoComplete="new-password"
              required
              hint={t('newPasswordHint')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={err?.fieldMessage('password')}
            />
            <Button type="submit" busy={reset.isPending}>
              {t('saveAndSignIn')}
            </Button>
          </form>
        </>
      )}
      <p>
        <Link to="/forgot-password">{t('askNewLink')}</Link>
      </p>
    </div>
  );
}
