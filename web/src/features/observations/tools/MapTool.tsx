import { useId, useMemo, useState } from 'react';
import { type ObservationWindow, projectPhysicalMap } from '../../../../../shared/src/observations/projections';
import type { LayoutElementView } from '../../../../../shared/src/observations/views';
import { useLanguage, useT } from '../../../i18n';
import { chartWords } from '../charts/kit';
import { Button } from '../../../ui/Button';
import { type LocalEvent, recordEvent } from '../record';
import { LayoutSurface, boxOf, elementsOf, roomExtent } from './LayoutSurface';
import { m } from './messages';
import type { RecordingLayout, RecordingTool } from './useRecording';

/** Rugs, zones and centres lie under the furniture: a tap on a desk standing on the rug is on the desk. */
const UNDER = new Set(['rug', 'zone', 'centre']);

/** The element a point falls on, furniture before the areas it stands in. */
export function elementAt(elements: readonly LayoutElementView[], p: { x: number; y: number }): LayoutElementView | undefined {
  const hits = elements.filter((e) => p.x >= e.x && p.x <= e.x + e.w && p.y >= e.y && p.y <= e.y + e.h);
  return hits.find((e) => !UNDER.has(e.type)) ?? hits[0];
}

/**
 * Physical map: the room drawn large; one tap where the tracked person now is drops a timed mark
 * (on the element under it, if any), and the path grows with numbered points. "Pin a note" turns
 * the next tap into a place for a note. Elements are buttons too, for a keyboard or a switch.
 */
