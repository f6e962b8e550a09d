import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { FORMATS, type Format } from '../../../../shared/src/domain';
import { ENROLMENT_STARTS, type EnrolmentStart } from '../../../../shared/src/program';
import { ApiError, api } from '../../api';
import { useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FieldSet, Radio, SelectField } from '../../ui/Field';
import { Section } from '../../ui/Page';
import { useFocusFirstError } from '../../ui/focus';
import { useLabels } from '../../ui/format';
import { m } from './messages';
import { type EnrolmentBody, type MyEnrolment, type ProgramPageData, useProgramWrite } from './programApi';

/**
 * "Would you like a coach?" in one step: "I'd like a coach" or "Not now", with optional
 * preferences folded away. The answer is the teacher's: it says so, and what it becomes.
 */
export function EnrolmentSection({ page }: { page: ProgramPageData }) {
  const t = useT(m);
  const labels = useLabels();
  const mine = page.myEnrolment;
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState(false);
  const answer = useProgramWrite(
    (body: EnrolmentBody) => api.put<ProgramPageData>('/api/program/enrolment', body),
    (_page, body) => {
      setEditing(false);
      setNotice(t(body.choice === 'volunteer' ? 'savedVolunteered' : 'savedDeclined'));
    },
  );
  const withdraw = useProgramWrite(
    () => api.delete<ProgramPageData>('/api/program/enrolment'),
    () => setNotice(t('savedWithdrawn')),
  );
  const status = mine?.status;
  const showForm = page.abilities.enrol && (!mine || status === 'declined' || status === 'withdrawn' || editing);
  return (
    <Section title={t('answerHeading')} id="answer" className="program-answer">
      <div role="status" aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>
      {mine && status === 'volunteered' ? (
        <>
          <p>{t('answerVolunteered', { date: labels.date(mine.updatedAt), coach: mine.preferredCoachName ?? 'none' })}</p>
          <Preferences mine={mine} />
        </>
      ) : null}
      {mine && status === 'declined' ? <p>{t('answerDeclined')}</p> : null}
      {mine && status === 'withdrawn' && !notice ? <p>{t('answerWithdrawn')}</p> : null}
      {mine && status === 'partnered' ? (
        <p>
          {t('answerPartnered')} {mine.partnershipId ? <Link to={`/partnerships/${mine.partnershipId}`}>{t('openPartnership')}</Link> : null}
        </p>
      ) : null}
      {showForm ? (
        <AnswerForm page={page} mine={mine} busy={answer.isPending} error={answer.error} onAnswer={(body) => answer.mutate(body)} onCancel={editing ? () => setEditing(false) : undefined} />
      ) : null}
      {!showForm && mine?.abilities.change && status === 'volunteered' ? (
        <div className="button-row">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('changeAnswer')}
          </Button>
          <Button variant="secondary" busy={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
            {t('withdraw')}
          </Button>
        </div>
      ) : null}
      {showForm && mine?.abilities.withdraw && status === 'declined' ? (
        <Button variant="quiet" busy={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
          {t('withdraw')}
        </Button>
      ) : null}
      <ErrorAlert error={withdraw.error} />
      <p className="muted">{t('privateAnswer')}</p>
    </Section>
  );
}

function Preferences({ mine }: { mine: MyEnrolment }) {
  const t = useT(m);
  const list = [mine.format ? t(`format_${mine.format}`) : null, mine.preferredCoachName, mine.starts ? t('starts', { starts: mine.starts }) : null].filter(Boolean);
  if (list.length === 0) return null;
  return <p className="muted">{t('yourPreferences', { list: list.join(' · ') })}</p>;
}

function AnswerForm({
  page,
  mine,
  busy,
  error,
  onAnswer,
  onCancel,
}: {
  page: ProgramPageData;
  mine: MyEnrolment | null;
  busy: boolean;
  error: unknown;
  onAnswer: (body: EnrolmentBody) => void;
  onCancel?: () => void;
}) {
  const t = useT(m);
  const ref = useRef<HTMLFormElement>(null);
  const keep = mine?.status === 'volunteered';
  const [format, setFormat] = useState<Format | ''>(keep ? (mine.format ?? '') : '');
  const [coach, setCoach] = useState(keep ? (mine.preferredCoachId ?? '') : '');
  const [starts, setStarts] = useState<EnrolmentStart | ''>(keep ? (mine.starts ?? '') : '');
  const [choice, setChoice] = useState<'volunteer' | 'decline'>('volunteer');
  useFocusFirstError(ref, error);
  const err = error instanceof ApiError ? error : null;
  // Submitting is volunteering; "Not now" is its own button, and sends no preferences.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChoice('volunteer');
    onAnswer({ choice: 'volunteer', format: format || null, preferredCoachId: coach || null, starts: starts || null });
  };
  const decline = () => {
    setChoice('decline');
    onAnswer({ choice: 'decline' });
  };
  return (
    <form ref={ref} onSubmit={submit} noValidate className="program-answer-form">
      <p>{t('answerLead')}</p>
      <details className="program-preferences" open={keep || undefined}>
        <summary>{t('preferences')}</summary>
        <FieldSet legend={t('formatLegend')} error={err?.fieldMessage('format')}>
          <Radio name="format" value="" checked={format === ''} onChange={() => setFormat('')} label={t('noPreference')} />
          {FORMATS.map((f) => (
            <Radio key={f} name="format" value={f} checked={format === f} onChange={() => setFormat(f)} label={t(`format_${f}`)} />
          ))}
        </FieldSet>
        <SelectField label={t('coachLabel')} value={coach} onChange={(e) => setCoach(e.currentTarget.value)} error={err?.fieldMessage('preferredCoachId')}>
          <option value="">{t('anyCoach')}</option>
          {page.coaches.map((c) => (
            <option key={c.personId} value={c.personId}>
              {t('coachAt', { name: c.name, site: c.site ?? 'none' })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('startsLabel')} value={starts} onChange={(e) => setStarts(e.currentTarget.value as EnrolmentStart | '')}>
          <option value="">{t('noPreference')}</option>
          {ENROLMENT_STARTS.map((s) => (
            <option key={s} value={s}>
              {t('starts', { starts: s })}
            </option>
          ))}
        </SelectField>
      </details>
      {err && !err.details.length ? <ErrorAlert error={error} /> : null}
      <div className="button-row program-answer-buttons">
        <Button type="submit" busy={busy && choice === 'volunteer'}>
          {keep ? t('changeAnswer') : t('volunteer')}
        </Button>
        {mine?.status !== 'declined' ? (
          <Button variant="secondary" busy={busy && choice === 'decline'} onClick={decline}>
            {t('notNow')}
          </Button>
        ) : null}
        {onCancel ? (
          <Button variant="quiet" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
