import { type FormEvent, useRef, useState } from 'react';
import { TESTIMONIAL_MAX } from '../../../../shared/src/program';
import { ApiError, api } from '../../api';
import { useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, Radio, TextArea } from '../../ui/Field';
import { Section } from '../../ui/Page';
import { useFocusFirstError } from '../../ui/focus';
import { m } from './messages';
import { type MyTestimonial, type ProgramPageData, useProgramWrite } from './programApi';

/**
 * The reader's own testimonials: written privately, then (a separate, clearly worded step)
 * shown to colleagues with or without their name once they tick that they agree; the leader
 * approves it for the page; "Stop showing it" takes it off at once.
 */
export function MyTestimonials({ page }: { page: ProgramPageData }) {
  const t = useT(m);
  const [notice, setNotice] = useState('');
  const [text, setText] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  const write = useProgramWrite(
    (body: { text: string }) => api.post<ProgramPageData>('/api/program/testimonials', body),
    () => {
      setText('');
      setNotice(t('savedText'));
    },
  );
  useFocusFirstError(ref, write.error);
  const err = write.error instanceof ApiError ? write.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({ text });
  };
  return (
    <Section title={t('myHeading')} id="my-testimonial" className="program-mine">
      <p>{t('myLead')}</p>
      <div role="status" aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>
      {page.myTestimonials.map((x) => (
        <OneTestimonial key={x.id} x={x} organization={page.organization} onNotice={setNotice} />
      ))}
      {page.abilities.writeTestimonial ? (
        <form ref={ref} onSubmit={submit} noValidate>
          <TextArea label={t('myText')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={TESTIMONIAL_MAX} required error={err?.fieldMessage('text')} />
          {err && !err.details.length ? <ErrorAlert error={write.error} /> : null}
          <Button type="submit" busy={write.isPending}>
            {t('saveText')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}

function OneTestimonial({ x, organization, onNotice }: { x: MyTestimonial; organization: string; onNotice: (text: string) => void }) {
  const t = useT(m);
  const [show, setShow] = useState<'named' | 'anonymous'>('named');
  const [agree, setAgree] = useState(false);
  const [editing, setEditing] = useState(false);
  const [words, setWords] = useState(x.text);
  const consent = useProgramWrite(
    (body: { show: 'named' | 'anonymous'; agree: boolean }) => api.put<ProgramPageData>(`/api/program/testimonials/${x.id}/consent`, body),
    () => {
      setAgree(false);
      onNotice(t('consentGiven'));
    },
  );
  const withdraw = useProgramWrite(
    () => api.delete<ProgramPageData>(`/api/program/testimonials/${x.id}/consent`),
    () => onNotice(t('consentWithdrawn')),
  );
  const edit = useProgramWrite(
    (body: { text: string }) => api.put<ProgramPageData>(`/api/program/testimonials/${x.id}`, body),
    () => {
      setEditing(false);
      onNotice(t('savedText'));
    },
  );
  const remove = useProgramWrite(
    () => api.delete<ProgramPageData>(`/api/program/testimonials/${x.id}`),
    () => onNotice(t('removed')),
  );
  const consentErr = consent.error instanceof ApiError ? consent.error : null;
  const editErr = edit.error instanceof ApiError ? edit.error : null;
  const give = (e: FormEvent) => {
    e.preventDefault();
    consent.mutate({ show, agree });
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    edit.mutate({ text: words });
  };
  return (
    <article className="card testimonial mine" aria-label={t('state', { state: x.state })}>
      {editing ? (
        <form onSubmit={save} noValidate>
          <TextArea label={t('myText')} hint={t('editHint')} value={words} onChange={(e) => setWords(e.currentTarget.value)} maxLength={TESTIMONIAL_MAX} required error={editErr?.fieldMessage('text')} />
          <div className="button-row">
            <Button type="submit" busy={edit.isPending}>
              {t('saveEdit')}
            </Button>
            <Button variant="quiet" onClick={() => setEditing(false)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <blockquote>
          <p className="pre-line">{x.text}</p>
        </blockquote>
      )}
      <p>
        <span className={`badge testimonial-${x.state}`}>{t('state', { state: x.state })}</span>
        {x.consent !== 'none' ? <span className="muted"> · {t('consentShownAs', { consent: x.consent })}</span> : null}
      </p>
      {x.consent === 'none' && x.abilities.consent && !editing ? (
        <form onSubmit={give} noValidate className="consent-step">
          <FieldSet legend={t('consentLegend', { organization })}>
            <Radio name={`show-${x.id}`} value="named" checked={show === 'named'} onChange={() => setShow('named')} label={t('consentNamed')} />
            <Radio name={`show-${x.id}`} value="anonymous" checked={show === 'anonymous'} onChange={() => setShow('anonymous')} label={t('consentAnonymous')} />
          </FieldSet>
          <Checkbox label={t('consentAgree', { organization })} checked={agree} onChange={(e) => setAgree(e.currentTarget.checked)} error={consentErr?.fieldMessage('agree')} />
          {consentErr && !consentErr.details.length ? <ErrorAlert error={consent.error} /> : null}
          <Button type="submit" busy={consent.isPending}>
            {t('consentGive')}
          </Button>
        </form>
      ) : null}
      <div className="button-row">
        {x.abilities.withdrawConsent ? (
          <Button variant="secondary" busy={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
            {t('withdrawConsent')}
          </Button>
        ) : null}
        {x.abilities.edit && !editing ? (
          <Button variant="quiet" onClick={() => setEditing(true)}>
            {t('editText')}
          </Button>
        ) : null}
        {x.abilities.remove ? (
          <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate(undefined)}>
            {t('remove')}
          </Button>
        ) : null}
      </div>
      <ErrorAlert error={withdraw.error ?? remove.error} />
    </article>
  );
}
