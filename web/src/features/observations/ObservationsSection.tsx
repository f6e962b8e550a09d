import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { DATA_METHOD_INFO, FOCUS_PROMPTS } from '../../../../shared/src/prompts';
import { ApiError, type ObservationPlan, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, Section } from '../../ui/Page';
import { formatDateTime, formatTime } from '../../ui/format';
import { firstName, subjectsOf } from '../goals/goalWords';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { DataFormPreview } from './DataFormPreview';
import { formatDay, planOrder, planStatusText, plansKey, subjectFirstName, subjectOf } from './observationWords';
import { PlanForm } from './PlanForm';
import { ObservationRecords } from './review/ObservationRecords';
import { focusSaved, focusSoon } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/** Observation plans: the focus conversation before a visit, and the data form the coachee sees and confirms first. */
export function ObservationsSection() {
  const t = useT(m);
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
  if (!p.abilities.readContent) return <p>{t('membersOnly')}</p>;

  const subjects = subjectsOf(p);
  // Whether the viewer may plan one is the server's decision; a plan also needs a coachee to be about.
  const canPlan = p.abilities.planObservations && subjects.length > 0;
  const items = [...(plans.data?.items ?? [])].sort(planOrder);
  const onlySubject = subjects.length === 1 ? subjects[0] : null;
  const iAmOnlySubject = onlySubject?.personId === me.personId;

  return (
    <Section title={t('title')} id="observations">
      <p className="lead">
        {onlySubject && !iAmOnlySubject ? t('leadOther', { name: firstName(onlySubject.name) }) : iAmOnlySubject ? t('leadMine') : t('leadAnyone')}
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
          {t('planObservation')}
        </Button>
      ) : null}
      {writing ? (
        <PlanForm
          p={p}
          onSaved={(saved) => {
            setWriting(false);
            const subject = subjectOf(saved, p);
            setNotice(saved.status === 'confirmed' ? t('savedConfirmed') : t('savedDraft', { name: subject ? firstName(subject.name) : t('TheCoachee') }));
            focusSaved(`${planDomId(saved.id)}-title`);
          }}
          onCancel={() => {
            setWriting(false);
            backToOpen();
          }}
        />
      ) : null}
      {plans.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={plans.error} />
      {!plans.isPending && !plans.error && items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="plain-list plan-list" aria-label={t('title')}>
        {items.map((plan) => (
          <li key={plan.id}>
            <PlanCard plan={plan} p={p} />
          </li>
        ))}
      </ul>
      <ObservationRecords p={p} plans={plans.data?.items ?? []} />
    </Section>
  );
}

/** The base of the element ids of one plan's card (its title is `${base}-title`), so focus can find a plan just saved. */
const planDomId = (id: string) => `plan-${id}`;

