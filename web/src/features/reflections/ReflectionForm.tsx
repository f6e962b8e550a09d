import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { Responsible } from '../../../../shared/src/domain';
import { REFLECTION_PROMPTS } from '../../../../shared/src/prompts';
import { ApiError, type CreateReflectionBody, type Goal, type Meeting, type ObservationPlan, type PartnershipDetail, type Reflection, api, query } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { GOAL_ORDER, firstName, goalsKey, responsibleLabel, responsibleOptions, subjectsOf } from '../goals/goalWords';
import { plansKey } from '../observations/observationWords';
import { useSignedIn } from '../session/session';
import { meetingsKey, sessionName } from '../sessions/sessionWords';
import { coacheeHasReflected, newestFirst, reflectableMeetings, reflectionsKey } from './reflectionWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';

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
 * With a session chosen, the coachee reflects first.
 */
export function ReflectionForm({ p, reflections, onSaved }: { p: PartnershipDetail; reflections: Reflection[]; onSaved: (r: Reflection) => void }) {
  const me = useSignedIn();
  const client = useQueryClient();
  const formId = useId();
  const subjects = subjectsOf(p);
  const [subjectId, setSubjectId] = useState(() => (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [meetingId, setMeetingId] = useState('');
  const [planId, setPlanId] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [steps, setSteps] = useState<StepDraft[]>([]);
  const [goalId, setGoalId] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [focusFirstError, setFocusFirstError] = useState(0);
  const [announce, setAnnounce] = useState('');
  const focusNext = useRef<string | null>(null);

  const meetings = useQuery({
    queryKey: meetingsKey(p.id),
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/partnerships/${p.id}/meetings${query({ limit: 200 })}`),
  });
  const plans = useQuery({ queryKey: plansKey(p.id), queryFn: () => api.get<{ items: ObservationPlan[] }>(`/api/partnerships/${p.id}/observation-plans`) });
  const goals = useQuery({ queryKey: goalsKey(p.id), queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${p.id}/goals`) });

  const own = subjectId === me.personId;
  const voice = own ? 'coachee' : 'partner';
  const prompts = REFLECTION_PROMPTS[voice];
  const subject = subjects.find((s) => s.personId === subjectId);
  const subjectFirst = subject ? firstName(subject.name) : 'the coachee';
  const sessions = reflectableMeetings(meetings.data?.items ?? []);
  const subjectPlans = (plans.data?.items ?? []).filter((x) => x.subjectId === subjectId);
  const subjectGoals = [...(goals.data?.items ?? [])].filter((g) => g.subjectId === subjectId && g.status === 'active').sort((a, b) => GOAL_ORDER[a.status] - GOAL_ORDER[b.status]);
  const waitForCoachee = voice === 'partner' && !!(meetingId || planId) && !coacheeHasReflected(reflections, subjectId, { meetingId, planId });

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
        meetingId: meetingId || null,
        planId: planId || null,
        nextSteps: own ? steps.map((s) => ({ description: s.description.trim(), responsible: s.responsible, dueOn: s.dueOn || null })) : [],
        goalId: own && steps.length ? goalId || null : null,
        subjectId: subjects.length > 1 ? subjectId || undefined : undefined,
      };
      return api.post<Reflection>(`/api/partnerships/${p.id}/reflections`, body);
    },
    onSuccess: (saved) => {
      client.setQueryData<{ items: Reflection[] }>(reflectionsKey(p.id), (old) => (old ? { items: [saved, ...old.items.filter((r) => r.id !== saved.id)].sort(newestFirst) } : old));
      client.invalidateQueries({ queryKey: reflectionsKey(p.id) });
      if (saved.addedSteps.length) client.invalidateQueries({ queryKey: goalsKey(p.id) });
      setAnswers({});
      setSteps([]);
      setGoalId('');
      setMeetingId('');
      setPlanId('');
      onSaved(saved);
    },
    onError: () => setFocusFirstError((n) => n + 1),
  });

  const err = save.error instanceof ApiError ? save.error : null;
  const coacheeFirst = err?.code === 'COACHEE_FIRST';
  const fieldError = (path: string) => missing[path] ?? err?.fieldMessage(path);
  const ORDER = ['subjectId', 'meetingId', 'planId', 'answers', ...prompts.map((pr) => `answers.${pr.key}`), 'nextSteps', 'goalId'];
  const known = (path: string) => ORDER.includes(path) || /^nextSteps\.\d+\./.test(path);
  const otherError = err && !coacheeFirst && !err.details.some((d) => known(d.path));
  const anyFieldError = Object.values(missing).some(Boolean) || (err && !coacheeFirst && !otherError);

  // After a refused save, focus the first answer that needs another look (or the message).
  useEffect(() => {
    if (!focusFirstError) return;
    const stepProblem = steps.findIndex((s, i) => fieldError(`nextSteps.${i}.description`) || fieldError(`nextSteps.${i}.responsible`) || fieldError(`nextSteps.${i}.dueOn`));
    const found = ORDER.find((path) => fieldError(path));
    const first = found === 'answers' ? `answers.${prompts[0].key}` : found;
    const targetId = first === 'goalId' && stepProblem >= 0 ? `${formId}-${steps[stepProblem].key}` : first ? `${formId}-${first}` : stepProblem >= 0 ? `${formId}-${steps[stepProblem].key}` : `${formId}-problems`;
    const el = document.getElementById(targetId);
    (el?.matches('input, textarea, select') ? el : (el?.querySelector<HTMLElement>('textarea, input, select') ?? el))?.focus();
  }, [focusFirstError]);

  const clear = (name: string) => setMissing((m) => (m[name] ? { ...m, [name]: '' } : m));
  const updateStep = (key: string, patch: Partial<StepDraft>) => setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const addStep = () => {
    const step = blankStep();
    setSteps((all) => [...all, step]);
    focusNext.current = `${formId}-${step.key}`;
    setAnnounce(`Next step ${steps.length + 1} added.`);
  };
  const removeStep = (index: number) => {
    setSteps((all) => all.filter((_, i) => i !== index));
    focusNext.current = `${formId}-add-step`;
    setAnnounce(`Next step ${index + 1} removed.`);
  };
  const parties = responsibleOptions(p);

  return (
    <form
      className="form reflection-form card"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (waitForCoachee) return;
        const problems: Record<string, string> = {};
        if (!prompts.some((pr) => (answers[pr.key] ?? '').trim())) problems[`answers.${prompts[0].key}`] = 'Answer at least one prompt — a sentence is enough.';
        if (own) {
          steps.forEach((s, i) => {
            if (!s.description.trim()) problems[`nextSteps.${i}.description`] = 'Say what will happen, or remove this step.';
          });
          if (steps.length && !goalId) problems.goalId = 'Choose the goal these next steps belong to.';
        }
        setMissing(problems);
        if (Object.values(problems).some(Boolean)) {
          save.reset();
          setFocusFirstError((n) => n + 1);
          return;
        }
        save.mutate();
      }}
    >
      <h3 id={`${formId}-heading`}>{own ? 'Reflect' : `Reflect with ${subjectFirst}`}</h3>
      <p className="muted">
        {own
          ? 'You go first: look at what happened, or at the data, and say what you notice before anyone else does. Skip any prompt you like.'
          : `${subjectFirst} reflects first; you add what you heard and what you saw, described without judging. Skip any prompt you like.`}
      </p>
      {subjects.length > 1 ? (
        <SelectField
          id={`${formId}-subjectId`}
          label="Whose round is it?"
          hint="The person whose classroom or practice you are reflecting on."
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
      <SelectField
        id={`${formId}-meetingId`}
        label="The session you are reflecting on (optional)"
        value={meetingId}
        onChange={(e) => {
          const id = e.target.value;
          setMeetingId(id);
          const linked = subjectPlans.find((x) => x.meetingId === id);
          if (id && linked) setPlanId(linked.id);
        }}
        error={fieldError('meetingId')}
      >
        <option value="">No particular session</option>
        {sessions.map((m) => (
          <option key={m.id} value={m.id}>
            {sessionName(m).replace(/^./, (c) => c.toUpperCase())}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${formId}-planId`} label="The observation plan it follows (optional)" value={planId} onChange={(e) => setPlanId(e.target.value)} error={fieldError('planId')}>
        <option value="">No observation plan</option>
        {subjectPlans.map((x) => (
          <option key={x.id} value={x.id}>
            {x.focus.length > 80 ? `${x.focus.slice(0, 77)}…` : x.focus}
          </option>
        ))}
      </SelectField>
      {waitForCoachee ? (
        <Alert tone="info" title="The coachee reflects first">
          <p>
            When you look back on a {meetingId ? 'session' : 'observation'} together, {subjectFirst} speaks first, so their view comes before anyone
            else’s. Once {subjectFirst} has written a reflection on it, you can add yours — or reflect now without choosing a{' '}
            {meetingId ? 'session' : 'plan'}.
          </p>
        </Alert>
      ) : null}

      <fieldset className="plain-fieldset reflection-prompts">
        <legend className="group-title">{own ? 'Your reflection' : 'Your reflection as a partner'}</legend>
        {prompts.map((pr, i) => (
          <TextArea
            key={pr.key}
            id={`${formId}-answers.${pr.key}`}
            label={pr.prompt}
            hint={pr.hint || undefined}
            rows={3}
            maxLength={4000}
            value={answers[pr.key] ?? ''}
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
          <legend>Next steps</legend>
          <p className="field-hint" id={`${formId}-steps-hint`}>
            What you choose to do next. They are added to your goal’s action plan when you save, so they stay in one place.
          </p>
          {steps.length === 0 ? <p className="muted">No next steps yet — add one if you are ready.</p> : null}
          <ol className="step-rows">
            {steps.map((s, i) => (
              <li key={s.key} id={`${formId}-${s.key}`}>
                <fieldset className="fieldset step-row">
                  <legend>Next step {i + 1}</legend>
                  <TextArea
                    label="What will happen"
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
                    <SelectField label="Who does it" value={s.responsible} onChange={(e) => updateStep(s.key, { responsible: e.target.value as Responsible })} error={fieldError(`nextSteps.${i}.responsible`)}>
                      {parties.map((r) => (
                        <option key={r} value={r}>
                          {responsibleLabel(r, p, subjectId, me.personId)}
                        </option>
                      ))}
                    </SelectField>
                    <TextField label="By when (optional)" type="date" value={s.dueOn} onChange={(e) => updateStep(s.key, { dueOn: e.target.value })} error={fieldError(`nextSteps.${i}.dueOn`)} />
                  </div>
                  <div className="button-row step-actions">
                    <Button variant="quiet" onClick={() => removeStep(i)} aria-label={`Remove next step ${i + 1}`}>
                      Remove
                    </Button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <Button id={`${formId}-add-step`} variant="secondary" disabled={steps.length >= 10} onClick={addStep}>
            Add a next step
          </Button>
          {steps.length ? (
            <SelectField
              id={`${formId}-goalId`}
              label="The goal they belong to"
              hint={subjectGoals.length === 0 ? 'You have no active goal yet. Write one on the Goals tab first, then come back.' : 'The steps go to the end of this goal’s action plan.'}
              value={goalId}
              onChange={(e) => {
                setGoalId(e.target.value);
                clear('goalId');
              }}
              error={fieldError('goalId')}
            >
              <option value="">Choose a goal</option>
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

      <div id={`${formId}-problems`} tabIndex={-1}>
        {coacheeFirst ? (
          <Alert tone="info" title={`${subjectFirst} reflects first`}>
            <p>{err!.message}</p>
          </Alert>
        ) : null}
        {otherError ? <ErrorAlert error={err} /> : null}
        {anyFieldError && !otherError ? <Alert tone="error">Some answers need another look — see the messages above.</Alert> : null}
      </div>
      <div className="button-row">
        <Button type="submit" busy={save.isPending} disabled={waitForCoachee} aria-describedby={waitForCoachee ? `${formId}-wait` : undefined}>
          Save my reflection
        </Button>
        {waitForCoachee ? (
          <span id={`${formId}-wait`} className="muted">
            Waiting for {subjectFirst} to reflect on this first.
          </span>
        ) : null}
      </div>
    </form>
  );
}
