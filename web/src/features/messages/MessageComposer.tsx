import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { ApiError, type CreateMessageBody, type Message, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, SelectField, TextArea } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { useLabels } from '../../ui/format';
import { firstName } from '../goals/goalWords';
import { useSignedIn } from '../session/session';
import type { MessagePages } from './MessagesSection';
import { askable, messagesKey } from './messageWords';
import { useT } from '../../i18n';
import { m as words } from './messages';

/** Write a message, or ask someone in the partnership for a resource (the mentor coach unless you choose otherwise). */
export function MessageComposer({ p, onSent }: { p: PartnershipDetail; onSent: (notice: string) => void }) {
  const t = useT(words);
  const labels = useLabels();
  const me = useSignedIn();
  const client = useQueryClient();
  const formId = useId();
  const focusBody = () => document.getElementById(`${formId}-body`)?.focus();
  const people = askable(p, me.personId);
  const [body, setBody] = useState('');
  const [isRequest, setIsRequest] = useState(false);
  const [askId, setAskId] = useState(people[0]?.personId ?? '');
  const [missing, setMissing] = useState('');

  const send = useMutation({
    mutationFn: () => {
      const payload: CreateMessageBody = isRequest ? { kind: 'resource_request', body, requestedFrom: askId || null } : { kind: 'message', body, requestedFrom: null };
      return api.post<Message>(`/api/partnerships/${p.id}/messages`, payload);
    },
    onSuccess: (saved) => {
      client.setQueryData<MessagePages>(messagesKey(p.id), (old) =>
        old && old.pages.length > 0
          ? { ...old, pages: [{ ...old.pages[0], items: [saved, ...old.pages[0].items.filter((m) => m.id !== saved.id)] }, ...old.pages.slice(1)] }
          : old,
      );
      client.invalidateQueries({ queryKey: messagesKey(p.id) });
      setBody('');
      setIsRequest(false);
      const asked = people.find((m) => m.personId === saved.requestedFrom);
      onSent(saved.kind === 'resource_request' ? (asked ? t('requestSentTo', { name: firstName(asked.name) }) : t('requestSent')) : t('sent'));
      // Ready for the next message (a conversation goes on; the notice says it was sent).
      focusBody();
    },
  });

  const err = send.error instanceof ApiError ? send.error : null;
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, send.error, refused);
  const bodyError = missing || err?.fieldMessage('body');
  const askError = err?.fieldMessage('requestedFrom');
  const otherError = err && !bodyError && !askError;

  return (
    <form
      ref={formRef}
      className="form card message-form"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        onSent('');
        if (!body.trim()) {
          setMissing(isRequest ? t('missingRequest') : t('missingMessage'));
          send.reset();
          setRefused((n) => n + 1);
          return;
        }
        setMissing('');
        send.mutate();
      }}
    >
      <h3 id={`${formId}-heading`}>{t('writeHeading')}</h3>
      <TextArea
        id={`${formId}-body`}
        label={isRequest ? t('requestLabel') : t('messageLabel')}
        hint={isRequest ? t('requestHint') : t('messageHint')}
        required
        rows={3}
        maxLength={4000}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          if (missing) setMissing('');
        }}
        error={bodyError}
      />
      {people.length > 0 ? (
        <Checkbox
          label={t('isRequest')}
          hint={t('isRequestHint')}
          checked={isRequest}
          onChange={(e) => setIsRequest(e.target.checked)}
        />
      ) : null}
      {isRequest && people.length > 0 ? (
        <SelectField id={`${formId}-ask`} label={t('ask')} value={askId} onChange={(e) => setAskId(e.target.value)} error={askError}>
          {people.map((m) => (
            <option key={m.personId} value={m.personId}>
              {t('askOption', { name: m.name, role: labels.memberRole(m.role).toLowerCase() })}
            </option>
          ))}
        </SelectField>
      ) : null}
      {otherError ? <ErrorAlert error={err} /> : null}
      {bodyError || askError ? <Alert tone="error">{t('notSentYet')}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={send.isPending}>
          {isRequest ? t('sendRequest') : t('send')}
        </Button>
      </div>
    </form>
  );
}