/** One plan: its status, the answers to the focus conversation, the data form, and what the viewer may do. */
function PlanCard({ plan, p }: { plan: ObservationPlan; p: PartnershipDetail }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  const id = planDomId(plan.id);
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  /** The version fetched by "Reload the latest version", which the form starts again from. */
  const [reloaded, setReloaded] = useState<ObservationPlan | undefined>();
  const [sharing, setSharing] = useState(false);
  const [notice, setNotice] = useState('');
  const focusTitle = () => focusSoon(`${id}-title`);
  const subject = subjectOf(plan, p);
  const mine = plan.subjectId === me.personId;
  const subjectFirst = subjectFirstName(t, subject);

  if (editing) {
    return (
      <article className="card plan-card" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="visually-hidden">
          {plan.focus}
        </h3>
        <PlanForm
          key={formKey}
          p={p}
          plan={reloaded && reloaded.version > plan.version ? reloaded : plan}
          onSaved={(saved) => {
            setEditing(false);
            setNotice(
              saved.status === 'draft'
                ? t(plan.status === 'confirmed' ? 'changesSavedDraftAgain' : 'changesSavedDraft', { name: subjectFirst })
                : mine
                  ? t('changesSavedStillConfirmed')
                  : t('changesSaved'),
            );
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

  const prompts = FOCUS_PROMPTS[language];
  const answers = prompts.filter((pr) => ['currentPicture', 'successLooksLike', 'lookFor', 'when'].includes(pr.key))
    .map((pr) => ({ prompt: pr.prompt, answer: plan[pr.key as 'currentPicture' | 'successLooksLike' | 'lookFor' | 'when'] }))
    .filter((a) => a.answer.trim());
  const focusPrompt = prompts.find((pr) => pr.key === 'focus')?.prompt ?? t('focus');

  return (
    <article className={`card plan-card plan-${plan.status}`} aria-labelledby={`${id}-title`}>
      <p className="meta">{focusPrompt}</p>
      <h3 id={`${id}-title`} tabIndex={-1} className="plan-focus">
        {plan.focus}
      </h3>
      <p className="plan-meta">
        <span className={`status plan-status-${plan.status}`}>{planStatusText(t, language, plan, p, me.personId)}</span>
        {subjectsOf(p).length > 1 ? <span className="meta"> · {mine ? t('yourClassroom') : t('classroomOf', { name: subject?.name ?? t('theCoachee') })}</span> : null}
      </p>
      <dl className="facts stacked plan-facts">
        {plan.meetingStartsAt ? (
          <div>
            <dt>{t('visit')}</dt>
            <dd>{t('visitOn', { day: formatDay(plan.meetingStartsAt, language), time: formatTime(plan.meetingStartsAt, language) })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('how')}</dt>
          <dd>{t('howValue', { method: DATA_METHOD_INFO[language][plan.dataForm.method].label, mode: plan.mode })}</dd>
        </div>
        {plan.goalTitle ? (
          <div>
            <dt>{t('goal')}</dt>
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
          <p className="waiting-banner">{t('waitingForConfirm', { who: mine ? 'me' : 'other', name: subjectFirst })}</p>
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
              {t('changePlan')}<span className="visually-hidden"> {t('quoted', { title: plan.focus })}</span>
            </Button>
          ) : null}
          {plan.abilities.share && !sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              {t('share')}<span className="visually-hidden"> {t('shareHidden', { focus: plan.focus })}</span>
            </Button>
          ) : null}
          {plan.abilities.share ? <WhoHasSeenLink itemType="observation_plan" itemId={plan.id} title={plan.focus} name={t('whoHasSeenName', { focus: plan.focus })} /> : null}
        </div>
      ) : null}
      {plan.status === 'confirmed' && plan.abilities.edit && !mine ? (
        <p className="muted">{t('confirmedChangeWarning', { name: subjectFirst })}</p>
      ) : null}
      {sharing ? (
        <ShareForm partnershipId={p.id} target={{ itemType: 'observation_plan', itemId: plan.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} />
      ) : null}
      <p className="meta">
        {t(plan.updatedAt !== plan.createdAt ? 'draftedChanged' : 'drafted', {
          who: plan.createdById === me.personId ? 'me' : 'other',
          name: plan.createdBy,
          date: formatDateTime(plan.createdAt, language),
          changed: formatDateTime(plan.updatedAt, language),
        })}
      </p>
    </article>
  );
}

/** For the coachee: read the plan and the data form, then confirm it. */
function ConfirmPanel({ plan, onConfirmed }: { plan: ObservationPlan; onConfirmed: (message: string) => void }) {
  const t = useT(m);
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => {
      const latest = client.getQueryData<{ items: ObservationPlan[] }>(plansKey(plan.partnershipId))?.items.find((x) => x.id === plan.id)?.version ?? plan.version;
      return api.post<ObservationPlan>(`/api/observation-plans/${plan.id}/confirmation`, { baseVersion: latest });
    },
    onSuccess: (saved) => {
      client.setQueryData<{ items: ObservationPlan[] }>(plansKey(plan.partnershipId), (old) => (old ? { items: old.items.map((x) => (x.id === saved.id ? saved : x)) } : old));
      onConfirmed(t('confirmed'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') client.invalidateQueries({ queryKey: plansKey(plan.partnershipId) });
    },
  });
  const conflict = confirm.error instanceof ApiError && confirm.error.code === 'VERSION_CONFLICT';
  return (
    <div className="attention confirm-panel">
      <p>
        <strong>{t('confirmQuestion')}</strong> {t('confirmExplain')}
      </p>
      {conflict ? (
        <Alert tone="error" title={t('changedJustNow')}>
          <p>{(confirm.error as ApiError).message}</p>
          <p>{t('latestShown')}</p>
        </Alert>
      ) : (
        <ErrorAlert error={confirm.error} />
      )}
      <div className="button-row">
        <Button busy={confirm.isPending} onClick={() => confirm.mutate()}>
          {t('confirmPlan')}
        </Button>
      </div>
    </div>
  );
}
