import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, type Concern, type PartnershipDetail, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { firstName } from '../goals/goalWords';
import { useSignedIn } from '../session/session';
import { concernSubjects, concernsKey } from './concernWords';
import { useT } from '../../i18n';
import { m } from './messages';

/** Step 1: write the concern down, where the coachee can read it. */
export function ConcernForm({ p, onSaved, onCancel }: { p: PartnershipDetail; onSaved: (c: Concern) => void; onCancel: () => void }) {
  const t = useT(m);
  const me = useSignedIn();
  const client = useQueryClient();
  const formId = useId();
  const subjects = concernSubjects(p, me.personId);
  const [subjectId, setSubjectId] = useState(subjects[0]?.personId ?? '');
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState('');
  const subject = subjects.find((s) => s.personId === subjectId);
  const name = subject ? firstName(subject.name) : t('TheCoachee');
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    document.getElementById(`${formId}-description`)?.focus();
  }, []);

  const save = useMutation({
    mutationFn: () => api.post<Concern>(`/api/partnerships/${p.id}/concerns`, { description, subjectId: subjects.length > 1 ? subjectId : undefined }),
    onSuccess: (saved) => {
      client.setQueryData<{ items: Concern[] }>(concernsKey(p.id), (old) => (old ? { items: [saved, ...old.items.filter((c) => c.id !== saved.id)] } : old));
      client.invalidateQueries({ queryKey: concernsKey(p.id) });
      onSaved(saved);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  // After a refused save, focus goes to the field with the problem (or the message).
  useFocusFirstError(formRef, save.error, refused);
  const textError = missing || err?.fieldMessage('description');
  const subjectError = err?.fieldMessage('subjectId');

  return (
    <form
      ref={formRef}
      className="form card concern-form"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!description.trim()) {
          setMissing(t('describeMissing'));
          save.reset();
          setRefused((n) => n + 1);
          return;
        }
        setMissing('');
        save.mutate();
      }}
    >
      <h3 id={`${formId}-heading`}>{t('recordConcern')}</h3>
      <p className="muted">{t('formIntro', { name })}</p>
      {subjects.length > 1 ? (
        <SelectField label={t('whoAbout')} value={subjectId} onChange={(e) => setSubjectId(e.target.value)} error={subjectError}>
          {subjects.map((s) => (
            <option key={s.personId} value={s.personId}>
              {s.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextArea
        id={`${formId}-description`}
        label={t('whatConcern')}
        hint={t('whatConcernHint')}
        required
        rows={4}
        maxLength={4000}
        value={description}
        onChange={(e) => {
          setDescription(e.target.value);
          if (missing) setMissing('');
        }}
        error={textError}
      />
      {err && !textError && !subjectError ? <ErrorAlert error={err} /> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('recordTheConcern')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
