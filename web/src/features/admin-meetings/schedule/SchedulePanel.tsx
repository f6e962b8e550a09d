import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type * as Api from '../../../../../shared/src/api';
import { ApiError, api } from '../../../api';
import { useLanguage, useT } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useFocusFirstError } from '../../../ui/focus';
import { formatDateTime } from '../../../ui/format';
import { Loading, Section } from '../../../ui/Page';
import { localParts, toInstant } from '../../sessions/sessionWords';
import type { AdminMeeting } from '../live';
import { m } from './messages';

type Schedule = z.infer<typeof Api.AdminMeetingSchedule>;
type MeetingDate = Schedule['dates'][number];
type AttendanceStatus = (typeof Api.ADMIN_MEETING_ATTENDANCE)[number];
const STATUSES: AttendanceStatus[] = ['present', 'absent_notice', 'absent'];

/**
 * The meeting's future meetings (step 9 and after the meeting): the rules the group agreed for a
 * cancelled meeting and an absence, who sends the invitations, the dates (each one an invitation
 * in every participant's calendar; moved and cancelled as the same event), and who came. The
 * schedule is read again after every change of the meeting (its lastEvent), so what one
 * participant adds appears on every screen with the rest of the meeting.
 */
export function SchedulePanel({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const schedule = useQuery({
    queryKey: ['admin-meeting-schedule', meeting.id, meeting.lastEvent],
    queryFn: () => api.get<Schedule>(`/api/admin-meetings/${meeting.id}/schedule`),
    placeholderData: keepPreviousData,
  });
  const s = schedule.data;
  return (
    <Section title={t('title')} id="schedule" className="meeting-schedule">
      <p>{t('lead')}</p>
      {!s ? schedule.isError ? <ErrorAlert error={schedule.error} /> : <Loading what={t('loading')} /> : null}
      {s ? (
        <>
          <Rules meeting={meeting} schedule={s} />
          <Dates meeting={meeting} schedule={s} />
          {s.abilities.schedule ? <AddDate meeting={meeting} /> : null}
          <p>
            <a href={`/api/admin-meetings/${meeting.id}/schedule.ics`} download>
              {t('download')}
            </a>
          </p>
        </>
      ) : null}
    </Section>
  );
}

/** Writes answer with the whole schedule; it goes into the cache for the meeting's current change. */
function useScheduleWrite<V>(meeting: AdminMeeting, write: (v: V) => Promise<Schedule>, onDone?: (s: Schedule) => void) {
  const client = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const mutation = useMutation({
    mutationFn: write,
    onMutate: () => setConflict(false),
    onSuccess: (next) => {
      client.setQueryData(['admin-meeting-schedule', meeting.id, meeting.lastEvent], next);
      onDone?.(next);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        void client.invalidateQueries({ queryKey: ['admin-meeting-schedule', meeting.id] });
      }
    },
  });
  const error = mutation.error instanceof ApiError && mutation.error.status === 409 ? null : mutation.error;
  return { mutation, conflict, error, fieldError: (f: string) => (mutation.error instanceof ApiError ? mutation.error.fieldMessage(f) : undefined) };
}

