import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { DATA_METHODS, type DataMethod, OBSERVATION_MODES, type ObservationMode } from '../../../../shared/src/domain';
import { DATA_METHOD_INFO, FOCUS_PROMPTS, type Prompt } from '../../../../shared/src/prompts';
import { ApiError, type CreateObservationPlanBody, type Goal, type Meeting, type ObservationPlan, type PartnershipDetail, api, query } from '../../api';
import { Alert, ConflictAlert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, Radio, SelectField, TextArea, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { GOAL_ORDER, goalsKey, subjectsOf } from '../goals/goalWords';
import { useSignedIn } from '../session/session';
import { meetingsKey } from '../sessions/sessionWords';
import { DataFormPreview } from './DataFormPreview';
import { MAX_FIELDS, modeHint, modeLabel, plansKey, subjectFirstName, visitOption } from './observationWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';
import { useLanguage, useT } from '../../i18n';
import { m as words } from './messages';

type TextKey = 'focus' | 'currentPicture' | 'successLooksLike' | 'lookFor' | 'when';

interface FieldDraft {
  key: string;
  name: string;
}
let nextKey = 0;
const draftsOf = (names: string[]): FieldDraft[] => names.map((name) => ({ key: `f-${++nextKey}`, name }));

const promptIn = (prompts: Prompt[], key: string): Prompt => prompts.find((pr) => pr.key === key) ?? { key, prompt: key, hint: '' };

/**
 * The focus conversation before an observation, as a guided dialogue in the
 * order partners usually talk it through, ending with the data form the coach
 * will fill in — which the coachee sees (and confirms) before the visit.
 */
export function PlanForm({
  p,
  plan,
  onSaved,
  onCancel,
  onReload,
}: {
  p: PartnershipDetail;
  plan?: ObservationPlan;
  onSaved: (saved: ObservationPlan) => void;
  onCancel: () => void;
  /** After a version conflict, with the latest version once fetched: the parent starts the form again from it (not from a prop that may not have caught up yet). */
  onReload?: (latest: ObservationPlan | undefined) => void;
}) {
  const t = useT(words);
  const { language } = useLanguage();
  const prompt = (key: string) => promptIn(FOCUS_PROMPTS[language], key);
  const me = useSignedIn();
  const client = useQueryClient();
  const formId = useId();
  const subjects = subjectsOf(p);
  const [subjectId, setSubjectId] = useState(() => plan?.subjectId ?? (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [text, setText] = useState<Record<TextKey, string>>(() => ({
    focus: plan?.focus ?? '',
    currentPicture: plan?.currentPicture ?? '',
    successLooksLike: plan?.successLooksLike ?? '',
    lookFor: plan?.lookFor ?? '',
    when: plan?.when ?? '',
  }));
  const [method, setMethod] = useState<DataMethod | ''>(plan?.dataForm.method ?? '');
  const [mode, setMode] = useState<ObservationMode | ''>(plan?.mode ?? '');
  const [fields, setFields] = useState<FieldDraft[]>(() => draftsOf(plan?.dataForm.fields ?? []));
  const [interval, setIntervalText] = useState(plan?.dataForm.intervalMinutes ? String(plan.dataForm.intervalMinutes) : '5');
  const [instructions, setInstructions] = useState(plan?.dataForm.instructions ?? '');
  const [meetingId, setMeetingId] = useState(plan?.meetingId ?? '');
  const [goalId, setGoalId] = useState(plan?.goalId ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [announce, setAnnounce] = useState('');
  /** Bumped when the form refuses to send (an answer is missing), so focus goes to the first one. */
  const [refused, setRefused] = useState(0);
  const focusNext = useRef<string | null>(null);

  const meetings = useQuery({
    queryKey: meetingsKey(p.id),
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/partnerships/${p.id}/meetings${query({ limit: 200 })}`),
  });
  const goals = useQuery({ queryKey: goalsKey(p.id), queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${p.id}/goals`) });
  const now = Date.now();
  const visits = (meetings.data?.items ?? []).filter((m) => m.kind === 'observation' && ((m.status === 'scheduled' && new Date(m.endsAt).getTime() > now) || m.id === meetingId));
  const subjectGoals = [...(goals.data?.items ?? [])]
    .filter((g) => g.subjectId === subjectId && (g.status === 'active' || g.status === 'proposed' || g.id === goalId))
    .sort((a, b) => GOAL_ORDER[a.status] - GOAL_ORDER[b.status]);

  useEffect(() => {
    document.getElementById(`${formId}-heading`)?.focus();
  }, [formId]);
  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    document.getElementById(next)?.focus();
  });

  const save = useMutation({
    mutationFn: () => {
      const body: CreateObservationPlanBody = {
        ...text,
        mode: mode as ObservationMode,
        dataForm: {
          method: method as DataMethod,
          fields: fields.map((f) => f.name.trim()),
          intervalMinutes: method === 'time_sample' ? Number(interval) || null : null,
          instructions: instructions.trim(),
        },
        meetingId: meetingId || null,
        goalId: goalId || null,
      };
      return plan
        ? api.put<ObservationPlan>(`/api/observation-plans/${plan.id}`, { ...body, baseVersion: plan.version })
        : api.post<ObservationPlan>(`/api/partnerships/${p.id}/observation-plans`, { ...body, subjectId: subjects.length > 1 ? subjectId || undefined : undefined });
    },
    onSuccess: (saved) => {
      client.setQueryData<{ items: ObservationPlan[] }>(plansKey(p.id), (old) =>
        old ? { items: old.items.some((x) => x.id === saved.id) ? old.items.map((x) => (x.id === saved.id ? saved : x)) : [saved, ...old.items] } : old,
      );
      client.invalidateQueries({ queryKey: plansKey(p.id) });
      onSaved(saved);
    },
  });

  const err = save.error instanceof ApiError ? save.error : null;
  const conflict = err?.code === 'VERSION_CONFLICT';
  const fieldError = (path: string) => missing[path] ?? err?.fieldMessage(path);
  const ORDER = ['subjectId', 'focus', 'currentPicture', 'successLooksLike', 'lookFor', 'method', 'dataForm.method', 'dataForm.fields', 'dataForm.intervalMinutes', 'dataForm.instructions', 'mode', 'when', 'meetingId', 'goalId'];
  const fieldsProblem = fieldError('dataForm.fields') ?? err?.details.find((d) => /^dataForm\.fields\.\d+$/.test(d.path))?.message;
  const known = (path: string) => ORDER.includes(path) || /^dataForm\.fields\.\d+$/.test(path);
  const otherError = err && !conflict && !err.details.some((d) => known(d.path));
  const anyFieldError = Object.values(missing).some(Boolean) || (err && !conflict && !otherError);

  // After a refused save, keyboard focus goes to the first answer that needs another look (or the message).
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error, refused);

  const clear = (name: string) => setMissing((m) => (m[name] ? { ...m, [name]: '' } : m));
  const chooseMethod = (m: DataMethod) => {
    setMethod(m);
    clear('method');
    clear('dataForm.fields');
    const info = DATA_METHOD_INFO[language][m];
    setFields(draftsOf(info.defaultFields));
    setAnnounce(t('methodChosen', { method: info.label.toLowerCase(), fields: info.fieldsLabel.toLowerCase() }));
  };
  const addField = () => {
    const [draft] = draftsOf(['']);
    setFields((all) => [...all, draft]);
    focusNext.current = `${formId}-${draft.key}`;
    setAnnounce(t('itemAdded', { n: fields.length + 1 }));
  };
  const removeField = (index: number) => {
    setFields((all) => all.filter((_, i) => i !== index));
    const left = fields.filter((_, i) => i !== index);
    focusNext.current = left.length ? `${formId}-${left[Math.min(index, left.length - 1)].key}` : `${formId}-add-field`;
    setAnnounce(t('itemRemoved', { n: index + 1 }));
  };

  const subject = subjects.find((s) => s.personId === subjectId);
  const own = subjectId === me.personId;
  const subjectFirst = subjectFirstName(t, subject);
  const info = method ? DATA_METHOD_INFO[language][method] : null;
  const textField = (key: TextKey, rows = 3, required = false) => {
    const pr = prompt(key);
    return (
      <TextArea
        id={`${formId}-${key}`}
        label={pr.prompt}
        hint={pr.hint || undefined}
        rows={rows}
        required={required}
        value={text[key]}
        onChange={(e) => {
          const value = e.target.value;
          setText((t) => ({ ...t, [key]: value }));
          if (value.trim()) clear(key);
        }}
        error={fieldError(key)}
      />
    );
  };

  return (
    <form
      ref={formRef}
      className="form plan-form card"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (!text.focus.trim()) problems.focus = t('focusMissing');
        if (!method) problems.method = t('methodMissing');
        else if (fields.every((f) => !f.name.trim())) problems['dataForm.fields'] = t('fieldsMissing');
        if (!mode) problems.mode = t('modeMissing');
        setMissing(problems);
        if (Object.keys(problems).length) {
          save.reset();
          setRefused((n) => n + 1);
          return;
        }
        save.mutate();
      }}
    >
      <h3 id={`${formId}-heading`} tabIndex={-1}>
        {plan ? t('changeHeading') : t('newHeading')}
      </h3>
      <p className="muted">
        {own ? t('introOwn') : t('introOther', { name: subjectFirst })}
      </p>
      {plan?.status === 'confirmed' && !own ? (
        <Alert tone="warning" title={t('alreadyConfirmed', { name: subject ? subjectFirst : t('TheCoachee') })}>
          <p>{t('alreadyConfirmedBody', { name: subjectFirst })}</p>
        </Alert>
      ) : null}
      {!plan && subjects.length > 1 ? (
        <SelectField id={`${formId}-subjectId`} label={t('whoseClassroom')} value={subjectId} onChange={(e) => setSubjectId(e.target.value)} error={fieldError('subjectId')}>
          <SubjectOptions subjects={subjects} meId={me.personId} />
        </SelectField>
      ) : null}

      <ol className="focus-steps">
        <li>{textField('focus', 2, true)}</li>
        <li>{textField('currentPicture')}</li>
        <li>{textField('successLooksLike')}</li>
        <li>{textField('lookFor')}</li>
        <li>
          <div id={`${formId}-method`}>
            <FieldSet legend={prompt('method').prompt} hint={prompt('method').hint} error={fieldError('method') ?? fieldError('dataForm.method')} className="method-choice">
              {DATA_METHODS.map((m) => (
                <Radio key={m} name={`${formId}-method`} value={m} label={DATA_METHOD_INFO[language][m].label} hint={DATA_METHOD_INFO[language][m].captures} checked={method === m} onChange={() => chooseMethod(m)} />
              ))}
            </FieldSet>
          </div>
          {info ? (
            <div id={`${formId}-fields`} className="data-fields">
              <FieldSet legend={info.fieldsLabel} hint={t('fieldsHint', { max: MAX_FIELDS })} error={fieldsProblem}>
                <ol className="field-rows">
                  {fields.map((f, i) => (
                    <li key={f.key} className="field-row">
                      {/* The legend names the list visibly; each box is labelled with it and its number. */}
                      <label htmlFor={`${formId}-${f.key}`} className="visually-hidden">
                        {t('fieldNumbered', { label: info.fieldsLabel, n: i + 1 })}
                      </label>
                      <input
                        id={`${formId}-${f.key}`}
                        value={f.name}
                        maxLength={120}
                        aria-invalid={err?.fieldMessage(`dataForm.fields.${i}`) ? true : undefined}
                        aria-describedby={err?.fieldMessage(`dataForm.fields.${i}`) ? `${formId}-${f.key}-error` : undefined}
                        onChange={(e) => {
                          const name = e.target.value;
                          setFields((all) => all.map((x) => (x.key === f.key ? { ...x, name } : x)));
                          if (name.trim()) clear('dataForm.fields');
                        }}
                      />
                      <Button variant="quiet" disabled={fields.length <= 1} onClick={() => removeField(i)} aria-label={f.name.trim() ? t('removeNamed', { name: f.name.trim() }) : t('removeNumbered', { n: i + 1 })}>
                        {t('remove')}
                      </Button>
                      {err?.fieldMessage(`dataForm.fields.${i}`) ? (
                        <p className="field-error" id={`${formId}-${f.key}-error`}>
                          {err.fieldMessage(`dataForm.fields.${i}`)}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ol>
                <Button id={`${formId}-add-field`} variant="secondary" disabled={fields.length >= MAX_FIELDS} onClick={addField}>
                  {t('addOne')}
                </Button>
              </FieldSet>
              {method === 'time_sample' ? (
                <TextField
                  id={`${formId}-intervalMinutes`}
                  className="number-field"
                  label={t('minutesBetween')}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={60}
                  value={interval}
                  onChange={(e) => setIntervalText(e.target.value)}
                  error={fieldError('dataForm.intervalMinutes')}
                />
              ) : null}
              <TextArea
                id={`${formId}-instructions`}
                label={t('instructions')}
                hint={t('instructionsHint')}
                rows={2}
                maxLength={1000}
                value={instructions}
                onChange={(e) => setInstructions(e.target.value)}
                error={fieldError('dataForm.instructions')}
              />
              <div className="preview-frame">
                <p className="group-title">{t('preview')}</p>
                <DataFormPreview form={{ method: method as DataMethod, fields: fields.map((f) => f.name), intervalMinutes: Number(interval) || null, instructions }} />
              </div>
            </div>
          ) : null}
          <p className="visually-hidden" role="status">
            {announce}
          </p>
        </li>
        <li>
          <div id={`${formId}-mode`}>
            <FieldSet legend={prompt('mode').prompt} hint={prompt('mode').hint} error={fieldError('mode')}>
              {OBSERVATION_MODES.map((m) => (
                <Radio
                  key={m}
                  name={`${formId}-mode`}
                  value={m}
                  label={modeLabel(t, m)}
                  hint={modeHint(t, m)}
                  checked={mode === m}
                  onChange={() => {
                    setMode(m);
                    clear('mode');
                  }}
                />
              ))}
            </FieldSet>
          </div>
        </li>
        <li>{textField('when', 2)}</li>
      </ol>

      <SelectField
        id={`${formId}-meetingId`}
        label={t('visitLabel')}
        hint={visits.length === 0 && !meetings.isPending ? t('noVisitScheduled') : undefined}
        value={meetingId}
        onChange={(e) => setMeetingId(e.target.value)}
        error={fieldError('meetingId')}
      >
        <option value="">{t('notLinked')}</option>
        {visits.map((m) => (
          <option key={m.id} value={m.id}>
            {visitOption(t, language, m)}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${formId}-goalId`} label={t('goalLabel')} value={goalId} onChange={(e) => setGoalId(e.target.value)} error={fieldError('goalId')}>
        <option value="">{t('noGoal')}</option>
        {subjectGoals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.title}
          </option>
        ))}
      </SelectField>

      <div id={`${formId}-problems`} tabIndex={-1} data-error-summary>
        {conflict ? (
          <ConflictAlert
            message={err!.message}
            onReload={async () => {
              await client.refetchQueries({ queryKey: plansKey(p.id) });
              onReload?.(client.getQueryData<{ items: ObservationPlan[] }>(plansKey(p.id))?.items.find((x) => x.id === plan?.id));
            }}
          />
        ) : null}
        {otherError ? <ErrorAlert error={err} /> : null}
        {anyFieldError && !otherError && !conflict ? <Alert tone="error">{t('needsAnotherLook')}</Alert> : null}
      </div>
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {plan ? t('saveChanges') : own ? t('savePlan') : t('saveAndAsk', { name: subjectFirst })}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