export function MapTool({ observationId, tool, layout, events, visit, disabled, announce }: { observationId: string; tool: RecordingTool; layout: RecordingLayout; events: readonly LocalEvent[]; visit: ObservationWindow; disabled: boolean; announce: (text: string) => void }) {
  const t = useT(m);
  const { language } = useLanguage();
  const noteId = useId();
  const elements = useMemo(() => elementsOf(layout), [layout]);
  const view = useMemo(() => projectPhysicalMap(events, tool, layout, visit), [events, tool, layout, visit]);
  const [who, setWho] = useState<string | null>(tool.tracked[0] ?? null);
  const [pinning, setPinning] = useState(false);
  const [place, setPlace] = useState<{ x: number; y: number; elementId: string | null } | null>(null);
  const [note, setNote] = useState('');
  const extent = roomExtent(elements);
  const nameOf = (id: string | null) => {
    const el = id ? elements.find((e) => e.id === id) : undefined;
    return el ? (el.label ?? chartWords(language).element(el.type)) : t('theFloor');
  };
  const path = view.paths.find((p) => p.who === who)?.points ?? [];

  const tap = (p: { x: number; y: number }, on?: LayoutElementView) => {
    if (disabled) return;
    const el = on ?? elementAt(elements, p);
    const elementId = el?.id ?? null;
    if (pinning) {
      setPlace({ ...p, elementId });
      announce(t('notePlaceChosen', { place: nameOf(elementId) }));
      return;
    }
    void recordEvent(observationId, 'physical_map', 'mark', { x: p.x, y: p.y, elementId, who });
    announce(t('markLogged', { number: path.length + 1, place: nameOf(elementId) }));
  };

  return (
    <>
      <p className="field-hint">{t('mapHint')}</p>
      {tool.tracked.length > 1 ? (
        <fieldset className="chip-set">
          <legend>{t('whoLegend')}</legend>
          <div className="chip-row">
            {tool.tracked.map((w) => (
              <button key={w} type="button" className="chip who-button" data-who={w} aria-pressed={who === w} disabled={disabled} onClick={() => setWho(w)}>
                {w}
              </button>
            ))}
          </div>
        </fieldset>
      ) : tool.tracked.length === 1 ? (
        <p>{t('following', { who: tool.tracked[0] })}</p>
      ) : null}
      <div className="chip-row">
        <button type="button" className="chip mode-button" aria-pressed={!pinning} disabled={disabled} onClick={() => (setPinning(false), setPlace(null))}>
          {t('modeMark')}
        </button>
        <button type="button" className="chip mode-button" aria-pressed={pinning} disabled={disabled} onClick={() => setPinning(true)}>
          {t('modeNote')}
        </button>
      </div>
      <p className="map-next">{pinning ? (place ? t('noteWrite', { place: nameOf(place.elementId) }) : t('noteTapPlace')) : t('markTap', { count: path.length })}</p>
      {pinning && place ? (
        <form
          className="line-form"
          onSubmit={(e) => {
            e.preventDefault();
            const text = note.trim();
            if (!text) return announce(t('noteEmpty'));
            void recordEvent(observationId, 'physical_map', 'note', { text: text.slice(0, 1000), x: place.x, y: place.y, elementId: place.elementId });
            announce(t('notePinned', { place: nameOf(place.elementId) }));
            setNote('');
            setPlace(null);
            setPinning(false);
          }}
        >
          <label htmlFor={noteId}>{t('noteText')}</label>
          <div className="line-row">
            <input id={noteId} className="line-input" autoFocus maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
            <Button type="submit">{t('notePin')}</Button>
          </div>
        </form>
      ) : null}
      <LayoutSurface
        elements={elements}
        label={t('roomMapLabel')}
        className={`map-surface${pinning ? ' is-pinning' : ''}`}
        onTap={(p) => tap(p)}
        overlay={(s) => (
          <g className="map-live">
            {path.length > 1 ? <polyline points={path.map((p) => `${s.x(p.x)},${s.y(p.y)}`).join(' ')} fill="none" stroke="#1d5c8c" strokeWidth={3} strokeLinejoin="round" /> : null}
            {path.map((p, i) => (
              <g key={`${p.atMs}-${i}`} className="map-point" data-point={i + 1}>
                <circle cx={s.x(p.x)} cy={s.y(p.y)} r={11} fill="#1d5c8c" />
                <text x={s.x(p.x)} y={s.y(p.y) + 4.5} textAnchor="middle" fontSize="13" fill="#ffffff" fontWeight="700">
                  {i + 1}
                </text>
              </g>
            ))}
            {view.notes.map((n, i) =>
              n.x !== null && n.y !== null ? (
                <g key={`note-${n.atMs}-${i}`} className="map-note">
                  <rect x={s.x(n.x) - 10} y={s.y(n.y) - 10} width={20} height={20} fill="#fff4d6" stroke="#4d3300" strokeWidth={2} />
                  <text x={s.x(n.x)} y={s.y(n.y) + 4.5} textAnchor="middle" fontSize="13" fill="#4d3300">
                    ✎
                  </text>
                </g>
              ) : null,
            )}
          </g>
        )}
      >
        {elements
          .filter((e) => !UNDER.has(e.type))
          .map((el) => (
            <button
              key={el.id}
              type="button"
              className="place-button"
              data-element={el.id}
              aria-label={pinning ? t('placeNote', { place: nameOf(el.id) }) : t('placeMark', { place: nameOf(el.id) })}
              disabled={disabled}
              style={boxOf(el, extent)}
              onClick={(e) => {
                e.stopPropagation();
                // From a keyboard there is no pointer: the element's centre.
                const r = e.currentTarget.parentElement!.getBoundingClientRect();
                const pointer = e.clientX !== 0 || e.clientY !== 0;
                const at = (v: number, size: number, reach: number) => Math.round(Math.min(2000, Math.max(0, (v / size) * reach)));
                tap(pointer ? { x: at(e.clientX - r.left, r.width, extent.x), y: at(e.clientY - r.top, r.height, extent.y) } : { x: Math.round(el.x + el.w / 2), y: Math.round(el.y + el.h / 2) }, el);
              }}
            />
          ))}
      </LayoutSurface>
      {view.notes.length ? (
        <>
          <h3>{t('notesTitle')}</h3>
          <ul className="plain-list line-list">
            {[...view.notes].reverse().map((n, i) => (
              <li key={`${n.atMs}-${i}`} className="map-note-item">
                <strong>{nameOf(n.elementId)}</strong>: {n.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
