import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type GoalStatus, STEP_STATUSES, type StepStatus } from '../../../../shared/src/domain';
import { ApiError, type Goal, type GoalStep, type PartnershipDetail, type Practice, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { formatDate, formatDateTime } from '../../ui/format';
import { useSignedIn } from '../session/session';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { GoalEvidence } from '../artifacts/ArtifactList';
import { CarriedOver } from './CarriedOver';
import { GoalForm } from './GoalForm';
import { firstName, goalsKey, progressText, responsibleText } from './goalWords';
import { focusSoon } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/** The base of the element ids of one goal's card (its title is `${base}-title`), so focus can find a goal just saved. */
export const goalDomId = (id: string) => `goal-${id}`;

/** Stands for a name in a message, so the name can be shown in bold wherever the language puts it. */
const NAME_MARK = '\u0000';

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
  const t = useT(m);
  const { language } = useLanguage();
  const id = goalDomId(goal.id);
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  /** The version fetched by "Reload the latest version", which the form starts again from. */
  const [reloaded, setReloaded] = useState<Goal | undefined>();
  const [sharing, setSharing] = useState(false);
  const [notice, setNotice] = useState('');
  const subject = p.members.find((m) => m.personId === goal.subjectId);
  const subjectName = subject?.name ?? t('theCoacheeInSentence');
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
          goal={reloaded && reloaded.version > goal.version ? reloaded : goal}
          practices={practices}
          onSaved={() => {
            setEditing(false);
            setNotice(t('changesSaved'));
            focusTitle();
          }}
          onCancel={() => {
            setEditing(false);
            focusTitle();
          }}
          onReload={(latest) => {
            setReloaded(latest);
            setFormKey((k) => k + 1);
          }}
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
        <span className={`status goal-status-${goal.status}`}>{goal.status === 'proposed' && mine ? t('proposedMine') : t('status', { status: goal.status })}</span>
        {p.format === 'peer' ? <span className="meta"> · {mine ? t('yourGoal') : t('whoseGoal', { name: subjectName })}</span> : null}
        {goal.proposedBy !== goal.subjectId ? <span className="meta"> · {goal.proposedBy === me.personId ? t('proposedByYou') : t('proposedBy', { name: goal.proposedByName })}</span> : null}
      </p>
      <div className="goal-progress">
        <p id={`${id}-progress`} className="progress-text">
          {progressText(t, goal)}
        </p>
        {goal.progress.total > 0 ? <progress max={goal.progress.total} value={goal.progress.done} aria-labelledby={`${id}-progress`} /> : null}
      </div>

      {goal.status === 'proposed' ? <ProposedPanel goal={goal} subjectName={subjectName} onNotice={setNotice} onMoved={focusTitle} /> : null}
      {goal.decisionNote && goal.status !== 'proposed' ? (
        <p>
          <span className="meta">
            {goal.status === 'set_aside' ? t('whySetAside') : t('decisionNote')}{' '}
          </span>
          <span className="reason">“{goal.decisionNote}”</span>
        </p>
      ) : null}

      {goal.successLooksLike ? (
        <div className="goal-success">
          <p className="group-title">{mine ? t('successMine') : t('successOther', { name: firstName(subjectName) })}</p>
          <blockquote className="quote">{goal.successLooksLike}</blockquote>
        </div>
      ) : null}
      {goal.childOutcome || names.length ? (
        <dl className="facts stacked">
          {goal.childOutcome ? (
            <div>
              <dt>{t('childOutcome')}</dt>
              <dd>{goal.childOutcome}</dd>
            </div>
          ) : null}
          {names.length ? (
            <div>
              <dt>{t('practices')}</dt>
              <dd>{names.join(', ')}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}

      <ActionPlan goal={goal} p={p} onNotice={setNotice} />
      {p.abilities.readContent ? <GoalEvidence partnershipId={p.id} goalId={goal.id} /> : null}
      {p.abilities.readContent ? <CarriedOver goal={goal} partnershipId={p.id} /> : null}

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
              {t('edit')}
              <span className="visually-hidden"> {t('theGoal', { title: goal.title })}</span>
            </Button>
          ) : null}
          {goal.abilities.share && !sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              {t('share')}
              <span className="visually-hidden"> {t('theGoal', { title: goal.title })}</span>
            </Button>
          ) : null}
          {goal.abilities.share ? <WhoHasSeenLink itemType="goal" itemId={goal.id} title={goal.title} name={t('whoHasSeenName', { title: goal.title })} /> : null}
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'goal', itemId: goal.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
      <p className="meta">
        {goal.updatedAt !== goal.createdAt
          ? t('addedChanged', { when: formatDateTime(goal.createdAt, language), changed: formatDateTime(goal.updatedAt, language) })
          : t('added', { when: formatDateTime(goal.createdAt, language) })}
      </p>
    </article>
  );
}

