import { useId, useMemo, useRef, useState } from 'react';
import { type ObservationWindow, projectVerbatim } from '../../../../../shared/src/observations/projections';
import { useT } from '../../../i18n';
import { Button } from '../../../ui/Button';
import { type LocalEvent, recordEvent } from '../record';
import { m } from './messages';
import { type RecordingTool, clockText } from './useRecording';

/** How many of the latest lines stay in view under the text box. */
const SHOWN = 8;

/**
 * The speaker a line starts with ("T: Why do you think so?", "s1: because…"), matched to the
 * speakers offered whatever the case, and the line without it. A prefix naming nobody offered is
 * left in the line: "Note: …" stays text.
 */
export function speakerPrefix(line: string, speakers: readonly string[]): { speaker: string; text: string } | null {
  const match = /^\s*([^\s:]{1,12})\s*:\s*(.*)$/s.exec(line);
  if (!match) return null;
  const speaker = speakers.find((s) => s.toLowerCase() === match[1].toLowerCase());
  return speaker ? { speaker, text: match[2] } : null;
}

/**
 * Selective verbatim: a text box that keeps the focus; Enter records the line as it stands, with
 * the speaker chosen (a big button, or typed as "T: " at the start of the line, which works on any
 * tablet keyboard) and the category chosen, both kept until changed. The latest lines show
 * newest first.
 */
export function VerbatimTool({ observationId, tool, events, visit, disabled, announce }: { observationId: string; tool: RecordingTool; events: readonly LocalEvent[]; visit: ObservationWindow; disabled: boolean; announce: (text: string) => void }) {
  const t = useT(m);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const view = useMemo(() => projectVerbatim(events, tool, visit), [events, tool, visit]);
  const speakers = tool.speakers.length ? tool.speakers : [t('teacherCode')];
  const [speaker, setSpeaker] = useState(speakers[0]);
  const [category, setCategory] = useState<string | null>(null);
  const [text, setText] = useState('');
  const typed = speakerPrefix(text, speakers);
  const who = typed?.speaker ?? speaker;

  const record = () => {
    const line = (typed ? typed.text : text).trim();
    if (!line) {
      announce(t('lineEmpty'));
      input.current?.focus();
      return;
    }
    void recordEvent(observationId, 'selective_verbatim', 'line', { text: line.slice(0, 2000), speaker: who, category });
    setSpeaker(who);
    setText('');
    input.current?.focus();
  };
  // Choosing a speaker or a category leaves the focus (and the keyboard) on the text box.
  const keepFocus = (e: React.PointerEvent | React.MouseEvent) => e.preventDefault();

  return (
    <>
      <p className="field-hint">{t('verbatimHint', { example: `${speakers[0]}: ` })}</p>
      <fieldset className="chip-set">
        <legend>{t('speakerLegend')}</legend>
        <div className="chip-row">
          {speakers.map((s) => (
            <button key={s} type="button" className="chip speaker-button" data-speaker={s} aria-pressed={who === s} disabled={disabled} onMouseDown={keepFocus} onClick={() => (setSpeaker(s), typed ? setText(typed.text) : null, input.current?.focus())}>
              {s}
            </button>
          ))}
        </div>
      </fieldset>
      {tool.categories.length ? (
        <fieldset className="chip-set">
          <legend>{t('categoryLegend')}</legend>
          <div className="chip-row">
            {tool.categories.map((c) => (
              <button key={c} type="button" className="chip category-button" data-category={c} aria-pressed={category === c} disabled={disabled} onMouseDown={keepFocus} onClick={() => (setCategory(category === c ? null : c), input.current?.focus())}>
                {c}
              </button>
            ))}
          </div>
          <p className="field-hint">{category ? t('categoryKept', { category }) : t('categoryNone')}</p>
        </fieldset>
      ) : null}
      <form
        className="line-form"
        onSubmit={(e) => {
          e.preventDefault();
          record();
        }}
      >
        <label htmlFor={inputId}>{t('lineLabel', { speaker: who })}</label>
        <div className="line-row">
          <input
            id={inputId}
            ref={input}
            className="line-input"
            autoComplete="off"
            autoCapitalize="sentences"
            enterKeyHint="send"
            maxLength={2020}
            value={text}
            disabled={disabled}
            autoFocus
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" className="line-record" disabled={disabled}>
            {t('lineRecord')}
          </Button>
        </div>
      </form>
      <h3>{t('linesTitle', { count: view.lines.length })}</h3>
      {view.lines.length ? (
        <ol className="plain-list line-list" reversed>
          {view.lines
            .slice(-SHOWN)
            .reverse()
            .map((l) => (
              <li key={l.id} className="line-item" data-speaker={l.speaker}>
                <span className="line-meta">
                  {clockText(l.atMs)} · <strong>{l.speaker}</strong>
                  {l.category ? ` · ${l.category}` : ''}
                </span>{' '}
                <span className="line-text">{l.text}</span>
              </li>
            ))}
        </ol>
      ) : null}
    </>
  );
}
