import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { Responsible, StepStatus } from '../../../../shared/src/domain';
import { ApiError, type Goal, type PartnershipDetail, type Practice, api } from '../../api';
import { Alert, ConflictAlert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, SelectField, TextArea, TextField } from '../../ui/Field';
import { useSignedIn } from '../session/session';
import { firstName, goalsKey, responsibleLabel, responsibleOptions, subjectsOf } from './goalWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';

interface StepDraft {
  /** A key for React and focus; the server id when the step already exists. */
  key: string;
  id?: string;
  description: string;
  responsible: Responsible;
  resources: string;
  dueOn: string;
  status: StepStatus;
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

const blankStep = (): StepDraft => ({ key: newKey(), description: '', responsible: 'coachee', resources: '', dueOn: '', status: 'not_started' });

/**
 * Write or propose a goal with its action plan, or edit one (saved with the
 * version it started from, so nobody's changes are silently overwritten).
 */
export function GoalForm({
  p,
  goal,
  practices,
  onSaved,
  onCancel,
  onReload,
}: {
  p: PartnershipDetail;
  goal?: Goal;
  practices: Practice[];
  onSaved: (saved: Goal) => void;
  onCancel: () => void;
  /** Called after the latest version has been fetched, so the parent can start the form again from it. */
  onReload?: () => void;
}) {
  const me = useSignedIn();
  const client = useQueryClient();
  const formId = useId();
  const subjects = subjectsOf(p);
  const [subjectId, setSubjectId] = useState(() => goal?.subjectId ?? (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [title, setTitle] = useState(goal?.title ?? '');
  const [success, setSuccess] = useState(goal?.successLooksLike ?? '');
  const [outcome, setOutcome] = useState(goal?.childOutcome ?? '');
  const [practiceIds, setPracticeIds] = useState<string[]>(goal?.practiceIds ?? []);
  const [steps, setSteps] = useState<StepDraft[]>(() =>
    goal
      ? goal.steps.map((s) => ({ key: s.id, id: s.id, description: s.description, responsible: s.responsible, resources: s.resources, dueOn: s.dueOn ?? '', status: s.status }))
      : [blankStep()],
  );
  const [moved, setMoved] = useState('');
  /** What to focus after the next render: an element id, or a step row whose first field gets focus. */
  const focusNext = useRef<{ id: string; field?: boolean } | null>(null);

  useEffect(() => {
    document.getElementById(`${formId}-title`)?.focus();
  }, [formId]);
  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    const el = document.getElementById(next.id);
    (next.field ? el?.querySelector<HTMLElement>('textarea, input, select') : el)?.focus();
  });

  const subject = p.members.find((m) => m.personId === subjectId);
  const own = subjectId === me.personId;
  const subjectFirst = subject ? firstName(subject.name) : 'the coachee';
  const parties = responsibleOptions(p);

  const save = useMutation({
    mutationFn: () => {
      const body = {
        title,
        childOutcome: outcome,
        successLooksLike: success,
        practiceIds,
        steps: steps.map((s) => ({ ...(s.id ? { id: s.id } : {}), description: s.description, responsible: s.responsible, resources: s.resources, dueOn: s.dueOn || null, status: s.status })),
      };
      return goal
        ? api.put<Goal>(`/api/goals/${goal.id}`, { ...body, baseVersion: goal.version })
        : api.post<Goal>(`/api/partnerships/${p.id}/goals`, { ...body, subjectId: subjectId || undefined });
    },
    onSuccess: (saved) => {
      client.setQueryData<{ items: Goal[] }>(goalsKey(p.id), (old) =>
        old ? { items: old.items.some((g) => g.id === saved.id) ? old.items.map((g) => (g.id === saved.id ? saved : g)) : [saved, ...old.items] } : old,
      );
      client.invalidateQueries({ queryKey: goalsKey(p.id) });
      onSaved(saved);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const conflict = err?.code === 'VERSION_CONFLICT';
  const fieldError = (path: string) => err?.fieldMessage(path);
  const shownPaths = ['title', 'successLooksLike', 'childOutcome', 'practiceIds', 'subjectId', 'steps'];
  const stepFields = ['description', 'responsible', 'resources', 'dueOn'];
  const otherError = err && !conflict && !err.details.some((d) => shownPaths.includes(d.path) || /^steps\.\d+\./.test(d.path));

  const visible = practices.filter((pr) => !pr.archived || practiceIds.includes(pr.id));
  const categories = [...new Set(visible.map((pr) => pr.category))];

  const update = (key: string, patch: Partial<StepDraft>) => setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1, which: 'up' | 'down') => {
    const to = index + by;
    if (to < 0 || to >= steps.length) return;
    const next = [...steps];
    const [step] = next.splice(index, 1);
    next.splice(to, 0, step);
    setSteps(next);
    // Keep focus on the button that was pressed; at the top or bottom it is disabled, so use the other one.
    const stillUsable = which === 'up' ? to > 0 : to < next.length - 1;
    focusNext.current = { id: `${formId}-${step.key}-${stillUsable ? which : which === 'up' ? 'down' : 'up'}` };
    setMoved(`Step moved to position ${to + 1} of ${next.length}.`);
  };
  const remove = (index: number) => {
    setSteps((all) => all.filter((_, i) => i !== index));
    focusNext.current = { id: `${formId}-add` };
    setMoved(`Step ${index + 1} removed.`);
  };
  const add = () => {
    const step = blankStep();
    setSteps((all) => [...all, step]);
    focusNext.current = { id: `${formId}-${step.key}`, field: true };
    setMoved(`Step ${steps.length + 1} added.`);
  };

  const heading = goal ? 'Edit the goal' : own ? 'Write a goal' : `Propose a goal for ${subjectFirst}`;
  return (
    <form
      className="form goal-form card"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h3 id={`${formId}-heading`}>{heading}</h3>
      {!goal && !own ? (
        <p className="muted">
          The goal stays a proposal until {subjectFirst} decides to take it on. It is {subjectFirst}’s goal, so {subjectFirst} has the final word.
        </p>
      ) : null}
      {!goal && subjects.length > 1 ? (
        <SelectField label="Whose goal is it?" value={subjectId} onChange={(e) => setSubjectId(e.target.value)} error={fieldError('subjectId')}>
          <SubjectOptions subjects={subjects} meId={me.personId} />
        </SelectField>
      ) : null}
      <TextField id={`${formId}-title`} label="The goal" hint="One sentence is plenty." required value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError('title')} />
      <TextArea
        label="What success looks like"
        hint={own ? 'In your own words: what will you see and hear when it is working?' : `In ${subjectFirst}’s own words, as far as you can: what will ${subjectFirst} see and hear when it is working?`}
        rows={3}
        value={success}
        onChange={(e) => setSuccess(e.target.value)}
        error={fieldError('successLooksLike')}
      />
      <TextArea
        label="What it changes for children"
        hint="The outcome for children this goal serves."
        rows={3}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={fieldError('childOutcome')}
      />
      {categories.length > 0 ? (
        <FieldSet legend="Practices it connects to (optional)" error={fieldError('practiceIds')}>
          {categories.map((cat) => (
            <div key={cat} className="practice-group">
              <p className="group-title">{cat}</p>
              {visible
                .filter((pr) => pr.category === cat)
                .map((pr) => (
                  <Checkbox
                    key={pr.id}
                    label={pr.name}
                    checked={practiceIds.includes(pr.id)}
                    onChange={(e) => setPracticeIds((ids) => (e.target.checked ? [...ids, pr.id] : ids.filter((x) => x !== pr.id)))}
                  />
                ))}
            </div>
          ))}
        </FieldSet>
      ) : null}

      <FieldSet legend="Action plan" hint="The steps that get you there, in order. Each step needs someone to carry it out." error={fieldError('steps')} className="step-plan">
        {steps.length === 0 ? <p className="muted">No steps yet.</p> : null}
        <ol className="step-rows">
          {steps.map((s, i) => (
            <li key={s.key} id={`${formId}-${s.key}`}>
              <fieldset className="fieldset step-row">
                <legend>Step {i + 1}</legend>
                <TextArea
                  label="What will happen"
                  required
                  rows={2}
                  value={s.description}
                  onChange={(e) => update(s.key, { description: e.target.value })}
                  error={fieldError(`steps.${i}.description`)}
                />
                <div className="step-row-grid">
                  <SelectField label="Who does it" value={s.responsible} onChange={(e) => update(s.key, { responsible: e.target.value as Responsible })} error={fieldError(`steps.${i}.responsible`)}>
                    {[...parties, ...(parties.includes(s.responsible) ? [] : [s.responsible])].map((r) => (
                      <option key={r} value={r}>
                        {responsibleLabel(r, p, subjectId, me.personId)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField label="By when (optional)" type="date" value={s.dueOn} onChange={(e) => update(s.key, { dueOn: e.target.value })} error={fieldError(`steps.${i}.dueOn`)} />
                </div>
                <TextField
                  label="Resources (optional)"
                  hint="Materials, people or links that help."
                  value={s.resources}
                  onChange={(e) => update(s.key, { resources: e.target.value })}
                  error={fieldError(`steps.${i}.resources`)}
                />
                {err?.details
                  .filter((d) => d.path.startsWith(`steps.${i}.`) && !stepFields.includes(d.path.slice(`steps.${i}.`.length)))
                  .map((d) => (
                    <p key={d.path} className="field-error">
                      {d.message}
                    </p>
                  ))}
                <div className="button-row step-actions">
                  <Button id={`${formId}-${s.key}-up`} variant="secondary" disabled={i === 0} onClick={() => move(i, -1, 'up')} aria-label={`Move up, step ${i + 1}`}>
                    Move up
                  </Button>
                  <Button id={`${formId}-${s.key}-down`} variant="secondary" disabled={i === steps.length - 1} onClick={() => move(i, 1, 'down')} aria-label={`Move down, step ${i + 1}`}>
                    Move down
                  </Button>
                  <Button variant="quiet" onClick={() => remove(i)} aria-label={`Remove step ${i + 1}`}>
                    Remove
                  </Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <Button id={`${formId}-add`} variant="secondary" onClick={add}>
          Add a step
        </Button>
        <p className="visually-hidden" role="status">
          {moved}
        </p>
      </FieldSet>

      {conflict ? (
        <ConflictAlert
          message={err!.message}
          onReload={async () => {
            await client.refetchQueries({ queryKey: goalsKey(p.id) });
            onReload?.();
          }}
        />
      ) : null}
      {otherError ? <ErrorAlert error={err} /> : null}
      {err && !conflict && !otherError ? <Alert tone="error">Some answers need another look — see the messages above.</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {goal ? 'Save changes' : own ? 'Save the goal' : `Propose it to ${subjectFirst}`}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
