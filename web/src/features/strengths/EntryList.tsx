import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
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
import { TYPE_ADD, TYPE_INTRO, TYPE_ONE, TYPE_TITLE, byCategory, strengthsKey } from './strengthWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';
import { focusSoon } from '../../ui/focus';

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
        {TYPE_TITLE[type]}
      </h3>
      <p className="muted">{TYPE_INTRO[type]}</p>
      <div role="status" className="strength-notice">
        {notice ? <p className="success-text">{notice}</p> : null}
      </div>
      {current.length === 0 ? (
        <p>{type === 'strength' ? 'No strengths noted yet. What would you both say is already working?' : 'No priorities chosen yet.'}</p>
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
          {TYPE_ADD[type]}
        </Button>
      ) : null}
      {adding ? (
        <AddEntryForm
          p={p}
          type={type}
          onSaved={(e) => {
            setAdding(false);
            setNotice(`Added to ${TYPE_TITLE[type].toLowerCase()}: “${e.text}”.`);
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
          <summary>
            Past {type === 'strength' ? 'strengths' : 'priorities'} ({past.length})
          </summary>
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
  const store = useStoreEntry(p.id);
  const [sharing, setSharing] = useState(false);
  const client = useQueryClient();
  const retire = useMutation({
    mutationFn: (retired: boolean) => api.patch<StrengthEntry>(`/api/strengths/${entry.id}`, { retired }),
    onSuccess: (saved) => {
      store(saved);
      client.invalidateQueries({ queryKey: strengthsKey(p.id) });
      onChanged(saved.retiredAt ? `Moved to the past: “${saved.text}”. It stays in the history.` : `Brought back: “${saved.text}”.`);
    },
  });
  const several = subjectsOf(p).length > 1;
  const subject = p.members.find((m) => m.personId === entry.subjectId);
  const author = entry.authorId === me.personId ? 'you' : entry.authorName;
  const one = TYPE_ONE[entry.type];
  return (
    <article className={['card', 'entry', entry.retiredAt ? 'entry-retired' : ''].filter(Boolean).join(' ')}>
      <p className="entry-text note-body">{entry.text}</p>
      <p className="meta">
        {entry.practiceName ? (
          <>
            <span className="practice-tag">{entry.practiceName}</span> ·{' '}
          </>
        ) : null}
        {several && subject ? `${entry.subjectId === me.personId ? 'Yours' : `${firstName(subject.name)}’s`} · ` : ''}
        Added by {author} on {formatDate(entry.createdAt)}
        {entry.retiredAt ? ` · moved to the past on ${formatDate(entry.retiredAt)}` : ''}
      </p>
      <ErrorAlert error={retire.error} />
      {entry.abilities.retire || entry.abilities.share ? (
        <div className="button-row">
          {entry.abilities.retire ? (
            <Button variant="secondary" busy={retire.isPending} onClick={() => retire.mutate(!entry.retiredAt)}>
              {entry.retiredAt ? 'Bring it back' : entry.type === 'priority' ? 'Addressed — move to the past' : 'Move to the past'}
              <span className="visually-hidden"> (the {one} “{entry.text}”)</span>
            </Button>
          ) : null}
          {entry.abilities.share && !sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              Share…<span className="visually-hidden"> the {one} “{entry.text}”</span>
            </Button>
          ) : null}
          {entry.abilities.share ? <WhoHasSeenLink itemType="strength" itemId={entry.id} title={entry.text} name={`${one} “${entry.text}”`} /> : null}
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'strength', itemId: entry.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
    </article>
  );
}

function AddEntryForm({ p, type, onSaved, onCancel }: { p: PartnershipDetail; type: StrengthType; onSaved: (e: StrengthEntry) => void; onCancel: () => void }) {
  const me = useSignedIn();
  const formId = useId();
  const store = useStoreEntry(p.id);
  const practices = usePractices();
  const subjects = subjectsOf(p);
  const [subjectId, setSubjectId] = useState(() => (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [text, setText] = useState('');
  const [practiceId, setPracticeId] = useState('');
  const [missing, setMissing] = useState('');
  const textId = `${formId}-text`;
  const focusText = () => document.getElementById(textId)?.focus();
  useEffect(() => {
    focusText();
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
    onError: () => requestAnimationFrame(focusText),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const shown = ['text', 'practiceId', 'subjectId', 'type'];
  const otherError = err && !err.details.some((d) => shown.includes(d.path));
  const visible = (practices.data?.items ?? []).filter((pr) => !pr.archived);
  const one = TYPE_ONE[type];

  return (
    <form
      className="form card entry-form"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) {
          save.reset();
          setMissing(type === 'strength' ? 'Describe the strength in a few words.' : 'Describe the priority in a few words.');
          focusText();
          return;
        }
        setMissing('');
        save.mutate();
      }}
    >
      <h4 id={`${formId}-heading`}>{TYPE_ADD[type]}</h4>
      {subjects.length > 1 ? (
        <SelectField label={`Whose ${one} is it?`} value={subjectId} onChange={(e) => setSubjectId(e.target.value)} error={err?.fieldMessage('subjectId')}>
          <SubjectOptions subjects={subjects} meId={me.personId} />
        </SelectField>
      ) : null}
      <TextArea
        id={textId}
        label={type === 'strength' ? 'The strength' : 'The priority'}
        hint={type === 'strength' ? 'Describe what you see, for example “Songs make transitions calm and quick.”' : 'Describe what you chose to work on, for example “More children answering during read-aloud.”'}
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
      <SelectField label="Practice it connects to (optional)" value={practiceId} onChange={(e) => setPracticeId(e.target.value)} error={err?.fieldMessage('practiceId')}>
        <option value="">No particular practice</option>
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
      {err && !otherError ? <Alert tone="error">Some answers need another look — see the messages above.</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          Add the {one}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

