import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { Responsible } from '../../../../shared/src/domain';
import { REFLECTION_PROMPTS_BY_LANGUAGE } from '../../../../shared/src/prompts';
import { ApiError, type CreateReflectionBody, type Goal, type Meeting, type Observation, type ObservationPlan, type PartnershipDetail, type Reflection, api, query } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Loading } from '../../ui/Page';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { GOAL_ORDER, firstName, goalsKey, responsibleOptions, responsibleText, subjectsOf } from '../goals/goalWords';
import { m as goalWords } from '../goals/messages';
import { plansKey } from '../observations/observationWords';
import { observationKey } from '../observations/review/recordWords';
import { useSignedIn } from '../session/session';
import { meetingsKey } from '../sessions/sessionWords';
import { coacheeHasReflected, newestFirst, reflectableMeetings, reflectionsKey, sessionOption } from './reflectionWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';
import { useLanguage, useT } from '../../i18n';
import { ListeningMoves } from '../feedback/ListeningMoves';
import { m as words } from './messages';
import { ReflectionData } from './ReflectionData';

interface StepDraft {
  key: string;
  description: string;
  responsible: Responsible;
  dueOn: string;
}
let nextKey = 0;
const blankStep = (): StepDraft => ({ key: `s-${++nextKey}`, description: '', responsible: 'coachee', dueOn: '' });

/**
 * Reflect on a session or on data: the coachee's prompts or the partner's,
 * and — for the coachee — next steps that go straight into a goal's plan.
 * With a session chosen, the coachee reflects first. `observationId`: the observation to
 * reflect on, when opened from its review screen — its graphics come first, each data row
 * quotable into the answer with one tap, and the partner waits until the coachee has written
 * (the observation says when). `initialPlanId`: the plan to start on (older links).
 */
