import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { TRANSITIONS, type PartnershipStatus, STATUSES } from '../../../../shared/src/domain';
import { ApiError, type PartnershipDetail, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { focusSaved, useFocusFirstError } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { useSignedIn } from '../session/session';
import { DualRoleNote, Logistics } from './OverviewSection';
import { type Key, m } from './messages';
import { partnershipKey } from './usePartnership';

type T = ReturnType<typeof useT<Key>>;

const isStatus = (s: string | null): s is PartnershipStatus => !!s && (STATUSES as readonly string[]).includes(s);
const statusWord = (t: T, s: string) => (isStatus(s) ? t('status', { status: s }) : s);

/**
 * About us → Partnership status: who is in it, how it began, what was agreed
 * and its history. Pausing and closing sit here behind a disclosure, out of
 * the way of the day-to-day work.
 */
export function StatusSection({ p }: { p: PartnershipDetail }) {
  const t = useT(m);
  const { language } = useLanguage();
  const me = useSignedIn();
  // Kept here, not in the form: closing removes the form, and the news must stay.
  const [changed, setChanged] = useState<PartnershipStatus | null>(null);
  return (
    <section className="section" aria-labelledby="partnership-status-title">
      <h2 id="partnership-status-title">{t('statusTitle')}</h2>
      <p>
        <span className={`status status-${p.status}`}>{t('status', { status: p.status })}</span> ·{' '}
        {p.origin ? <span className="origin">{t('origin', { origin: p.origin })} · </span> : null}
        {t('started', { when: new Date(p.createdAt) })}
      </p>

      <h3>{t('membersTitle')}</h3>
      <ul className="member-list" aria-label={t('membersLabel')}>
        {p.members.map((x) => (
          <li key={x.personId}>
            <strong>{x.name}</strong>
            {x.personId === me.personId ? ` ${t('you')}` : ''} — {t('memberRole', { role: x.role })},{' '}
            <span className={`state state-${x.state}`}>{t('memberState', { state: x.state })}</span>
          </li>
        ))}
      </ul>
      <DualRoleNote p={p} />

      <h3>{t('agreedTitle')}</h3>
      <Logistics p={p} />

      <h3>{t('historyTitle')}</h3>
      <ol className="timeline">
        {p.statusHistory.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <span className="meta">{new Date(h.at).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' })}</span> —{' '}
            {historyLine(t, h)}
            {h.reason ? <span className="reason"> “{h.reason}”</span> : null}
          </li>
        ))}
      </ol>

      <div role="status">
        {changed ? (
          <p id="status-changed" className="success-text">
            {t('changed', { status: changed })}
          </p>
        ) : null}
      </div>
      {p.abilities.changeStatus && TRANSITIONS[p.status].length > 0 ? (
        <details className="status-change">
          <summary>{t('changeSummary', { status: p.status })}</summary>
          <StatusControl p={p} onChanged={setChanged} />
        </details>
      ) : null}
    </section>
  );
}

function StatusControl({ p, onChanged }: { p: PartnershipDetail; onChanged: (to: PartnershipStatus | null) => void }) {
  const t = useT(m);
  const client = useQueryClient();
  const moves = TRANSITIONS[p.status];
  const [to, setTo] = useState<PartnershipStatus>(moves[0]);
  const [reason, setReason] = useState('');
  const needsReason = to === 'paused' || to === 'closed';
  const change = useMutation({
    mutationFn: () => api.post<PartnershipDetail>(`/api/partnerships/${p.id}/status`, { to, reason: reason.trim() || undefined }),
    onSuccess: (next) => {
      client.setQueryData(partnershipKey(p.id), next);
      client.invalidateQueries({ queryKey: ['partnerships'] });
      setReason('');
      onChanged(next.status);
      setTo(TRANSITIONS[next.status][0] ?? to);
      // Focus the news of the change (closing takes this form away).
      focusSaved('status-changed');
    },
  });
  const err = change.error instanceof ApiError ? change.error : null;
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstError(ref, change.error);
  return (
    <div ref={ref} className="status-change-body">
      <h3>{t('changeTitle')}</h3>
      <p className="muted">{t('changeLead')}</p>
      <ErrorAlert error={change.error} />
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onChanged(null);
          change.mutate();
        }}
      >
        <SelectField label={t('newStatus')} value={to} onChange={(e) => setTo(e.target.value as PartnershipStatus)}>
          {moves.map((x) => (
            <option key={x} value={x}>
              {t('move', { to: x })}
            </option>
          ))}
        </SelectField>
        <TextArea
          label={needsReason ? t('reason') : t('reasonOptional')}
          required={needsReason}
          hint={t('reasonHint')}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={err?.fieldMessage('reason')}
        />
        <Button type="submit" variant={to === 'closed' ? 'danger' : 'primary'} busy={change.isPending}>
          {t('changeButton')}
        </Button>
      </form>
    </div>
  );
}

/** One step of the lifecycle in words; answering the invitation (the last acceptance, or a refusal) says so. */
function historyLine(t: T, h: PartnershipDetail['statusHistory'][number]): string {
  const to = statusWord(t, h.to);
  if (!h.from) return t('historyStart', { by: h.by, to });
  if (h.from === 'invited' && h.to === 'building') return t('historyAccepted', { by: h.by, to });
  if (h.from === 'invited' && h.to === 'closed') return t('historyDeclined', { by: h.by, to });
  return t('historyMove', { by: h.by, from: statusWord(t, h.from), to });
}
