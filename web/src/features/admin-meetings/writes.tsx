import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
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

