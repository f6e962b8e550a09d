import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, type Me, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/Page';
import { TimeZoneField, deviceTimeZone } from '../organization/TimeZoneField';
import { useStartSession } from '../session/session';
import { SETUP_KEY } from './SetupGate';

/**
 * The first visit to a new install: the token Tandem printed on its console,
 * the organization, and the first program leader, who is then signed in.
 */
export function SetupPage() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [token, setToken] = useState('');
  const [orgName, setOrgName] = useState('');
  const [timeZone, setTimeZone] = useState(deviceTimeZone);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const problemRef = useRef<HTMLDivElement>(null);

  const setUp = useMutation({
    mutationFn: () =>
      api.post<Me>('/api/setup', {
        token: token.trim(),
        organization: { name: orgName, timeZone, schoolYearStart: start || null, schoolYearEnd: end || null },
        leader: { name, email, password },
      }),
    onSuccess: (me) => {
      startSession(me);
      client.setQueryData(SETUP_KEY, { needed: false });
      navigate(me.mustAcknowledgeRoles ? '/welcome' : '/', { replace: true });
    },
  });
  const err = setUp.error instanceof ApiError ? setUp.error : null;
  const done = err?.code === 'ALREADY_SET_UP';
  useEffect(() => {
    if (setUp.error) problemRef.current?.focus();
  }, [setUp.error]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setUp.mutate();
  }

  function goToSignIn() {
    client.setQueryData(SETUP_KEY, { needed: false });
    navigate('/sign-in', { replace: true });
  }

  return (
    <div className="narrow">
      <PageTitle title="Set up Tandem">Welcome to Tandem</PageTitle>
      <p className="lead">Let’s get your coaching program ready. It takes a couple of minutes, and you only do it once.</p>
      <div ref={problemRef} tabIndex={-1} className="form-problems">
        {done ? (
          <Alert tone="info" title="Tandem is already set up">
            <p>Someone finished setting it up a moment ago. Sign in instead.</p>
            <Button variant="secondary" onClick={goToSignIn}>
              Go to sign in
            </Button>
          </Alert>
        ) : err?.details.length ? (
          <Alert tone="error">{err.code === 'VALIDATION_FAILED' ? 'Some answers need another look — see the messages below.' : err.message}</Alert>
        ) : (
          <ErrorAlert error={setUp.error} />
        )}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <FieldSet legend="Your set-up token" className="field-group">
          <TextField
            label="Set-up token"
            required
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            hint="Tandem printed it where it was started (the terminal or the server’s console), after the words “set-up token”. If Tandem has restarted since, use the newest one."
            value={token}
            onChange={(e) => setToken(e.target.value)}
            error={err?.fieldMessage('token')}
          />
        </FieldSet>
        <FieldSet legend="Your organization" className="field-group">
          <TextField
            label="Organization name"
            required
            autoComplete="organization"
            hint="As your staff know it, for example Riverside Learning Cooperative."
            value={orgName}
            onChange={(e) => setOrgName(e.target.value)}
            error={err?.fieldMessage('organization.name')}
          />
          <TimeZoneField value={timeZone} onChange={setTimeZone} error={err?.fieldMessage('organization.timeZone')} hint="Reminders and times use this zone. We chose the one this device is set to." />
          <FieldSet legend="School year" hint="Leave both days empty if your program runs all year. You can change them later." className="plain-fieldset">
            <TextField label="First day" type="date" value={start} onChange={(e) => setStart(e.target.value)} error={err?.fieldMessage('organization.schoolYearStart')} />
            <TextField label="Last day" type="date" value={end} onChange={(e) => setEnd(e.target.value)} error={err?.fieldMessage('organization.schoolYearEnd')} />
          </FieldSet>
        </FieldSet>
        <FieldSet legend="You, the first program leader" className="field-group">
          <TextField label="Your name" required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={err?.fieldMessage('leader.name')} />
          <TextField
            label="Your e-mail"
            type="email"
            required
            autoComplete="email"
            hint="You sign in with it."
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={err?.fieldMessage('leader.email')}
          />
          <TextField
            label="Choose a password"
            type="password"
            required
            autoComplete="new-password"
            hint="At least 10 characters. A short sentence is easy to remember and hard to guess."
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={err?.fieldMessage('leader.password')}
          />
        </FieldSet>
        <Button type="submit" busy={setUp.isPending}>
          {setUp.isPending ? 'Setting up…' : 'Set up Tandem'}
        </Button>
      </form>
      <p className="muted">Next, you can add sites and invite your colleagues from People.</p>
    </div>
  );
}
