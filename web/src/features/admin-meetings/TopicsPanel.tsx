import { useState } from 'react';
import { NAMING_TOPIC, TOPIC_GROUP_KEYS, TOPIC_GROUP_TEXT, TOPIC_TEXT } from '../../../../shared/src/admin-meetings';
import { ApiError, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, Radio, TextArea } from '../../ui/Field';
import { useSignedIn } from '../session/session';
import type { AdminMeeting } from './live';
import { m } from './messages';
import { ConflictNote, useMeetingWrite } from './writes';

type Topic = AdminMeeting['topics'][number];

/**
 * Step 6: the topics as questions in the protocol's groups. Before and during the meeting each
 * participant marks their key concerns (everyone sees how many); in the meeting the note-taker
 * (or whoever runs it) records what was agreed on each, or that it is not relevant.
 */
export function TopicsPanel({ meeting }: { meeting: AdminMeeting }) {
  const t = useT(m);
  const { language } = useLanguage();
  const answered = meeting.topics.filter((x) => x.answer).length;
  return (
    <div className="meeting-panel topics-panel">
      <p className="muted">{meeting.status === 'draft' ? t('topicsIntroDraft') : t('topicsIntroLive')}</p>
      <p className="meta">{t('topicsProgress', { answered, total: meeting.topics.length })}</p>
      {TOPIC_GROUP_KEYS.map((group) => {
        const topics = meeting.topics.filter((x) => x.group === group);
        if (topics.length === 0) return null;
        return (
          <div key={group} className="topic-group">
            <h3>{TOPIC_GROUP_TEXT[language][group]}</h3>
            <ol className="plain-list topic-list">
              {topics.map((topic) => (
                <TopicRow key={topic.key} meeting={meeting} topic={topic} />
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}

function TopicRow({ meeting, topic }: { meeting: AdminMeeting; topic: Topic }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  const question = TOPIC_TEXT[language][topic.key];
  const concerned = topic.concernedBy.includes(me.personId);
  const concern = useMeetingWrite(meeting, (on: boolean) => api.put<AdminMeeting>(`/api/admin-meetings/${meeting.id}/topics/${topic.key}/concern`, { concerned: on }));
  const open = meeting.status !== 'ended';
  const a = topic.answer;
  return (
    <li className={['topic', topic.concernedBy.length > 0 ? 'has-concerns' : '', a ? `is-${a.status}` : ''].filter(Boolean).join(' ')} id={`topic-${topic.key}`}>
      <p className="topic-question">{question}</p>
      <p className="meta">{t('concerns', { count: topic.concernedBy.length })}</p>
      {a ? (
        <div className="topic-answer">
          {a.status === 'agreed' ? <p className="topic-answer-text">{t('answered', { text: a.text })}</p> : <p className="topic-answer-text">{t('notRelevant')}</p>}
          {a.namesMayBeUsed !== null ? <p>{a.namesMayBeUsed ? t('namesAgreedYes') : t('namesAgreedNo')}</p> : null}
          <p className="meta">{t('answeredBy', { name: a.answeredByName })}</p>
        </div>
      ) : (
        <p className="meta">{t('noAnswer')}</p>
      )}
      {meeting.abilities.contribute && open ? (
        <Checkbox label={t('myConcern')} checked={concerned} disabled={concern.mutation.isPending} onChange={(e) => concern.mutation.mutate(e.target.checked)} />
      ) : null}
      <ErrorAlert error={concern.error} />
      {meeting.abilities.answerTopics ? <AnswerForm meeting={meeting} topic={topic} question={question} /> : null}
    </li>
  );
}

function AnswerForm({ meeting, topic, question }: { meeting: AdminMeeting; topic: Topic; question: string }) {
  const t = useT(m);
  const [text, setText] = useState(topic.answer?.text ?? '');
  const [names, setNames] = useState<boolean | null>(topic.answer?.namesMayBeUsed ?? null);
  const [open, setOpen] = useState(false);
  // Against the answer's version when the form was opened (see Norm in MeetingPage.tsx).
  const [base, setBase] = useState(topic.answer?.version ?? 0);
  const write = useMeetingWrite(
    meeting,
    (body: { status: 'agreed' | 'not_relevant'; baseVersion: number }) =>
      api.put<AdminMeeting>(`/api/admin-meetings/${meeting.id}/topics/${topic.key}/answer`, {
        status: body.status,
        text: body.status === 'agreed' ? text : '',
        ...(topic.key === NAMING_TOPIC && body.status === 'agreed' && names !== null ? { namesMayBeUsed: names } : {}),
        baseVersion: body.baseVersion,
      }),
    () => setOpen(false),
  );
  const latestOrBase = () => (write.conflict ? (topic.answer?.version ?? 0) : base);
  const err = write.error instanceof ApiError ? write.error : null;
  return (
    <details
      className="topic-record"
      open={open}
      onToggle={(e) => {
        const opened = (e.currentTarget as HTMLDetailsElement).open;
        if (opened && !open) setBase(topic.answer?.version ?? 0);
        setOpen(opened);
      }}
    >
      <summary>{t('recordAgreement')}</summary>
      {open ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            write.mutation.mutate({ status: 'agreed', baseVersion: latestOrBase() });
          }}
        >
          <TextArea label={t('answerLabel')} hint={question} rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} error={err?.fieldMessage('text')} />
          {topic.key === NAMING_TOPIC ? (
            <FieldSet legend={t('namesQuestion')} error={err?.fieldMessage('namesMayBeUsed')}>
              <Radio name={`names-${meeting.id}`} label={t('namesYes')} checked={names === true} onChange={() => setNames(true)} />
              <Radio name={`names-${meeting.id}`} label={t('namesNo')} checked={names === false} onChange={() => setNames(false)} />
            </FieldSet>
          ) : null}
          <div className="button-row">
            <Button type="submit" variant="secondary" busy={write.mutation.isPending && write.mutation.variables?.status === 'agreed'}>
              {t('recordAgreement')}
            </Button>
            <Button variant="quiet" busy={write.mutation.isPending && write.mutation.variables?.status === 'not_relevant'} onClick={() => write.mutation.mutate({ status: 'not_relevant', baseVersion: latestOrBase() })}>
              {t('markNotRelevant')}
            </Button>
          </div>
          <ConflictNote show={write.conflict} />
          {err && !err.fieldMessage('text') && !err.fieldMessage('namesMayBeUsed') ? <ErrorAlert error={err} /> : null}
        </form>
      ) : null}
    </details>
  );
}
