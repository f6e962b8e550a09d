import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Meeting, type PartnershipDetail, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Page';
import { formatDate, formatDateTime } from '../../ui/format';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { AttendanceForm } from './AttendanceForm';
import { CancelForm, RescheduleForm } from './SessionForms';
import { KIND_LABEL, MEETING_STATUS_LABEL, canRecordNow, firstName, followThroughText, formatWhen, isUpcoming, meetingKey, sessionName } from './sessionWords';
import { focusSoon } from '../../ui/focus';

type Mode = 'idle' | 'move' | 'cancel' | 'attendance';

export const sessionTitleId = (m: Meeting) => `session-${m.id}-title`;

/**
 * One session or visit: when, what state it is in, and — for members — where,
 * the plan (opened on request: reading it is logged for the coachee) and the
 * follow-through. Supervisors and leaders get no place, reasons or notes.
 */
export function SessionCard({ meeting: m, p, onDone }: { meeting: Meeting; p: PartnershipDetail; onDone: (message: string, focusId: string) => void }) {
  const [mode, setMode] = useState<Mode>('idle');
  const titleId = sessionTitleId(m);
  const upcoming = isUpcoming(m);
  const notRecordedYet = m.status === 'scheduled' && !upcoming;
  const statusLabel = notRecordedYet ? 'Waiting for attendance' : MEETING_STATUS_LABEL[m.status];
  const name = sessionName(m);
  const member = p.abilities.readContent;
  const hasAgenda = member && !!(m.hasAgenda || m.agenda);
  const [agendaOpen, setAgendaOpen] = useState(false);
  const agendaId = `session-${m.id}-plan`;
  const back = () => {
    setMode('idle');
    focusSoon(titleId);
  };

  return (
    <article className={`card session-card session-${m.status}`} aria-labelledby={titleId}>
      <h3 id={titleId} tabIndex={-1}>
        <span className="session-kind">{KIND_LABEL[m.kind]}</span>
        <span className="visually-hidden">, </span>
        <span className="session-when">{formatWhen(m)}</span>
      </h3>
      <p className="session-meta">
        <span className={`status session-status-${notRecordedYet ? 'waiting' : m.status}`}>{statusLabel}</span>
        {m.lateCancellation ? <span className="short-notice">Short notice</span> : null}
      </p>
      <dl className="facts session-facts">
        {m.location !== undefined ? (
          <div>
            <dt>Where</dt>
            <dd>{m.location || 'No place given'}</dd>
          </div>
        ) : null}
        <div>
          <dt>Planned by</dt>
          <dd>{m.scheduledBy}</dd>
        </div>
        {member ? (
          <div>
            <dt>The plan</dt>
            <dd>
              {hasAgenda ? (
                <Button variant="quiet" className="agenda-toggle" aria-expanded={agendaOpen} aria-controls={agendaOpen ? agendaId : undefined} onClick={() => setAgendaOpen((o) => !o)}>
                  {agendaOpen ? 'Hide the plan' : 'Show the plan'}
                  <span className="visually-hidden"> for the {name}</span>
                </Button>
              ) : (
                <span className="muted">Nothing written yet</span>
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      {hasAgenda && agendaOpen ? <AgendaText meeting={m} id={agendaId} /> : null}
      {m.rescheduleCount > 0 ? (
        <p className="session-moved">
          <span className="meta">
            Moved {m.rescheduleCount === 1 ? 'once' : `${m.rescheduleCount} times`}
            {m.lastRescheduleReason ? ' — most recently because: ' : ''}
          </span>
          {m.lastRescheduleReason ? <span className="reason">“{m.lastRescheduleReason}”</span> : null}
        </p>
      ) : null}
      {m.status === 'cancelled' ? (
        <p className="cancel-line">
          <span className="meta">
            Cancelled by {m.cancelledBy ?? 'someone in the partnership'}
            {m.cancelledAt ? ` on ${formatDate(m.cancelledAt)}` : ''}
            {m.lateCancellation ? ', with less notice than the agreement asks for' : ''}
            {m.cancelReason ? ': ' : '.'}
          </span>
          {m.cancelReason ? <span className="reason">“{m.cancelReason}”</span> : null}
        </p>
      ) : null}
      {m.attendance && m.attendance.length > 0 ? <FollowThrough meeting={m} p={p} /> : null}
      {notRecordedYet && m.abilities.recordAttendance && !(m.attendance && m.attendance.length) ? <p className="waiting-banner">Once you have met, record how it went for each of you.</p> : null}

      {mode === 'move' ? (
        <RescheduleForm
          meeting={m}
          onSaved={(saved) => {
            setMode('idle');
            onDone(`Moved. The ${sessionName(saved)} now starts at ${formatWhen(saved)}.`, titleId);
          }}
          onCancel={back}
        />
      ) : null}
      {mode === 'cancel' ? (
        <CancelForm
          meeting={m}
          onSaved={(saved) => {
            setMode('idle');
            onDone(
              `The ${name} is cancelled.${saved.lateCancellation ? ' It was inside the notice you agreed, so it is marked as short notice.' : ''} It is now under “Past and cancelled”.`,
              titleId,
            );
          }}
          onCancel={back}
        />
      ) : null}
      {mode === 'attendance' ? (
        <AttendanceForm
          meeting={m}
          p={p}
          onSaved={() => {
            setMode('idle');
            onDone(`Attendance for the ${name} is saved. Thank you for keeping track together.`, titleId);
          }}
          onCancel={back}
        />
      ) : null}

      {mode === 'idle' ? (
        <div className="button-row">
          {m.abilities.change && m.status === 'scheduled' ? (
            <>
              <Button variant="secondary" onClick={() => setMode('move')}>
                Move to another time…<span className="visually-hidden"> the {name}</span>
              </Button>
              <Button variant="secondary" onClick={() => setMode('cancel')}>
                Cancel…<span className="visually-hidden"> the {name}</span>
              </Button>
            </>
          ) : null}
          {canRecordNow(m) ? (
            <Button variant={notRecordedYet ? 'primary' : 'secondary'} onClick={() => setMode('attendance')}>
              {m.attendance && m.attendance.length ? 'Update attendance' : 'Record attendance'}
              <span className="visually-hidden"> for the {name}</span>
            </Button>
          ) : null}
          {p.abilities.readAccessLog && m.hasAgenda ? <WhoHasSeenLink itemType="meeting" itemId={m.id} title={`The plan for the ${name}`} name={`plan for the ${name}`} /> : null}
        </div>
      ) : null}
    </article>
  );
}

/**
 * The plan for a session, behind a "Show the plan" button: the list carries no
 * agendas, and opening one is a read the coachee sees in their access log. The
 * answer to a change the viewer just made already holds it (kept under the same key).
 */
function AgendaText({ meeting: m, id }: { meeting: Meeting; id: string }) {
  const one = useQuery({
    queryKey: meetingKey(m.id),
    queryFn: () => api.get<Meeting>(`/api/meetings/${m.id}`),
    // An agenda does not change once written: read it once per visit, not on every toggle.
    enabled: m.agenda === undefined,
    staleTime: Infinity,
  });
  const agenda = m.agenda ?? one.data?.agenda;
  return (
    <div id={id} className="agenda-region">
      {agenda === undefined && one.isPending ? <Loading what="the plan" /> : null}
      <ErrorAlert error={one.error} />
      {agenda !== undefined ? <p className="note-body agenda-text">{agenda || <span className="muted">Nothing written yet</span>}</p> : null}
    </div>
  );
}

/** Everyone's attendance side by side, so follow-through is visibly mutual. */
function FollowThrough({ meeting: m, p }: { meeting: Meeting; p: PartnershipDetail }) {
  const order = (id: string) => {
    const i = p.members.findIndex((x) => x.personId === id);
    return i < 0 ? 99 : i;
  };
  const rows = [...(m.attendance ?? [])].sort((a, b) => order(a.personId) - order(b.personId));
  const recorders = [...new Set(rows.map((a) => a.recordedBy))];
  const latest = rows.map((a) => a.recordedAt).sort().at(-1);
  return (
    <div className="follow-through">
      <p className="group-title">Follow-through</p>
      <ul className="follow-list">
        {rows.map((a) => (
          <li key={a.personId} className={a.present ? undefined : 'absent'}>
            <strong>{firstName(a.name)}:</strong> {followThroughText(a)}
            {a.note ? <span className="follow-note"> — “{a.note}”</span> : null}
          </li>
        ))}
      </ul>
      <p className="meta">
        Recorded by {recorders.join(' and ')}
        {latest ? `, ${formatDateTime(latest)}` : ''}
      </p>
    </div>
  );
}
