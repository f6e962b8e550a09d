import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import type { ObservationTool } from '../../../../../shared/src/domain';
import { type ObservationWindow, VISIT_EVENT_TYPES, visitClock } from '../../../../../shared/src/observations/projections';
import { ApiError } from '../../../api';
import { useLanguage, useT } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Loading, PageTitle } from '../../../ui/Page';
import { m as uiWords } from '../../../ui/messages';
import { useMe } from '../../session/session';
import { DEVICE_COPY_PREFIX, type LocalEnding, type LocalEvent, endObservation, recordEvent, recorder, sendableBy, startSync, undoEvent, useLocalEnding, useLocalEvents, useOnline, useSyncState } from '../record';
import { observationKey, recordsKey, reviewHref, toolName } from '../review/recordWords';
import { DurationTool } from './DurationTool';
import { EventCountTool } from './EventCountTool';
import { FlowTool } from './FlowTool';
import { MapTool } from './MapTool';
import { TimeSampleTool } from './TimeSampleTool';
import { VerbatimTool } from './VerbatimTool';
import { m } from './messages';
import { ClipPlayer } from './ClipPlayer';
import { type Recording, type RecordingTool, clockText, lastUndoable, mergeEvents, recordingKey, useNow, useRecording } from './useRecording';

const ON_THIS_SCREEN: readonly ObservationTool[] = ['selective_verbatim', 'verbal_flow', 'event_count', 'duration', 'physical_map', 'time_sample'];
const EMPTY: LocalEvent[] = [];

/**
 * The recording screen of a visit, made for a tablet held in one hand and usable on a phone:
 * its focus, a running clock, what waits to sync, one tool at a time (all six), undo of the last tap, and the end of the visit.
 *
 * It does not sit behind the usual session gate: reloaded where the server cannot be reached,
 * that gate shows an error, while this screen keeps recording from the device's copy. A session
 * the server says is over still goes to sign-in (the API's signed-out handler, and below).
 */
export function ObservationRecordPage() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.data === null) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.data?.mustAcknowledgeRoles) return <Navigate to="/welcome" replace />;
  return <Recorder personId={me.data?.personId ?? null} />;
}

function Recorder({ personId }: { personId: string | null }) {
  const t = useT(m);
  const ui = useT(uiWords);
  const { observationId = '' } = useParams();
  // A shared tablet: taps are stamped with who is signed in, and only theirs are sent. Offline the
  // server cannot say who that is, and the device's last signed-in person stands (recorder.ts).
  useMemo(() => {
    if (personId) recorder().setPerson(personId);
  }, [personId]);
  const q = useRecording(observationId);
  const events = useLocalEvents(observationId) ?? EMPTY;
  const now = useNow();

  useEffect(() => {
    startSync();
  }, []);

  if (q.isPending) return <Loading what={t('loading')} />;
  if (q.error instanceof ApiError && q.error.status === 404) {
    return (
      <div>
        <PageTitle title={ui('notFoundTitle')}>{ui('notFoundHeading')}</PageTitle>
        <p>
          {ui('notFoundBody')} <Link to="/">{ui('notFoundHome')}</Link>.
        </p>
      </div>
    );
  }
  if (!q.data) return <ErrorAlert error={q.error} />;
  return <RecordingScreen recording={q.data} local={events} now={now} />;
}

