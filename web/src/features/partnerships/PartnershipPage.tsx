import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { TRANSITIONS, type PartnershipStatus } from '../../../../shared/src/domain';
import { ApiError, type PartnershipDetail, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { useCurrentTabInView } from '../../ui/tabs';
import { FORMAT_LABEL, MEMBER_ROLE_LABEL, MEMBER_STATE_LABEL, ORIGIN_LABEL, STATUS_LABEL, formatDate, formatDateTime } from '../../ui/format';
import { NextSession, seesSessions } from '../sessions/SessionsSection';
import { useSignedIn } from '../session/session';
import { agreementState } from './PartnershipCard';
import { partnershipKey, usePartnership, usePartnershipQuery } from './usePartnership';

/** One partnership: who is in it, where it stands, and tabs for its agreement, sessions, goals, celebrations, notes, profile and sharing. */
export function PartnershipPage() {
  const { id = '' } = useParams();
  const me = useSignedIn();
  const q = usePartnershipQuery(id);
  useCurrentTabInView(!!q.data);
  if (q.isPending) return <Loading what="the partnership" />;
  if (q.error || !q.data) {
    return (
      <div>
        <PageTitle title="Partnership">Partnership</PageTitle>
        <ErrorAlert error={q.error} />
      </div>
    );
  }
  const p = q.data;
  const subjects = p.members.filter((m) => ['coachee', 'peer', 'self'].includes(m.role)).map((m) => m.name);
  return (
    <div>
      <PageTitle title={`${FORMAT_LABEL[p.format]} partnership`}>
        {FORMAT_LABEL[p.format]}: {subjects.join(' and ')}
      </PageTitle>
      <p className="status-line">
        <span className={`status status-${p.status}`}>{STATUS_LABEL[p.status]}</span> · {ORIGIN_LABEL[p.origin]} · started {formatDate(p.createdAt)}
      </p>
      <ul className="member-list" aria-label="Members">
        {p.members.map((m) => (
          <li key={m.personId}>
            <strong>{m.name}</strong>
            {m.personId === me.personId ? ' (you)' : ''} — {MEMBER_ROLE_LABEL[m.role]}, <span className={`state state-${m.state}`}>{MEMBER_STATE_LABEL[m.state]}</span>
          </li>
        ))}
      </ul>
      {p.dualRole ? (
        <Alert tone="warning" title="A dual role in this partnership">
          <p>
            Someone supporting the coaching here also supervises a coachee in it. Everyone agreed to go ahead knowingly
            {p.dualRoleAcknowledgedAt ? ` (${formatDateTime(p.dualRoleAcknowledgedAt)})` : ''}. Keep coaching and evaluation apart: nothing from
            coaching is used to judge performance.
          </p>
        </Alert>
      ) : null}
      <nav aria-label="Partnership sections" className="tabs">
        <ul>
          <li>
            <NavLink to="" end>
              Overview
            </NavLink>
          </li>
          <li>
            <NavLink to="agreement">Agreement</NavLink>
          </li>
          {seesSessions(p, me.personId) ? (
            <li>
              <NavLink to="sessions">Sessions</NavLink>
            </li>
          ) : null}
          {p.abilities.readContent ? (
            <>
              <li>
                <NavLink to="strengths">Strengths and needs</NavLink>
              </li>
              <li>
                <NavLink to="goals">Goals</NavLink>
              </li>
              <li>
                <NavLink to="celebrations">Celebrations</NavLink>
              </li>
              <li>
                <NavLink to="observations">Observation plans</NavLink>
              </li>
              <li>
                <NavLink to="reflections">Reflection</NavLink>
              </li>
              <li>
                <NavLink to="notes">Notes</NavLink>
              </li>
              <li>
                <NavLink to="messages">Messages</NavLink>
              </li>
              <li>
                <NavLink to="concerns">Concerns</NavLink>
              </li>
              <li>
                <NavLink to="profile">Getting to know you</NavLink>
              </li>
            </>
          ) : null}
          {p.abilities.share ? (
            <li>
              <NavLink to="sharing">Sharing</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      {!p.abilities.readContent && !p.abilities.respond ? <LogisticsOnly /> : null}
      <Suspense fallback={<Loading />}>
        <Outlet context={p} />
      </Suspense>
    </div>
  );
}

/** For supervisors and leaders: what they see here, and what they never see. */
function LogisticsOnly() {
  return (
    <Alert tone="info" title="You see logistics only">
      <p>
        You can see that this partnership exists, who is in it, when their sessions are and what they agreed about meetings and cover. Notes, the getting-to-know-you profile
        and the coaching guidelines stay inside the partnership. If the coachee chooses to share something with you, it appears on your home page
        under “Shared with you”.
      </p>
    </Alert>
  );
}

/** The default tab: answering an invitation, changing status, logistics and history. */
export function OverviewSection() {
  const p = usePartnership();
  const me = useSignedIn();
  return (
    <>
      {p.abilities.respond ? <RespondPanel p={p} /> : null}
      {seesSessions(p, me.personId) ? <NextSession p={p} /> : null}
      <Section title="What was agreed" id="logistics">
        <dl className="facts">
          <div>
            <dt>How often they meet</dt>
            <dd>{p.meetingCadence || 'Not agreed yet'}</dd>
          </div>
          <div>
            <dt>Cover needed</dt>
            <dd>{p.coverageNeeds || 'None noted'}</dd>
          </div>
          <div>
            <dt>Next review</dt>
            <dd>{p.reviewOn ? formatDate(p.reviewOn) : 'Not set'}</dd>
          </div>
          <div>
            <dt>Agreement</dt>
            <dd className={p.mySignatureNeeded ? 'needs-you' : undefined}>
              {agreementState(p)}
              {p.mySignatureNeeded ? (
                <>
                  {' '}
                  — <Link to="agreement">read and sign it</Link>
                </>
              ) : null}
            </dd>
          </div>
        </dl>
      </Section>
      {p.abilities.changeStatus && TRANSITIONS[p.status].length > 0 ? <StatusControl p={p} /> : null}
      <Section title="History" id="history">
        <ol className="timeline">
          {p.statusHistory.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              <span className="meta">{formatDateTime(h.at)}</span> — {h.by}: {h.from ? `${STATUS_LABEL[h.from as PartnershipStatus] ?? h.from} → ` : 'started as '}
              {STATUS_LABEL[h.to as PartnershipStatus] ?? h.to}
              {h.reason ? <span className="reason"> “{h.reason}”</span> : null}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}

function RespondPanel({ p }: { p: PartnershipDetail }) {
  const client = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const respond = useMutation({
    mutationFn: (accept: boolean) => api.post<PartnershipDetail>(`/api/partnerships/${p.id}/response`, accept ? { accept } : { accept, reason: reason.trim() || undefined }),
    onSuccess: (next) => {
      client.setQueryData(partnershipKey(p.id), next);
      client.invalidateQueries({ queryKey: ['partnerships'] });
    },
  });
  const invitedBy = p.statusHistory[0];
  return (
    <Section title="You are invited" id="respond" className="attention">
      <p>
        {invitedBy ? `${invitedBy.by} invited you to this partnership.` : 'You were invited to this partnership.'} Joining is your choice. If you
        accept, you will plan the agreement together.
      </p>
      {invitedBy?.reason ? <blockquote className="quote">{invitedBy.reason}</blockquote> : null}
      <ErrorAlert error={respond.error} />
      {!declining ? (
        <div className="button-row">
          <Button busy={respond.isPending && respond.variables === true} onClick={() => respond.mutate(true)}>
            Accept
          </Button>
          <Button variant="secondary" onClick={() => setDeclining(true)}>
            Decline…
          </Button>
        </div>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            respond.mutate(false);
          }}
        >
          <TextArea label="Reason (optional)" hint="Shared with the person who invited you." value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
          <div className="button-row">
            <Button type="submit" variant="danger" busy={respond.isPending}>
              Decline the invitation
            </Button>
            <Button variant="secondary" onClick={() => setDeclining(false)}>
              Keep it open
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

const MOVE_LABEL: Record<PartnershipStatus, string> = {
  invited: 'Back to invited',
  building: 'Back to getting started',
  active: 'Active — coaching is under way',
  paused: 'Pause for now',
  closed: 'Close the partnership',
};

function StatusControl({ p }: { p: PartnershipDetail }) {
  const client = useQueryClient();
  const moves = TRANSITIONS[p.status];
  const [to, setTo] = useState<PartnershipStatus>(moves[0]);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const needsReason = to === 'paused' || to === 'closed';
  const change = useMutation({
    mutationFn: () => api.post<PartnershipDetail>(`/api/partnerships/${p.id}/status`, { to, reason: reason.trim() || undefined }),
    onSuccess: (next) => {
      client.setQueryData(partnershipKey(p.id), next);
      client.invalidateQueries({ queryKey: ['partnerships'] });
      setReason('');
      setDone(`The partnership is now ${STATUS_LABEL[next.status].toLowerCase()}.`);
      setTo(TRANSITIONS[next.status][0] ?? to);
    },
  });
  const err = change.error instanceof ApiError ? change.error : null;
  return (
    <Section title="Change the status" id="status">
      {done ? <Alert tone="success">{done}</Alert> : null}
      <ErrorAlert error={change.error} />
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setDone('');
          change.mutate();
        }}
      >
        <SelectField label="New status" value={to} onChange={(e) => setTo(e.target.value as PartnershipStatus)}>
          {moves.map((m) => (
            <option key={m} value={m}>
              {MOVE_LABEL[m]}
            </option>
          ))}
        </SelectField>
        <TextArea
          label={needsReason ? 'Reason' : 'Reason (optional)'}
          required={needsReason}
          hint="Every partner sees this."
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={err?.fieldMessage('reason')}
        />
        <Button type="submit" variant={to === 'closed' ? 'danger' : 'primary'} busy={change.isPending}>
          Change status
        </Button>
      </form>
    </Section>
  );
}
