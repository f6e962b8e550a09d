import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { MeetingKind } from '../../../../shared/src/domain';
import { ApiError, type Meeting, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, SelectField, TextArea, TextField } from '../../ui/Field';
import { MAX_HOURS, checkTimes, kindsFor, localParts, meetingKey, meetingsKey, sessionLabel, toInstant } from './sessionWords';
import { useFocusFirstError } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { m as words } from './messages';

type TimeProblems = Partial<Record<'date' | 'start' | 'end', string>>;

/**
 * Puts the server's answer for one session into the list, then refreshes the
 * list and the overview. The answer carries the agenda (the server logged that
 * read), so it is kept as the opened session too: showing it later asks again for nothing.
 */
export function useStoreMeeting(partnershipId: string) {
  const client = useQueryClient();
  return (saved: Meeting) => {
    if (saved.agenda !== undefined) client.setQueryData(meetingKey(saved.id), saved);
    client.setQueryData<{ items: Meeting[] }>(meetingsKey(partnershipId), (old) =>
      old ? { items: old.items.some((m) => m.id === saved.id) ? old.items.map((m) => (m.id === saved.id ? saved : m)) : [...old.items, saved] } : old,
    );
    client.invalidateQueries({ queryKey: meetingsKey(partnershipId) });
  };
}

/** Where the server's field problems belong in these forms. */
function serverTimeProblems(err: ApiError | null): TimeProblems {
  if (!err) return {};
  return { start: err.fieldMessage('startsAt'), end: err.fieldMessage('endsAt') };
}

/** Day, start and end: one group, each with its own label and message. */
function TimeFields({
  formId,
  legend,
  date,
  start,
  end,
  setDate,
  setStart,
  setEnd,
  problems,
}: {
  formId: string;
  legend: string;
  date: string;
  start: string;
  end: string;
  setDate: (v: string) => void;
  setStart: (v: string) => void;
  setEnd: (v: string) => void;
  problems: TimeProblems;
}) {
  const t = useT(words);
  return (
    <FieldSet legend={legend} hint={t('timeHint', { hours: MAX_HOURS })} className="time-fields">
      <div className="time-grid">
        <TextField id={`${formId}-date`} label={t('day')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} error={problems.date} />
        <TextField id={`${formId}-start`} label={t('startTime')} type="time" required value={start} onChange={(e) => setStart(e.target.value)} error={problems.start} />
        <TextField id={`${formId}-end`} label={t('endTime')} type="time" required value={end} onChange={(e) => setEnd(e.target.value)} error={problems.end} />
      </div>
    </FieldSet>
  );
}

