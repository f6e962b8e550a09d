import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { ApiError, type Concern, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { formatDate, formatDateTime } from '../../ui/format';
import { todayLocal } from '../celebrations/celebrationWords';
import { firstName } from '../goals/goalWords';
import { useSignedIn } from '../session/session';
import { concernsKey, isAboutMe, statusLabel } from './concernWords';
import { focusSoon } from '../../ui/focus';

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
  const me = useSignedIn();
  const [notice, setNotice] = useState('');
  const aboutMe = isAboutMe(c, me.personId);
  const subject = aboutMe ? 'you' : firstName(c.subjectName);
  const author = c.authorId === me.personId ? 'You' : c.authorName;
  const open = c.status !== 'resolved';
  const done = (message: string, focusId: string) => {
    setNotice(message);
    focusSoon(focusId);
  };

  return (
    <article className={`card concern-card concern-${c.status}`} aria-labelledby={concernTitleId(c.id)}>
      <h4 id={concernTitleId(c.id)} tabIndex={-1}>
        {aboutMe ? 'A concern about you' : `A concern about ${c.subjectName}`}
      </h4>
      <p className="concern-meta">
        <span className={`badge concern-status concern-status-${c.status}`}>{statusLabel(c.status, firstName(c.subjectName), aboutMe)}</span>{' '}
        <span className="meta">
          recorded by {author === 'You' ? 'you' : author} on {formatDate(c.createdAt)}
        </span>
      </p>
      <p className="concern-description note-body">{c.description}</p>
      <div role="status" className="concern-card-notice">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      <ol className="concern-steps">
        <Step n={1} c={c} title="Recorded" state="done">
          <p>
            {author} wrote it down on {formatDateTime(c.createdAt)}. {aboutMe ? 'You could read it from that moment.' : `${subject} can read it.`}
          </p>
        </Step>

        <Step n={2} c={c} title={`Talked over with ${subject}`} state={c.discussion ? 'done' : open ? 'next' : 'skipped'}>
          {c.discussion ? (
            <>
              <p>
                {aboutMe ? 'You talked it over' : 'Talked over'} on {formatDate(c.discussion.discussedOn)}.
              </p>
              <p className="group-title">What was said and agreed</p>
              <p className="note-body">{c.discussion.summary}</p>
              {c.discussion.coacheeView ? (
                <>
                  <p className="group-title">{aboutMe ? 'Your view, in your words' : `${subject}’s view, in their words`}</p>
                  <p className="note-body">{c.discussion.coacheeView}</p>
                </>
              ) : null}
            </>
          ) : c.abilities.discuss && open ? (
            <DiscussionForm c={c} p={p} onDone={() => done(`Your conversation with ${subject} is recorded.`, stepId(c.id, 3))} />
          ) : open ? (
            <p>{aboutMe ? `Not yet. ${c.authorName} talks it over with you before anything else happens.` : 'Not yet.'}</p>
          ) : (
            <p>Resolved before it needed a conversation.</p>
          )}
        </Step>

        <Step n={3} c={c} title="Raised with a supervisor" state={c.escalation ? 'done' : !open ? 'skipped' : c.discussion ? 'optional' : 'later'}>
          <EscalationStep c={c} p={p} aboutMe={aboutMe} subject={subject} onDone={(m) => done(m, stepId(c.id, 3))} />
        </Step>
      </ol>
      <Resolution c={c} p={p} onDone={() => done('Marked as resolved.', concernTitleId(c.id))} />
    </article>
  );
}

type StepState = 'done' | 'next' | 'optional' | 'later' | 'skipped';
const STEP_STATE_LABEL: Record<StepState, string> = {
  done: 'Done',
  next: 'Next',
  optional: 'Only if still needed',
  later: 'Not yet possible',
  skipped: 'Not needed',
};

function Step({ n, c, title, state, children }: { n: number; c: Concern; title: string; state: StepState; children: ReactNode }) {
  return (
    <li className={`concern-step step-${state}`}>
      <h5 id={stepId(c.id, n)} tabIndex={-1}>
        <span className="step-number">Step {n}:</span> {title} <span className={`step-state step-state-${state}`}>{STEP_STATE_LABEL[state]}</span>
      </h5>
      {children}
    </li>
  );
}

