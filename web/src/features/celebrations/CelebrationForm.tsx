import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { CELEBRATION_KINDS, type CelebrationKind } from '../../../../shared/src/domain';
import { ApiError, type Celebration, type CreateCelebrationBody, type Goal, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, Radio, SelectField, TextArea, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { useSignedIn } from '../session/session';
import { GOAL_ORDER, firstName, goalsKey, subjectsOf } from '../goals/goalWords';
import { celebrationsKey, todayLocal } from './celebrationWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';
import { useT } from '../../i18n';
import { m } from './messages';

const newestFirst = (a: Celebration, b: Celebration) => b.happenedOn.localeCompare(a.happenedOn) || b.createdAt.localeCompare(a.createdAt);

/** The fields the form shows, in order, so focus can go to the first one that needs another look. */
const FIELDS = ['subjectId', 'kind', 'text', 'happenedOn', 'goalId'] as const;
type FieldName = (typeof FIELDS)[number];

/** "Celebrate something": a risk taken, progress or a success, when it happened, and the goal it belongs to if any. */
export function CelebrationForm({ p, onSaved }: { p: PartnershipDetail; onSaved: (c: Celebration) => void }) {
  const me = useSignedIn();
  const t = useT(m);
  const client = useQueryClient();
  const formId = useId();
  const subjects = subjectsOf(p);
  const [subjectId, setSubjectId] = useState(() => (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [kind, setKind] = useState<CelebrationKind | ''>('');
  const [text, setText] = useState('');
  const [happenedOn, setHappenedOn] = useState(todayLocal);
  const [goalId, setGoalId] = useState('');
  const [missing, setMissing] = useState<Partial<Record<FieldName, string>>>({});
  /** Bumped when the form refuses to send (an answer is missing), so focus goes to the first one. */
  const [refused, setRefused] = useState(0);
  /** Once an answer changes, its old "please fill this in" message no longer applies. */
  const clear = (name: FieldName) => setMissing((was) => (was[name] ? { ...was, [name]: undefined } : was));

  const goals = useQuery({
    queryKey: goalsKey(p.id),
    queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${p.id}/goals`),
  });
  const subjectGoals = [...(goals.data?.items ?? [])]
    .filter((g) => g.subjectId === subjectId && (g.status !== 'set_aside' || g.id === goalId))
    .sort((a, b) => GOAL_ORDER[a.status] - GOAL_ORDER[b.status]);

  const save = useMutation({
    mutationFn: () => {
      const body: CreateCelebrationBody = {
        kind: kind as CelebrationKind,
        text,
        // "Today" is the server's default; sending the browser's own today could fall a day ahead of the server's clock.
        happenedOn: happenedOn && happenedOn !== todayLocal() ? happenedOn : undefined,
        goalId: goalId || undefined,
        subjectId: subjects.length > 1 ? subjectId || undefined : undefined,
      };
      return api.post<Celebration>(`/api/partnerships/${p.id}/celebrations`, body);
    },
    onSuccess: (saved) => {
      client.setQueryData<{ items: Celebration[] }>(celebrationsKey(p.id), (old) => (old ? { items: [saved, ...old.items.filter((c) => c.id !== saved.id)].sort(newestFirst) } : old));
      client.invalidateQueries({ queryKey: celebrationsKey(p.id) });
      setKind('');
      setText('');
      setHappenedOn(todayLocal());
      setGoalId('');
      onSaved(saved);
    },
  });

  const err = save.error instanceof ApiError ? save.error : null;
  const fieldError = (name: FieldName) => missing[name] ?? err?.fieldMessage(name);
  const otherError = err && !err.details.some((d) => (FIELDS as readonly string[]).includes(d.path));
  const anyFieldError = FIELDS.some((f) => fieldError(f));

  // After a refused save, keyboard focus goes to the first answer that needs another look (or the message).
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error, refused);

  const subject = subjects.find((s) => s.personId === subjectId);
  const mine = subjectId === me.personId;
  const today = todayLocal();

  return (
    <form
      ref={formRef}
      className="form celebration-form card"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        const problems: Partial<Record<FieldName, string>> = {};
        if (!kind) problems.kind = t('kindMissing');
        if (!text.trim()) problems.text = t('textMissing');
        setMissing(problems);
        if (Object.keys(problems).length) {
          save.reset();
          setRefused((n) => n + 1);
          return;
        }
        save.mutate();
      }}
    >
      <h3 id={`${formId}-heading`}>{t('heading')}</h3>
      {subjects.length > 1 ? (
        <SelectField
          id={`${formId}-subjectId`}
          label={t('whoseQuestion')}
          value={subjectId}
          onChange={(e) => {
            setSubjectId(e.target.value);
            setGoalId('');
          }}
          error={fieldError('subjectId')}
        >
          <SubjectOptions subjects={subjects} meId={me.personId} />
        </SelectField>
      ) : null}
      <div id={`${formId}-kind`}>
        <FieldSet legend={t('kindLegend')} error={fieldError('kind')} className="kind-choice">
          {CELEBRATION_KINDS.map((k) => (
            <Radio key={k} name={`${formId}-kind`} value={k} label={t('kind', { kind: k })} hint={t('kindHint', { kind: k })} checked={kind === k} onChange={() => {
                setKind(k);
                clear('kind');
              }} />
          ))}
        </FieldSet>
      </div>
      <TextArea
        id={`${formId}-text`}
        label={t('textLabel')}
        hint={mine || !subject ? t('textHint') : t('textHintOther', { name: firstName(subject.name) })}
        required
        rows={3}
        maxLength={2000}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          clear('text');
        }}
        error={fieldError('text')}
      />
      <TextField
        id={`${formId}-happenedOn`}
        className="date-field"
        label={t('when')}
        type="date"
        max={today}
        hint={t('whenHint')}
        value={happenedOn}
        onChange={(e) => setHappenedOn(e.target.value)}
        error={fieldError('happenedOn')}
      />
      <SelectField id={`${formId}-goalId`} label={t('goalSelect')} value={goalId} onChange={(e) => setGoalId(e.target.value)} error={fieldError('goalId')} hint={goals.isError ? t('goalsFailed') : undefined}>
        <option value="">{t('noGoal')}</option>
        {subjectGoals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.title}
          </option>
        ))}
      </SelectField>
      {otherError ? <ErrorAlert error={err} /> : null}
      {anyFieldError && !otherError ? <Alert tone="error">{t('checkAnswers')}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('add')}
        </Button>
      </div>
    </form>
  );
}
