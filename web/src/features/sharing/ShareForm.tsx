import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { ShareCategory } from '../../../../shared/src/domain';
import { ApiError, type DirectoryEntry, type Share, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { focusSaved, useFocusFirstError } from '../../ui/focus';
import { endOfDay } from '../../ui/format';
import { PersonPicker, describeEntry } from '../directory/PersonPicker';
import { useLanguage, useT } from '../../i18n';
import { m } from './messages';

export type ShareItemType = 'note' | 'goal' | 'celebration' | 'strength' | 'observation_plan' | 'observation' | 'reflection' | 'feedback' | 'artifact';
export type ShareTarget = { itemType: ShareItemType; itemId: string } | { category: ShareCategory };

/** The kinds of item one can share one at a time (the messages' `kind` and `target` selects name them). */
export const SHARE_ITEM_TYPES: readonly ShareItemType[] = ['note', 'goal', 'celebration', 'strength', 'observation_plan', 'observation', 'reflection', 'feedback', 'artifact'];

/** What is being shared, as the value of the messages' `target` select: an item type ("this goal") or a category ("all your notes from this partnership"). */
export function targetOf(target: ShareTarget): ShareItemType | ShareCategory {
  return 'itemId' in target ? target.itemType : target.category;
}

/** Stands for marked-up words in a sentence, so they can sit wherever a language puts them. */
const MARK = '\u0001';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The coachee shares one note, goal or celebration, or all of them, with one named colleague, optionally until a date. */
export function ShareForm({ partnershipId, target, exclude, onDone }: { partnershipId: string; target: ShareTarget; exclude: string[]; onDone: () => void }) {
  const t = useT(m);
  const { language } = useLanguage();
  const client = useQueryClient();
  const [grantee, setGrantee] = useState<DirectoryEntry | null>(null);
  const [expires, setExpires] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<Share | null>(null);
  const doneId = useId();
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
      // The form gives way to what was shared, with whom: focus goes there.
      focusSaved(doneId);
    },
  });
  const err = share.error instanceof ApiError ? share.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, share.error);
  const what = targetOf(target);
  if (done) {
    return (
      <div id={doneId}>
        <Alert tone="success" title={t('sharedTitle')}>
          <p>
            {done.expiresAt
              ? t('sharedBodyUntil', { name: done.granteeName, target: what, date: new Date(done.expiresAt).toLocaleDateString(language) })
              : t('sharedBody', { name: done.granteeName, target: what })}
          </p>
          <Button variant="secondary" onClick={onDone}>
            {t('close')}
          </Button>
        </Alert>
      </div>
    );
  }
  const [, strong, rest] = t('shareIntro', { strong: MARK, target: what }).split(MARK);
  const [withBefore, withAfter] = t('sharingWith', { name: MARK }).split(MARK);
  return (
    <form
      ref={formRef}
      className="form share-form card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        share.mutate();
      }}
    >
      <p>
        <strong>{strong}</strong>
        {rest}
      </p>
      {grantee ? (
        <p>
          {withBefore}
          <strong>{grantee.name}</strong>
          {withAfter} <span className="muted">({describeEntry(grantee, language)})</span>{' '}
          <Button variant="quiet" onClick={() => setGrantee(null)}>
            {t('chooseSomeoneElse')}
          </Button>
        </p>
      ) : (
        <PersonPicker
          label={t('shareWith')}
          hint={t('shareWithHint')}
          exclude={exclude}
          onPick={setGrantee}
          error={err?.fieldMessage('granteeId')}
          suggestSupervisors
        />
      )}
      <TextField
        label={t('stopAfter')}
        type="date"
        min={today()}
        hint={t('stopAfterHint')}
        value={expires}
        onChange={(e) => setExpires(e.target.value)}
        error={err?.fieldMessage('expiresAt')}
      />
      <TextArea label={t('messageToThem')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={err?.fieldMessage('note')} />
      <ErrorAlert error={share.error} />
      <div className="button-row">
        <Button type="submit" busy={share.isPending} disabled={!grantee}>
          {t('share')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