/** Step 2: what was said when the concern was talked over with the coachee, and their own view. */
function DiscussionForm({ c, p, onDone }: { c: Concern; p: PartnershipDetail; onDone: () => void }) {
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
    onError: (e) => {
      // Take keyboard focus to the first answer the server asked about, if any.
      const first = ['summary', 'discussedOn', 'coacheeView'].find((f) => e instanceof ApiError && e.fieldMessage(f));
      if (first) focusSoon(`${formId}-${first}`);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const summaryError = missing.summary ?? err?.fieldMessage('summary');
  const dateError = missing.discussedOn ?? err?.fieldMessage('discussedOn');
  const viewError = err?.fieldMessage('coacheeView');
  return (
    <form
      className="form inner-form"
      noValidate
      aria-label={`Record your conversation with ${subject}`}
      onSubmit={(e) => {
        e.preventDefault();
        const problems: typeof missing = {};
        if (!summary.trim()) problems.summary = `Say briefly what you and ${subject} said and agreed.`;
        if (!discussedOn) problems.discussedOn = 'Choose the day you talked.';
        setMissing(problems);
        if (problems.summary || problems.discussedOn) {
          save.reset();
          focusSoon(`${formId}-${problems.summary ? 'summary' : 'discussedOn'}`);
          return;
        }
        save.mutate();
      }}
    >
      <p>Talk it over with {subject} first, face to face if you can. Then record it here; {subject} will read what you write.</p>
      <TextArea
        id={`${formId}-summary`}
        label="What you said and agreed"
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
        label="The day you talked"
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
        label={`${subject}’s own view (optional)`}
        hint={`In ${subject}’s words, if ${subject} would like it written down.`}
        rows={3}
        maxLength={4000}
        value={coacheeView}
        onChange={(e) => setCoacheeView(e.target.value)}
        error={viewError}
      />
      {err && !summaryError && !dateError && !viewError ? <ErrorAlert error={err} /> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          Record the conversation
        </Button>
      </div>
    </form>
  );
}

/** Step 3: who it was raised with, when and why; or the form to raise it, which opens only after step 2. */
function EscalationStep({ c, p, aboutMe, subject, onDone }: { c: Concern; p: PartnershipDetail; aboutMe: boolean; subject: string; onDone: (message: string) => void }) {
  const me = useSignedIn();
  const explainId = useId();
  const [raising, setRaising] = useState(false);
  const open = c.status !== 'resolved';
  const openerId = `concern-${c.id}-raise`;

  if (c.escalation) {
    const by = c.authorId === me.personId ? 'You' : c.authorName;
    return (
      <>
        <p>
          {by} raised it with <strong>{c.escalation.supervisorName}</strong> on {formatDateTime(c.escalation.escalatedAt)}.
        </p>
        <p className="group-title">Why</p>
        <p className="note-body">{c.escalation.reason}</p>
      </>
    );
  }
  if (!open) return <p>It was not raised with a supervisor.</p>;

  // Only the concern's author follows it up: they record the conversation, and may then raise it.
  const iFollowUp = c.abilities.discuss || c.abilities.escalate || c.abilities.resolve;
  if (!iFollowUp) {
    return (
      <p>
        {aboutMe
          ? 'Not raised with your supervisor. If it ever is, you will see here who was told, when and why.'
          : 'Not raised with a supervisor.'}
      </p>
    );
  }
  if (!c.discussion) {
    return (
      <>
        <p id={explainId} className="step-explain">
          This opens once your conversation with {subject} is recorded in step 2. A concern never reaches a supervisor before {subject} has talked it over
          with you.
        </p>
        <div className="button-row">
          <Button variant="secondary" disabled aria-describedby={explainId}>
            Raise it with a supervisor…
          </Button>
        </div>
      </>
    );
  }
  if (!c.abilities.escalate || c.supervisors.length === 0) {
    return <p>{subject === 'you' ? 'You have' : `${subject} has`} no supervisor listed in Tandem, so there is no one to raise it with here.</p>;
  }
  if (!raising) {
    return (
      <>
        <p className="step-explain">Only if it still needs help after your conversation. {subject} will see who you raised it with, when and why.</p>
        <div className="button-row">
          <Button id={openerId} variant="secondary" onClick={() => setRaising(true)}>
            Raise it with a supervisor…
          </Button>
        </div>
      </>
    );
  }
  return (
    <EscalationForm
      c={c}
      p={p}
      subject={subject}
      onDone={(name) => {
        setRaising(false);
        onDone(`Raised with ${name}. ${subject} can see that you did, and why.`);
      }}
      onCancel={() => {
        setRaising(false);
        focusSoon(openerId);
      }}
    />
  );
}

function EscalationForm({ c, p, subject, onDone, onCancel }: { c: Concern; p: PartnershipDetail; subject: string; onDone: (supervisorName: string) => void; onCancel: () => void }) {
  const store = useStoreConcern(p.id);
  const formId = useId();
  const [supervisorId, setSupervisorId] = useState(c.supervisors.length === 1 ? c.supervisors[0].id : '');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ supervisorId?: string; reason?: string }>({});
  const save = useMutation({
    mutationFn: () => api.post<Concern>(`/api/concerns/${c.id}/escalation`, { supervisorId, reason }),
    onSuccess: (saved) => {
      store(saved);
      onDone(saved.escalation?.supervisorName ?? c.supervisors.find((s) => s.id === supervisorId)?.name ?? 'the supervisor');
    },
    onError: (e) => {
      const first = ['supervisorId', 'reason'].find((f) => e instanceof ApiError && e.fieldMessage(f));
      if (first) focusSoon(`${formId}-${first}`);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const supervisorError = missing.supervisorId ?? err?.fieldMessage('supervisorId');
  const reasonError = missing.reason ?? err?.fieldMessage('reason');
  return (
    <form
      className="form inner-form"
      noValidate
      aria-label="Raise the concern with a supervisor"
      onSubmit={(e) => {
        e.preventDefault();
        const problems: typeof missing = {};
        if (!supervisorId) problems.supervisorId = 'Choose who to raise it with.';
        if (!reason.trim()) problems.reason = 'Say why it needs a supervisor, and what you ask of them.';
        setMissing(problems);
        if (problems.supervisorId || problems.reason) {
          save.reset();
          focusSoon(`${formId}-${problems.supervisorId ? 'supervisorId' : 'reason'}`);
          return;
        }
        save.mutate();
      }}
    >
      <SelectField id={`${formId}-supervisorId`} label="Raise it with" value={supervisorId} onChange={(e) => setSupervisorId(e.target.value)} error={supervisorError}>
        {c.supervisors.length > 1 ? <option value="">Choose a supervisor</option> : null}
        {c.supervisors.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextArea
        id={`${formId}-reason`}
        label="Why it needs a supervisor, and what you ask of them"
        hint={`${subject === 'you' ? 'You' : subject} will read this too. The supervisor sees this concern and your conversation, and nothing else from the partnership.`}
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
          Raise it with the supervisor
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Closing a concern: when it was resolved and how, or the form to say so. */
function Resolution({ c, p, onDone }: { c: Concern; p: PartnershipDetail; onDone: () => void }) {
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
  if (c.resolvedAt) {
    return (
      <Alert tone="success" title={`Resolved on ${formatDate(c.resolvedAt)}`}>
        {c.resolutionNote ? <p className="note-body">{c.resolutionNote}</p> : null}
      </Alert>
    );
  }
  if (!c.abilities.resolve) return null;
  if (!open) {
    return (
      <div className="button-row">
        <Button id={`${formId}-open`} variant="secondary" onClick={() => setOpen(true)}>
          Mark as resolved…<span className="visually-hidden"> the concern about {c.subjectName}</span>
        </Button>
      </div>
    );
  }
  return (
    <form
      className="form inner-form"
      aria-label="Mark the concern as resolved"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextArea label="How it was resolved (optional)" hint="Everyone who can read this concern will see it." rows={2} maxLength={1000} value={note} autoFocus onChange={(e) => setNote(e.target.value)} />
      <ErrorAlert error={save.error} />
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          Mark as resolved
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(false);
            save.reset();
            focusSoon(`${formId}-open`);
          }}
        >
          Not yet
        </Button>
      </div>
    </form>
  );
}
