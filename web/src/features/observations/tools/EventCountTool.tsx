import { useMemo } from 'react';
import { type ObservationWindow, projectEventCount } from '../../../../../shared/src/observations/projections';
import { useT } from '../../../i18n';
import { type LocalEvent, recordEvent } from '../record';
import { m } from './messages';
import type { RecordingTool } from './useRecording';

/** Event count: one big counter per behaviour; one tap is one event, counted at once from the device copy. */
export function EventCountTool({ observationId, tool, events, visit, disabled }: { observationId: string; tool: RecordingTool; events: readonly LocalEvent[]; visit: ObservationWindow; disabled: boolean }) {
  const t = useT(m);
  const view = useMemo(() => projectEventCount(events, tool, visit), [events, tool, visit]);
  if (view.categories.length === 0) return <p>{t('noCodes')}</p>;
  return (
    <>
      <p className="field-hint">{t('countHint')}</p>
      <div className="tap-grid">
        {view.categories.map((row) => (
          <button
            key={row.category}
            type="button"
            className="tap-button count-button"
            data-category={row.category}
            data-count={row.total}
            disabled={disabled}
            onClick={() => void recordEvent(observationId, 'event_count', 'count', { category: row.category })}
          >
            <span className="tap-label">{row.category}</span>
            <span className="tap-count">{row.total}</span>
          </button>
        ))}
      </div>
    </>
  );
}
