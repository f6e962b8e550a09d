import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { type AdminMeeting, keepMeeting, meetingKey } from './live';
import { m } from './messages';

/**
 * A write to the meeting: the answer (the whole meeting) goes into the cache; a 409 (someone
 * changed it first) says so calmly, the stream has already brought the latest, and what the
 * person typed stays in its field.
 */
export function useMeetingWrite<V>(meeting: AdminMeeting, write: (v: V) => Promise<AdminMeeting>, onDone?: () => void) {
  const client = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const mutation = useMutation({
    mutationFn: write,
    onMutate: () => setConflict(false),
    onSuccess: (next) => {
      keepMeeting(client, next);
      onDone?.();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        void client.invalidateQueries({ queryKey: meetingKey(meeting.id) });
      }
    },
  });
  const error = mutation.error instanceof ApiError && mutation.error.status === 409 ? null : mutation.error;
  return { mutation, conflict, error };
}

export function ConflictNote({ show }: { show: boolean }) {
  const t = useT(m);
  return show ? <Alert tone="warning">{t('conflict')}</Alert> : null;
}


/**
 * New words for something of the meeting (a norm, a challenge…): the field, Save and Cancel.
 * `onSave` sends them against the version the writer started from (see useMeetingWrite).
 */
export function WordsForm({ label, maxLength, words, setWords, error, busy, onSave, onCancel, className = 'form' }: { label: string; maxLength: number; words: string; setWords: (w: string) => void; error?: string; busy: boolean; onSave: () => void; onCancel: () => void; className?: string }) {
  const t = useT(m);
  return (
    <form
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <TextArea label={label} rows={2} maxLength={maxLength} value={words} onChange={(e) => setWords(e.target.value)} error={error} />
      <div className="button-row">
        <Button type="submit" variant="secondary" busy={busy}>
          {t('save')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