/** "9:00" plus 45 minutes, for a sensible default end time. */
function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Put a new session or visit on the shared calendar. */
export function ScheduleForm({ p, onSaved, onCancel }: { p: PartnershipDetail; onSaved: (m: Meeting) => void; onCancel: () => void }) {
  const formId = useId();
  const t = useT(words);
  const store = useStoreMeeting(p.id);
  const kinds = kindsFor(p);
  const [kind, setKind] = useState<MeetingKind>('coaching_meeting');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [location, setLocation] = useState('');
  const [agenda, setAgenda] = useState('');
  const [problems, setProblems] = useState<TimeProblems>({});

  useEffect(() => {
    document.getElementById(`${formId}-kind`)?.focus();
  }, [formId]);

  const save = useMutation({
    mutationFn: () => api.post<Meeting>(`/api/partnerships/${p.id}/meetings`, { kind, startsAt: toInstant(date, start), endsAt: toInstant(date, end), location: location.trim(), agenda: agenda.trim() }),
    onSuccess: (saved) => {
      store(saved);
      onSaved(saved);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  const [refused, setRefused] = useState(0);
  useFocusFirstError(formRef, save.error, refused);
  const server = serverTimeProblems(err);
  const shown: TimeProblems = { date: problems.date, start: problems.start ?? server.start, end: problems.end ?? server.end };
  const known = ['kind', 'startsAt', 'endsAt', 'location', 'agenda'];
  const otherError = save.error && !(err && err.details.some((d) => known.includes(d.path)));

  return (
    <form
      ref={formRef}
      className="form session-form"
      noValidate
      aria-labelledby={`${formId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        const found = checkTimes(t, date, start, end);
        setProblems(found);
        save.reset();
        if (Object.keys(found).length) {
          setRefused((n) => n + 1);
          return;
        }
        save.mutate();
      }}
    >
      <h2 id={`${formId}-title`}>{t('schedule')}</h2>
      <SelectField id={`${formId}-kind`} label={t('kindQuestion')} hint={t('kindHint', { kind })} value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)} error={err?.fieldMessage('kind')}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t('kind', { kind: k })}
          </option>
        ))}
      </SelectField>
      <TimeFields
        formId={formId}
        legend={t('when')}
        date={date}
        start={start}
        end={end}
        setDate={setDate}
        setStart={(v) => {
          // Suggest a 45-minute session until an end time is chosen.
          if (!end && v) setEnd(addMinutes(v, 45));
          setStart(v);
        }}
        setEnd={setEnd}
        problems={shown}
      />
      <TextField id={`${formId}-location`} label={t('location')} hint={t('locationHint')} value={location} onChange={(e) => setLocation(e.target.value)} error={err?.fieldMessage('location')} maxLength={300} />
      <TextArea
        id={`${formId}-agenda`}
        label={t('agenda')}
        hint={t('agendaHint')}
        rows={3}
        value={agenda}
        onChange={(e) => setAgenda(e.target.value)}
        error={err?.fieldMessage('agenda')}
        maxLength={4000}
      />
      {otherError ? <ErrorAlert error={save.error} /> : null}
      {Object.values(shown).some(Boolean) ? <Alert tone="error">{t('checkTimesAlert')}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('addToSessions')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Move a scheduled session to a new time, with a reason both partners see. */
export function RescheduleForm({ meeting, onSaved, onCancel }: { meeting: Meeting; onSaved: (m: Meeting) => void; onCancel: () => void }) {
  const formId = useId();
  const t = useT(words);
  const { language } = useLanguage();
  const store = useStoreMeeting(meeting.partnershipId);
  const client = useQueryClient();
  const was = localParts(meeting.startsAt);
  const wasEnd = localParts(meeting.endsAt);
  const [date, setDate] = useState(was.date);
  const [start, setStart] = useState(was.time);
  const [end, setEnd] = useState(wasEnd.time);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<TimeProblems & { reason?: string }>({});

  useEffect(() => {
    document.getElementById(`${formId}-date`)?.focus();
  }, [formId]);

  const save = useMutation({
    mutationFn: () => api.patch<Meeting>(`/api/meetings/${meeting.id}`, { startsAt: toInstant(date, start), endsAt: toInstant(date, end), reason: reason.trim() }),
    onSuccess: (saved) => {
      store(saved);
      onSaved(saved);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) client.invalidateQueries({ queryKey: meetingsKey(meeting.partnershipId) });
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  const [refused, setRefused] = useState(0);
  useFocusFirstError(formRef, save.error, refused);
  const server = serverTimeProblems(err);
  const shown = { date: problems.date, start: problems.start ?? server.start, end: problems.end ?? server.end };
  const reasonError = problems.reason ?? err?.fieldMessage('reason');
  const otherError = save.error && !(err && err.details.some((d) => ['startsAt', 'endsAt', 'reason'].includes(d.path)));

  return (
    <form
      ref={formRef}
      className="form session-form inner-form"
      noValidate
      aria-label={t('moveTheSession', { name: sessionLabel(t, language, meeting) })}
      onSubmit={(e) => {
        e.preventDefault();
        const found: TimeProblems & { reason?: string } = checkTimes(t, date, start, end);
        if (!reason.trim()) found.reason = t('reasonMissingMove');
        setProblems(found);
        save.reset();
        if (Object.keys(found).length) {
          setRefused((n) => n + 1);
          return;
        }
        save.mutate();
      }}
    >
      <TimeFields formId={formId} legend={t('newTime')} date={date} start={start} end={end} setDate={setDate} setStart={setStart} setEnd={setEnd} problems={shown} />
      <TextArea id={`${formId}-reason`} label={t('whyMoving')} required hint={t('everyoneSees')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} maxLength={500} />
      {otherError ? <ErrorAlert error={save.error} /> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('moveSession')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('keepTime')}
        </Button>
      </div>
    </form>
  );
}

/** Call a session off, with a reason. Short notice is recorded, not punished. */
export function CancelForm({ meeting, onSaved, onCancel }: { meeting: Meeting; onSaved: (m: Meeting) => void; onCancel: () => void }) {
  const formId = useId();
  const t = useT(words);
  const { language } = useLanguage();
  const store = useStoreMeeting(meeting.partnershipId);
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');

  useEffect(() => {
    document.getElementById(`${formId}-reason`)?.focus();
  }, [formId]);

  const save = useMutation({
    mutationFn: () => api.post<Meeting>(`/api/meetings/${meeting.id}/cancellation`, { reason: reason.trim() }),
    onSuccess: (saved) => {
      store(saved);
      onSaved(saved);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) client.invalidateQueries({ queryKey: meetingsKey(meeting.partnershipId) });
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  const [refused, setRefused] = useState(0);
  useFocusFirstError(formRef, save.error, refused);
  const reasonError = problem || err?.fieldMessage('reason');

  return (
    <form
      ref={formRef}
      className="form session-form inner-form"
      noValidate
      aria-label={t('cancelTheSession', { name: sessionLabel(t, language, meeting) })}
      onSubmit={(e) => {
        e.preventDefault();
        save.reset();
        if (!reason.trim()) {
          setProblem(t('reasonMissingCancel'));
          setRefused((n) => n + 1);
          return;
        }
        setProblem('');
        save.mutate();
      }}
    >
      <TextArea
        id={`${formId}-reason`}
        label={t('whyCannot')}
        required
        hint={t('cancelHint')}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={reasonError}
        maxLength={500}
      />
      {save.error && !err?.fieldMessage('reason') ? <ErrorAlert error={save.error} /> : null}
      <div className="button-row">
        <Button type="submit" variant="danger" busy={save.isPending}>
          {t('cancelSession')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('keepIt')}
        </Button>
      </div>
    </form>
  );
}
