import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { Responsible, StepStatus } from '../../../../shared/src/domain';
import { ApiError, type Goal, type PartnershipDetail, type Practice, api } from '../../api';
import { Alert, ConflictAlert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, SelectField, TextArea, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { useSignedIn } from '../session/session';
import { firstName, goalsKey, responsibleOptions, responsibleText, subjectsOf } from './goalWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';
import { useT } from '../../i18n';
import { m } from './messages';

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
  /** Called with the latest version once fetched, so the parent starts the form again from it (not from a prop that may not have caught up yet). */
  onReload?: (latest: Goal | undefined) => void;
}) {
  const me = useSignedIn();
  const t = useT(m);
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
  const subjectFirst = subject ? firstName(subject.name) : t('theCoacheeInSentence');
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
  // After a refused save, focus goes to the first answer that needs another look (or the message).
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error);
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
    setMoved(t('stepMoved', { to: to + 1, count: next.length }));
  };
  const remove = (index: number) => {
    setSteps((all) => all.filter((_, i) => i !== index));
    focusNext.current = { id: `${formId}-add` };
    setMoved(t('stepRemoved', { number: index + 1 }));
  };
  const add = () => {
    const step = blankStep();
    setSteps((all) => [...all, step]);
    focusNext.current = { id: `${formId}-${step.key}`, field: true };
    setMoved(t('stepAdded', { number: steps.length + 1 }));
  };

  const heading = goal ? t('headingEdit') : own ? t('write') : t('headingPropose', { name: subjectFirst });
  return (
    <form
      ref={formRef}
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
        <p className="muted">{t('proposalNote', { name: subjectFirst })}</p>
      ) : null}
      {!goal && subjects.length > 1 ? (
        <SelectField label={t('whose')} value={subjectId} onChange={(e) => setSubjectId(e.target.value)} error={fieldError('subjectId')}>
          <SubjectOptions subjects={subjects} meId={me.personId} />
        </SelectField>
      ) : null}
      <TextField id={`${formId}-title`} label={t('goalLabel')} hint={t('goalHint')} required value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError('title')} />
      <TextArea
        label={t('successLabel')}
        hint={own ? t('successHintOwn') : t('successHintOther', { name: subjectFirst })}
        rows={3}
        value={success}
        onChange={(e) => setSuccess(e.target.value)}
        error={fieldError('successLooksLike')}
      />
      <TextArea
        label={t('childOutcome')}
        hint={t('outcomeHint')}
        rows={3}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={fieldError('childOutcome')}
      />
      {categories.length > 0 ? (
        <FieldSet legend={t('practicesLegend')} error={fieldError('practiceIds')}>
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

      <FieldSet legend={t('actionPlan')} hint={t('planHint')} error={fieldError('steps')} className="step-plan">
        {steps.length === 0 ? <p className="muted">{t('noStepsYet')}</p> : null}
        <ol className="step-rows">
          {steps.map((s, i) => (
            <li key={s.key} id={`${formId}-${s.key}`}>
              <fieldset className="fieldset step-row">
                <legend>{t('stepLegend', { number: i + 1 })}</legend>
                <TextArea
                  label={t('whatHappens')}
                  required
                  rows={2}
                  value={s.description}
                  onChange={(e) => update(s.key, { description: e.target.value })}
                  error={fieldError(`steps.${i}.description`)}
                />
                <div className="step-row-grid">
                  <SelectField label={t('whoDoes')} value={s.responsible} onChange={(e) => update(s.key, { responsible: e.target.value as Responsible })} error={fieldError(`steps.${i}.responsible`)}>
                    {[...parties, ...(parties.includes(s.responsible) ? [] : [s.responsible])].map((r) => (
                      <option key={r} value={r}>
                        {responsibleText(t, r, p, subjectId, me.personId)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField label={t('byWhen')} type="date" value={s.dueOn} onChange={(e) => update(s.key, { dueOn: e.target.value })} error={fieldError(`steps.${i}.dueOn`)} />
                </div>
                <TextField
                  label={t('resourcesLabel')}
                  hint={t('resourcesHint')}
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
                  <Button id={`${formId}-${s.key}-up`} variant="secondary" disabled={i === 0} onClick={() => move(i, -1, 'up')} aria-label={t('moveUpLabel', { number: i + 1 })}>
                    {t('moveUp')}
                  </Button>
                  <Button id={`${formId}-${s.key}-down`} variant="secondary" disabled={i === steps.length - 1} onClick={() => move(i, 1, 'down')} aria-label={t('moveDownLabel', { number: i + 1 })}>
                    {t('moveDown')}
                  </Button>
                  <Button variant="quiet" onClick={() => remove(i)} aria-label={t('removeLabel', { number: i + 1 })}>
                    {t('remove')}
                  </Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <Button id={`${formId}-add`} variant="secondary" onClick={add}>
          {t('addStep')}
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
            onReload?.(client.getQueryData<{ items: Goal[] }>(goalsKey(p.id))?.items.find((g) => g.id === goal?.id));
          }}
        />
      ) : null}
      {otherError ? <ErrorAlert error={err} /> : null}
      {err && !conflict && !otherError ? <Alert tone="error">{t('checkAnswers')}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {goal ? t('saveChanges') : own ? t('saveGoal') : t('proposeTo', { name: subjectFirst })}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
