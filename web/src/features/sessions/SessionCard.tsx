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
import { canRecordNow, firstName, followThroughText, formatWhen, isUpcoming, meetingKey, sessionLabel } from './sessionWords';
import { focusSoon } from '../../ui/focus';
import { useLanguage, useT } from '../../i18n';
import { m as words } from './messages';

type Mode = 'idle' | 'move' | 'cancel' | 'attendance';

/** "Carmen and Taylor": names joined the way the reader's language joins them. */
const listFormat = (language: string) => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });

export const sessionTitleId = (m: Meeting) => `session-${m.id}-title`;

/**
 * One session or visit: when, what state it is in, and — for members — where,
 * the plan (opened on request: reading it is logged for the coachee) and the
 * follow-through. Supervisors and leaders get no place, reasons or notes.
 */
export function SessionCard({ meeting: m, p, onDone }: { meeting: Meeting; p: PartnershipDetail; onDone: (message: string, focusId: string) => void }) {
  const t = useT(words);
  const { language } = useLanguage();
  const [mode, setMode] = useState<Mode>('idle');
  const titleId = sessionTitleId(m);
  const upcoming = isUpcoming(m);
  const notRecordedYet = m.status === 'scheduled' && !upcoming;
  const statusLabel = notRecordedYet ? t('waitingAttendance') : t('status', { status: m.status });
  const name = sessionLabel(t, language, m);
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
        <span className="session-kind">{t('kind', { kind: m.kind })}</span>
        <span className="visually-hidden">, </span>
        <span className="session-when">{formatWhen(m, language)}</span>
      </h3>
      <p className="session-meta">
        <span className={`status session-status-${notRecordedYet ? 'waiting' : m.status}`}>{statusLabel}</span>
        {m.lateCancellation ? <span className="short-notice">{t('shortNotice')}</span> : null}
      </p>
      <dl className="facts session-facts">
        {m.location !== undefined ? (
          <div>
            <dt>{t('where')}</dt>
            <dd>{m.location || t('noPlace')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('plannedBy')}</dt>
          <dd>{m.scheduledBy}</dd>
        </div>
        {member ? (
          <div>
            <dt>{t('thePlan')}</dt>
            <dd>
              {hasAgenda ? (
                <Button variant="quiet" className="agenda-toggle" aria-expanded={agendaOpen} aria-controls={agendaOpen ? agendaId : undefined} onClick={() => setAgendaOpen((o) => !o)}>
                  {agendaOpen ? t('hidePlan') : t('showPlan')}
                  <span className="visually-hidden"> {t('forTheSession', { name })}</span>
                </Button>
              ) : (
                <span className="muted">{t('nothingWritten')}</span>
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      {hasAgenda && agendaOpen ? <AgendaText meeting={m} id={agendaId} /> : null}
      {m.rescheduleCount > 0 ? (
        <p className="session-moved">
          <span className="meta">
            {m.lastRescheduleReason ? (
              <>
                {t('movedBecause', { count: m.rescheduleCount })}{' '}
              </>
            ) : (
              t('moved', { count: m.rescheduleCount })
            )}
          </span>
          {m.lastRescheduleReason ? <span className="reason">“{m.lastRescheduleReason}”</span> : null}
        </p>
      ) : null}
      {m.status === 'cancelled' ? (
        <p className="cancel-line">
          <span className="meta">
            {t(m.cancelledAt ? 'cancelledByOn' : 'cancelledBy', {
              who: m.cancelledBy ?? t('someone'),
              date: m.cancelledAt ? formatDate(m.cancelledAt, language) : '',
              late: m.lateCancellation ? 'yes' : 'no',
              reason: m.cancelReason ? 'yes' : 'no',
            })}
            {m.cancelReason ? ' ' : ''}
          </span>
          {m.cancelReason ? <span className="reason">“{m.cancelReason}”</span> : null}
        </p>
      ) : null}
      {m.attendance && m.attendance.length > 0 ? <FollowThrough meeting={m} p={p} /> : null}
      {notRecordedYet && m.abilities.recordAttendance && !(m.attendance && m.attendance.length) ? <p className="waiting-banner">{t('recordHint')}</p> : null}

      {mode === 'move' ? (
        <RescheduleForm
          meeting={m}
          onSaved={(saved) => {
            setMode('idle');
            onDone(t('movedNotice', { name: sessionLabel(t, language, saved), when: formatWhen(saved, language) }), titleId);
          }}
          onCancel={back}
        />
      ) : null}
      {mode === 'cancel' ? (
        <CancelForm
          meeting={m}
          onSaved={(saved) => {
            setMode('idle');
            onDone(t('cancelledNotice', { name, late: saved.lateCancellation ? 'yes' : 'no' }), titleId);
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
            onDone(t('attendanceSaved', { name }), titleId);
          }}
          onCancel={back}
        />
      ) : null}

      {mode === 'idle' ? (
        <div className="button-row">
          {m.abilities.change && m.status === 'scheduled' ? (
            <>
              <Button variant="secondary" onClick={() => setMode('move')}>
                {t('moveOpen')}
                <span className="visually-hidden"> {t('theSession', { name })}</span>
              </Button>
              <Button variant="secondary" onClick={() => setMode('cancel')}>
                {t('cancelOpen')}
                <span className="visually-hidden"> {t('theSession', { name })}</span>
              </Button>
            </>
          ) : null}
          {canRecordNow(m) ? (
            <Button variant={notRecordedYet ? 'primary' : 'secondary'} onClick={() => setMode('attendance')}>
              {m.attendance && m.attendance.length ? t('updateAttendance') : t('recordAttendance')}
              <span className="visually-hidden"> {t('forTheSession', { name })}</span>
            </Button>
          ) : null}
          {p.abilities.readAccessLog && m.hasAgenda ? <WhoHasSeenLink itemType="meeting" itemId={m.id} title={t('planTitle', { name })} name={t('planName', { name })} /> : null}
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
  const t = useT(words);
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
      {agenda === undefined && one.isPending ? <Loading what={t('loadingPlan')} /> : null}
      <ErrorAlert error={one.error} />
      {agenda !== undefined ? <p className="note-body agenda-text">{agenda || <span className="muted">{t('nothingWritten')}</span>}</p> : null}
    </div>
  );
}

/** Everyone's attendance side by side, so follow-through is visibly mutual. */
function FollowThrough({ meeting: m, p }: { meeting: Meeting; p: PartnershipDetail }) {
  const t = useT(words);
  const { language } = useLanguage();
  const order = (id: string) => {
    const i = p.members.findIndex((x) => x.personId === id);
    return i < 0 ? 99 : i;
  };
  const rows = [...(m.attendance ?? [])].sort((a, b) => order(a.personId) - order(b.personId));
  const recorders = [...new Set(rows.map((a) => a.recordedBy))];
  const latest = rows.map((a) => a.recordedAt).sort().at(-1);
  return (
    <div className="follow-through">
      <p className="group-title">{t('followThrough')}</p>
      <ul className="follow-list">
        {rows.map((a) => (
          <li key={a.personId} className={a.present ? undefined : 'absent'}>
            <strong>{firstName(a.name)}:</strong> {followThroughText(t, a)}
            {a.note ? <span className="follow-note"> — “{a.note}”</span> : null}
          </li>
        ))}
      </ul>
      <p className="meta">
        {latest
          ? t('recordedByAt', { names: listFormat(language).format(recorders), when: formatDateTime(latest, language) })
          : t('recordedBy', { names: listFormat(language).format(recorders) })}
      </p>
    </div>
  );
}
