import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type CalendarFeedStatus, type ReminderSettings, api } from '../../api';
import { useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyField';
import { Checkbox } from '../../ui/Field';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { focusSoon } from '../../ui/focus';
import { useLabels } from '../../ui/format';
import { LanguagePicker } from '../language/LanguagePicker';
import { m } from './messages';

// Not under ['me']: those entries survive a change of session, and these belong to one person.
const CALENDAR_KEY = ['calendar-feed'] as const;
const REMINDER_SETTINGS_KEY = ['reminder-settings'] as const;

/** Your own settings: a private calendar address for your sessions, and how reminders reach you. */
export function SettingsPage() {
  const t = useT(m);
  return (
    <div>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      <Section title={t('language')}>
        <LanguagePicker />
      </Section>
      <CalendarSection />
      <RemindersSection />
    </div>
  );
}

function CalendarSection() {
  const t = useT(m);
  const labels = useLabels();
  const client = useQueryClient();
  const status = useQuery({ queryKey: CALENDAR_KEY, queryFn: () => api.get<CalendarFeedStatus>('/api/me/calendar') });
  const [fresh, setFresh] = useState<string | null>(null);
  const [confirmStop, setConfirmStop] = useState(false);
  const [notice, setNotice] = useState('');
  const create = useMutation({
    mutationFn: () => api.post<CalendarFeedStatus>('/api/me/calendar'),
    onSuccess: (next) => {
      client.setQueryData(CALENDAR_KEY, { active: next.active, createdAt: next.createdAt });
      setFresh(next.url ?? null);
      setNotice('');
      setConfirmStop(false);
      focusSoon('calendar-new-title');
    },
  });
  const stop = useMutation({
    mutationFn: () => api.delete<CalendarFeedStatus>('/api/me/calendar'),
    onSuccess: () => {
      client.setQueryData(CALENDAR_KEY, { active: false, createdAt: null });
      setFresh(null);
      setConfirmStop(false);
      setNotice(t('stopped'));
      focusSoon('calendar-make');
    },
  });
  const s = status.data;

  return (
    <Section title={t('calendarTitle')} id="calendar">
      <p>{t('calendarLead')}</p>
      <Alert tone="info" title={t('keepPrivate')}>
        <p>{t('keepPrivateBody')}</p>
      </Alert>
      <div role="status" className="calendar-notice">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {status.isPending ? <Loading what={t('loadingCalendar')} /> : null}
      <ErrorAlert error={status.error} />
      <ErrorAlert error={create.error ?? stop.error} />
      {fresh ? (
        <div className="card calendar-fresh">
          <h3 id="calendar-new-title" tabIndex={-1}>
            {t('newAddress')}
          </h3>
          <p>
            <strong>{t('onlyTime')}</strong> {t('copyNow')}
          </p>
          <CopyField label={t('addressLabel')} value={fresh} button={t('copyAddress')} copiedHint={t('copiedAddress')} />
        </div>
      ) : null}
      {s ? (
        s.active ? (
          <>
            <p>{t('madeOn', { fresh: fresh ? 'yes' : 'no', when: labels.dateTime(s.createdAt) })}</p>
            {!confirmStop ? (
              <div className="button-row">
                <Button id="calendar-make" variant="secondary" busy={create.isPending} onClick={() => create.mutate()}>
                  {t('makeNew')}
                </Button>
                <Button id="calendar-stop" variant="secondary" onClick={() => setConfirmStop(true)}>
                  {t('stopAsk')}
                </Button>
              </div>
            ) : (
              <div className="inner-form" role="group" aria-labelledby="calendar-stop-question">
                <p id="calendar-stop-question">{t('stopQuestion')}</p>
                <div className="button-row">
                  <Button id="calendar-stop-yes" variant="danger" busy={stop.isPending} onClick={() => stop.mutate()} autoFocus>
                    {t('stopYes')}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setConfirmStop(false);
                      focusSoon('calendar-stop');
                    }}
                  >
                    {t('keepIt')}
                  </Button>
                </div>
              </div>
            )}
          </>
        ) : (
          <>
            <p>{t('noAddress')}</p>
            <div className="button-row">
              <Button id="calendar-make" busy={create.isPending} onClick={() => create.mutate()}>
                {t('makeMine')}
              </Button>
            </div>
          </>
        )
      ) : null}
    </Section>
  );
}

function RemindersSection() {
  const t = useT(m);
  const client = useQueryClient();
  const settings = useQuery({ queryKey: REMINDER_SETTINGS_KEY, queryFn: () => api.get<ReminderSettings>('/api/me/reminder-settings') });
  const [saved, setSaved] = useState('');
  // The choice shows at once, in the same event: a controlled checkbox whose state
  // arrived a tick later would first snap back, and the click would seem lost.
  const [choice, setChoice] = useState<boolean | null>(null);
  const save = useMutation({
    mutationFn: (email: boolean) => api.put<ReminderSettings>('/api/me/reminder-settings', { email }),
    onMutate: () => setSaved(''),
    onSuccess: (next) => {
      client.setQueryData(REMINDER_SETTINGS_KEY, next);
      setSaved(next.email ? t('savedEmail') : t('savedInApp'));
    },
    onSettled: () => setChoice(null),
  });
  const email = choice ?? !!settings.data?.email;
  return (
    <Section title={t('remindersTitle')} id="reminders">
      <p>{t('remindersLead')}</p>
      {settings.isPending ? <Loading what={t('loadingReminders')} /> : null}
      <ErrorAlert error={settings.error ?? save.error} />
      {settings.data ? (
        <Checkbox
          label={t('alsoEmail')}
          hint={t('alsoEmailHint')}
          checked={email}
          onChange={(e) => {
            setChoice(e.target.checked);
            save.mutate(e.target.checked);
          }}
        />
      ) : null}
      <div role="status" className="reminder-settings-notice">
        {saved ? <p className="success-text">{saved}</p> : null}
      </div>
    </Section>
  );
}
