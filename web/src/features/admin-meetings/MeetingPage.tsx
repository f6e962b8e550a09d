import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ADMIN_MEETING_STEPS, ADMIN_MEETING_STEP_TEXT, LAST_STEP } from '../../../../shared/src/admin-meetings';
import { ApiError, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { useLabels } from '../../ui/format';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { type AdminMeeting, type AdminMeetingNorm, type AdminMeetingStepState, type Connection, clock, keepMeeting, liveElapsed, meetingKey, useMeeting, useMeetingStream, useServerNow } from './live';
import { m } from './messages';
import { ConflictNote, WordsForm, useMeetingWrite } from './writes';
import { AgreementPanel } from './AgreementPanel';
import { RolesPanel } from './RolesPanel';
import { SchedulePanel } from './schedule/SchedulePanel';
import { TopicsPanel } from './TopicsPanel';
import './admin-meetings.css';

/**
 * One partnership meeting, run live on every participant's device (phone first): the nine steps
 * as a rail with each step's time box and time spent, the current step's timer counting every
 * second from the server's clock, overrun said plainly and never blocking; what the step is for;
 * the controls for whoever runs it (abilities.run); norms, the note-taker and the record. Every
 * change anyone makes arrives through the events stream (live.ts).
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const t = useT(m);
  const meeting = useMeeting(id);
  const connection = useMeetingStream(id, meeting.isSuccess);
  if (meeting.isPending) return <Loading what={t('loadingMeeting')} />;
  if (!meeting.data)
    return (
      <div>
        <PageTitle title={t('title')}>{t('title')}</PageTitle>
        <ErrorAlert error={meeting.error} />
        <p>
          <Link to="/meetings">{t('backToList')}</Link>
        </p>
      </div>
    );
  return <Meeting meeting={meeting.data} connection={connection} />;
}

function ConnectionStatus({ connection, ended }: { connection: Connection; ended: boolean }) {
  const t = useT(m);
  const text = ended ? '' : connection === 'live' ? t('live') : connection === 'reconnecting' ? t('reconnecting') : connection === 'closed' ? t('offline') : '';
  return (
    <p role="status" className={`meeting-connection meeting-connection-${connection}`}>
      {text}
    </p>
  );
}

function Meeting({ meeting, connection }: { meeting: AdminMeeting; connection: Connection }) {
  const t = useT(m);
  const l = useLabels();
  const { language } = useLanguage();
  const words = ADMIN_MEETING_STEP_TEXT[language];
  const current = meeting.steps.find((s) => s.step === meeting.currentStep) ?? meeting.steps[0];
  const live = meeting.status === 'live';
  const run = useMeetingWrite(meeting, (body: { path: string; method: 'post' | 'put'; body: Record<string, unknown> }) =>
    body.method === 'post' ? api.post<AdminMeeting>(body.path, body.body) : api.put<AdminMeeting>(body.path, body.body),
  );
  const go = (step: number) => run.mutation.mutate({ path: `/api/admin-meetings/${meeting.id}/step`, method: 'put', body: { step, baseVersion: meeting.version } });
  const canMove = meeting.abilities.run && live;
  // Start stands out before the meeting; once it runs, End waits at the end of the steps, out of the way of a slip.
  const controls = (
    meeting.abilities.run && meeting.status !== 'ended' ? (
        <div className="meeting-controls">
          <p className="field-hint">{t('runnerHint')}</p>
          <div className="button-row">
            {meeting.status === 'draft' ? (
              <Button busy={run.mutation.isPending} onClick={() => run.mutation.mutate({ path: `/api/admin-meetings/${meeting.id}/starting`, method: 'post', body: { baseVersion: meeting.version } })}>
                {t('start')}
              </Button>
            ) : (
              <Button variant="danger" busy={run.mutation.isPending} onClick={() => run.mutation.mutate({ path: `/api/admin-meetings/${meeting.id}/ending`, method: 'post', body: { baseVersion: meeting.version } })}>
                {t('end')}
              </Button>
            )}
          </div>
          {meeting.status === 'draft' ? (
            <>
              <ConflictNote show={run.conflict} />
              <ErrorAlert error={run.error} />
            </>
          ) : null}
        </div>
      ) : null
  );
  const nextStep = current && current.step < LAST_STEP ? current.step + 1 : null;
  return (
    <div className="admin-meeting">
      <p className="meta">
        <Link to="/meetings">{t('backToList')}</Link>
      </p>
      <PageTitle title={meeting.title}>{meeting.title}</PageTitle>
      <p className="meta">
        {[meeting.schoolYear, meeting.siteName, meeting.scheduledFor ? l.dateTime(meeting.scheduledFor) : null].filter(Boolean).join(' · ')}
        <span className={`badge meeting-status meeting-status-${meeting.status}`}>{t(`status_${meeting.status}`)}</span>
      </p>
      <ConnectionStatus connection={connection} ended={meeting.status === 'ended'} />

      {meeting.status === 'ended' ? <Alert tone="info">{t('ended')}</Alert> : null}
      {meeting.status === 'draft' ? <p>{t('notStarted')}</p> : null}

      {live && current ? (
        <section className="meeting-now" aria-labelledby="meeting-now-title">
          <p className="meeting-now-step">{t('nowAt', { step: current.step })}</p>
          <h2 id="meeting-now-title" className="h3">
            {words[current.key].title}
          </h2>
          <StepTime meeting={meeting} step={current} big />
          {canMove && nextStep ? (
            <Button variant="secondary" busy={run.mutation.isPending} onClick={() => go(nextStep)}>
              {t('next', { title: words[ADMIN_MEETING_STEPS[nextStep - 1]!.key].title })}
            </Button>
          ) : null}
          <ConflictNote show={run.conflict} />
          <ErrorAlert error={run.error} />
        </section>
      ) : null}

      {meeting.status === 'draft' ? controls : null}

      <div className="meeting-layout">

        <div className="meeting-main">
          {current ? (
            <Section title={t('purpose')} id="step-purpose">
              <p>{words[current.key].purpose}</p>
            </Section>
          ) : null}
          <Panels meeting={meeting} />
          <Record meeting={meeting} />
          <Section title={t('who')} id="who">
            <ul className="plain-list people-list">
              {meeting.participants.map((p) => (
                <li key={p.personId}>
                  {p.name} <span className="muted">· {t(`role_${p.role}`)}</span>
                </li>
              ))}
            </ul>
          </Section>
        </div>
        <nav className="meeting-rail" aria-label={t('steps')}>
          <ol>
            {meeting.steps.map((s) => {
              const isCurrent = s.step === meeting.currentStep && meeting.status !== 'draft';
              return (
                <li key={s.step} className={['rail-step', isCurrent ? 'is-current' : '', s.elapsedMs > 0 ? 'is-visited' : ''].filter(Boolean).join(' ')} aria-current={isCurrent ? 'step' : undefined}>
                  <span className="rail-number" aria-hidden="true">
                    {s.step}
                  </span>
                  <span className="rail-body">
                    <span className="rail-title">
                      <span className="visually-hidden">{t('stepLabel', { step: s.step })}: </span>
                      {words[s.key].title}
                      {isCurrent ? <span className="visually-hidden"> ({t('current')})</span> : null}
                    </span>
                    <StepTime meeting={meeting} step={s} />
                  </span>
                  {canMove && !isCurrent ? (
                    <Button variant="quiet" className="rail-go" busy={run.mutation.isPending} onClick={() => go(s.step)}>
                      {t('goTo', { step: s.step })}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {live ? controls : null}
        </nav>
      </div>
    </div>
  );
}

/** Which part of the meeting is in front of everyone: the current step's; before it starts the topics (key concerns are marked beforehand); after it, the agreement. */
function currentPanel(meeting: AdminMeeting): PanelKey | null {
  if (meeting.status === 'draft') return 'topics';
  if (meeting.status === 'ended') return 'agreement';
  const key = ADMIN_MEETING_STEPS[meeting.currentStep - 1]?.key;
  if (key === 'norms' || key === 'revisit_norms') return 'norms';
  if (key === 'note_taker') return 'noteTaker';
  if (key === 'roles') return 'roles';
  if (key === 'topics') return 'topics';
  if (key === 'written_agreement') return 'agreement';
  return null;
}

type PanelKey = 'norms' | 'noteTaker' | 'roles' | 'topics' | 'agreement';
const PANEL_ORDER: PanelKey[] = ['norms', 'noteTaker', 'roles', 'topics', 'agreement'];

/**
 * The parts of the meeting: the one for the current step open under its heading, the others
 * folded below it ("Other parts of the meeting"), each a click away for anyone who wants to look.
 */
function Panels({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const current = currentPanel(meeting);
  const title: Record<PanelKey, string> = { norms: t('normsTitle'), noteTaker: t('noteTakerTitle'), roles: t('rolesTitle'), topics: t('topicsTitle'), agreement: t('agreementTitle') };
  const body = (key: PanelKey) =>
    key === 'norms' ? <Norms meeting={meeting} /> : key === 'noteTaker' ? <NoteTaker meeting={meeting} /> : key === 'roles' ? <RolesPanel meeting={meeting} /> : key === 'topics' ? <TopicsPanel meeting={meeting} /> : <AgreementPanel meeting={meeting} />;
  const others = PANEL_ORDER.filter((k) => k !== current);
  return (
    <>
      {current ? (
        <Section title={title[current]} id={`panel-${current}`} className="meeting-panel-current">
          {body(current)}
        </Section>
      ) : null}
      {/* The future meetings: planned at step 9, kept (dates, attendance) after the meeting ends. */}
      {meeting.currentStep === 9 || meeting.status === 'ended' ? <SchedulePanel meeting={meeting} /> : null}
      <section className="section meeting-more" aria-labelledby="meeting-more-title">
        <h2 id="meeting-more-title">{t('otherParts')}</h2>
        {others.map((key) => (
          <Fold key={key} id={`panel-${key}`} title={title[key]}>
            {() => body(key)}
          </Fold>
        ))}
      </section>
    </>
  );
}

/** A folded part: its contents are made only once opened, so a change of the meeting redraws only what is shown. */
function Fold({ id, title, children }: { id: string; title: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="meeting-part" id={id} open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <span className="h3">{title}</span>
      </summary>
      {open ? children() : null}
    </details>
  );
}

/** A step's time box and time spent; the running step counts every second from the server's clock. */
function StepTime({ meeting, step, big = false }: { meeting: AdminMeeting; step: AdminMeetingStepState; big?: boolean }) {
  const t = useT(m);
  const now = useServerNow(meeting.serverNow);
  const elapsed = liveElapsed(step, meeting.serverNow, now);
  const overMs = step.minutes === null ? 0 : Math.max(0, elapsed - step.minutes * 60_000);
  const overMinutes = Math.floor(overMs / 60_000);
  return (
    <span className={['step-time', big ? 'step-time-big' : '', overMs > 0 ? 'is-over' : ''].filter(Boolean).join(' ')}>
      <span className="step-box">{step.minutes === null ? t('noBox') : t('box', { minutes: step.minutes })}</span>
      {elapsed > 0 || step.running ? (
        <>
          {' · '}
          <span className="step-elapsed">{t('elapsed', { time: clock(elapsed) })}</span>
        </>
      ) : null}
      {overMs > 0 ? (
        <>
          {' · '}
          <span className="step-over">{overMinutes > 0 ? t('over', { minutes: overMinutes }) : t('overSeconds')}</span>
        </>
      ) : null}
    </span>
  );
}

function NoteTaker({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const [choice, setChoice] = useState(meeting.noteTakerId ?? '');
  const write = useMeetingWrite(meeting, (personId: string) => api.put<AdminMeeting>(`/api/admin-meetings/${meeting.id}/note-taker`, { personId, baseVersion: meeting.version }));
  const taker = meeting.participants.find((p) => p.personId === meeting.noteTakerId);
  return (
    <>
      <p id="note-taker-now">{taker ? t('noteTakerIs', { name: taker.name }) : t('noteTakerNone')}</p>
      {meeting.abilities.chooseNoteTaker ? (
        <form
          className="form inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) write.mutation.mutate(choice);
          }}
        >
          <SelectField label={t('noteTakerChoose')} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="" disabled>
              —
            </option>
            {meeting.participants.map((p) => (
              <option key={p.personId} value={p.personId}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" busy={write.mutation.isPending} disabled={!choice}>
            {t('noteTakerSave')}
          </Button>
        </form>
      ) : null}
      <ConflictNote show={write.conflict} />
      <ErrorAlert error={write.error} />
    </>
  );
}

function Norms({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const [text, setText] = useState('');
  const add = useMeetingWrite(
    meeting,
    (words: string) => api.post<AdminMeeting>(`/api/admin-meetings/${meeting.id}/norms`, { text: words }),
    () => setText(''),
  );
  const revisiting = meeting.currentStep === 8 && meeting.status === 'live';
  const err = add.error instanceof ApiError ? add.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutation.mutate(text);
  };
  return (
    <>
      <p className="muted">{revisiting ? t('normsRevisit') : t('normsIntro')}</p>
      {meeting.norms.length === 0 ? <p className="muted">{t('noNorms')}</p> : null}
      <ul className="plain-list norm-list">
        {meeting.norms.map((n) => (
          <Norm key={n.id} meeting={meeting} norm={n} />
        ))}
      </ul>
      {meeting.abilities.editNorms && meeting.status !== 'ended' ? (
        <form className="form" noValidate onSubmit={submit}>
          <TextArea label={t('newNorm')} rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} error={err?.fieldMessage('text')} />
          <Button type="submit" variant="secondary" busy={add.mutation.isPending}>
            {t('addNorm')}
          </Button>
          {err && !err.fieldMessage('text') ? <ErrorAlert error={err} /> : null}
        </form>
      ) : null}
    </>
  );
}

function Norm({ meeting, norm }: { meeting: AdminMeeting; norm: AdminMeetingNorm }) {
  const t = useT(m);
  const l = useLabels();
  const [editing, setEditing] = useState(false);
  const [words, setWords] = useState(norm.text);
  // New words are written against the version their writer started from, so a change someone
  // else saved meanwhile is a conflict (409), not silently overwritten; after the conflict the
  // writer has seen the latest, and saving again is against it.
  const [base, setBase] = useState(norm.version);
  const update = useMeetingWrite(
    meeting,
    (body: { text?: string; agreed?: boolean; baseVersion: number }) => api.patch<AdminMeeting>(`/api/admin-meeting-norms/${norm.id}`, body),
    () => setEditing(false),
  );
  const open = meeting.abilities.editNorms && meeting.status !== 'ended';
  const err = update.error instanceof ApiError ? update.error : null;
  return (
    <li className={['card', 'norm', norm.agreedAt ? 'is-agreed' : ''].filter(Boolean).join(' ')}>
      <p className="norm-text">
        {norm.text}
        <span className={['badge', norm.agreedAt ? 'badge-agreed' : ''].filter(Boolean).join(' ')}>{norm.agreedAt ? t('agreed') : t('draft')}</span>
      </p>
      <p className="meta">
        {t('by', { name: norm.authorName })}
        {norm.revisedAt ? ` · ${t('revised', { when: l.dateTime(norm.revisedAt) })}` : ''}
      </p>
      {open && editing ? (
        <WordsForm
          label={t('normWords')}
          maxLength={500}
          words={words}
          setWords={setWords}
          error={err?.fieldMessage('text')}
          busy={update.mutation.isPending}
          onSave={() => update.mutation.mutate({ text: words, baseVersion: update.conflict ? norm.version : base })}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {open && !editing ? (
        <div className="button-row">
          <Button variant="secondary" busy={update.mutation.isPending} onClick={() => update.mutation.mutate({ agreed: !norm.agreedAt, baseVersion: norm.version })}>
            {norm.agreedAt ? t('unmarkAgreed') : t('markAgreed')}
          </Button>
          <Button
            variant="quiet"
            onClick={() => {
              setWords((w) => (update.conflict ? w : norm.text));
              setBase(norm.version);
              setEditing(true);
            }}
          >
            {t('changeWords')}
          </Button>
        </div>
      ) : null}
      <ConflictNote show={update.conflict} />
      {err && !err.fieldMessage('text') ? <ErrorAlert error={err} /> : null}
    </li>
  );
}

function Record({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const l = useLabels();
  const { language } = useLanguage();
  const words = ADMIN_MEETING_STEP_TEXT[language];
  const [text, setText] = useState('');
  const add = useMeetingWrite(
    meeting,
    (note: string) => api.post<AdminMeeting>(`/api/admin-meetings/${meeting.id}/notes`, { text: note }),
    () => setText(''),
  );
  const err = add.error instanceof ApiError ? add.error : null;
  const steps = ADMIN_MEETING_STEPS.filter((s) => meeting.notes.some((n) => n.step === s.step));
  return (
    <Section title={t('recordTitle')} id="record">
      <p className="muted">{t('recordIntro')}</p>
      {steps.length === 0 ? <p className="muted">{t('recordEmpty')}</p> : null}
      {steps.map((s) => (
        <div key={s.step} className="record-step">
          <h3>
            {t('stepLabel', { step: s.step })}: {words[s.key].title}
          </h3>
          <ul className="plain-list record-notes">
            {meeting.notes
              .filter((n) => n.step === s.step)
              .map((n) => (
                <li key={n.id}>
                  <p className="record-text">{n.text}</p>
                  <p className="meta">{t('noteBy', { name: n.authorName, time: l.time(n.createdAt) })}</p>
                </li>
              ))}
          </ul>
        </div>
      ))}
      {meeting.abilities.takeNotes && meeting.status !== 'ended' ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutation.mutate(text);
          }}
        >
          <TextArea label={t('newNote', { step: meeting.currentStep })} rows={3} maxLength={10_000} value={text} onChange={(e) => setText(e.target.value)} error={err?.fieldMessage('text')} />
          <Button type="submit" variant="secondary" busy={add.mutation.isPending}>
            {t('addNote')}
          </Button>
          {err && !err.fieldMessage('text') ? <ErrorAlert error={err} /> : null}
        </form>
      ) : null}
    </Section>
  );
}
