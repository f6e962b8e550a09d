import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { type ObservationWindow, projectTimeSample, visitClock } from '../../../../../shared/src/observations/projections';
import { useT } from '../../../i18n';
import { type LocalEvent, recordEvent } from '../record';
import { m } from './messages';
import { type RecordingTool, clockText } from './useRecording';

/**
 * Time sample: an interval timer. Each new interval is signalled by a visual pulse (always) and a
 * vibration where the device has one, and the screen asks for one record (a category, with an
 * optional short note) for the interval now running. Intervals that passed without a record are
 * shown as missed: nothing is filled in for them.
 */
export function TimeSampleTool({
  observationId,
  tool,
  events,
  visit,
  now,
  disabled,
  announce,
}: { observationId: string; tool: RecordingTool; events: readonly LocalEvent[]; visit: ObservationWindow; now: number; disabled: boolean; announce: (text: string) => void }) {
  const t = useT(m);
  const noteId = useId();
  const [note, setNote] = useState('');
  const [pulse, setPulse] = useState(false);
  const view = useMemo(() => projectTimeSample(events, tool, visit), [events, tool, visit]);
  const intervalMs = view.intervalMinutes * 60_000;
  // Observed time, pauses left out: no interval begins (or is missed) while the visit is paused.
  const elapsed = useMemo(() => visitClock({ ...visit, now }, events).durationMs, [visit, now, events]);
  const current = Math.floor(elapsed / intervalMs) + 1;
  const left = current * intervalMs - elapsed;
  const record = view.intervals.find((i) => i.interval === current && !i.missed);

  // A new interval: pulse, vibrate where possible, and say so (not on the first render).
  const seen = useRef(current);
  useEffect(() => {
    if (seen.current === current || visit.endedAt) return;
    seen.current = current;
    setPulse(true);
    if (typeof navigator.vibrate === 'function') navigator.vibrate([200, 100, 200]);
    announce(t('intervalBegan', { interval: current }));
    const timer = setTimeout(() => setPulse(false), 3000);
    return () => clearTimeout(timer);
  }, [current, visit.endedAt, announce, t]);

  if (view.categories.length === 0) return <p>{t('noCodes')}</p>;
  const byNumber = new Map(view.intervals.map((i) => [i.interval, i]));
  const shown = Array.from({ length: Math.max(current, view.intervals.length) }, (_, k) => byNumber.get(k + 1) ?? { interval: k + 1, category: null, missed: true });
  return (
    <>
      <div className={`interval-timer${pulse ? ' is-pulsing' : ''}`} data-interval={current}>
        <p className="interval-now">{t('intervalNow', { interval: current, left: clockText(left) })}</p>
        <p className="field-hint">{t('intervalEvery', { minutes: view.intervalMinutes })}</p>
      </div>
      {visit.endedAt ? null : (
        <>
          <h3 className="interval-ask">{t('intervalAsk', { interval: current })}</h3>
          <label htmlFor={noteId}>{t('noteLabel')}</label>
          <p className="field-hint" id={`${noteId}-hint`}>
            {t('noteHint')}
          </p>
          <input id={noteId} aria-describedby={`${noteId}-hint`} className="interval-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} disabled={disabled} />
          <div className="tap-grid">
            {view.categories.map((category) => (
              <button
                key={category}
                type="button"
                className="tap-button sample-button"
                data-category={category}
                aria-pressed={record?.category === category}
                disabled={disabled}
                onClick={() => {
                  void recordEvent(observationId, 'time_sample', 'interval_record', { interval: current, category, note: note.trim() });
                  setNote('');
                }}
              >
                <span className="tap-label">{category}</span>
              </button>
            ))}
          </div>
          {record ? <p className="interval-recorded">{t('intervalRecorded', { interval: current, category: record.category ?? '' })}</p> : null}
        </>
      )}
      <h3>{t('intervalsTitle')}</h3>
      <ol className="interval-grid">
        {shown.map((i) => (
          <li key={i.interval} className={i.missed ? (i.interval === current && !visit.endedAt ? 'is-open' : 'is-missed') : 'is-recorded'} data-interval={i.interval}>
            {!i.missed
              ? t('intervalCell', { interval: i.interval, category: i.category ?? '' })
              : i.interval === current && !visit.endedAt
                ? t('intervalOpen', { interval: i.interval })
                : t('intervalMissed', { interval: i.interval })}
          </li>
        ))}
      </ol>
    </>
  );
}