function RecordingScreen({ recording: r, local, now: wallNow }: { recording: Recording; local: LocalEvent[]; now: number }) {
  const t = useT(m);
  // On a clip, the visit's clock is the player's position (ClipPlayer), not the wall clock.
  const [clipAt, setClipAt] = useState(0);
  const now = r.clip ? Date.parse(r.startedAt) + clipAt : wallNow;
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const [said, setSaid] = useState('');
  const announce = useCallback((text: string) => setSaid(text), []);
  // Taps the server already holds from another device count and draw here too (each id once); undo stays with this device's own.
  const fromServer = useMemo(
    () => r.serverEvents.map((e): LocalEvent => ({ id: e.id, observationId: r.id, tool: e.tool, type: e.type, payload: e.payload, deviceAt: e.deviceAt, state: 'sent', createdAt: e.receivedAt, seq: 0, authorId: e.authorId })),
    [r.serverEvents, r.id],
  );
  const { events, fromOthers } = useMemo(() => mergeEvents(local, fromServer), [local, fromServer]);
  const otherTaps = fromOthers.filter((e) => e.type !== 'undo' && !VISIT_EVENT_TYPES.includes(e.type)).length;
  const chosen = params.get('tool');
  const tool: RecordingTool | undefined = r.tools.find((x) => x.tool === chosen) ?? r.tools.find((x) => ON_THIS_SCREEN.includes(x.tool)) ?? r.tools[0];
  // One reading of the clock per second for every tool, so projections are recomputed only then or after a tap.
  // Ended on the server, or on this device (offline, its end waiting to be sent): either way nothing more is recorded.
  const ending = useLocalEnding(r.id);
  const endedAt = r.endedAt ?? ending?.endedAt ?? null;
  const visit: ObservationWindow = useMemo(() => ({ startedAt: r.startedAt, endedAt, now }), [r.startedAt, endedAt, now]);
  const ended = endedAt !== null;
  const layout = tool?.layoutId ? r.layouts.find((l) => l.layoutId === tool.layoutId && (tool.layoutVersion == null || l.version === tool.layoutVersion)) : undefined;
  // The observed time: a pause (recorded like a tap, so it works offline and syncs) stops it.
  const clock = useMemo(() => visitClock(visit, events), [visit, events]);
  const elapsed = clock.durationMs;
  const paused = clock.paused && !ended;

  const togglePause = async () => {
    // Recorded under the visit's first tool: the server takes pause and resume for any of them.
    const under = r.tools[0]?.tool;
    if (!under) return;
    await recordEvent(r.id, under, paused ? 'resume' : 'pause', {});
    announce(t(paused ? 'resumedNow' : 'pausedNow'));
  };
  /** While paused, a tap on the tool is stopped before it records anything, and the screen says why. */
  const refuseWhilePaused = (e: { preventDefault(): void; stopPropagation(): void }) => {
    if (!paused) return;
    e.preventDefault();
    e.stopPropagation();
    announce(t('pausedTap'));
  };

  const undo = async () => {
    if (!tool) return;
    // On a shared tablet, only the signed-in person's own taps are theirs to undo.
    const last = lastUndoable(local.filter(sendableBy(recorder().person)), tool.tool);
    if (!last) return announce(t('nothingToUndo'));
    await undoEvent(r.id, tool.tool, last.id);
    announce(t('undone', { what: describeTap(t, last) }));
  };

  return (
    <div className="recording">
      <div className="recording-top">
        <PageTitle title={t('pageTitle')}>{r.focus.trim() || t('untitled')}</PageTitle>
        <p className="recording-clock">
          <span className="recording-clock-label">{t('clockLabel')}</span>{' '}
          <time role="timer" className="recording-clock-time" dateTime={`PT${Math.max(0, Math.floor(elapsed / 1000))}S`}>
            {clockText(elapsed)}
          </time>
          {paused ? <strong className="recording-paused">{t('pausedClock')}</strong> : null}
        </p>
        {r.clip ? <ClipPlayer recording={r} clip={r.clip} onPosition={setClipAt} /> : null}
        {ended || r.tools.length === 0 || r.clip ? null : (
          <p className="pause-bar">
            <Button variant={paused ? 'primary' : 'secondary'} className="pause-button" aria-describedby="pause-hint" data-paused={paused} onClick={() => void togglePause()}>
              {t(paused ? 'resume' : 'pause')}
            </Button>
            <span className="field-hint" id="pause-hint">
              {t('pauseHint')}
            </span>
          </p>
        )}
        <SyncStatus observationId={r.id} />
        {r.source === 'device' ? <p className="field-hint">{t('fromDevice')}</p> : null}
        {otherTaps > 0 ? <p className="field-hint from-others">{t('fromOtherDevices', { count: otherTaps })}</p> : null}
      </div>

      {r.tools.length > 1 ? (
        <nav className="tool-switcher" aria-label={t('toolsNav')}>
          {r.tools.map((x) => (
            <button
              key={x.tool}
              type="button"
              className="btn btn-secondary tool-switch"
              aria-pressed={x.tool === tool?.tool}
              onClick={() => setParams((p) => {
                p.set('tool', x.tool);
                return p;
              }, { replace: true })}
            >
              {toolName(language, x.tool)}
            </button>
          ))}
        </nav>
      ) : null}

      {ended ? <Alert>{t('endedAlready')}</Alert> : null}

      {tool ? (
        <section
          className={`recording-tool${paused ? ' is-paused' : ''}`}
          aria-labelledby="recording-tool-title"
          data-tool={tool.tool}
          data-paused={paused}
          onPointerDownCapture={refuseWhilePaused}
          onClickCapture={refuseWhilePaused}
          onSubmitCapture={refuseWhilePaused}
        >
          <h2 id="recording-tool-title">{toolName(language, tool.tool)}</h2>
          {tool.tool === 'event_count' ? (
            <EventCountTool observationId={r.id} tool={tool} events={events} visit={visit} disabled={ended} />
          ) : tool.tool === 'duration' ? (
            <DurationTool observationId={r.id} tool={tool} events={events} visit={visit} disabled={ended} />
          ) : tool.tool === 'time_sample' ? (
            <TimeSampleTool observationId={r.id} tool={tool} events={events} visit={visit} now={now} disabled={ended} announce={announce} />
          ) : tool.tool === 'selective_verbatim' ? (
            <VerbatimTool observationId={r.id} tool={tool} events={events} visit={visit} disabled={ended} announce={announce} />
          ) : !layout ? (
            <>
              <p>{t('noLayout')}</p>
              <p>
                <Link to={`/partnerships/${r.partnershipId}/observations/layouts/new?kind=${tool.tool === 'verbal_flow' ? 'seating_chart' : 'room_map'}`}>{t('drawLayout')}</Link>
              </p>
            </>
          ) : tool.tool === 'verbal_flow' ? (
            <FlowTool observationId={r.id} tool={tool} layout={layout} events={events} visit={visit} disabled={ended} announce={announce} />
          ) : (
            <MapTool observationId={r.id} tool={tool} layout={layout} events={events} visit={visit} disabled={ended} announce={announce} />
          )}
          {ON_THIS_SCREEN.includes(tool.tool) && !ended ? (
            <p className="undo-bar">
              <Button variant="secondary" className="undo-button" onClick={() => void undo()}>
                {t('undo')}
              </Button>
            </p>
          ) : null}
        </section>
      ) : null}
      <p className="recording-said" role="status">
        {said}
      </p>

      <EndVisit recording={r} ending={ending} />
    </div>
  );
}

