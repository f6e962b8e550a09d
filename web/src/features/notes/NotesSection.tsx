import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError, type Note, type Page, type PartnershipDetail, api, query } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { focusSaved, useFocusFirstError } from '../../ui/focus';
import { Loading, Section } from '../../ui/Page';
import { ShowMore } from '../../ui/ShowMore';
import { firstWords, formatDateTime } from '../../ui/format';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

const SUBJECT_ROLES = ['coachee', 'peer', 'self'];
/** The element id of one note, where focus goes after it is saved. */
const noteDomId = (id: string) => `note-${id}`;

/** The partnership's notes, newest first: write, edit your own, and (coachee) share. */
export function NotesSection() {
  const p = usePartnership();
  const t = useT(m);
  const notes = useInfiniteQuery({
    queryKey: ['notes', p.id],
    queryFn: ({ pageParam }) => api.get<Page<Note>>(`/api/partnerships/${p.id}/notes${query({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: p.abilities.readContent,
  });
  if (!p.abilities.readContent) return null;
  const items = notes.data?.pages.flatMap((pg) => pg.items) ?? [];
  return (
    <Section title={t('title')} id="notes">
      <p className="muted">{t('intro')}</p>
      {p.abilities.writeNotes ? <NewNote p={p} /> : null}
      {notes.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={notes.error} />
      {!notes.isPending && items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="plain-list note-list">
        {items.map((n) => (
          <li key={n.id}>
            <NoteItem note={n} p={p} />
          </li>
        ))}
      </ul>
      <ShowMore hasMore={!!notes.hasNextPage} loading={notes.isFetchingNextPage} onMore={() => notes.fetchNextPage()} what={t('more')} />
    </Section>
  );
}

function NewNote({ p }: { p: PartnershipDetail }) {
  const me = useSignedIn();
  const t = useT(m);
  const client = useQueryClient();
  const subjects = p.members.filter((m) => SUBJECT_ROLES.includes(m.role) && m.state !== 'declined');
  const [body, setBody] = useState('');
  const [subjectId, setSubjectId] = useState(() => (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [saved, setSaved] = useState(false);
  const add = useMutation({
    mutationFn: () => api.post<Note>(`/api/partnerships/${p.id}/notes`, { body, subjectId: subjectId || undefined }),
    onSuccess: (note) => {
      setBody('');
      setSaved(true);
      // Shown at the top of the list at once (newest first), then the list is refreshed.
      client.setQueryData<InfiniteData<Page<Note>>>(['notes', p.id], (old) =>
        old && old.pages.length > 0 ? { ...old, pages: [{ ...old.pages[0], items: [note, ...old.pages[0].items.filter((n) => n.id !== note.id)] }, ...old.pages.slice(1)] } : old,
      );
      client.invalidateQueries({ queryKey: ['notes', p.id] });
      focusSaved(noteDomId(note.id));
    },
  });
  const err = add.error instanceof ApiError ? add.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, add.error);
  return (
    <form
      ref={formRef}
      className="form card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        add.mutate();
      }}
    >
      <TextArea label={t('write')} rows={4} required value={body} onChange={(e) => setBody(e.target.value)} error={err?.fieldMessage('body')} />
      {subjects.length > 1 ? (
        <SelectField label={t('aboutWhom')} value={subjectId} onChange={(e) => setSubjectId(e.target.value)} error={err?.fieldMessage('subjectId')}>
          {subjects.map((s) => (
            <option key={s.personId} value={s.personId}>
              {s.personId === me.personId ? t('nameMe', { name: s.name }) : s.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {err && !err.fieldMessage('body') ? <ErrorAlert error={err} /> : null}
      {saved ? <Alert tone="success">{t('saved')}</Alert> : null}
      <Button type="submit" busy={add.isPending}>
        {t('save')}
      </Button>
    </form>
  );
}

function NoteItem({ note, p }: { note: Note; p: PartnershipDetail }) {
  const t = useT(m);
  const { language } = useLanguage();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [body, setBody] = useState(note.body);
  const subject = p.members.find((m) => m.personId === note.subjectId);
  const edit = useMutation({
    mutationFn: () => api.patch<Note>(`/api/notes/${note.id}`, { body }),
    onSuccess: () => {
      setEditing(false);
      client.invalidateQueries({ queryKey: ['notes', p.id] });
      focusSaved(noteDomId(note.id));
    },
  });
  const err = edit.error instanceof ApiError ? edit.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, edit.error);
  return (
    <article id={noteDomId(note.id)} className="card note" aria-label={t('noteLabel', { name: note.authorName, when: formatDateTime(note.createdAt, language) })}>
      <p className="meta">
        {note.authorName} · {formatDateTime(note.createdAt, language)}
        {note.updatedAt !== note.createdAt ? ` · ${t('edited', { when: formatDateTime(note.updatedAt, language) })}` : ''}
        {p.format === 'peer' && subject ? ` · ${t('aboutCoaching', { name: subject.name })}` : ''}
      </p>
      {editing ? (
        <form
          ref={formRef}
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate();
          }}
        >
          <TextArea label={t('editLabel')} rows={4} value={body} onChange={(e) => setBody(e.target.value)} error={err?.fieldMessage('body')} />
          {err && !err.fieldMessage('body') ? <ErrorAlert error={err} /> : null}
          <div className="button-row">
            <Button type="submit" busy={edit.isPending}>
              {t('saveChanges')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setBody(note.body);
                setEditing(false);
              }}
            >
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="note-body">{note.body}</p>
      )}
      {!editing && (note.abilities.edit || note.abilities.share) ? (
        <div className="button-row">
          {note.abilities.edit ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('edit')}
            </Button>
          ) : null}
          {note.abilities.share && !sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              {t('share')}
            </Button>
          ) : null}
          {note.abilities.share ? <WhoHasSeenLink itemType="note" itemId={note.id} title={firstWords(note.body)} name={t('whoHasSeenName', { when: formatDateTime(note.createdAt, language) })} /> : null}
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'note', itemId: note.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
    </article>
  );
}
