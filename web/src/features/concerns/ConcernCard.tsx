import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useRef, useState } from 'react';
import { ApiError, type Concern, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { formatDate, formatDateTime } from '../../ui/format';
import { todayLocal } from '../celebrations/celebrationWords';
import { firstName } from '../goals/goalWords';
import { useSignedIn } from '../session/session';
import { MARK, type T, concernsKey, isAboutMe, statusLabel } from './concernWords';
import { focusSoon, useFocusFirstError } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { type Key, m } from './messages';

export const concernTitleId = (id: string) => `concern-${id}-title`;
const stepId = (id: string, step: number) => `concern-${id}-step-${step}`;

/** Puts the server's answer for one concern into the list. */
function useStoreConcern(partnershipId: string) {
  const client = useQueryClient();
  return (saved: Concern) =>
    client.setQueryData<{ items: Concern[] }>(concernsKey(partnershipId), (old) => (old ? { items: old.items.map((c) => (c.id === saved.id ? saved : c)) } : old));
}

/** One concern and its three steps in order: recorded, talked over with the coachee, raised with a supervisor. */
export function ConcernCard({ c, p }: { c: Concern; p: PartnershipDetail }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  const [notice, setNotice] = useState('');
  const aboutMe = isAboutMe(c, me.personId);
  const subject = firstName(c.subjectName);
  // The values of a message's {who, select, me {…} other {{name}}}: about the concern's coachee, and about its author.
  const aboutWhom = { who: aboutMe ? 'me' : 'other', name: subject };
  const byWhom = { who: c.authorId === me.personId ? 'me' : 'other', name: c.authorName };
  const open = c.status !== 'resolved';
  const done = (message: string, focusId: string) => {
    setNotice(message);
    focusSoon(focusId);
  };

  return (
    <article className={`card concern-card concern-${c.status}`} aria-labelledby={concernTitleId(c.id)}>
      <h4 id={concernTitleId(c.id)} tabIndex={-1}>
        {aboutMe ? t('concernAboutYou') : t('concernAbout', { name: c.subjectName })}
      </h4>
      <p className="concern-meta">
        <span className={`badge concern-status concern-status-${c.status}`}>{statusLabel(t, c.status, subject, aboutMe)}</span>{' '}
        <span className="meta">{t('recordedBy', { ...byWhom, date: formatDate(c.createdAt, language) })}</span>
      </p>
      <p className="concern-description note-body">{c.description}</p>
      <div role="status" className="concern-card-notice">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      <ol className="concern-steps">
        <Step t={t} n={1} c={c} title={t('step1Title')} state="done">
          <p>
            {t('wroteItDown', { ...byWhom, date: formatDateTime(c.createdAt, language) })} {aboutMe ? t('youCouldRead') : t('canRead', { name: subject })}
          </p>
        </Step>

        <Step t={t} n={2} c={c} title={t('step2Title', aboutWhom)} state={c.discussion ? 'done' : open ? 'next' : 'skipped'}>
          {c.discussion ? (
            <>
              <p>{t('talkedOverOn', { who: aboutMe ? 'me' : 'other', date: formatDate(c.discussion.discussedOn, language) })}</p>
              <p className="group-title">{t('saidAndAgreed')}</p>
              <p className="note-body">{c.discussion.summary}</p>
              {c.discussion.coacheeView ? (
                <>
                  <p className="group-title">{aboutMe ? t('yourView') : t('viewOf', { name: subject })}</p>
                  <p className="note-body">{c.discussion.coacheeView}</p>
                </>
              ) : null}
            </>
          ) : c.abilities.discuss && open ? (
            <DiscussionForm c={c} p={p} onDone={() => done(t('conversationRecorded', { name: subject }), stepId(c.id, 3))} />
          ) : open ? (
            <p>{aboutMe ? t('notYetAboutYou', { name: c.authorName }) : t('notYet')}</p>
          ) : (
            <p>{t('resolvedBeforeTalk')}</p>
          )}
        </Step>

        <Step t={t} n={3} c={c} title={t('step3Title')} state={c.escalation ? 'done' : !open ? 'skipped' : c.discussion ? 'optional' : 'later'}>
          <EscalationStep c={c} p={p} aboutMe={aboutMe} subject={subject} onDone={(message) => done(message, stepId(c.id, 3))} />
        </Step>
      </ol>
      <Resolution c={c} p={p} onDone={() => done(t('markedResolved'), concernTitleId(c.id))} />
    </article>
  );
}

type StepState = 'done' | 'next' | 'optional' | 'later' | 'skipped';
const STEP_STATE_LABEL: Record<StepState, Key> = {
  done: 'stepState_done',
  next: 'stepState_next',
  optional: 'stepState_optional',
  later: 'stepState_later',
  skipped: 'stepState_skipped',
};

function Step({ t, n, c, title, state, children }: { t: T; n: number; c: Concern; title: string; state: StepState; children: ReactNode }) {
  return (
    <li className={`concern-step step-${state}`}>
      <h5 id={stepId(c.id, n)} tabIndex={-1}>
        <span className="step-number">{t('stepNumber', { n })}</span> {title} <span className={`step-state step-state-${state}`}>{t(STEP_STATE_LABEL[state])}</span>
      </h5>
      {children}
    </li>
  );
}

/** Step 2: what was said when the concern was talked over with the coachee, and their own view. */
function DiscussionForm({ c, p, onDone }: { c: Concern; p: PartnershipDetail; onDone: () => void }) {
  const t = useT(m);
  const store = useStoreConcern(p.id);
  const formId = useId();
  const subject = firstName(c.subjectName);
  const [summary, setSummary] = useState('');
  const [discussedOn, setDiscussedOn] = useState(todayLocal);
  const [coacheeView, setCoacheeView] = useState('');
  const [missing, setMissing] = useState<{ summary?: string; discussedOn?: string }>({});
  const save = useMutation({
    mutationFn: () => api.post<Concern>(`/api/concerns/${c.id}/discussion`, { summary, discussedOn, coacheeView }),
    onSuccess: (saved) => {
      store(saved);
      onDone();
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  // After a refused save, focus goes to the first answer that needs another look (or the message).
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error, refused);
  const summaryError = missing.summary ?? err?.fieldMessage('summary');
  const dateError = missing.discussedOn ?? err?.fieldMessage('discussedOn');
  const viewError = err?.fieldMessage('coacheeView');
  return (
    <form
      ref={formRef}
      className="form inner-form"
      noValidate
      aria-label={t('recordConversationWith', { name: subject })}
      onSubmit={(e) => {
        e.preventDefault();
        const problems: typeof missing = {};
        if (!summary.trim()) problems.summary = t('summaryMissing', { name: subject });
        if (!discussedOn) problems.discussedOn = t('dayMissing');
        setMissing(problems);
        if (problems.summary || problems.discussedOn) {
          save.reset();
          setRefused((n) => n + 1);
          return;
        }
        save.mutate();
      }}
    >
      <p>{t('talkFirst', { name: subject })}</p>
      <TextArea
        id={`${formId}-summary`}
        label={t('summaryLabel')}
        required
        rows={3}
        maxLength={4000}
        value={summary}
        onChange={(e) => {
          setSummary(e.target.value);
          setMissing((m) => ({ ...m, summary: undefined }));
        }}
        error={summaryError}
      />
      <TextField
        id={`${formId}-discussedOn`}
        className="date-field"
        label={t('dayLabel')}
        type="date"
        required
        max={todayLocal()}
        value={discussedOn}
        onChange={(e) => {
          setDiscussedOn(e.target.value);
          setMissing((m) => ({ ...m, discussedOn: undefined }));
        }}
        error={dateError}
      />
      <TextArea
        id={`${formId}-coacheeView`}
        label={t('viewLabel', { name: subject })}
        hint={t('viewHint', { name: subject })}
        rows={3}
        maxLength={4000}
        value={coacheeView}
        onChange={(e) => setCoacheeView(e.target.value)}
        error={viewError}
      />
      {err && !summaryError && !dateError && !viewError ? <ErrorAlert error={err} /> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('recordConversation')}
        </Button>
      </div>
    </form>
  );
}

/** Step 3: who it was raised with, when and why; or the form to raise it, which opens only after step 2. */
function EscalationStep({ c, p, aboutMe, subject, onDone }: { c: Concern; p: PartnershipDetail; aboutMe: boolean; subject: string; onDone: (message: string) => void }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  const explainId = useId();
  const [raising, setRaising] = useState(false);
  const open = c.status !== 'resolved';
  const openerId = `concern-${c.id}-raise`;

  if (c.escalation) {
    const [before, after] = t('raisedWith', {
      who: c.authorId === me.personId ? 'me' : 'other',
      name: c.authorName,
      supervisor: MARK,
      date: formatDateTime(c.escalation.escalatedAt, language),
    }).split(MARK);
    return (
      <>
        <p>
          {before}
          <strong>{c.escalation.supervisorName}</strong>
          {after}
        </p>
        <p className="group-title">{t('why')}</p>
        <p className="note-body">{c.escalation.reason}</p>
      </>
    );
  }
  if (!open) return <p>{t('notRaised')}</p>;

  // Only the concern's author follows it up: they record the conversation, and may then raise it.
  const iFollowUp = c.abilities.discuss || c.abilities.escalate || c.abilities.resolve;
  if (!iFollowUp) {
    return <p>{aboutMe ? t('notRaisedYours') : t('notRaisedOther')}</p>;
  }
  if (!c.discussion) {
    return (
      <>
        <p id={explainId} className="step-explain">
          {t('opensOnce', { name: subject })}
        </p>
        <div className="button-row">
          <Button variant="secondary" disabled aria-describedby={explainId}>
            {t('raiseOpen')}
          </Button>
        </div>
      </>
    );
  }
  if (!c.abilities.escalate || c.supervisors.length === 0) {
    return <p>{t('noSupervisor', { who: aboutMe ? 'me' : 'other', name: subject })}</p>;
  }
  if (!raising) {
    return (
      <>
        <p className="step-explain">{t('onlyIfNeeded', { name: subject })}</p>
        <div className="button-row">
          <Button id={openerId} variant="secondary" onClick={() => setRaising(true)}>
            {t('raiseOpen')}
          </Button>
        </div>
      </>
    );
  }
  return (
    <EscalationForm
      c={c}
      p={p}
      aboutMe={aboutMe}
      subject={subject}
      onDone={(name) => {
        setRaising(false);
        onDone(t('raisedNotice', { supervisor: name, name: subject }));
      }}
      onCancel={() => {
        setRaising(false);
        focusSoon(openerId);
      }}
    />
  );
}

function EscalationForm({
  c,
  p,
  aboutMe,
  subject,
  onDone,
  onCancel,
}: {
  c: Concern;
  p: PartnershipDetail;
  aboutMe: boolean;
  subject: string;
  onDone: (supervisorName: string) => void;
  onCancel: () => void;
}) {
  const t = useT(m);
  const store = useStoreConcern(p.id);
  const formId = useId();
  const [supervisorId, setSupervisorId] = useState(c.supervisors.length === 1 ? c.supervisors[0].id : '');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ supervisorId?: string; reason?: string }>({});
  const save = useMutation({
    mutationFn: () => api.post<Concern>(`/api/concerns/${c.id}/escalation`, { supervisorId, reason }),
    onSuccess: (saved) => {
      store(saved);
      onDone(saved.escalation?.supervisorName ?? c.supervisors.find((s) => s.id === supervisorId)?.name ?? t('theSupervisor'));
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error, refused);
  const supervisorError = missing.supervisorId ?? err?.fieldMessage('supervisorId');
  const reasonError = missing.reason ?? err?.fieldMessage('reason');
  return (
    <form
      ref={formRef}
      className="form inner-form"
      noValidate
      aria-label={t('raiseForm')}
      onSubmit={(e) => {
        e.preventDefault();
        const problems: typeof missing = {};
        if (!supervisorId) problems.supervisorId = t('supervisorMissing');
        if (!reason.trim()) problems.reason = t('reasonMissing');
        setMissing(problems);
        if (problems.supervisorId || problems.reason) {
          save.reset();
          setRefused((n) => n + 1);
          return;
        }
        save.mutate();
      }}
    >
      <SelectField id={`${formId}-supervisorId`} label={t('raiseWith')} value={supervisorId} onChange={(e) => setSupervisorId(e.target.value)} error={supervisorError}>
        {c.supervisors.length > 1 ? <option value="">{t('chooseSupervisor')}</option> : null}
        {c.supervisors.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextArea
        id={`${formId}-reason`}
        label={t('reasonLabel')}
        hint={t('reasonHint', { who: aboutMe ? 'me' : 'other', name: subject })}
        required
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing((m) => ({ ...m, reason: undefined }));
        }}
        error={reasonError}
      />
      {err && !supervisorError && !reasonError ? <ErrorAlert error={err} /> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('raiseSubmit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Closing a concern: when it was resolved and how, or the form to say so. */
function Resolution({ c, p, onDone }: { c: Concern; p: PartnershipDetail; onDone: () => void }) {
  const t = useT(m);
  const { language } = useLanguage();
  const store = useStoreConcern(p.id);
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => api.post<Concern>(`/api/concerns/${c.id}/resolution`, { note: note.trim() }),
    onSuccess: (saved) => {
      store(saved);
      setOpen(false);
      onDone();
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error);
  if (c.resolvedAt) {
    return (
      <Alert tone="success" title={t('resolvedOn', { date: formatDate(c.resolvedAt, language) })}>
        {c.resolutionNote ? <p className="note-body">{c.resolutionNote}</p> : null}
      </Alert>
    );
  }
  if (!c.abilities.resolve) return null;
  if (!open) {
    return (
      <div className="button-row">
        <Button id={`${formId}-open`} variant="secondary" onClick={() => setOpen(true)}>
          {t('markResolvedOpen')}<span className="visually-hidden"> {t('markResolvedHidden', { name: c.subjectName })}</span>
        </Button>
      </div>
    );
  }
  return (
    <form
      ref={formRef}
      className="form inner-form"
      aria-label={t('resolveForm')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextArea label={t('resolutionLabel')} hint={t('resolutionHint')} rows={2} maxLength={1000} value={note} autoFocus onChange={(e) => setNote(e.target.value)} />
      <ErrorAlert error={save.error} />
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('markResolved')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(false);
            save.reset();
            focusSoon(`${formId}-open`);
          }}
        >
          {t('notYetButton')}
        </Button>
      </div>
    </form>
  );
}
