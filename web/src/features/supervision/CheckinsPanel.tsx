import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Loading, Section } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { localParts, toInstant } from '../sessions/sessionWords';
import { m } from './messages';
import { type Checkin, type CheckinList, checkinsKey, myCheckinsKey } from './types';

/**
 * Check-ins with the coachee's supervisor, on the partnership's sessions page: the partners see
 * them; the supervisor (abilities from the server) schedules, moves and cancels them. A check-in
 * is a time and a place, nothing else.
 */
export function CheckinsPanel({ partnershipId }: { partnershipId: string }) {
  const t = useT(m);
  const { language } = useLanguage();
  const client = useQueryClient();
  const list = useQuery({ queryKey: checkinsKey(partnershipId), queryFn: () => api.get<CheckinList>(`/api/partnerships/${partnershipId}/checkins`) });
  const [editing, setEditing] = useState<Checkin | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const refresh = () => {
    client.invalidateQueries({ queryKey: checkinsKey(partnershipId) });
    client.invalidateQueries({ queryKey: myCheckinsKey });
  };
  const cancel = useMutation({
    mutationFn: (c: Checkin) => api.post<Checkin>(`/api/checkins/${c.id}/cancellation`, {}),
    onSuccess: () => {
      refresh();
      setNotice(t('checkinCancelledNotice'));
    },
  });
  const items = list.data?.items ?? [];
  const now = Date.now();
  const shown = items.filter((c) => new Date(c.endsAt).getTime() > now - 86400_000);
  return (
    <Section title={t('checkinsTitle')} id="checkins" className="checkins">
      <p className="muted">{list.data?.abilities.schedule ? t('checkinsIntroSupervisor') : t('checkinsIntroPartner')}</p>
      <div role="status">{notice ? <p className="success-text">{notice}</p> : null}</div>
      {list.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={list.error ?? cancel.error} />
      {list.data?.abilities.schedule && editing === null ? (
        <Button
          onClick={() => {
            setNotice('');
            setEditing('new');
          }}
        >
          {t('scheduleCheckin')}
        </Button>
      ) : null}
      {editing !== null ? (
        <CheckinForm
          partnershipId={partnershipId}
          checkin={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              refresh();
              setNotice(t('checkinSaved'));
            }
          }}
        />
      ) : null}
      {list.data && shown.length === 0 ? <p>{t('noCheckins')}</p> : null}
      <ul className="plain-list session-list">
        {shown.map((c) => (
          <li key={c.id} className="card">
            <p>
              <strong>{t('checkinWhen', { date: formatDateTime(c.startsAt, language), minutes: c.minutes })}</strong>
              {c.status === 'cancelled' ? <span className="badge"> {t('checkinCancelled')}</span> : null}
            </p>
            {c.place ? <p>{t('checkinPlace', { place: c.place })}</p> : null}
            <p className="muted">
              {t('checkinBy', { name: c.scheduledBy })}
              {c.rescheduleCount ? ` · ${t('checkinMoved', { count: c.rescheduleCount })}` : ''}
            </p>
            {c.abilities.change ? (
              <div className="button-row">
                <Button variant="secondary" onClick={() => setEditing(c)}>
                  {t('moveCheckin')}
                </Button>
                <Button variant="secondary" busy={cancel.isPending && cancel.variables?.id === c.id} onClick={() => cancel.mutate(c)}>
                  {t('cancelCheckin')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function CheckinForm({ partnershipId, checkin, onDone }: { partnershipId: string; checkin: Checkin | null; onDone: (saved: boolean) => void }) {
  const t = useT(m);
  const formId = useId();
  const start = checkin ? localParts(checkin.startsAt) : { date: '', time: '15:30' };
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [minutes, setMinutes] = useState(String(checkin?.minutes ?? 20));
  const [place, setPlace] = useState(checkin?.place ?? '');
  const [problem, setProblem] = useState('');
  const save = useMutation({
    mutationFn: (body: { startsAt: string; minutes: number; place: string }) =>
      checkin ? api.patch<Checkin>(`/api/checkins/${checkin.id}`, body) : api.post<Checkin>(`/api/partnerships/${partnershipId}/checkins`, body),
    onSuccess: () => onDone(true),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <form
      className="card form"
      aria-labelledby={`${formId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        const startsAt = toInstant(date, time);
        if (!startsAt) {
          setProblem(t('pickDayTime'));
          return;
        }
        setProblem('');
        save.mutate({ startsAt, minutes: Number(minutes), place: place.trim() });
      }}
    >
      <h3 id={`${formId}-title`}>{t('checkinFormTitle')}</h3>
      <ErrorAlert error={err && !err.details.length ? err : null} />
        <TextField label={t('day')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} error={problem || err?.fieldMessage('startsAt')} />
        <TextField label={t('startTime')} type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
        <TextField label={t('minutes')} type="number" min={5} max={240} step={5} required value={minutes} onChange={(e) => setMinutes(e.target.value)} error={err?.fieldMessage('minutes')} />
        <TextField label={t('place')} hint={t('placeHint')} maxLength={120} value={place} onChange={(e) => setPlace(e.target.value)} error={err?.fieldMessage('place')} />
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('save')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
