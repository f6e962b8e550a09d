import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { WORK_LOG_ACTIVITIES, WORK_LOG_QUICK_MINUTES, type WorkLogActivity, shiftDay } from '../../../../shared/src/work-log';
import { ApiError, api, query } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, Radio, SelectField, TextArea, TextField } from '../../ui/Field';
import { NotForYou } from '../../ui/NotForYou';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { focusSaved, useFocusFirstError } from '../../ui/focus';
import { useSignedIn } from '../session/session';
import { TotalsView } from './TotalsView';
import { m } from './messages';
import { type EntryBody, type WorkLogAudience, type WorkLogEntry, type WorkLogWeek, dayName, duration, workLogKey } from './workLogWords';
import './work-log.css';

/**
 * The coach's own work log (issue 12, item 7): one week at a time (this week unless ?week= says
 * otherwise), entries grouped by day with totals per activity, a quick form (one tap for 15–60
 * minutes), last week's entries to repeat, and "what your administrators see": the very answer
 * they get, who they are, and who looked.
 */
export function WorkLogPage() {
  const me = useSignedIn();
  const t = useT(m);
  if (!me.abilities.workLog) return <NotForYou className="work-log" title={t('notForYouTitle')} lead={t('notForYou')} next={t('notForYouNext')} backHome={t('backHome')} />;
  return <WorkLog />;
}

