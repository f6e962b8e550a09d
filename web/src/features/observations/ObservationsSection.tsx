import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { DATA_METHOD_INFO, FOCUS_PROMPTS } from '../../../../shared/src/prompts';
import { ApiError, type ObservationPlan, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { firstName, subjectsOf } from '../goals/goalWords';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { formatDay, formatTime } from '../sessions/sessionWords';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { DataFormPreview } from './DataFormPreview';
import { MODE_LABEL, drafterName, planOrder, planStatusText, plansKey, subjectOf } from './observationWords';
import { PlanForm } from './PlanForm';
import { focusSoon } from '../../ui/focus';

/** Observation plans: the focus conversation before a visit, and the data form the coachee sees and confirms first. */
export function ObservationsSection() {
  const p = usePartnership();
  const me = useSignedIn();
  const plans = useQuery({
    queryKey: plansKey(p.id),
    queryFn: () => api.get<{ items: ObservationPlan[] }>(`/api/partnerships/${p.id}/observation-plans`),
    enabled: p.abilities.readContent,
  });
  const [writing, setWriting] = useState(false);
  const [notice, setNotice] = useState('');
  const openId = useId();
  const backToOpen = () => focusSoon(openId);
  if (!p.abilities.readContent) return <p>Observation plans belong to the people in this partnership. The coachee can choose to share one with you.</p>;

  const subjects = subjectsOf(p);
  // Whether the viewer may plan one is the server's decision; a plan also needs a coachee to be about.
  const canPlan = p.abilities.planObservations && subjects.length > 0;
  const items = [...(plans.data?.items ?? [])].sort(planOrder);
  const onlySubject = subjects.length === 1 ? subjects[0] : null;
  const iAmOnlySubject = onlySubject?.personId === me.personId;

  return (
    <Section title="Observation plans" id="observations">
      <p className="lead">
        Before any observation you talk it through: what to look at, how it is going now, what success would look like, and how the data is gathered.
        {onlySubject && !iAmOnlySubject
          ? ` ${firstName(onlySubject.name)} chooses the focus and sees the exact data form before the visit; a plan you draft waits until ${firstName(onlySubject.name)} confirms it.`
          : iAmOnlySubject
            ? ' You choose the focus and see the exact data form before the visit; a plan your partner drafts waits until you confirm it.'
            : ' Whoever is observed chooses the focus and sees the exact data form before the visit; a plan a partner drafts waits until they confirm it.'}
      </p>
      <div className="plan-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {canPlan && !writing ? (
        <Button
          id={openId}
          onClick={() => {
            setNotice('');
            setWriting(true);
          }}
        >
          Plan an observation
        </Button>
      ) : null}
      {writing ? (
        <PlanForm
          p={p}
          onSaved={(saved) => {
            setWriting(false);
            const subject = subjectOf(saved, p);
            setNotice(
              saved.status === 'confirmed'
                ? 'Your plan is saved and confirmed: your partner will gather exactly this data.'
                : `The plan is saved as a draft. ${subject ? firstName(subject.name) : 'The coachee'} will see the data form and confirm it before the visit.`,
            );
            backToOpen();
          }}
          onCancel={() => {
            setWriting(false);
            backToOpen();
          }}
        />
      ) : null}
      {plans.isPending ? <Loading what="observation plans" /> : null}
      <ErrorAlert error={plans.error} />
      {!plans.isPending && !plans.error && items.length === 0 ? <p>No observation plans yet. A good first focus is one small moment of the day you are curious about.</p> : null}
      <ul className="plain-list plan-list" aria-label="Observation plans">
        {items.map((plan) => (
          <li key={plan.id}>
            <PlanCard plan={plan} p={p} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** One plan: its status, the answers to the focus conversation, the data form, and what the viewer may do. */
function PlanCard({ plan, p }: { plan: ObservationPlan; p: PartnershipDetail }) {
  const me = useSignedIn();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [sharing, setSharing] = useState(false);
  const [notice, setNotice] = useState('');
  const focusTitle = () => focusSoon(`${id}-title`);
  const subject = subjectOf(plan, p);
  const mine = plan.subjectId === me.personId;
  const subjectFirst = subject ? firstName(subject.name) : 'the coachee';

  if (editing) {
    return (
      <article className="card plan-card" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="visually-hidden">
          {plan.focus}
        </h3>
        <PlanForm
          key={formKey}
          p={p}
          plan={plan}
          onSaved={(saved) => {
            setEditing(false);
            setNotice(
              saved.status === 'draft'
                ? `Your changes are saved. The plan is a draft ${plan.status === 'confirmed' ? 'again ' : ''}until ${subjectFirst} confirms it.`
                : mine
                  ? 'Your changes are saved, and the plan stays confirmed.'
                  : 'Your changes are saved.',
            );
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

  const answers = FOCUS_PROMPTS.filter((pr) => ['currentPicture', 'successLooksLike', 'lookFor', 'when'].includes(pr.key))
    .map((pr) => ({ prompt: pr.prompt, answer: plan[pr.key as 'currentPicture' | 'successLooksLike' | 'lookFor' | 'when'] }))
    .filter((a) => a.answer.trim());
  const focusPrompt = FOCUS_PROMPTS.find((pr) => pr.key === 'focus')?.prompt ?? 'Focus';

  return (
    <article className={`card plan-card plan-${plan.status}`} aria-labelledby={`${id}-title`}>
      <p className="meta">{focusPrompt}</p>
      <h3 id={`${id}-title`} tabIndex={-1} className="plan-focus">
        {plan.focus}
      </h3>
      <p className="plan-meta">
        <span className={`status plan-status-${plan.status}`}>{planStatusText(plan, p, me.personId)}</span>
        {subjectsOf(p).length > 1 ? <span className="meta"> · {mine ? 'your classroom' : `${subject?.name ?? 'the coachee'}’s classroom`}</span> : null}
      </p>
      <dl className="facts stacked plan-facts">
        {plan.meetingStartsAt ? (
          <div>
            <dt>Visit</dt>
            <dd>
              Observation on {formatDay(plan.meetingStartsAt)}, {formatTime(plan.meetingStartsAt)}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>How</dt>
          <dd>
            {DATA_METHOD_INFO[plan.dataForm.method].label}, {MODE_LABEL[plan.mode].toLowerCase()}
          </dd>
        </div>
        {plan.goalTitle ? (
          <div>
            <dt>Goal</dt>
            <dd>{plan.goalTitle}</dd>
          </div>
        ) : null}
      </dl>
      {answers.length ? (
        <dl className="answers">
          {answers.map((a) => (
            <div key={a.prompt}>
              <dt>{a.prompt}</dt>
              <dd className="note-body">{a.answer}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <DataFormPreview form={plan.dataForm} />

      <div className="goal-notice" role="status">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {plan.status === 'draft' ? (
        plan.abilities.confirm ? (
          <ConfirmPanel plan={plan} onConfirmed={(msg) => {
              setNotice(msg);
              focusTitle();
            }} />
        ) : (
          <p className="waiting-banner">Waiting for {mine ? 'you' : subjectFirst} to look at the plan and the data form, and confirm them.</p>
        )
      ) : null}
      {plan.abilities.edit || plan.abilities.share ? (
        <div className="button-row">
          {plan.abilities.edit ? (
            <Button
              variant="secondary"
              onClick={() => {
                setNotice('');
                setEditing(true);
              }}
            >
              Change the plan<span className="visually-hidden"> “{plan.focus}”</span>
            </Button>
          ) : null}
          {plan.abilities.share && !sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              Share…<span className="visually-hidden"> the observation plan “{plan.focus}”</span>
            </Button>
          ) : null}
          {plan.abilities.share ? <WhoHasSeenLink itemType="observation_plan" itemId={plan.id} title={plan.focus} name={`observation plan “${plan.focus}”`} /> : null}
        </div>
      ) : null}
      {plan.status === 'confirmed' && plan.abilities.edit && !mine ? (
        <p className="muted">If you change this confirmed plan, it goes back to draft until {subjectFirst} confirms it again.</p>
      ) : null}
      {sharing ? (
        <ShareForm partnershipId={p.id} target={{ itemType: 'observation_plan', itemId: plan.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} />
      ) : null}
      <p className="meta">
        Drafted by {drafterName(plan, me)} on {formatDateTime(plan.createdAt)}
        {plan.updatedAt !== plan.createdAt ? ` · last changed ${formatDateTime(plan.updatedAt)}` : ''}
      </p>
    </article>
  );
}

/** For the coachee: read the plan and the data form, then confirm it. */
function ConfirmPanel({ plan, onConfirmed }: { plan: ObservationPlan; onConfirmed: (message: string) => void }) {
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => {
      const latest = client.getQueryData<{ items: ObservationPlan[] }>(plansKey(plan.partnershipId))?.items.find((x) => x.id === plan.id)?.version ?? plan.version;
      return api.post<ObservationPlan>(`/api/observation-plans/${plan.id}/confirmation`, { baseVersion: latest });
    },
    onSuccess: (saved) => {
      client.setQueryData<{ items: ObservationPlan[] }>(plansKey(plan.partnershipId), (old) => (old ? { items: old.items.map((x) => (x.id === saved.id ? saved : x)) } : old));
      onConfirmed('Confirmed. Your partner will gather exactly this data, and nothing else.');
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') client.invalidateQueries({ queryKey: plansKey(plan.partnershipId) });
    },
  });
  const conflict = confirm.error instanceof ApiError && confirm.error.code === 'VERSION_CONFLICT';
  return (
    <div className="attention confirm-panel">
      <p>
        <strong>Is this what you want looked at?</strong> Read the focus and the data form above. When they are right, confirm the plan; if not, change it
        first.
      </p>
      {conflict ? (
        <Alert tone="error" title="The plan changed just now">
          <p>{(confirm.error as ApiError).message}</p>
          <p>The latest version is shown now — read it again, then confirm.</p>
        </Alert>
      ) : (
        <ErrorAlert error={confirm.error} />
      )}
      <div className="button-row">
        <Button busy={confirm.isPending} onClick={() => confirm.mutate()}>
          Confirm this plan
        </Button>
      </div>
    </div>
  );
}
