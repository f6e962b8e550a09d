import { useMemo } from 'react';
import { type ObservationWindow, projectDuration } from '../../../../../shared/src/observations/projections';
import { useT } from '../../../i18n';
import { type LocalEvent, recordEvent } from '../record';
import { m } from './messages';
import { type RecordingTool, clockText } from './useRecording';

/**
 * Duration: a stopwatch per activity. A tap starts a stopped activity and stops a running one;
 * with exclusive timing (the default) starting one closes the one running, as the shared
 * projection reads the log, so no second event is written for it.
 */
export function DurationTool({ observationId, tool, events, visit, disabled }: { observationId: string; tool: RecordingTool; events: readonly LocalEvent[]; visit: ObservationWindow; disabled: boolean }) {
  const t = useT(m);
  const view = useMemo(() => projectDuration(events, tool, visit), [events, tool, visit]);
  if (view.activities.length === 0) return <p>{t('noCodes')}</p>;
  return (
    <>
      <p className="field-hint">
        {t('durationHint')} {view.exclusive ? t('durationExclusive') : t('durationOverlap')}
      </p>
      <div className="tap-grid">
        {view.activities.map((a) => {
          const open = a.segments.find((s) => s.open);
          const running = open !== undefined && !visit.endedAt;
          return (
            <button
              key={a.activity}
              type="button"
              className={`tap-button duration-button${running ? ' is-running' : ''}`}
              data-activity={a.activity}
              aria-pressed={running}
              disabled={disabled}
              onClick={() => void recordEvent(observationId, 'duration', running ? 'segment_stop' : 'segment_start', { activity: a.activity })}
            >
              <span className="tap-label">{a.activity}</span>
              <span className="tap-detail">{running ? t('running', { time: clockText(open.endMs - open.startMs) }) : t('stopped')}</span>
              <span className="tap-detail">{t('total', { time: clockText(a.totalMs) })}</span>
            </button>
          );
        })}
      </div>
    </>
  );
}
