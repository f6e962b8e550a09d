import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type CalendarFeedStatus, type ReminderSettings, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyField';
import { Checkbox } from '../../ui/Field';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { focusSoon } from '../../ui/focus';
import { LanguagePicker } from '../language/LanguagePicker';

// Not under ['me']: those entries survive a change of session, and these belong to one person.
const CALENDAR_KEY = ['calendar-feed'] as const;
const REMINDER_SETTINGS_KEY = ['reminder-settings'] as const;

/** Your own settings: a private calendar address for your sessions, and how reminders reach you. */
export function SettingsPage() {
  return (
    <div>
      <PageTitle title="Settings">Settings</PageTitle>
      <p className="lead">Keep your coaching sessions in the calendar you already use, and choose how Tandem reminds you of what is coming up.</p>
      <Section title="Language">
        <LanguagePicker />
      </Section>
      <CalendarSection />
      <RemindersSection />
    </div>
  );
}

function CalendarSection() {
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
      setNotice('Your calendar address is stopped. Calendars that used it will no longer show your Tandem sessions.');
      focusSoon('calendar-make');
    },
  });
  const s = status.data;

  return (
    <Section title="Your sessions in your own calendar" id="calendar">
      <p>
        Tandem can give you a private web address (an iCalendar feed) to add to Google Calendar, Outlook or Apple Calendar. Your calendar then shows
        your coaching sessions and visits, and keeps up with any changes.
      </p>
      <Alert tone="info" title="Keep the address to yourself">
        <p>
          Anyone with the address can see the times of your sessions — never what they are about. If it ever reaches the wrong person, make a new
          one: making a new address stops the old one.
        </p>
      </Alert>
      <div role="status" className="calendar-notice">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {status.isPending ? <Loading what="your calendar address" /> : null}
      <ErrorAlert error={status.error} />
      <ErrorAlert error={create.error ?? stop.error} />
      {fresh ? (
        <div className="card calendar-fresh">
          <h3 id="calendar-new-title" tabIndex={-1}>
            Your new calendar address
          </h3>
          <p>
            <strong>This is the only time Tandem shows it.</strong> Copy it now and add it to your calendar app as a calendar “from the web” or “by
            URL”.
          </p>
          <CopyField label="Calendar address" value={fresh} button="Copy the address" copiedHint="Copied. Paste it into your calendar app." />
        </div>
      ) : null}
      {s ? (
        s.active ? (
          <>
            <p>
              {fresh ? 'Made' : 'You have a calendar address. It was made'} on {formatDateTime(s.createdAt)}.
              {fresh ? '' : ' For your privacy Tandem does not show it again; if you need it on another device, make a new one.'}
            </p>
            {!confirmStop ? (
              <div className="button-row">
                <Button id="calendar-make" variant="secondary" busy={create.isPending} onClick={() => create.mutate()}>
                  Make a new address
                </Button>
                <Button id="calendar-stop" variant="secondary" onClick={() => setConfirmStop(true)}>
                  Stop the address…
                </Button>
              </div>
            ) : (
              <div className="inner-form" role="group" aria-labelledby="calendar-stop-question">
                <p id="calendar-stop-question">Stop the address? Calendars that use it will stop showing your Tandem sessions. You can make a new one at any time.</p>
                <div className="button-row">
                  <Button id="calendar-stop-yes" variant="danger" busy={stop.isPending} onClick={() => stop.mutate()} autoFocus>
                    Yes, stop it
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setConfirmStop(false);
                      focusSoon('calendar-stop');
                    }}
                  >
                    Keep it
                  </Button>
                </div>
              </div>
            )}
          </>
        ) : (
          <>
            <p>You have no calendar address at the moment.</p>
            <div className="button-row">
              <Button id="calendar-make" busy={create.isPending} onClick={() => create.mutate()}>
                Make my calendar address
              </Button>
            </div>
          </>
        )
      ) : null}
    </Section>
  );
}

function RemindersSection() {
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
      setSaved(next.email ? 'Saved. Reminders will also come by e-mail.' : 'Saved. Reminders will appear in Tandem only.');
    },
    onSettled: () => setChoice(null),
  });
  const email = choice ?? !!settings.data?.email;
  return (
    <Section title="Reminders" id="reminders">
      <p>
        Reminders about sessions coming up, agreement reviews and plan steps that are due appear on your Home page, where you can dismiss them. They
        say what is coming up and when, never what is said in coaching.
      </p>
      {settings.isPending ? <Loading what="your reminder settings" /> : null}
      <ErrorAlert error={settings.error ?? save.error} />
      {settings.data ? (
        <Checkbox
          label="Also e-mail me reminders"
          hint="Sent to the address you sign in with."
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
