import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, type Note, type Page, type PartnershipDetail, api, query } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { Loading, Section } from '../../ui/Page';
import { ShowMore } from '../../ui/ShowMore';
import { firstWords, formatDateTime } from '../../ui/format';
import { usePartnership } from '../partnerships/usePartnership';
import { useSignedIn } from '../session/session';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { ShareForm } from '../sharing/ShareForm';

const SUBJECT_ROLES = ['coachee', 'peer', 'self'];

/** The partnership's notes, newest first: write, edit your own, and (coachee) share. */
export function NotesSection() {
  const p = usePartnership();
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
    <Section title="Notes" id="notes">
      <p className="muted">Only members of this partnership can read these notes, unless the coachee chooses to share one.</p>
      {p.abilities.writeNotes ? <NewNote p={p} /> : null}
      {notes.isPending ? <Loading what="notes" /> : null}
      <ErrorAlert error={notes.error} />
      {!notes.isPending && items.length === 0 ? <p>No notes yet.</p> : null}
      <ul className="plain-list note-list">
        {items.map((n) => (
          <li key={n.id}>
            <NoteItem note={n} p={p} />
          </li>
        ))}
      </ul>
      <ShowMore hasMore={!!notes.hasNextPage} loading={notes.isFetchingNextPage} onMore={() => notes.fetchNextPage()} what="notes" />
    </Section>
  );
}

function NewNote({ p }: { p: PartnershipDetail }) {
  const me = useSignedIn();
  const client = useQueryClient();
  const subjects = p.members.filter((m) => SUBJECT_ROLES.includes(m.role) && m.state !== 'declined');
  const [body, setBody] = useState('');
  const [subjectId, setSubjectId] = useState(() => (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [saved, setSaved] = useState(false);
  const add = useMutation({
    mutationFn: () => api.post<Note>(`/api/partnerships/${p.id}/notes`, { body, subjectId: subjectId || undefined }),
    onSuccess: () => {
      setBody('');
      setSaved(true);
      client.invalidateQueries({ queryKey: ['notes', p.id] });
    },
  });
  const err = add.error instanceof ApiError ? add.error : null;
  return (
    <form
      className="form card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        add.mutate();
      }}
    >
      <TextArea label="Write a note" rows={4} required value={body} onChange={(e) => setBody(e.target.value)} error={err?.fieldMessage('body')} />
      {subjects.length > 1 ? (
        <SelectField label="About whose coaching" value={subjectId} onChange={(e) => setSubjectId(e.target.value)} error={err?.fieldMessage('subjectId')}>
          {subjects.map((s) => (
            <option key={s.personId} value={s.personId}>
              {s.name}
              {s.personId === me.personId ? ' (me)' : ''}
            </option>
          ))}
        </SelectField>
      ) : null}
      {err && !err.fieldMessage('body') ? <ErrorAlert error={err} /> : null}
      {saved ? <Alert tone="success">Your note is saved.</Alert> : null}
      <Button type="submit" busy={add.isPending}>
        Save note
      </Button>
    </form>
  );
}

function NoteItem({ note, p }: { note: Note; p: PartnershipDetail }) {
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
    },
  });
  const err = edit.error instanceof ApiError ? edit.error : null;
  return (
    <article className="card note" aria-label={`Note by ${note.authorName}, ${formatDateTime(note.createdAt)}`}>
      <p className="meta">
        {note.authorName} · {formatDateTime(note.createdAt)}
        {note.updatedAt !== note.createdAt ? ` · edited ${formatDateTime(note.updatedAt)}` : ''}
        {p.format === 'peer' && subject ? ` · about ${subject.name}’s coaching` : ''}
      </p>
      {editing ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate();
          }}
        >
          <TextArea label="Edit your note" rows={4} value={body} onChange={(e) => setBody(e.target.value)} error={err?.fieldMessage('body')} />
          {err && !err.fieldMessage('body') ? <ErrorAlert error={err} /> : null}
          <div className="button-row">
            <Button type="submit" busy={edit.isPending}>
              Save changes
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setBody(note.body);
                setEditing(false);
              }}
            >
              Cancel
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
              Edit
            </Button>
          ) : null}
          {note.abilities.share && !sharing ? (
            <Button variant="secondary" onClick={() => setSharing(true)}>
              Share…
            </Button>
          ) : null}
          {note.abilities.share ? <WhoHasSeenLink itemType="note" itemId={note.id} title={firstWords(note.body)} name={`note from ${formatDateTime(note.createdAt)}`} /> : null}
        </div>
      ) : null}
      {sharing ? <ShareForm partnershipId={p.id} target={{ itemType: 'note', itemId: note.id }} exclude={p.members.map((m) => m.personId)} onDone={() => setSharing(false)} /> : null}
    </article>
  );
}