type T = ReturnType<typeof useT<keyof (typeof m)['en']>>;

/** What a tap was, for "Undone: …". */
function describeTap(t: T, e: LocalEvent): string {
  const p = e.payload as { category?: string; activity?: string; interval?: number; text?: string; speaker?: string; kind?: string; seatId?: string; toSeatId?: string | null };
  if (e.tool === 'selective_verbatim') return t('lineTap', { speaker: p.speaker ?? '', text: (p.text ?? '').slice(0, 60) });
  if (e.tool === 'verbal_flow') return p.toSeatId ? t('flowTapToSeat', { kind: p.kind ?? '', from: p.seatId ?? '', to: p.toSeatId }) : t('flowTap', { kind: p.kind ?? '', seat: p.seatId ?? '' });
  if (e.tool === 'physical_map') return e.type === 'note' ? t('noteTap', { text: (p.text ?? '').slice(0, 60) }) : t('markTapDone');
  if (e.tool === 'duration') return t(e.type === 'segment_stop' ? 'durationStop' : 'durationStart', { activity: p.activity ?? '' });
  if (e.tool === 'time_sample') return t('sampleTap', { interval: p.interval ?? 0, category: p.category ?? '' });
  return t('countTap', { category: p.category ?? '' });
}

/** "All recorded taps are saved on this device; N waiting to send", and anything the server refused, with its words. */
function SyncStatus({ observationId }: { observationId: string }) {
  const t = useT(m);
  const sync = useSyncState(observationId);
  return (
    <div className="sync-status" data-waiting={sync.waiting} data-rejected={sync.rejected.length}>
      <p>{t('syncWaiting', { count: sync.waiting })}</p>
      {sync.online ? null : <p className="field-hint">{t('syncOffline')}</p>}
      {sync.othersWaiting > 0 ? <p className="field-hint others-waiting">{t('othersWaiting', { count: sync.othersWaiting })}</p> : null}
      {sync.rejected.length > 0 ? (
        <Alert tone="warning" title={t('rejectedTitle', { count: sync.rejected.length })}>
          <ul>
            {sync.rejected.slice(0, 20).map((x) => (
              <li key={x.id}>{x.message ?? t('rejectedFallback')}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * Ending the visit: kept on this device first (so it works offline, like a tap), then sent after
 * the visit's taps, once. The screen says when it waits, and shows the server's words when it
 * would not take it (the visit was ended elsewhere already; the taps are kept either way).
 */
function EndVisit({ recording: r, ending }: { recording: Recording; ending: LocalEnding | undefined }) {
  const t = useT(m);
  const online = useOnline();
  const client = useQueryClient();
  // networkMode 'always': the end goes to this device, so it must not wait for the network as React Query would.
  const end = useMutation({ mutationFn: () => endObservation(r.id), networkMode: 'always' });
  const answered = ending?.state === 'sent' || ending?.state === 'refused';
  // Once the server has answered, read the visit again: its end and abilities are the server's.
  useEffect(() => {
    if (!answered) return;
    void client.invalidateQueries({ queryKey: recordingKey(r.id) });
    void client.invalidateQueries({ queryKey: observationKey(r.id) });
    void client.invalidateQueries({ queryKey: recordsKey(r.partnershipId) });
    try {
      window.localStorage.removeItem(`${DEVICE_COPY_PREFIX}${r.id}`);
    } catch {
      // Nothing kept.
    }
  }, [answered, client, r.id, r.partnershipId]);
  return (
    <section className="recording-end" aria-labelledby="recording-end-title">
      <h2 id="recording-end-title">{t('endTitle')}</h2>
      {ending?.state === 'waiting' ? (
        <p className="field-hint">{t('endWaiting')}</p>
      ) : r.endedAt || ending?.state === 'sent' ? (
        <p className="success-text">{t('ended')}</p>
      ) : ending ? null : r.canEnd ? (
        <>
          <p className="field-hint" id="recording-end-hint">
            {online ? t('endHint') : t('endOffline')}
          </p>
          <Button variant="secondary" busy={end.isPending} aria-describedby="recording-end-hint" onClick={() => end.mutate()}>
            {t('end')}
          </Button>
        </>
      ) : null}
      {ending?.state === 'refused' ? (
        <Alert tone="warning" title={t('endRefusedTitle')}>
          {ending.message ?? t('rejectedFallback')}
        </Alert>
      ) : null}
      <ErrorAlert error={end.error} />
      <p>
        <Link to={reviewHref(r.partnershipId, r.id)}>{t('seeData')}</Link>
      </p>
    </section>
  );
}