/** A goal someone proposed: the coachee takes it on or sets it aside; everyone else waits for them. */
function ProposedPanel({ goal, subjectName, onNotice, onMoved }: { goal: Goal; subjectName: string; onNotice: (s: string) => void; onMoved: () => void }) {
  const t = useT(m);
  const [settingAside, setSettingAside] = useState(false);
  const [note, setNote] = useState('');
  const move = useGoalStatus(goal, onNotice, onMoved);
  if (!goal.abilities.decide) {
    return <p className="waiting-banner">{t('waitingFor', { name: subjectName })}</p>;
  }
  // The proposer's name is shown in bold wherever the sentence puts it in the reader's language.
  const [beforeName, afterName] = t('proposedForYou', { name: NAME_MARK }).split(NAME_MARK);
  return (
    <div className="attention decide-panel">
      <p>
        {beforeName}
        <strong>{goal.proposedByName}</strong>
        {afterName}
      </p>
      <MoveError error={move.error} />
      {!settingAside ? (
        <div className="button-row">
          <Button busy={move.isPending} onClick={() => move.mutate({ to: 'active' })}>
            {t('takeOn')}
          </Button>
          <Button variant="secondary" onClick={() => setSettingAside(true)}>
            {t('setAsideOpen')}
          </Button>
        </div>
      ) : (
        <SetAsideForm note={note} setNote={setNote} busy={move.isPending} onSubmit={() => move.mutate({ to: 'set_aside', note })} onCancel={() => setSettingAside(false)} proposer={goal.proposedByName} />
      )}
    </div>
  );
}

function SetAsideForm({ note, setNote, busy, onSubmit, onCancel, proposer }: { note: string; setNote: (s: string) => void; busy: boolean; onSubmit: () => void; onCancel: () => void; proposer?: string }) {
  const t = useT(m);
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
        label={t('noteWhy')}
        hint={proposer ? t('noteHintProposer', { name: proposer }) : t('noteHint')}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="button-row">
        <Button type="submit" busy={busy}>
          {t('setAside')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

function useGoalStatus(goal: Goal, onNotice: (s: string) => void, onMoved: () => void) {
  const t = useT(m);
  const client = useQueryClient();
  const store = useStoreGoal(goal.partnershipId);
  const latest = useLatestVersion(goal.partnershipId);
  return useMutation({
    mutationFn: ({ to, note }: { to: GoalStatus; note?: string }) => api.post<Goal>(`/api/goals/${goal.id}/status`, { to, note: note?.trim() || undefined, baseVersion: latest(goal) }),
    scope: { id: `goal-${goal.id}` },
    onMutate: () => onNotice(''),
    onSuccess: (saved) => {
      store(saved);
      onNotice(t('moved', { status: saved.status }));
      onMoved();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') client.invalidateQueries({ queryKey: goalsKey(goal.partnershipId) });
    },
  });
}

function MoveError({ error }: { error: unknown }) {
  const t = useT(m);
  if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
    return (
      <Alert tone="error" title={t('conflictTitle')}>
        <p>{error.message}</p>
        <p>{t('conflictBody')}</p>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** For the coachee: mark achieved, set aside, or reopen. */
function StatusActions({ goal, onNotice, onMoved }: { goal: Goal; onNotice: (s: string) => void; onMoved: () => void }) {
  const t = useT(m);
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
                {t('markAchieved')}
              </Button>
              <Button variant="secondary" onClick={() => setSettingAside(true)}>
                {t('setAsideOpen')}
              </Button>
            </>
          ) : (
            <Button variant="secondary" busy={move.isPending} onClick={() => move.mutate({ to: 'active' })}>
              {t('reopen')}
              <span className="visually-hidden"> {t('theGoal', { title: goal.title })}</span>
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
  const t = useT(m);
  const { language } = useLanguage();
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
      onNotice(t('stepNow', { number: n, status, progress: progressText(t, saved) }));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') client.invalidateQueries({ queryKey: goalsKey(p.id) });
    },
  });
  const canChange = goal.abilities.edit && goal.status === 'active';
  if (goal.steps.length === 0) return null;
  return (
    <div className="action-plan">
      <h4>{t('actionPlan')}</h4>
      <MoveError error={change.error} />
      <ol className="step-list">
        {goal.steps.map((s, i) => {
          const shown = change.isPending && change.variables?.step.id === s.id ? change.variables.status : s.status;
          return (
            <li key={s.id} className={['step', `step-${s.status}`, s.overdue ? 'step-overdue' : ''].filter(Boolean).join(' ')}>
              <p className="step-description">{s.description}</p>
              <dl className="step-facts">
                <div>
                  <dt>{t('who')}</dt>
                  <dd>{responsibleText(t, s.responsible, p, goal.subjectId, me.personId)}</dd>
                </div>
                {s.dueOn ? (
                  <div>
                    <dt>{t('by')}</dt>
                    <dd>
                      {formatDate(s.dueOn, language)}
                      {s.overdue ? <span className="overdue-tag"> {t('overdue')}</span> : null}
                    </dd>
                  </div>
                ) : null}
                {s.resources ? (
                  <div>
                    <dt>{t('resources')}</dt>
                    <dd>{s.resources}</dd>
                  </div>
                ) : null}
                {!canChange ? (
                  <div>
                    <dt>{t('statusLabel')}</dt>
                    <dd>{s.status === 'done' && s.completedAt ? t('doneOn', { date: formatDate(s.completedAt, language) }) : t('stepStatus', { status: s.status })}</dd>
                  </div>
                ) : null}
              </dl>
              {canChange ? (
                <SelectField
                  className="step-status"
                  label={
                    <>
                      {t('statusLabel')}
                      <span className="visually-hidden"> {t('ofStep', { number: i + 1 })}</span>
                    </>
                  }
                  value={shown}
                  onChange={(e) => change.mutate({ step: s, status: e.target.value as StepStatus })}
                >
                  {STEP_STATUSES.map((st) => (
                    <option key={st} value={st}>
                      {t('stepStatus', { status: st })}
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
