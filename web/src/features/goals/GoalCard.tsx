import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type GoalStatus, STEP_STATUSES, type StepStatus } from '../../../../shared/src/domain';
import { ApiError, type Goal, type GoalStep, type PartnershipDetail, type Practice, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { formatDate, formatDateTime } from '../../ui/format';
import { useSignedIn } from '../session/session';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { GoalForm } from './GoalForm';
import { GOAL_STATUS_LABEL, MOVED_MESSAGE, STEP_STATUS_LABEL, firstName, goalsKey, progressText, responsibleLabel } from './goalWords';
import { focusSoon } from '../../ui/focus';

/** Puts the server's answer for one goal into the list, so the next change starts from its version. */
function useStoreGoal(partnershipId: string) {
  const client = useQueryClient();
  return (saved: Goal) =>
    client.setQueryData<{ items: Goal[] }>(goalsKey(partnershipId), (old) => (old ? { items: old.items.map((g) => (g.id === saved.id ? saved : g)) } : old));
}

/** The goal's latest version as this browser knows it (a change may have landed since the last render). */
function useLatestVersion(partnershipId: string) {
  const client = useQueryClient();
  return (goal: Goal) => client.getQueryData<{ items: Goal[] }>(goalsKey(partnershipId))?.items.find((g) => g.id === goal.id)?.version ?? goal.version;
}

/** One goal: what it is for, where it stands, its action plan, and what the viewer may do with it. */
export function GoalCard({ goal, p, practices }: { goal: Goal; p: PartnershipDetail; practices: Practice[] }) {
  const me = useSignedIn();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [sharing, setSharing] = useState(false);
  const [notice, setNotice] = useState('');
  const subject = p.members.find((m) => m.personId === goal.subjectId);
  const subjectName = subject?.name ?? 'the coachee';
  const mine = goal.subjectId === me.personId;
  // After a change that rebuilds the card (or moves it in the list), bring keyboard focus back to its title.
  const focusTitle = () => focusSoon(`${id}-title`);
  const names = goal.practiceIds.map((pid) => practices.find((pr) => pr.id === pid)?.name).filter(Boolean) as string[];

  if (editing) {
    return (
      <article className="card goal-card" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="visually-hidden">
          {goal.title}
        </h3>
        <GoalForm
          key={formKey}
          p={p}
          goal={goal}
          practices={practices}
          onSaved={() => {
            setEditing(false);
            setNotice('Your changes are saved.');
            focusTitle();
          }}
          onCancel={() => {
            setEditing(false);
            focusTitle();
          }}
          onReload={() => setFormKey((k) => k + 1)}
        />
      </article>
    );
  }

  return (
    <article className={`card goal-card goal-${goal.status}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1}>
        {goal.title}
      </h3>
      <p className="goal-meta">
        <span className={`status goal-status-${goal.status}`}>{goal.status === 'proposed' && mine ? 'Proposed — waiting for you' : GOAL_STATUS_LABEL[goal.status]}</span>
        {p.format === 'peer' ? <span className="meta"> · {mine ? 'Your goal' : `${subjectName}’s goal`}</span> : null}
        {goal.proposedBy !== goal.subjectId ? <span className="meta"> · proposed by {goal.proposedBy === me.personId ? 'you' : goal.proposedByName}</span> : null}
      </p>
      <div className="goal-progress">
        <p id={`${id}-progress`} className="progress-text">
          {progressText(goal)}
        </p>
        {goal.progress.total > 0 ? <progress max={goal.progress.total} value={goal.progress.done} aria-labelledby={`${id}-progress`} /> : null}
      </div>

      {goal.status === 'proposed' ? <ProposedPanel goal={goal} subjectName={subjectName} onNotice={setNotice} onMoved={focusTitle} /> : null}
      {goal.decisionNote && goal.status !== 'proposed' ? (
        <p>
          <span className="meta">{goal.status === 'set_aside' ? 'Why it was set aside: ' : 'A note on the decision: '}</span>
          <span className="reason">“{goal.decisionNote}”</span>
        </p>
      ) : null}

      {goal.successLooksLike ? (
        <div className="goal-success">
          <p className="group-title">What success looks like, in {mine ? 'your' : `${firstName(subjectName)}’s`} words</p>
          <blockquote className="quote">{goal.successLooksLike}</blockquote>
        </div>
      ) : null}
      {goal.childOutcome || names.length ? (
        <dl className="facts stacked">
          {goal.childOutcome ? (
            <div>
              <dt>What it changes for children</dt>
              <dd>{goal.childOutcome}</dd>
            </div>
          ) : null}
          {names.length ? (
            <div>
              <dt>Practices</dt>
              <dd>{names.join(', ')}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}

      <ActionPlan goal={goal} p={p} onNotice={setNotice} />

      <div className="goal-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>

      {goal.abilities.decide && goal.status !== 'proposed' ? <StatusActions goal={goal} onNotice={setNotice} onMoved={focusTitle} /> : null}
      {goal.abilities.edit || goal.abilities.share ? (
        <div className="button-row">
          {goal.abilities.edit ? (
            <Button
              variant="secondary"
              onClick={() => {
                setNotice('');
                setEditing(true);
              }}
            >
              Edit<span className="visually-hidden"> the goal “{goal.title}”</span>
            </Button>
          ) : null}
          {goal.abilities.share && !sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              Share…<span className="visually-hidden"> the goal “{goal.title}”</span>
            </Button>
          ) : null}
          {goal.abilities.share ? <WhoHasSeenLink itemType="goal" itemId={goal.id} title={goal.title} name={`goal “${goal.title}”`} /> : null}
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'goal', itemId: goal.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
      <p className="meta">
        Added {formatDateTime(goal.createdAt)}
        {goal.updatedAt !== goal.createdAt ? ` · last changed ${formatDateTime(goal.updatedAt)}` : ''}
      </p>
    </article>
  );
}

/** A goal someone proposed: the coachee takes it on or sets it aside; everyone else waits for them. */
function ProposedPanel({ goal, subjectName, onNotice, onMoved }: { goal: Goal; subjectName: string; onNotice: (s: string) => void; onMoved: () => void }) {
  const [settingAside, setSettingAside] = useState(false);
  const [note, setNote] = useState('');
  const move = useGoalStatus(goal, onNotice, onMoved);
  if (!goal.abilities.decide) {
    return (
      <p className="waiting-banner">
        Waiting for {subjectName} to decide whether to take this goal on.
      </p>
    );
  }
  return (
    <div className="attention decide-panel">
      <p>
        <strong>{goal.proposedByName}</strong> proposed this goal for you. It is your goal to take on or set aside — either answer is fine.
      </p>
      <MoveError error={move.error} />
      {!settingAside ? (
        <div className="button-row">
          <Button busy={move.isPending} onClick={() => move.mutate({ to: 'active' })}>
            Take this goal on
          </Button>
          <Button variant="secondary" onClick={() => setSettingAside(true)}>
            Set it aside…
          </Button>
        </div>
      ) : (
        <SetAsideForm note={note} setNote={setNote} busy={move.isPending} onSubmit={() => move.mutate({ to: 'set_aside', note })} onCancel={() => setSettingAside(false)} proposer={goal.proposedByName} />
      )}
    </div>
  );
}

function SetAsideForm({ note, setNote, busy, onSubmit, onCancel, proposer }: { note: string; setNote: (s: string) => void; busy: boolean; onSubmit: () => void; onCancel: () => void; proposer?: string }) {
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <TextArea
        label="A note about why (optional)"
        hint={proposer ? `${proposer} and everyone in the partnership can read it.` : 'Everyone in the partnership can read it.'}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="button-row">
        <Button type="submit" busy={busy}>
          Set it aside
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function useGoalStatus(goal: Goal, onNotice: (s: string) => void, onMoved: () => void) {
  const client = useQueryClient();
  const store = useStoreGoal(goal.partnershipId);
  const latest = useLatestVersion(goal.partnershipId);
  return useMutation({
    mutationFn: ({ to, note }: { to: GoalStatus; note?: string }) => api.post<Goal>(`/api/goals/${goal.id}/status`, { to, note: note?.trim() || undefined, baseVersion: latest(goal) }),
    scope: { id: `goal-${goal.id}` },
    onMutate: () => onNotice(''),
    onSuccess: (saved) => {
      store(saved);
      onNotice(MOVED_MESSAGE[saved.status]);
      onMoved();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') client.invalidateQueries({ queryKey: goalsKey(goal.partnershipId) });
    },
  });
}

function MoveError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
    return (
      <Alert tone="error" title="Someone changed this goal just now">
        <p>{error.message}</p>
        <p>The latest version is shown now — have a look, then try again.</p>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** For the coachee: mark achieved, set aside, or reopen. */
function StatusActions({ goal, onNotice, onMoved }: { goal: Goal; onNotice: (s: string) => void; onMoved: () => void }) {
  const [settingAside, setSettingAside] = useState(false);
  const [note, setNote] = useState('');
  const move = useGoalStatus(
    goal,
    (s) => {
      onNotice(s);
      if (s) {
        setSettingAside(false);
        setNote('');
      }
    },
    onMoved,
  );
  return (
    <div className="goal-actions">
      <MoveError error={move.error} />
      {settingAside ? (
        <SetAsideForm note={note} setNote={setNote} busy={move.isPending} onSubmit={() => move.mutate({ to: 'set_aside', note })} onCancel={() => setSettingAside(false)} />
      ) : (
        <div className="button-row">
          {goal.status === 'active' ? (
            <>
              <Button busy={move.isPending} onClick={() => move.mutate({ to: 'achieved' })}>
                Mark as achieved
              </Button>
              <Button variant="secondary" onClick={() => setSettingAside(true)}>
                Set it aside…
              </Button>
            </>
          ) : (
            <Button variant="secondary" busy={move.isPending} onClick={() => move.mutate({ to: 'active' })}>
              Reopen<span className="visually-hidden"> the goal “{goal.title}”</span>
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/** The steps in order; members change a step's status right here while the goal is active. */
function ActionPlan({ goal, p, onNotice }: { goal: Goal; p: PartnershipDetail; onNotice: (s: string) => void }) {
  const me = useSignedIn();
  const client = useQueryClient();
  const store = useStoreGoal(p.id);
  const latest = useLatestVersion(p.id);
  const change = useMutation({
    mutationFn: ({ step, status }: { step: GoalStep; status: StepStatus }) => api.patch<Goal>(`/api/goals/${goal.id}/steps/${step.id}`, { status, baseVersion: latest(goal) }),
    scope: { id: `goal-${goal.id}` },
    onMutate: () => onNotice(''),
    onSuccess: (saved, { step, status }) => {
      store(saved);
      const n = saved.steps.findIndex((s) => s.id === step.id) + 1;
      onNotice(`Step ${n} is now “${STEP_STATUS_LABEL[status].toLowerCase()}”. ${progressText(saved)}.`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') client.invalidateQueries({ queryKey: goalsKey(p.id) });
    },
  });
  const canChange = goal.abilities.edit && goal.status === 'active';
  if (goal.steps.length === 0) return null;
  return (
    <div className="action-plan">
      <h4>Action plan</h4>
      <MoveError error={change.error} />
      <ol className="step-list">
        {goal.steps.map((s, i) => {
          const shown = change.isPending && change.variables?.step.id === s.id ? change.variables.status : s.status;
          return (
            <li key={s.id} className={['step', `step-${s.status}`, s.overdue ? 'step-overdue' : ''].filter(Boolean).join(' ')}>
              <p className="step-description">{s.description}</p>
              <dl className="step-facts">
                <div>
                  <dt>Who</dt>
                  <dd>{responsibleLabel(s.responsible, p, goal.subjectId, me.personId)}</dd>
                </div>
                {s.dueOn ? (
                  <div>
                    <dt>By</dt>
                    <dd>
                      {formatDate(s.dueOn)}
                      {s.overdue ? <span className="overdue-tag"> Overdue</span> : null}
                    </dd>
                  </div>
                ) : null}
                {s.resources ? (
                  <div>
                    <dt>Resources</dt>
                    <dd>{s.resources}</dd>
                  </div>
                ) : null}
                {!canChange ? (
                  <div>
                    <dt>Status</dt>
                    <dd>
                      {STEP_STATUS_LABEL[s.status]}
                      {s.status === 'done' && s.completedAt ? ` (${formatDate(s.completedAt)})` : ''}
                    </dd>
                  </div>
                ) : null}
              </dl>
              {canChange ? (
                <SelectField
                  className="step-status"
                  label={
                    <>
                      Status<span className="visually-hidden"> of step {i + 1}</span>
                    </>
                  }
                  value={shown}
                  onChange={(e) => change.mutate({ step: s, status: e.target.value as StepStatus })}
                >
                  {STEP_STATUSES.map((st) => (
                    <option key={st} value={st}>
                      {STEP_STATUS_LABEL[st]}
                    </option>
                  ))}
                </SelectField>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
