import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ADMIN_MEETING_ROLES, type AdminMeetingRole } from '../../../../shared/src/admin-meetings';
import type { OrgRole } from '../../../../shared/src/domain';
import { ApiError, type DirectoryEntry, type Me, type Site, api } from '../../api';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, SelectField, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { useLabels } from '../../ui/format';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { PersonPicker } from '../directory/PersonPicker';
import { useSignedIn } from '../session/session';
import { type AdminMeeting, type AdminMeetingSummary, type CreateAdminMeetingBody, MEETINGS_KEY, keepMeeting } from './live';
import { m } from './messages';
import './admin-meetings.css';

/** The administrator–coach partnership meetings I take part in, and setting one up (coaches and program leaders, as "me" says). */
export function MeetingsPage() {
  const t = useT(m);
  const me = useSignedIn();
  const list = useQuery({ queryKey: MEETINGS_KEY, queryFn: () => api.get<{ items: AdminMeetingSummary[] }>('/api/admin-meetings') });
  return (
    <div className="admin-meetings">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="lead">{t('intro')}</p>
      {list.isPending ? <Loading what={t('loadingList')} /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="plain-list">
          {list.data.items.map((item) => (
            <MeetingCard key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
      {me.abilities.setUpAdminMeeting ? <SetUpMeeting me={me} /> : null}
    </div>
  );
}

function MeetingCard({ item }: { item: AdminMeetingSummary }) {
  const t = useT(m);
  const l = useLabels();
  return (
    <li className="card meeting-card">
      <h2 className="h3">
        <Link to={`/meetings/${item.id}`}>{item.title}</Link>
        <span className={`badge meeting-status meeting-status-${item.status}`}>{t(`status_${item.status}`)}</span>
      </h2>
      <p className="meta">{t('cardFacts', { year: item.schoolYear, count: item.participantCount, role: t(`role_${item.myRole}`) })}</p>
      <p className="meta">
        {item.status === 'live' ? t('atStep', { step: item.currentStep }) : item.scheduledFor ? t('plannedFor', { when: l.dateTime(item.scheduledFor) }) : t('notPlanned')}
      </p>
    </li>
  );
}

/** "2026–2027": the school year that starts this summer, or the one under way. */
function currentSchoolYear(now = new Date()): string {
  const y = now.getFullYear();
  const first = now.getMonth() >= 5 ? y : y - 1;
  return `${first}–${first + 1}`;
}

/** A first guess at what someone is in the meeting, from their roles here (the person setting it up changes it). */
function guessRole(roles: readonly OrgRole[]): AdminMeetingRole {
  if (roles.includes('coach') || roles.includes('mentor')) return 'coach';
  if (roles.includes('supervisor')) return 'principal';
  if (roles.includes('leader')) return 'facilitator';
  return 'other';
}

interface Seat {
  personId: string;
  name: string;
  role: AdminMeetingRole;
}

function SetUpMeeting({ me }: { me: Me }) {
  const t = useT(m);
  const client = useQueryClient();
  const navigate = useNavigate();
  const sites = useQuery({ queryKey: ['sites'], queryFn: () => api.get<{ items: Site[] }>('/api/sites') });
  const year = currentSchoolYear();
  const [title, setTitle] = useState(() => t('defaultTitle', { year }));
  const [schoolYear, setSchoolYear] = useState(year);
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const [siteId, setSiteId] = useState('');
  const [seats, setSeats] = useState<Seat[]>([{ personId: me.personId, name: me.name, role: guessRole(me.roles) }]);
  const [whenProblem, setWhenProblem] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const create = useMutation({
    mutationFn: (body: CreateAdminMeetingBody) => api.post<AdminMeeting>('/api/admin-meetings', body),
    onSuccess: (meeting) => {
      keepMeeting(client, meeting);
      void client.invalidateQueries({ queryKey: MEETINGS_KEY });
      navigate(`/meetings/${meeting.id}`);
    },
  });
  useFocusFirstError(form, create.error, whenProblem);
  const err = create.error instanceof ApiError ? create.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!!day !== !!time) {
      setWhenProblem(t('whenIncomplete'));
      return;
    }
    setWhenProblem(undefined);
    create.mutate({
      title,
      schoolYear,
      siteId: siteId || null,
      scheduledFor: day && time ? new Date(`${day}T${time}`).toISOString() : null,
      participants: seats.map((s) => ({ personId: s.personId, role: s.role })),
    });
  };

  const add = (p: DirectoryEntry) => setSeats((all) => (all.some((s) => s.personId === p.id) ? all : [...all, { personId: p.id, name: p.name, role: guessRole(p.roles) }]));

  return (
    <Section title={t('setUpTitle')} id="set-up-meeting">
      <p>{t('setUpIntro')}</p>
      <form ref={form} className="form" noValidate onSubmit={submit}>
        <ErrorAlert error={create.error} />
        <TextField label={t('meetingTitle')} required value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} error={err?.fieldMessage('title')} />
        <TextField label={t('schoolYear')} hint={t('schoolYearHint')} required value={schoolYear} maxLength={20} onChange={(e) => setSchoolYear(e.target.value)} error={err?.fieldMessage('schoolYear')} />
        <div className="field-pair">
          <TextField label={t('day')} type="date" value={day} onChange={(e) => setDay(e.target.value)} hint={t('whenHint')} error={whenProblem ?? err?.fieldMessage('scheduledFor')} />
          <TextField label={t('time')} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
        <SelectField label={t('site')} value={siteId} onChange={(e) => setSiteId(e.target.value)} error={err?.fieldMessage('siteId')}>
          <option value="">{t('wholeOrganization')}</option>
          {(sites.data?.items ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <FieldSet legend={t('participants')} hint={t('participantsHint')} error={err?.fieldMessage('participants')}>
          <ul className="plain-list seat-list">
            {seats.map((s) => (
              <li key={s.personId} className="seat">
                <SelectField
                  label={t('roleOf', { name: s.personId === me.personId ? `${s.name} ${t('you')}` : s.name })}
                  value={s.role}
                  onChange={(e) => setSeats((all) => all.map((x) => (x.personId === s.personId ? { ...x, role: e.target.value as AdminMeetingRole } : x)))}
                >
                  {ADMIN_MEETING_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role_${r}`)}
                    </option>
                  ))}
                </SelectField>
                {s.personId !== me.personId ? (
                  <Button variant="quiet" onClick={() => setSeats((all) => all.filter((x) => x.personId !== s.personId))}>
                    {t('remove', { name: s.name })}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          <PersonPicker label={t('addPerson')} onPick={add} exclude={seats.map((s) => s.personId)} />
        </FieldSet>
        <Button type="submit" busy={create.isPending}>
          {t('create')}
        </Button>
      </form>
    </Section>
  );
}