function WorkLog() {
  const t = useT(m);
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const week = params.get('week') ?? undefined;
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const client = useQueryClient();
  const data = useQuery({ queryKey: [...workLogKey, 'week', week ?? null], queryFn: () => api.get<WorkLogWeek>(`/api/work-log${query({ week })}`) });
  const refresh = () => client.invalidateQueries({ queryKey: workLogKey });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/work-log/${id}`),
    onSuccess: async () => {
      setNotice(t('removed'));
      await refresh();
    },
  });
  const repeat = useMutation({
    mutationFn: (e: WorkLogEntry) =>
      api.post<WorkLogEntry>('/api/work-log', {
        workedOn: repeatDay(e.workedOn, data.data?.today ?? e.workedOn),
        activity: e.activity,
        ...(e.from && e.to ? { from: e.from, to: e.to } : { minutes: e.minutes }),
        partnershipId: e.partnershipId,
      } satisfies EntryBody),
    onSuccess: async (saved) => {
      setNotice(t('saved', { time: duration(t, saved.minutes), activity: t('activity', { activity: saved.activity }), day: dayName(saved.workedOn, language) }));
      await refresh();
      focusSaved(entryDomId(saved.id));
    },
  });

  const go = (to: string | null) => setParams(to ? { week: to } : {}, { replace: false });
  const w = data.data;
  const isThisWeek = !!w && w.today >= w.weekStart && w.today <= w.weekEnd;
  const days = w ? [...new Set(w.entries.map((e) => e.workedOn))] : [];

  return (
    <div className="work-log">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      {data.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={data.error} />
      {w ? (
        <>
          <nav className="work-log-weeks button-row" aria-label={t('weeksNav')}>
            <Button variant="secondary" onClick={() => go(shiftDay(w.weekStart, -7))}>
              {t('previousWeek')}
            </Button>
            {!isThisWeek ? (
              <Button variant="secondary" onClick={() => go(null)}>
                {t('thisWeek')}
              </Button>
            ) : null}
            {w.weekEnd < w.today ? (
              <Button variant="secondary" onClick={() => go(shiftDay(w.weekStart, 7))}>
                {t('nextWeek')}
              </Button>
            ) : null}
          </nav>
          <h2>{t('weekHeading', { start: dayName(w.weekStart, language) })}</h2>
          <p className="muted">{t('weekRange', { start: dayName(w.weekStart, language), end: dayName(w.weekEnd, language) })}</p>
          <div role="status" className="work-log-notice">
            {notice ? <p className="success-text">{notice}</p> : null}
          </div>

          {w.abilities.add ? (
            <EntryForm
              key={`new-${w.weekStart}`}
              week={w}
              onSaved={async (saved) => {
                setNotice(t('saved', { time: duration(t, saved.minutes), activity: t('activity', { activity: saved.activity }), day: dayName(saved.workedOn, language) }));
                await refresh();
                focusSaved(entryDomId(saved.id));
              }}
            />
          ) : null}

          <Section title={t('totalsHeading')} id="work-log-week-totals">
            <p>{t('weekTotal', { time: duration(t, w.total) })}</p>
            <table className="work-log-table">
              <thead>
                <tr>
                  <th scope="col">{t('activityColumn')}</th>
                  <th scope="col">{t('timeColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {w.totals.map((a) => (
                  <tr key={a.activity}>
                    <th scope="row">{t('activity', { activity: a.activity })}</th>
                    <td>{duration(t, a.minutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>

          <Section title={t('entriesHeading')} id="work-log-entries">
            {w.entries.length === 0 ? <p>{t('noEntries')}</p> : null}
            {days.map((day) => (
              <div key={day} className="work-log-day">
                <h3>{dayName(day, language)}</h3>
                <ul className="work-log-entries">
                  {w.entries
                    .filter((e) => e.workedOn === day)
                    .map((e) => (
                      <li key={e.id} id={entryDomId(e.id)} tabIndex={-1}>
                        {editing === e.id ? (
                          <EntryForm
                            week={w}
                            entry={e}
                            onCancel={() => setEditing(null)}
                            onSaved={async (saved) => {
                              setEditing(null);
                              setNotice(t('saved', { time: duration(t, saved.minutes), activity: t('activity', { activity: saved.activity }), day: dayName(saved.workedOn, language) }));
                              await refresh();
                              focusSaved(entryDomId(saved.id));
                            }}
                          />
                        ) : (
                          <EntryLine e={e} onEdit={() => setEditing(e.id)} onRemove={() => window.confirm(t('removeConfirm')) && remove.mutate(e.id)} busy={remove.isPending && remove.variables === e.id} />
                        )}
                      </li>
                    ))}
                </ul>
              </div>
            ))}
            <ErrorAlert error={remove.error} />
          </Section>

          {w.lastWeek.length > 0 && w.abilities.add ? (
            <Section title={t('lastWeekHeading')} id="work-log-last-week">
              <p className="muted">{t('lastWeekLead')}</p>
              <ul className="work-log-entries">
                {w.lastWeek.map((e) => (
                  <li key={e.id}>
                    <span>
                      <strong>{t('activity', { activity: e.activity })}</strong> · {duration(t, e.minutes)} · {dayName(e.workedOn, language)}
                      {e.partnershipLabel ? <span className="muted"> · {t('entryFor', { label: e.partnershipLabel })}</span> : null}
                    </span>
                    <Button variant="secondary" busy={repeat.isPending && repeat.variables?.id === e.id} onClick={() => repeat.mutate(e)}>
                      {t('repeat')}
                      <span className="visually-hidden"> {t('entryHidden', { activity: t('activity', { activity: e.activity }), day: dayName(e.workedOn, language) })}</span>
                    </Button>
                  </li>
                ))}
              </ul>
              <ErrorAlert error={repeat.error} />
            </Section>
          ) : null}

          <AdministratorsView />
        </>
      ) : null}
    </div>
  );
}

const entryDomId = (id: string) => `work-log-entry-${id}`;
/** A week later, unless that day is still to come: then today (time is logged once spent). */
const repeatDay = (day: string, today: string) => (shiftDay(day, 7) > today ? today : shiftDay(day, 7));

function EntryLine({ e, onEdit, onRemove, busy }: { e: WorkLogEntry; onEdit: () => void; onRemove: () => void; busy: boolean }) {
  const t = useT(m);
  const { language } = useLanguage();
  const hidden = t('entryHidden', { activity: t('activity', { activity: e.activity }), day: dayName(e.workedOn, language) });
  return (
    <>
      <p className="work-log-entry-head">
        <strong>{t('activity', { activity: e.activity })}</strong> · {duration(t, e.minutes)}
        {e.from && e.to ? <span className="muted"> · {`${e.from}–${e.to}`}</span> : null}
        {e.partnershipLabel ? <span className="muted"> · {t('entryFor', { label: e.partnershipLabel })}</span> : null}
      </p>
      {e.note ? <p className="note-body">{e.note}</p> : null}
      <div className="button-row">
        {e.abilities.edit ? (
          <Button variant="secondary" onClick={onEdit}>
            {t('edit')}
            <span className="visually-hidden"> {hidden}</span>
          </Button>
        ) : null}
        {e.abilities.remove ? (
          <Button variant="quiet" busy={busy} onClick={onRemove}>
            {t('remove')}
            <span className="visually-hidden"> {hidden}</span>
          </Button>
        ) : null}
      </div>
    </>
  );
}

const FIELDS = ['workedOn', 'activity', 'minutes', 'from', 'to', 'partnershipId', 'note'] as const;
type FieldName = (typeof FIELDS)[number];

/** Adding an entry, or changing one: the day, the activity, how long (a tap, minutes, or from–to), the partnership, a private note. */
function EntryForm({ week, entry, onSaved, onCancel }: { week: WorkLogWeek; entry?: WorkLogEntry; onSaved: (e: WorkLogEntry) => void | Promise<void>; onCancel?: () => void }) {
  const t = useT(m);
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const defaultDay = week.today >= week.weekStart && week.today <= week.weekEnd ? week.today : week.weekEnd < week.today ? week.weekEnd : week.today;
  const [workedOn, setWorkedOn] = useState(entry?.workedOn ?? defaultDay);
  const [activity, setActivity] = useState<WorkLogActivity | ''>(entry?.activity ?? '');
  const [minutes, setMinutes] = useState(entry && !entry.from ? String(entry.minutes) : '');
  const [from, setFrom] = useState(entry?.from ?? '');
  const [to, setTo] = useState(entry?.to ?? '');
  const [partnershipId, setPartnershipId] = useState(entry?.partnershipId ?? '');
  const [note, setNote] = useState(entry?.note ?? '');
  const [missing, setMissing] = useState<Partial<Record<FieldName, string>>>({});
  const save = useMutation({
    mutationFn: () => {
      const body = {
        workedOn,
        activity: activity as WorkLogActivity,
        ...(from || to ? { from: from || null, to: to || null } : { minutes: Number(minutes) }),
        partnershipId: partnershipId || null,
        note: note.trim() || null,
      };
      return entry ? api.patch<WorkLogEntry>(`/api/work-log/${entry.id}`, body) : api.post<WorkLogEntry>('/api/work-log', body);
    },
    onSuccess: async (saved) => {
      if (!entry) {
        setMinutes('');
        setFrom('');
        setTo('');
        setNote('');
      }
      await onSaved(saved);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const fieldError = (name: FieldName) => missing[name] ?? err?.fieldMessage(name);
  const otherError = err && !err.details.some((d) => (FIELDS as readonly string[]).some((f) => d.path === f || d.path.endsWith(`.${f}`)));
  const anyFieldError = FIELDS.some((f) => fieldError(f));
  const [refused, setRefused] = useState(0);
  useFocusFirstError(formRef, save.error, refused);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Partial<Record<FieldName, string>> = {};
    if (!activity) problems.activity = t('activityLegend');
    if (!minutes && !(from && to)) problems.minutes = t('minutesMissing');
    setMissing(problems);
    if (Object.keys(problems).length > 0) {
      setRefused((n) => n + 1);
      return;
    }
    save.mutate();
  };

  return (
    <form ref={formRef} className="work-log-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{entry ? t('editHeading') : t('addHeading')}</h3>
      <TextField id={`${formId}-day`} type="date" label={t('day')} hint={t('dayHint')} value={workedOn} max={week.today} onChange={(e) => setWorkedOn(e.target.value)} error={fieldError('workedOn')} required />
      <FieldSet legend={t('activityLegend')} error={fieldError('activity')} className="work-log-activities">
        {WORK_LOG_ACTIVITIES.map((a) => (
          <Radio key={a} name={`${formId}-activity`} value={a} checked={activity === a} onChange={() => setActivity(a)} label={t('activity', { activity: a })} />
        ))}
      </FieldSet>
      <FieldSet legend={t('howLongLegend')} error={fieldError('minutes')} className="work-log-how-long">
        <div className="button-row work-log-quick">
          {WORK_LOG_QUICK_MINUTES.map((q) => (
            <Button
              key={q}
              variant={minutes === String(q) && !from && !to ? 'primary' : 'secondary'}
              aria-pressed={minutes === String(q) && !from && !to}
              onClick={() => {
                setMinutes(String(q));
                setFrom('');
                setTo('');
              }}
            >
              {t('quickMinutes', { minutes: q })}
            </Button>
          ))}
        </div>
        <TextField
          id={`${formId}-minutes`}
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          label={t('minutesLabel')}
          value={minutes}
          onChange={(e) => {
            setMinutes(e.target.value);
            setFrom('');
            setTo('');
          }}
        />
        <p className="work-log-or">{t('orTimes')}</p>
        <div className="work-log-times">
          <TextField id={`${formId}-from`} type="time" label={t('fromLabel')} value={from} onChange={(e) => { setFrom(e.target.value); setMinutes(''); }} error={fieldError('from')} />
          <TextField id={`${formId}-to`} type="time" label={t('toLabel')} value={to} onChange={(e) => { setTo(e.target.value); setMinutes(''); }} error={fieldError('to')} />
        </div>
      </FieldSet>
      {week.partnerships.length > 0 || entry?.partnershipId ? (
        <SelectField id={`${formId}-partnership`} label={t('partnershipLabel')} hint={t('partnershipHint')} value={partnershipId} onChange={(e) => setPartnershipId(e.target.value)} error={fieldError('partnershipId')}>
          <option value="">{t('noPartnership')}</option>
          {week.partnerships.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          {entry?.partnershipId && !week.partnerships.some((p) => p.id === entry.partnershipId) ? <option value={entry.partnershipId}>{entry.partnershipLabel ?? ''}</option> : null}
        </SelectField>
      ) : null}
      <TextArea id={`${formId}-note`} rows={2} label={t('noteLabel')} hint={t('noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError('note')} maxLength={1000} />
      {otherError ? <ErrorAlert error={err} /> : null}
      {anyFieldError && !otherError ? <Alert tone="error">{t('checkAnswers')}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {entry ? t('saveChanges') : t('save')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** "What your administrators see": who they are, their view of the totals (the same answer they get), and who looked. */
function AdministratorsView() {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  const audience = useQuery({ queryKey: [...workLogKey, 'audience'], queryFn: () => api.get<WorkLogAudience>('/api/work-log/audience') });
  const [as, setAs] = useState('');
  const admins = audience.data?.administrators ?? [];
  const viewer = admins.find((a) => a.personId === as) ?? admins[0];
  return (
    <Section title={t('viewHeading')} id="work-log-view">
      <ErrorAlert error={audience.error} />
      {audience.data && admins.length === 0 ? <p>{t('nobodySees')}</p> : null}
      {admins.length > 0 ? (
        <>
          <p>{t('viewLead')}</p>
          <p>
            {t('seenWith')}{' '}
            {admins.map((a, i) => (
              <span key={a.personId}>
                {i > 0 ? ', ' : ''}
                {a.name} ({a.namesMayBeUsed ? t('seesNames') : t('noNames')})
              </span>
            ))}
          </p>
          {admins.length > 1 ? (
            <SelectField label={t('viewAs')} value={viewer?.personId ?? ''} onChange={(e) => setAs(e.target.value)}>
              {admins.map((a) => (
                <option key={a.personId} value={a.personId}>
                  {a.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <TotalsView coachId={me.personId} as={viewer?.personId} />
          <h3>{t('seenByHeading')}</h3>
          {audience.data!.seenBy.length === 0 ? (
            <p>{t('seenByEmpty')}</p>
          ) : (
            <ul>
              {audience.data!.seenBy.map((r) => (
                <li key={`${r.personId}-${r.day}`}>{t('seenByLine', { name: r.name, day: dayName(r.day, language), times: r.times })}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </Section>
  );
}
