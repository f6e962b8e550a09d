import { useMemo, useState } from 'react';
import { type ObservationWindow, projectVerbalFlow } from '../../../../../shared/src/observations/projections';
import { useT } from '../../../i18n';
import { type LocalEvent, recordEvent } from '../record';
import { LayoutSurface, boxOf, elementsOf, roomExtent } from './LayoutSurface';
import { m } from './messages';
import type { RecordingLayout, RecordingTool } from './useRecording';

/**
 * Verbal flow: the seating chart drawn large. The kind chosen stays chosen, so while the same kind
 * repeats one tap on a seat logs it; a different kind is one tap on the palette first. With
 * "to another seat" on, the first seat tapped is who spoke and the second who was spoken to
 * (student to student). Each seat shows its tally as it grows.
 */
export function FlowTool({ observationId, tool, layout, events, visit, disabled, announce }: { observationId: string; tool: RecordingTool; layout: RecordingLayout; events: readonly LocalEvent[]; visit: ObservationWindow; disabled: boolean; announce: (text: string) => void }) {
  const t = useT(m);
  const elements = useMemo(() => elementsOf(layout), [layout]);
  const view = useMemo(() => projectVerbalFlow(events, tool, layout, visit), [events, tool, layout, visit]);
  const [kind, setKind] = useState(tool.kinds[0] ?? '');
  const [toSeat, setToSeat] = useState(false);
  const [from, setFrom] = useState<string | null>(null);
  const extent = roomExtent(elements);
  const seats = elements.filter((e) => e.type === 'seat');
  const tally = new Map(view.seats.map((s) => [s.seatId, s.total]));
  const name = (id: string) => seats.find((s) => s.id === id)?.label ?? id;

  if (!kind) return <p>{t('noCodes')}</p>;
  if (seats.length === 0) return <p>{t('noSeats')}</p>;

  const tap = (seatId: string) => {
    if (toSeat) {
      if (from === null) {
        setFrom(seatId);
        announce(t('flowFromChosen', { seat: name(seatId) }));
        return;
      }
      if (from === seatId) {
        setFrom(null);
        announce(t('flowFromCleared'));
        return;
      }
      void recordEvent(observationId, 'verbal_flow', 'interaction', { seatId: from, kind, toSeatId: seatId });
      announce(t('flowLoggedTo', { kind, from: name(from), to: name(seatId) }));
      setFrom(null);
      return;
    }
    void recordEvent(observationId, 'verbal_flow', 'interaction', { seatId, kind, toSeatId: null });
    announce(t('flowLogged', { kind, seat: name(seatId) }));
  };

  return (
    <>
      <p className="field-hint">{t('flowHint')}</p>
      <fieldset className="chip-set">
        <legend>{t('kindLegend')}</legend>
        <div className="tap-grid kind-grid">
          {tool.kinds.map((k) => (
            <button key={k} type="button" className="tap-button kind-button" data-kind={k} aria-pressed={kind === k} disabled={disabled} onClick={() => setKind(k)}>
              <span className="tap-label">{k}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <p>
        <button type="button" className="chip to-seat-button" aria-pressed={toSeat} disabled={disabled} onClick={() => (setToSeat(!toSeat), setFrom(null))}>
          {t('toSeatToggle')}
        </button>
      </p>
      <p className="flow-next" aria-live="polite">
        {toSeat ? (from ? t('flowTapTo', { seat: name(from) }) : t('flowTapFrom')) : t('flowTapSeat', { kind })}
      </p>
      <LayoutSurface elements={elements} hide={(el) => el.type === 'seat'} label={t('seatingChartLabel')} className="flow-surface">
        {seats.map((s) => (
          <button
            key={s.id}
            type="button"
            className="seat-button"
            data-seat={s.id}
            data-count={tally.get(s.id) ?? 0}
            aria-pressed={from === s.id}
            aria-label={t('seatButton', { seat: s.label ?? s.id, count: tally.get(s.id) ?? 0 })}
            disabled={disabled}
            style={boxOf(s, extent)}
            onClick={() => tap(s.id)}
          >
            <span className="seat-code">{s.label ?? s.id}</span>
            <span className="seat-count">{tally.get(s.id) ?? 0}</span>
          </button>
        ))}
      </LayoutSurface>
    </>
  );
}
