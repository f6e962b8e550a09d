import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type Message, type PartnershipDetail, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { firstName } from '../goals/goalWords';
import { useSignedIn } from '../session/session';
import type { MessagePages } from './MessagesSection';
import { messagesKey, requestState, who } from './messageWords';
import { focusSoon } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { m as words } from './messages';

/** The element id of a message, so focus can be taken to it. */
export const messageDomId = (id: string) => `message-${id}`;

/** One message; a resource request also says whom it asks, how long it has waited, and lets that person mark it fulfilled. */
export function MessageEntry({ m, p }: { m: Message; p: PartnershipDetail }) {
  const t = useT(words);
  const { language } = useLanguage();
  const me = useSignedIn();
  const id = useId();
  const mine = m.authorId === me.personId;
  const request = m.kind === 'resource_request';
  return (
    <article id={messageDomId(m.id)} tabIndex={-1} className={['message', request ? 'message-request' : '', m.fulfilledAt ? 'message-fulfilled' : ''].filter(Boolean).join(' ')} aria-labelledby={`${id}-who ${id}-when`}>
      <p className="message-head">
        <strong id={`${id}-who`}>{mine ? t('you') : m.authorName}</strong>{' '}
        <time id={`${id}-when`} dateTime={m.createdAt} className="meta">
          {formatDateTime(m.createdAt, language)}
        </time>
      </p>
      {request ? (
        <p className="request-tag">{m.requestedFrom ? t('requestTagFor', who(t, m.requestedFromName, m.requestedFrom, me.personId)) : t('requestTag')}</p>
      ) : null}
      <p className="message-body note-body">{m.body}</p>
      {request ? <RequestState m={m} p={p} /> : null}
    </article>
  );
}

function RequestState({ m, p }: { m: Message; p: PartnershipDetail }) {
  const t = useT(words);
  const { language } = useLanguage();
  const me = useSignedIn();
  const client = useQueryClient();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const stateId = `${formId}-state`;
  const focusState = () => focusSoon(stateId);
  const fulfil = useMutation({
    mutationFn: () => api.post<Message>(`/api/messages/${m.id}/fulfilment`, { note: note.trim() }),
    onSuccess: (saved) => {
      client.setQueryData<MessagePages>(messagesKey(p.id), (old) =>
        old ? { ...old, pages: old.pages.map((page) => ({ ...page, items: page.items.map((x) => (x.id === saved.id ? saved : x)) })) } : old,
      );
      setOpen(false);
      setNote('');
      focusState();
    },
  });
  const waiting = !m.fulfilledAt;
  return (
    <div className="request-state">
      <p id={stateId} tabIndex={-1} className={waiting ? 'request-waiting' : 'request-done'}>
        {requestState(t, m, me.personId)}
        {waiting ? (
          <span className="meta"> · {t('askedOn', { date: formatDateTime(m.createdAt, language) })}</span>
        ) : (
          <span className="meta"> · {formatDateTime(m.fulfilledAt, language)}</span>
        )}
      </p>
      {m.fulfilmentNote ? (
        <p className="fulfilment-note">
          <span className="meta">{m.fulfilledByName ? t('addedBy', { name: firstName(m.fulfilledByName) }) : t('note')} </span>
          <span className="note-body">{m.fulfilmentNote}</span>
        </p>
      ) : null}
      {waiting && m.abilities.fulfil && !open ? (
        <div className="button-row">
          <Button id={`${formId}-open`} variant="secondary" onClick={() => setOpen(true)}>
            {t('markFulfilledOpen')}<span className="visually-hidden"> {t('markFulfilledHidden', { name: m.authorName })}</span>
          </Button>
        </div>
      ) : null}
      {open ? (
        <form
          className="form inner-form"
          aria-label={t('markFulfilledForm', { name: m.authorName })}
          onSubmit={(e) => {
            e.preventDefault();
            fulfil.mutate();
          }}
        >
          <TextArea
            label={t('noteLabel')}
            hint={t('noteHint', { name: firstName(m.authorName) })}
            rows={2}
            maxLength={1000}
            value={note}
            autoFocus
            onChange={(e) => setNote(e.target.value)}
          />
          <ErrorAlert error={fulfil.error} />
          <div className="button-row">
            <Button type="submit" busy={fulfil.isPending}>
              {t('markFulfilled')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setOpen(false);
                fulfil.reset();
                focusSoon(`${formId}-open`);
              }}
            >
              {t('notYet')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
