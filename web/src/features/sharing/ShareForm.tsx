import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, type DirectoryEntry, type Share, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { endOfDay } from '../../ui/format';
import { PersonPicker, describeEntry } from '../directory/PersonPicker';

export type ShareTarget = { itemType: 'note' | 'goal' | 'celebration'; itemId: string } | { category: 'notes' | 'goals' | 'celebrations' };

/** What is being shared, in words: "this goal", "all your notes from this partnership". */
export function describeTarget(target: ShareTarget): string {
  if ('itemId' in target) return `this ${target.itemType}`;
  return `all your ${target.category} from this partnership`;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The coachee shares one note, goal or celebration, or all of them, with one named colleague, optionally until a date. */
export function ShareForm({ partnershipId, target, exclude, onDone }: { partnershipId: string; target: ShareTarget; exclude: string[]; onDone: () => void }) {
  const client = useQueryClient();
  const [grantee, setGrantee] = useState<DirectoryEntry | null>(null);
  const [expires, setExpires] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<Share | null>(null);
  const share = useMutation({
    mutationFn: () =>
      api.post<Share>(`/api/partnerships/${partnershipId}/shares`, {
        granteeId: grantee?.id,
        ...target,
        note: note.trim() || undefined,
        expiresAt: expires ? endOfDay(expires) : undefined,
      }),
    onSuccess: (s) => {
      setDone(s);
      client.invalidateQueries({ queryKey: ['shares', partnershipId] });
    },
  });
  const err = share.error instanceof ApiError ? share.error : null;
  const what = describeTarget(target);
  if (done) {
    return (
      <Alert tone="success" title="Shared">
        <p>
          {done.granteeName} can now read {what}
          {done.expiresAt ? ` until ${new Date(done.expiresAt).toLocaleDateString()}` : ''}. You can withdraw it at any time under Sharing.
        </p>
        <Button variant="secondary" onClick={onDone}>
          Close
        </Button>
      </Alert>
    );
  }
  return (
    <form
      className="form share-form card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        share.mutate();
      }}
    >
      <p>
        <strong>Share {what}</strong> with one colleague outside the partnership — most often your supervisor. Only the person you name can read it.
      </p>
      {grantee ? (
        <p>
          Sharing with <strong>{grantee.name}</strong> <span className="muted">({describeEntry(grantee)})</span>{' '}
          <Button variant="quiet" onClick={() => setGrantee(null)}>
            Choose someone else
          </Button>
        </p>
      ) : (
        <PersonPicker
          label="Share with"
          hint="Type part of their name, then choose them."
          exclude={exclude}
          onPick={setGrantee}
          error={err?.fieldMessage('granteeId')}
          suggestSupervisors
        />
      )}
      <TextField
        label="Stop sharing after (optional)"
        type="date"
        min={today()}
        hint="Leave empty to share until you withdraw it."
        value={expires}
        onChange={(e) => setExpires(e.target.value)}
        error={err?.fieldMessage('expiresAt')}
      />
      <TextArea label="A message to them (optional)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={err?.fieldMessage('note')} />
      <ErrorAlert error={share.error} />
      <div className="button-row">
        <Button type="submit" busy={share.isPending} disabled={!grantee}>
          Share
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