export function ReflectionForm({ p, reflections, onSaved, initialPlanId = '', observationId = '' }: { p: PartnershipDetail; reflections: Reflection[]; onSaved: (r: Reflection) => void; initialPlanId?: string; observationId?: string }) {
  const t = useT(words);
  // Who carries a next step is said as Goals says it: the step goes into a goal's plan.
  const tGoals = useT(goalWords);
  const { language } = useLanguage();
  const me = useSignedIn();
  const client = useQueryClient();
  const formId = useId();
  const subjects = subjectsOf(p);
  const [subjectId, setSubjectId] = useState(() => (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [meetingId, setMeetingId] = useState('');
  const [planId, setPlanId] = useState(initialPlanId);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [steps, setSteps] = useState<StepDraft[]>([]);
  const [goalId, setGoalId] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  /** Bumped when the form refuses to send (an answer is missing), so focus goes to the first one. */
  const [refused, setRefused] = useState(0);
  const [announce, setAnnounce] = useState('');
  /** The answer a tapped data line goes into: the prompt last written in (the first until then). */
  const [quoteInto, setQuoteInto] = useState('');
  const [quoted, setQuoted] = useState('');
  const focusNext = useRef<string | null>(null);

  const meetings = useQuery({
    queryKey: meetingsKey(p.id),
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/partnerships/${p.id}/meetings${query({ limit: 200 })}`),
  });
  const plans = useQuery({ queryKey: plansKey(p.id), queryFn: () => api.get<{ items: ObservationPlan[] }>(`/api/partnerships/${p.id}/observation-plans`) });
  const goals = useQuery({ queryKey: goalsKey(p.id), queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${p.id}/goals`) });
  const observation = useQuery({ queryKey: observationKey(observationId), queryFn: () => api.get<Observation>(`/api/observations/${observationId}`), enabled: !!observationId });
  // On an observation, the round is its coachee's.
  const observedSubject = observation.data?.subjectId;
  useEffect(() => {
    if (observedSubject) setSubjectId(observedSubject);
  }, [observedSubject]);

  const own = subjectId === me.personId;
  const voice = own ? 'coachee' : 'partner';
  const prompts = REFLECTION_PROMPTS_BY_LANGUAGE[language][voice];
  const subject = subjects.find((s) => s.personId === subjectId);
  const subjectFirst = subject ? firstName(subject.name) : t('theCoachee');
  const sessions = reflectableMeetings(meetings.data?.items ?? []);
  const subjectPlans = (plans.data?.items ?? []).filter((x) => x.subjectId === subjectId);
  const subjectGoals = [...(goals.data?.items ?? [])].filter((g) => g.subjectId === subjectId && g.status === 'active').sort((a, b) => GOAL_ORDER[a.status] - GOAL_ORDER[b.status]);
  // On an observation, the server says whether its coachee has reflected (coacheeReflectedAt).
  const waitForCoachee = observationId
    ? voice === 'partner' && !!observation.data && !observation.data.coacheeReflectedAt
    : voice === 'partner' && !!(meetingId || planId) && !coacheeHasReflected(reflections, subjectId, { meetingId, planId });

  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    const el = document.getElementById(next);
    (el?.matches('input, textarea, select') ? el : el?.querySelector<HTMLElement>('textarea, input, select'))?.focus();
  });

  const save = useMutation({
    mutationFn: () => {
      const body: CreateReflectionBody = {
        answers: prompts.map((pr) => ({ key: pr.key, answer: (answers[pr.key] ?? '').trim() })).filter((a) => a.answer),
        meetingId: observationId ? null : meetingId || null,
        planId: observationId ? null : planId || null,
        observationId: observationId || null,
        nextSteps: own ? steps.map((s) => ({ description: s.description.trim(), responsible: s.responsible, dueOn: s.dueOn || null })) : [],
        goalId: own && steps.length ? goalId || null : null,
        subjectId: subjects.length > 1 ? subjectId || undefined : undefined,
        // The server keeps the prompts in the words the author answered.
        language,
      };
      return api.post<Reflection>(`/api/partnerships/${p.id}/reflections`, body);
    },
    onSuccess: (saved) => {
      client.setQueryData<{ items: Reflection[] }>(reflectionsKey(p.id), (old) => (old ? { items: [saved, ...old.items.filter((r) => r.id !== saved.id)].sort(newestFirst) } : old));
      client.invalidateQueries({ queryKey: reflectionsKey(p.id) });
      if (saved.addedSteps.length) client.invalidateQueries({ queryKey: goalsKey(p.id) });
      if (saved.observationId) client.invalidateQueries({ queryKey: observationKey(saved.observationId) });
      setAnswers({});
      setSteps([]);
      setGoalId('');
      setMeetingId('');
      setPlanId('');
      onSaved(saved);
    },
  });

  const err = save.error instanceof ApiError ? save.error : null;
  const coacheeFirst = err?.code === 'COACHEE_FIRST';
  const fieldError = (path: string) => missing[path] ?? err?.fieldMessage(path);
  const ORDER = ['subjectId', 'observationId', 'meetingId', 'planId', 'answers', ...prompts.map((pr) => `answers.${pr.key}`), 'nextSteps', 'goalId'];
  const known = (path: string) => ORDER.includes(path) || /^nextSteps\.\d+\./.test(path);
  const otherError = err && !coacheeFirst && !err.details.some((d) => known(d.path));
  const anyFieldError = Object.values(missing).some(Boolean) || (err && !coacheeFirst && !otherError);

  // After a refused save, keyboard focus goes to the first answer that needs another look (or the message).
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error, refused);

  const clear = (name: string) => setMissing((m) => (m[name] ? { ...m, [name]: '' } : m));
  const updateStep = (key: string, patch: Partial<StepDraft>) => setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const addStep = () => {
    const step = blankStep();
    setSteps((all) => [...all, step]);
    focusNext.current = `${formId}-${step.key}`;
    setAnnounce(t('stepAdded', { n: steps.length + 1 }));
  };
  const removeStep = (index: number) => {
    setSteps((all) => all.filter((_, i) => i !== index));
    focusNext.current = `${formId}-add-step`;
    setAnnounce(t('stepRemoved', { n: index + 1 }));
  };
  const parties = responsibleOptions(p);
  /** One tap on a data row: the line joins the answer being written, on a line of its own. */
  const quote = (text: string) => {
    const into = prompts.find((pr) => pr.key === quoteInto) ?? prompts[0];
    setAnswers((a) => {
      const before = (a[into.key] ?? '').replace(/\s+$/, '');
      return { ...a, [into.key]: `${before ? `${before}\n` : ''}${text}\n`.slice(0, 4000) };
    });
    clear(`answers.${prompts[0].key}`);
    setQuoted(t('quoted', { text, prompt: into.prompt }));
  };

  return (
    <form
      ref={formRef}
      className="form reflection-form card"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (waitForCoachee) return;
        const problems: Record<string, string> = {};
        if (!prompts.some((pr) => (answers[pr.key] ?? '').trim())) problems[`answers.${prompts[0].key}`] = t('answerOne');
        if (own) {
          steps.forEach((s, i) => {
            if (!s.description.trim()) problems[`nextSteps.${i}.description`] = t('stepEmpty');
          });
          if (steps.length && !goalId) problems.goalId = t('chooseGoalFirst');
        }
        setMissing(problems);
        if (Object.values(problems).some(Boolean)) {
          save.reset();
          setRefused((n) => n + 1);
          return;
        }
        save.mutate();
      }}
    >
      <h3 id={`${formId}-heading`}>{own ? t('headingOwn') : t('headingWith', { name: subjectFirst })}</h3>
      <p className="muted">{own ? t('introOwn') : t('introPartner', { name: subject ? subjectFirst : t('TheCoachee') })}</p>
      {observationId ? (
        observation.data ? (
          <ReflectionData observation={observation.data} onQuote={quote} announce={quoted} />
        ) : observation.isPending ? (
          <Loading what={t('loadingObservation')} />
        ) : (
          <ErrorAlert error={observation.error} />
        )
      ) : null}
      {fieldError('observationId') ? <Alert tone="error">{fieldError('observationId')}</Alert> : null}
      {observationId ? null : subjects.length > 1 ? (
        <SelectField
          id={`${formId}-subjectId`}
          label={t('whoseRound')}
          hint={t('whoseRoundHint')}
          value={subjectId}
          onChange={(e) => {
            setSubjectId(e.target.value);
            setPlanId('');
            setGoalId('');
          }}
          error={fieldError('subjectId')}
        >
          <SubjectOptions subjects={subjects} meId={me.personId} />
        </SelectField>
      ) : null}
      {observationId ? null : (
        <>
          <SelectField
            id={`${formId}-meetingId`}
            label={t('sessionLabel')}
            value={meetingId}
            onChange={(e) => {
              const id = e.target.value;
              setMeetingId(id);
              const linked = subjectPlans.find((x) => x.meetingId === id);
              if (id && linked) setPlanId(linked.id);
            }}
            error={fieldError('meetingId')}
          >
            <option value="">{t('noSession')}</option>
            {sessions.map((m) => (
              <option key={m.id} value={m.id}>
                {sessionOption(t, language, m)}
              </option>
            ))}
          </SelectField>
          <SelectField id={`${formId}-planId`} label={t('planLabel')} value={planId} onChange={(e) => setPlanId(e.target.value)} error={fieldError('planId')}>
            <option value="">{t('noPlan')}</option>
            {subjectPlans.map((x) => (
              <option key={x.id} value={x.id}>
                {x.focus.length > 80 ? `${x.focus.slice(0, 77)}…` : x.focus}
              </option>
            ))}
          </SelectField>
        </>
      )}
      {waitForCoachee ? (
        <Alert tone="info" title={t('waitTitle')}>
          <p>{observationId ? t('waitBodyObservation', { name: subjectFirst }) : t('waitBody', { on: meetingId ? 'session' : 'observation', name: subjectFirst })}</p>
        </Alert>
      ) : null}

      <fieldset className="plain-fieldset reflection-prompts">
        <legend className="group-title">{own ? t('legendOwn') : t('legendPartner')}</legend>
        {own ? null : <ListeningMoves />}
        {prompts.map((pr, i) => (
          <TextArea
            key={pr.key}
            id={`${formId}-answers.${pr.key}`}
            label={pr.prompt}
            hint={pr.hint || undefined}
            rows={3}
            maxLength={4000}
            value={answers[pr.key] ?? ''}
            onFocus={() => setQuoteInto(pr.key)}
            onChange={(e) => {
              const value = e.target.value;
              setAnswers((a) => ({ ...a, [pr.key]: value }));
              if (value.trim()) clear(`answers.${prompts[0].key}`);
            }}
            error={fieldError(`answers.${pr.key}`) ?? (i === 0 ? fieldError('answers') : undefined)}
          />
        ))}
      </fieldset>

      {own ? (
        <fieldset className="fieldset next-steps" aria-describedby={`${formId}-steps-hint`}>
          <legend>{t('nextSteps')}</legend>
          <p className="field-hint" id={`${formId}-steps-hint`}>
            {t('nextStepsHint')}
          </p>
          {steps.length === 0 ? <p className="muted">{t('noSteps')}</p> : null}
          <ol className="step-rows">
            {steps.map((s, i) => (
              <li key={s.key} id={`${formId}-${s.key}`}>
                <fieldset className="fieldset step-row">
                  <legend>{t('stepN', { n: i + 1 })}</legend>
                  <TextArea
                    label={t('whatWillHappen')}
                    required
                    rows={2}
                    maxLength={500}
                    value={s.description}
                    onChange={(e) => {
                      updateStep(s.key, { description: e.target.value });
                      if (e.target.value.trim()) clear(`nextSteps.${i}.description`);
                    }}
                    error={fieldError(`nextSteps.${i}.description`)}
                  />
                  <div className="step-row-grid">
                    <SelectField label={t('whoDoesIt')} value={s.responsible} onChange={(e) => updateStep(s.key, { responsible: e.target.value as Responsible })} error={fieldError(`nextSteps.${i}.responsible`)}>
                      {parties.map((r) => (
                        <option key={r} value={r}>
                          {responsibleText(tGoals, r, p, subjectId, me.personId)}
                        </option>
                      ))}
                    </SelectField>
                    <TextField label={t('byWhen')} type="date" value={s.dueOn} onChange={(e) => updateStep(s.key, { dueOn: e.target.value })} error={fieldError(`nextSteps.${i}.dueOn`)} />
                  </div>
                  <div className="button-row step-actions">
                    <Button variant="quiet" onClick={() => removeStep(i)} aria-label={t('removeStep', { n: i + 1 })}>
                      {t('remove')}
                    </Button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <Button id={`${formId}-add-step`} variant="secondary" disabled={steps.length >= 10} onClick={addStep}>
            {t('addStep')}
          </Button>
          {steps.length ? (
            <SelectField
              id={`${formId}-goalId`}
              label={t('goalLabel')}
              hint={subjectGoals.length === 0 ? t('goalHintNone') : t('goalHint')}
              value={goalId}
              onChange={(e) => {
                setGoalId(e.target.value);
                clear('goalId');
              }}
              error={fieldError('goalId')}
            >
              <option value="">{t('chooseGoal')}</option>
              {subjectGoals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </SelectField>
          ) : null}
          <p className="visually-hidden" role="status">
            {announce}
          </p>
        </fieldset>
      ) : null}

      <div id={`${formId}-problems`} tabIndex={-1} data-error-summary>
        {coacheeFirst ? (
          <Alert tone="info" title={t('reflectsFirst', { name: subject ? subjectFirst : t('TheCoachee') })}>
            <p>{err!.message}</p>
          </Alert>
        ) : null}
        {otherError ? <ErrorAlert error={err} /> : null}
        {anyFieldError && !otherError ? <Alert tone="error">{t('needsAnotherLook')}</Alert> : null}
      </div>
      <div className="button-row">
        <Button type="submit" busy={save.isPending} disabled={waitForCoachee} aria-describedby={waitForCoachee ? `${formId}-wait` : undefined}>
          {t('save')}
        </Button>
        {waitForCoachee ? (
          <span id={`${formId}-wait`} className="muted">
            {t('waitingFor', { name: subjectFirst })}
          </span>
        ) : null}
      </div>
    </form>
  );
}