function Rules({ meeting, schedule }: { meeting: AdminMeeting; schedule: Schedule }) {
  const t = useT(m);
  const r = schedule.rules;
  const [cancellationRule, setCancellation] = useState(r.cancellationRule);
  const [absenceRule, setAbsence] = useState(r.absenceRule);
  const [invitationsBy, setInvitationsBy] = useState(r.invitationsBy ?? '');
  const [saved, setSaved] = useState(false);
  // Someone else saved new words: show them, unless this person is typing their own.
  const seen = useRef(r.version);
  useEffect(() => {
    if (r.version !== seen.current) {
      seen.current = r.version;
      setCancellation(r.cancellationRule);
      setAbsence(r.absenceRule);
      setInvitationsBy(r.invitationsBy ?? '');
    }
  }, [r]);
  const formRef = useRef<HTMLFormElement>(null);
  const save = useScheduleWrite(meeting, () => api.put<Schedule>(`/api/admin-meetings/${meeting.id}/schedule-rules`, { cancellationRule, absenceRule, invitationsBy: invitationsBy || null, baseVersion: r.version }), (next) => {
    seen.current = next.rules.version;
    setSaved(true);
  });
  useFocusFirstError(formRef, save.error);

  if (!schedule.abilities.editRules) {
    return (
      <div className="meeting-schedule-rules">
        <h3>{t('rulesTitle')}</h3>
        <dl>
          <dt>{t('cancellationRule')}</dt>
          <dd>{r.cancellationRule || t('notWritten')}</dd>
          <dt>{t('absenceRule')}</dt>
          <dd>{r.absenceRule || t('notWritten')}</dd>
        </dl>
        {r.invitationsByName ? <p>{t('invitationsByName', { name: r.invitationsByName })}</p> : null}
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutation.mutate(undefined);
  };
  return (
    <form ref={formRef} onSubmit={submit} className="meeting-schedule-rules" noValidate>
      <h3>{t('rulesTitle')}</h3>
      <TextArea label={t('cancellationRule')} hint={t('cancellationHint')} value={cancellationRule} onChange={(e) => setCancellation(e.target.value)} rows={2} maxLength={2000} error={save.fieldError('cancellationRule')} />
      <TextArea label={t('absenceRule')} hint={t('absenceHint')} value={absenceRule} onChange={(e) => setAbsence(e.target.value)} rows={2} maxLength={2000} error={save.fieldError('absenceRule')} />
      <SelectField label={t('invitationsBy')} value={invitationsBy} onChange={(e) => setInvitationsBy(e.target.value)} error={save.fieldError('invitationsBy')}>
        <option value="">{t('invitationsByNobody')}</option>
        {meeting.participants.map((p) => (
          <option key={p.personId} value={p.personId}>
            {p.name}
          </option>
        ))}
      </SelectField>
      {save.conflict ? <Alert tone="warning">{t('conflict')}</Alert> : null}
      <ErrorAlert error={save.error} />
      {saved ? <p role="status">{t('rulesSaved')}</p> : null}
      <Button type="submit" variant="secondary" busy={save.mutation.isPending}>
        {t('saveRules')}
      </Button>
    </form>
  );
}

function Dates({ meeting, schedule }: { meeting: AdminMeeting; schedule: Schedule }) {
  const t = useT(m);
  if (!schedule.dates.length) return <p>{t('noDates')}</p>;
  return (
    <>
      <h3>{t('datesTitle')}</h3>
      <ul className="meeting-dates">
        {schedule.dates.map((d) => (
          <DateItem key={d.id} meeting={meeting} date={d} schedule={schedule} />
        ))}
      </ul>
    </>
  );
}

function DateItem({ meeting, date, schedule }: { meeting: AdminMeeting; date: MeetingDate; schedule: Schedule }) {
  const t = useT(m);
  const { language } = useLanguage();
  const [mode, setMode] = useState<'view' | 'move' | 'cancel'>('view');
  const [notice, setNotice] = useState('');
  const begun = new Date(date.startsAt).getTime() <= new Date(meeting.serverNow).getTime();
  const cancelled = date.status === 'cancelled';
  const cancel = useScheduleWrite(meeting, () => api.post<Schedule>(`/api/admin-meeting-dates/${date.id}/cancellation`, { baseVersion: date.version }), () => {
    setMode('view');
    setNotice(t('cancelledNotice'));
  });
  return (
    <li className={cancelled ? 'meeting-date meeting-date-cancelled' : 'meeting-date'}>
      <p>
        <strong>{t('dateLine', { when: formatDateTime(date.startsAt, language), minutes: date.minutes, place: date.place || 'none' })}</strong>
        {cancelled ? <span className="badge"> {t('cancelled')}</span> : null}
      </p>
      {notice ? <p role="status">{notice}</p> : null}
      {!cancelled && schedule.abilities.schedule && mode === 'view' && !begun ? (
        <p className="button-row">
          <Button variant="secondary" onClick={() => setMode('move')}>
            {t('move')}
          </Button>
          <Button variant="quiet" onClick={() => setMode('cancel')}>
            {t('cancel')}
          </Button>
        </p>
      ) : null}
      {mode === 'move' ? (
        <DateForm
          meeting={meeting}
          date={date}
          onDone={() => {
            setMode('view');
            setNotice(t('moved'));
          }}
          onCancel={() => setMode('view')}
        />
      ) : null}
      {mode === 'cancel' ? (
        <div role="group" aria-label={t('cancel')}>
          <p>{t('cancelConfirmText')}</p>
          {cancel.conflict ? <Alert tone="warning">{t('conflict')}</Alert> : null}
          <ErrorAlert error={cancel.error} />
          <p className="button-row">
            <Button variant="danger" busy={cancel.mutation.isPending} onClick={() => cancel.mutation.mutate(undefined)}>
              {t('confirmCancel')}
            </Button>
            <Button variant="quiet" onClick={() => setMode('view')}>
              {t('keep')}
            </Button>
          </p>
        </div>
      ) : null}
      {!cancelled && begun ? <Attendance meeting={meeting} date={date} canRecord={schedule.abilities.recordAttendance} /> : null}
    </li>
  );
}

function Attendance({ meeting, date, canRecord }: { meeting: AdminMeeting; date: MeetingDate; canRecord: boolean }) {
  const t = useT(m);
  const [choices, setChoices] = useState<Record<string, string>>(() => Object.fromEntries(date.attendance.map((a) => [a.personId, a.status ?? ''])));
  const [saved, setSaved] = useState(false);
  const save = useScheduleWrite(
    meeting,
    () =>
      api.put<Schedule>(`/api/admin-meeting-dates/${date.id}/attendance`, {
        records: Object.entries(choices)
          .filter(([, status]) => status)
          .map(([personId, status]) => ({ personId, status })),
      }),
    () => setSaved(true),
  );
  if (!canRecord) {
    return (
      <div>
        <h4>{t('attendanceTitle')}</h4>
        <ul>
          {date.attendance.map((a) => (
            <li key={a.personId}>
              {a.name}: {t('attendance', { status: a.status ?? 'none' })}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutation.mutate(undefined);
  };
  return (
    <form onSubmit={submit} className="meeting-attendance">
      <h4>{t('attendanceTitle')}</h4>
      {date.attendance.map((a) => (
        <SelectField key={a.personId} label={a.name} value={choices[a.personId] ?? ''} onChange={(e) => setChoices({ ...choices, [a.personId]: e.target.value })}>
          <option value="">{t('attendance', { status: 'none' })}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t('attendance', { status: s })}
            </option>
          ))}
        </SelectField>
      ))}
      <ErrorAlert error={save.error} />
      {saved ? <p role="status">{t('attendanceSaved')}</p> : null}
      <Button type="submit" variant="secondary" busy={save.mutation.isPending} disabled={!Object.values(choices).some(Boolean)}>
        {t('saveAttendance')}
      </Button>
    </form>
  );
}

function AddDate({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const [notice, setNotice] = useState('');
  return (
    <div className="meeting-add-date">
      <h3>{t('addTitle')}</h3>
      {notice ? <p role="status">{notice}</p> : null}
      <DateForm meeting={meeting} onDone={(when) => setNotice(t('added', { when }))} />
    </div>
  );
}

/** A new date, or moving one (same fields; the server sends the invitation or its update). */
function DateForm({ meeting, date, onDone, onCancel }: { meeting: AdminMeeting; date?: MeetingDate; onDone: (when: string) => void; onCancel?: () => void }) {
  const t = useT(m);
  const { language } = useLanguage();
  const was = date ? localParts(date.startsAt) : { date: '', time: '' };
  const [day, setDay] = useState(was.date);
  const [time, setTime] = useState(was.time);
  const [minutes, setMinutes] = useState(String(date?.minutes ?? 60));
  const [place, setPlace] = useState(date?.place ?? '');
  const [problem, setProblem] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const startsAt = toInstant(day, time);
  const body = { startsAt, minutes: Number(minutes), place: place.trim() };
  const save = useScheduleWrite(
    meeting,
    () => (date ? api.patch<Schedule>(`/api/admin-meeting-dates/${date.id}`, { ...body, baseVersion: date.version }) : api.post<Schedule>(`/api/admin-meetings/${meeting.id}/dates`, body)),
    () => {
      onDone(startsAt ? formatDateTime(startsAt, language) : '');
      if (!date) {
        setDay('');
        setTime('');
        setPlace('');
      }
    },
  );
  useFocusFirstError(formRef, save.error, problem);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!startsAt) {
      setProblem(t('timeMissing'));
      return;
    }
    setProblem('');
    save.mutation.mutate(undefined);
  };
  const id = date ? `date-${date.id}` : 'new-date';
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="meeting-date-form">
      <TextField id={`${id}-day`} label={t('day')} type="date" required value={day} onChange={(e) => setDay(e.target.value)} error={problem || save.fieldError('startsAt')} />
      <TextField id={`${id}-time`} label={t('time')} type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
      <TextField id={`${id}-minutes`} label={t('minutes')} type="number" min={10} max={480} step={5} required value={minutes} onChange={(e) => setMinutes(e.target.value)} error={save.fieldError('minutes')} />
      <TextField id={`${id}-place`} label={t('place')} hint={t('placeHint')} value={place} maxLength={300} onChange={(e) => setPlace(e.target.value)} error={save.fieldError('place')} />
      {save.conflict ? <Alert tone="warning">{t('conflict')}</Alert> : null}
      <ErrorAlert error={save.error && !(save.error instanceof ApiError && save.error.details.length) ? save.error : null} />
      <p className="button-row">
        <Button type="submit" busy={save.mutation.isPending}>
          {date ? t('saveMove') : t('add')}
        </Button>
        {onCancel ? (
          <Button variant="quiet" onClick={onCancel}>
            {t('keep')}
          </Button>
        ) : null}
      </p>
    </form>
  );
}
