import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { COVERAGE_DECLINE_REASONS, COVERAGE_PURPOSES } from '../../../../shared/src/supervision';
import { ApiError, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { Loading, Section } from '../../ui/Page';
import { formatDate } from '../../ui/format';
import { m } from './messages';
import { type CoverageList, type CoverageRequest, coverageKey, myCheckinsKey } from './types';

type Purpose = (typeof COVERAGE_PURPOSES)[number];
type Reason = (typeof COVERAGE_DECLINE_REASONS)[number];

/**
 * Coverage requests on the partnership's sessions page: either partner asks the coachee's
 * supervisor for cover (day, from–to, for what, for whom — fixed lists, no free text); the
 * supervisor confirms or declines; both partners see the answer. Buttons follow the server's abilities.
 */
export function CoveragePanel({ partnershipId, coverageNeeds }: { partnershipId: string; coverageNeeds?: string | null }) {
  const t = useT(m);
  const { language } = useLanguage();
  const client = useQueryClient();
  const list = useQuery({ queryKey: coverageKey(partnershipId), queryFn: () => api.get<CoverageList>(`/api/partnerships/${partnershipId}/coverage-requests`) });
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState('');
  const refresh = () => {
    client.invalidateQueries({ queryKey: coverageKey(partnershipId) });
    client.invalidateQueries({ queryKey: myCheckinsKey });
  };
  const data = list.data;
  return (
    <Section title={t('coverageTitle')} id="coverage" className="coverage">
      <p className="muted">{data && !data.abilities.request ? t('coverageIntroSupervisor') : t('coverageIntroPartner')}</p>
      {coverageNeeds ? <p>{t('coverageExpected', { text: coverageNeeds })}</p> : null}
      <div role="status">{notice ? <p className="success-text">{notice}</p> : null}</div>
      {list.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={list.error} />
      {data?.abilities.request && !asking ? (
        <Button
          onClick={() => {
            setNotice('');
            setAsking(true);
          }}
        >
          {t('askCover')}
        </Button>
      ) : null}
      {asking && data ? (
        <CoverageForm
          partnershipId={partnershipId}
          partners={data.partners}
          onDone={(sent) => {
            setAsking(false);
            if (sent) {
              refresh();
              setNotice(t('requestSent'));
            }
          }}
        />
      ) : null}
      {data && data.items.length === 0 ? <p>{t('noRequests')}</p> : null}
      <ul className="plain-list session-list">
        {data?.items.map((r) => (
          <li key={r.id} className="card">
            <p>
              <strong>{t('coverageLine', { purpose: r.purpose, name: r.coverFor.name })}</strong>
            </p>
            <p>{t('coverageWhen', { date: formatDate(r.date, language), from: r.from, to: r.to })}</p>
            <p className="muted">{t('coverageAskedBy', { name: r.requestedBy.name })}</p>
            <p>
              <span className={`badge status-${r.status}`}>{t('status', { status: r.status })}</span>
              {r.answeredBy ? ` · ${t('answeredBy', { name: r.answeredBy })}` : ''}
            </p>
            {r.declineReason ? <p>{t('reasonLine', { reason: t('reason', { reason: r.declineReason }) })}</p> : null}
            {r.abilities.answer ? (
              <AnswerButtons
                request={r}
                onDone={() => {
                  refresh();
                  setNotice(t('answered'));
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function CoverageForm({ partnershipId, partners, onDone }: { partnershipId: string; partners: CoverageList['partners']; onDone: (sent: boolean) => void }) {
  const t = useT(m);
  const formId = useId();
  const [date, setDate] = useState('');
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('09:45');
  const [purpose, setPurpose] = useState<Purpose>('coaching_meeting');
  const [coverFor, setCoverFor] = useState(partners[0]?.personId ?? '');
  const send = useMutation({
    mutationFn: () => api.post<CoverageRequest>(`/api/partnerships/${partnershipId}/coverage-requests`, { date, from, to, purpose, coverFor }),
    onSuccess: () => onDone(true),
  });
  const err = send.error instanceof ApiError ? send.error : null;
  return (
    <form
      className="card form"
      aria-labelledby={`${formId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <h3 id={`${formId}-title`}>{t('coverFormTitle')}</h3>
      <ErrorAlert error={err && !err.details.length ? err : null} />
      <TextField label={t('date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} error={err?.fieldMessage('date')} />
      <TextField label={t('from')} type="time" required value={from} onChange={(e) => setFrom(e.target.value)} error={err?.fieldMessage('from')} />
      <TextField label={t('to')} type="time" required value={to} onChange={(e) => setTo(e.target.value)} error={err?.fieldMessage('to')} />
      <SelectField label={t('purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value as Purpose)}>
        {COVERAGE_PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t('purposeOption', { purpose: p })}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('coverFor')} value={coverFor} onChange={(e) => setCoverFor(e.target.value)} error={err?.fieldMessage('coverFor')}>
        {partners.map((p) => (
          <option key={p.personId} value={p.personId}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <Button type="submit" busy={send.isPending}>
          {t('sendRequest')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The supervisor's answer: confirm at once, or decline with a reason from the list (or none). */
function AnswerButtons({ request, onDone }: { request: CoverageRequest; onDone: () => void }) {
  const t = useT(m);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<Reason | ''>('');
  const answer = useMutation({
    mutationFn: (body: { decision: 'confirmed' | 'declined'; reason: Reason | null }) => api.post<CoverageRequest>(`/api/coverage-requests/${request.id}/answer`, body),
    onSuccess: onDone,
  });
  return (
    <div>
      <ErrorAlert error={answer.error} />
      {declining ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate({ decision: 'declined', reason: reason || null });
          }}
        >
          <SelectField label={t('declineReason')} value={reason} onChange={(e) => setReason(e.target.value as Reason | '')}>
            <option value="">{t('noReason')}</option>
            {COVERAGE_DECLINE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t('reason', { reason: r })}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <Button type="submit" busy={answer.isPending}>
              {t('sendDecline')}
            </Button>
            <Button variant="secondary" onClick={() => setDeclining(false)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <Button busy={answer.isPending} onClick={() => answer.mutate({ decision: 'confirmed', reason: null })}>
            {t('confirm')}
          </Button>
          <Button variant="secondary" onClick={() => setDeclining(true)}>
            {t('decline')}
          </Button>
        </div>
      )}
    </div>
  );
}
