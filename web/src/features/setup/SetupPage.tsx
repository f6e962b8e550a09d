import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, type Me, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, SelectField, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../../shared/src/i18n';
import { useLanguage, useT } from '../../i18n';
import { PageTitle } from '../../ui/Page';
import { TimeZoneField, deviceTimeZone } from '../organization/TimeZoneField';
import { useStartSession } from '../session/session';
import { SETUP_KEY } from './SetupGate';
import { m } from './messages';

/**
 * The first visit to a new install: the token Tandem printed on its console,
 * the organization, and the first program leader, who is then signed in.
 */
export function SetupPage() {
  const t = useT(m);
  const client = useQueryClient();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [token, setToken] = useState('');
  const [orgName, setOrgName] = useState('');
  const [timeZone, setTimeZone] = useState(deviceTimeZone);
  // The language the page is read in is the best first guess for the program's.
  const { language: reading } = useLanguage();
  const [language, setLanguage] = useState<Language>(reading);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const ref = useRef<HTMLDivElement>(null);

  const setUp = useMutation({
    mutationFn: () =>
      api.post<Me>('/api/setup', {
        token: token.trim(),
        organization: { name: orgName, timeZone, schoolYearStart: start || null, schoolYearEnd: end || null, defaultLanguage: language },
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
  // A refused set-up: focus the first answer that needs another look, or the message above the form.
  useFocusFirstError(ref, setUp.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    setUp.mutate();
  }

  function goToSignIn() {
    client.setQueryData(SETUP_KEY, { needed: false });
    navigate('/sign-in', { replace: true });
  }

  return (
    <div ref={ref} className="narrow">
      <PageTitle title={t('documentTitle')}>{t('heading')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      <div tabIndex={-1} className="form-problems" data-error-summary>
        {done ? (
          <Alert tone="info" title={t('alreadyTitle')}>
            <p>{t('alreadyBody')}</p>
            <Button variant="secondary" onClick={goToSignIn}>
              {t('goToSignIn')}
            </Button>
          </Alert>
        ) : err?.details.length ? (
          <Alert tone="error">{err.code === 'VALIDATION_FAILED' ? t('needsAnotherLook') : err.message}</Alert>
        ) : (
          <ErrorAlert error={setUp.error} />
        )}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <FieldSet legend={t('tokenLegend')} className="field-group">
          <TextField
            label={t('tokenLabel')}
            required
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            hint={t('tokenHint')}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            error={err?.fieldMessage('token')}
          />
        </FieldSet>
        <FieldSet legend={t('orgLegend')} className="field-group">
          <TextField
            label={t('orgName')}
            required
            autoComplete="organization"
            hint={t('orgNameHint')}
            value={orgName}
            onChange={(e) => setOrgName(e.target.value)}
            error={err?.fieldMessage('organization.name')}
          />
          <TimeZoneField value={timeZone} onChange={setTimeZone} error={err?.fieldMessage('organization.timeZone')} hint={t('timeZoneHint')} />
          <FieldSet legend={t('schoolYear')} hint={t('schoolYearHint')} className="plain-fieldset">
            <TextField label={t('firstDay')} type="date" value={start} onChange={(e) => setStart(e.target.value)} error={err?.fieldMessage('organization.schoolYearStart')} />
            <TextField label={t('lastDay')} type="date" value={end} onChange={(e) => setEnd(e.target.value)} error={err?.fieldMessage('organization.schoolYearEnd')} />
          </FieldSet>
          <SelectField label={t('language')} hint={t('languageHint')} value={language} onChange={(e) => setLanguage(e.target.value as Language)} error={err?.fieldMessage('organization.defaultLanguage')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </SelectField>
        </FieldSet>
        <FieldSet legend={t('leaderLegend')} className="field-group">
          <TextField label={t('yourName')} required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={err?.fieldMessage('leader.name')} />
          <TextField
            label={t('yourEmail')}
            type="email"
            required
            autoComplete="email"
            hint={t('emailHint')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={err?.fieldMessage('leader.email')}
          />
          <TextField
            label={t('password')}
            type="password"
            required
            autoComplete="new-password"
            hint={t('passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={err?.fieldMessage('leader.password')}
          />
        </FieldSet>
        <Button type="submit" busy={setUp.isPending}>
          {setUp.isPending ? t('settingUp') : t('submit')}
        </Button>
      </form>
      <p className="muted">{t('next')}</p>
    </div>
  );
}
