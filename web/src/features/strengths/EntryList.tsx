import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { StrengthType } from '../../../../shared/src/domain';
import { type AddStrengthBody, ApiError, type PartnershipDetail, type StrengthEntry, type StrengthsResponse, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { usePractices } from '../agreements/useAgreement';
import { firstName, subjectsOf } from '../goals/goalWords';
import { useSignedIn } from '../session/session';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { byCategory, strengthsKey } from './strengthWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';
import { focusSoon, useFocusFirstError } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

/** Puts one changed or new entry into the cached page, so the lists update at once. */
function useStoreEntry(partnershipId: string) {
  const client = useQueryClient();
  return (saved: StrengthEntry) =>
    client.setQueryData<StrengthsResponse>(strengthsKey(partnershipId), (old) =>
      old ? { ...old, entries: old.entries.some((e) => e.id === saved.id) ? old.entries.map((e) => (e.id === saved.id ? saved : e)) : [...old.entries, saved] } : old,
    );
}

/** "Strengths we see" or "Priorities we chose": the current ones, a form to add one, and the past ones folded away. */
export function EntryList({ p, type, entries, canAdd }: { p: PartnershipDetail; type: StrengthType; entries: StrengthEntry[]; canAdd: boolean }) {
  const t = useT(m);
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const current = entries.filter((e) => !e.retiredAt);
  const past = entries.filter((e) => e.retiredAt);
  const openId = `${id}-open`;

  /** One entry, current or past; after a change, focus goes back to the list's heading. */
  const item = (e: StrengthEntry) => (
    <li key={e.id}>
      <Entry
        p={p}
        entry={e}
        onChanged={(msg) => {
          setNotice(msg);
          focusSoon(`${id}-title`);
        }}
      />
    </li>
  );
  return (
    <section className={`section entry-section entry-${type}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1}>
        {t('typeTitle', { type })}
      </h3>
      <p className="muted">{t('typeIntro', { type })}</p>
      <div role="status" className="strength-notice">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {current.length === 0 ? (
        <p>{t('typeEmpty', { type })}</p>
      ) : (
        <ul className="plain-list entry-list" aria-labelledby={`${id}-title`}>
          {current.map(item)}
        </ul>
      )}
      {canAdd && !adding ? (
        <Button
          id={openId}
          variant="secondary"
          onClick={() => {
            setNotice('');
            setAdding(true);
          }}
        >
          {t('typeAdd', { type })}
        </Button>
      ) : null}
      {adding ? (
        <AddEntryForm
          p={p}
          type={type}
          onSaved={(e) => {
            setAdding(false);
            setNotice(t('addedTo', { type, text: e.text }));
            focusSoon(openId);
          }}
          onCancel={() => {
            setAdding(false);
            focusSoon(openId);
          }}
        />
      ) : null}
      {past.length ? (
        <details className="past-entries">
          <summary>{t('pastSummary', { type, count: past.length })}</summary>
          <ul className="plain-list entry-list">
            {past.map(item)}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function Entry({ p, entry, onChanged }: { p: PartnershipDetail; entry: StrengthEntry; onChanged: (message: string) => void }) {
  const me = useSignedIn();
  const t = useT(m);
  const { language } = useLanguage();
  const store = useStoreEntry(p.id);
  const [sharing, setSharing] = useState(false);
  const client = useQueryClient();
  const retire = useMutation({
    mutationFn: (retired: boolean) => api.patch<StrengthEntry>(`/api/strengths/${entry.id}`, { retired }),
    onSuccess: (saved) => {
      store(saved);
      client.invalidateQueries({ queryKey: strengthsKey(p.id) });
      onChanged(saved.retiredAt ? t('retired', { text: saved.text }) : t('broughtBack', { text: saved.text }));
    },
  });
  const several = subjectsOf(p).length > 1;
  const subject = p.members.find((x) => x.personId === entry.subjectId);
  const added = formatDate(entry.createdAt, language);
  const named = { type: entry.type, text: entry.text };
  return (
    <article className={['card', 'entry', entry.retiredAt ? 'entry-retired' : ''].filter(Boolean).join(' ')}>
      <p className="entry-text note-body">{entry.text}</p>
      <p className="meta">
        {entry.practiceName ? (
          <>
            <span className="practice-tag">{entry.practiceName}</span> ·{' '}
          </>
        ) : null}
        {several && subject ? `${entry.subjectId === me.personId ? t('yours') : t('whose', { name: firstName(subject.name) })} · ` : ''}
        {entry.authorId === me.personId ? t('addedByYou', { date: added }) : t('addedBy', { name: entry.authorName, date: added })}
        {entry.retiredAt ? ` · ${t('movedPastOn', { date: formatDate(entry.retiredAt, language) })}` : ''}
      </p>
      <ErrorAlert error={retire.error} />
      {entry.abilities.retire || entry.abilities.share ? (
        <div className="button-row">
          {entry.abilities.retire ? (
            <Button variant="secondary" busy={retire.isPending} onClick={() => retire.mutate(!entry.retiredAt)}>
              {entry.retiredAt ? t('bringBack') : entry.type === 'priority' ? t('addressed') : t('moveToPast')}
              <span className="visually-hidden"> {t('retireHidden', named)}</span>
            </Button>
          ) : null}
          {entry.abilities.share && !sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              {t('share')}
              <span className="visually-hidden"> {t('theEntry', named)}</span>
            </Button>
          ) : null}
          {entry.abilities.share ? <WhoHasSeenLink itemType="strength" itemId={entry.id} title={entry.text} name={t('whoHasSeenName', named)} /> : null}
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'strength', itemId: entry.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
    </article>
  );
}

function AddEntryForm({ p, type, onSaved, onCancel }: { p: PartnershipDetail; type: StrengthType; onSaved: (e: StrengthEntry) => void; onCancel: () => void }) {
  const me = useSignedIn();
  const t = useT(m);
  const formId = useId();
  const store = useStoreEntry(p.id);
  const practices = usePractices();
  const subjects = subjectsOf(p);
  const [subjectId, setSubjectId] = useState(() => (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [text, setText] = useState('');
  const [practiceId, setPracticeId] = useState('');
  const [missing, setMissing] = useState('');
  const textId = `${formId}-text`;
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    document.getElementById(textId)?.focus();
  }, []);

  const save = useMutation({
    mutationFn: () => {
      const body: AddStrengthBody = { type, text: text.trim(), practiceId: practiceId || null, subjectId: subjects.length > 1 ? subjectId || undefined : undefined };
      return api.post<StrengthEntry>(`/api/partnerships/${p.id}/strengths`, body);
    },
    onSuccess: (saved) => {
      store(saved);
      onSaved(saved);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  // After a refused save, focus goes to the answer with the problem, or the message.
  useFocusFirstError(formRef, save.error, refused);
  const shown = ['text', 'practiceId', 'subjectId', 'type'];
  const otherError = err && !err.details.some((d) => shown.includes(d.path));
  const visible = (practices.data?.items ?? []).filter((pr) => !pr.archived);

  return (
    <form
      ref={formRef}
      className="form card entry-form"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) {
          save.reset();
          setMissing(t('missingText', { type }));
          setRefused((n) => n + 1);
          return;
        }
        setMissing('');
        save.mutate();
      }}
    >
      <h4 id={`${formId}-heading`}>{t('typeAdd', { type })}</h4>
      {subjects.length > 1 ? (
        <SelectField label={t('whoseQuestion', { type })} value={subjectId} onChange={(e) => setSubjectId(e.target.value)} error={err?.fieldMessage('subjectId')}>
          <SubjectOptions subjects={subjects} meId={me.personId} />
        </SelectField>
      ) : null}
      <TextArea
        id={textId}
        label={t('textLabel', { type })}
        hint={t('textHint', { type })}
        required
        rows={3}
        maxLength={1000}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim()) setMissing('');
        }}
        error={missing || err?.fieldMessage('text')}
      />
      <SelectField label={t('practiceSelect')} value={practiceId} onChange={(e) => setPracticeId(e.target.value)} error={err?.fieldMessage('practiceId')}>
        <option value="">{t('noPractice')}</option>
        {byCategory(visible).map((g) => (
          <optgroup key={g.category} label={g.category}>
            {g.items.map((pr) => (
              <option key={pr.id} value={pr.id}>
                {pr.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {otherError ? <ErrorAlert error={err} /> : null}
      {err && !otherError ? <Alert tone="error">{t('checkAnswers')}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('addThe', { type })}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

