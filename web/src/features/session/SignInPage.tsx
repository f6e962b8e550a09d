import { LanguagePicker } from '../language/LanguagePicker';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type Me, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/Page';
import { useStartSession } from './session';

/** Only follow "next" to a page of this app, never to another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
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
  function submit(e: FormEvent) {
    e.preventDefault();
    signIn.mutate();
  }
  return (
    <div className="narrow">
      <PageTitle title="Sign in">Sign in to Tandem</PageTitle>
      <p>Your coaching partnerships, agreements and notes, in one calm place.</p>
      {params.get('signedOut') ? <Alert tone="success">You are signed out. See you next time.</Alert> : null}
      {params.get('reset') ? <Alert tone="success">Your new password is set.</Alert> : null}
      <ErrorAlert error={signIn.error} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={err?.fieldMessage('email')}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={err?.fieldMessage('password')}
        />
        <Button type="submit" busy={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <LanguagePicker />
    </div>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: () => api.post('/api/auth/password-reset', { email }) });
  const err = send.error instanceof ApiError ? send.error : null;
  return (
    <div className="narrow">
      <PageTitle title="Forgot your password">Forgot your password?</PageTitle>
      {send.isSuccess ? (
        <Alert tone="success" title="Check your e-mail">
          <p>If an account uses {email}, a link to choose a new password is on its way. It works for one hour.</p>
        </Alert>
      ) : (
        <>
          <p>Tell us the e-mail you use for Tandem and we will send you a link to choose a new password.</p>
          <ErrorAlert error={send.error} />
          <form
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate();
            }}
          >
            <TextField label="E-mail" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={err?.fieldMessage('email')} />
            <Button type="submit" busy={send.isPending}>
              Send me a link
            </Button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
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
  return (
    <div className="narrow">
      <PageTitle title="Choose a new password">Choose a new password</PageTitle>
      {!token ? (
        <Alert tone="error">This link is missing its code. Open the link from the e-mail again, or ask for a new one.</Alert>
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
              label="New password"
              type="password"
              autoComplete="new-password"
              required
              hint="At least 10 characters. A short sentence you will remember works well."
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={err?.fieldMessage('password')}
            />
            <Button type="submit" busy={reset.isPending}>
              Save and sign in
            </Button>
          </form>
        </>
      )}
      <p>
        <Link to="/forgot-password">Ask for a new link</Link>
      </p>
    </div>
  );
}
