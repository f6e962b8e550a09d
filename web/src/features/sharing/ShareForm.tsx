import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ShareCategory } from '../../../../shared/src/domain';
import { ApiError, type DirectoryEntry, type Share, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { endOfDay } from '../../ui/format';
import { PersonPicker, describeEntry } from '../directory/PersonPicker';

export type ShareItemType = 'note' | 'goal' | 'celebration' | 'strength' | 'observation_plan' | 'reflection';
export type ShareTarget = { itemType: ShareItemType; itemId: string } | { category: ShareCategory };

/** One shareable item in words: "goal", "observation plan". */
export const ITEM_WORD: Record<ShareItemType, string> = {
  note: 'note',
  goal: 'goal',
  celebration: 'celebration',
  strength: 'strength or priority',
  observation_plan: 'observation plan',
  reflection: 'reflection',
};

/** A whole category in words: "notes", "strengths, priorities and self-ratings". */
export const CATEGORY_WORDS: Record<ShareCategory, string> = {
  notes: 'notes',
  goals: 'goals',
  celebrations: 'celebrations',
  strengths: 'strengths, priorities and self-ratings',
  observation_plans: 'observation plans',
  reflections: 'reflections',
};

/** What is being shared, in words: "this goal", "all your notes from this partnership". */
export function describeTarget(target: ShareTarget): string {
  if ('itemId' in target) return `this ${ITEM_WORD[target.itemType]}`;
  return `all your ${CATEGORY_WORDS[target.category]} from this partnership`;
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
