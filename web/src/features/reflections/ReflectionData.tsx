import { useMemo } from 'react';
import { projectObservation } from '../../../../shared/src/observations/projections';
import { quoteLines } from '../../../../shared/src/observations/quotes';
import type { Observation } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { formatDate } from '../../ui/format';
import { ObservationChart } from '../observations/charts/ObservationChart';
import { toolName } from '../observations/review/recordWords';
import { m } from './messages';

/**
 * The observation a reflection looks back on, at the top of the form: each tool's graphic with
 * its data table (the same projections and charts as the review screen), and under it the rows
 * of its data as buttons — one tap puts that line into the answer being written (`onQuote`).
 * Only data: no one's interpretation sits beside it, so the coachee's first look is their own.
 */
export function ReflectionData({ observation, onQuote, announce }: { observation: Observation; onQuote: (text: string) => void; announce: string }) {
  const t = useT(m);
  const { language } = useLanguage();
  const views = useMemo(() => projectObservation(observation), [observation]);
  return (
    <section className="reflection-data" aria-labelledby="reflection-data-title">
      <h4 id="reflection-data-title">{observation.focus.trim() ? t('dataOf', { focus: observation.focus.trim() }) : t('dataOn', { date: formatDate(observation.startedAt, language) })}</h4>
      <p className="field-hint">{t('quoteHint')}</p>
      {views.map((view) => {
        const lines = quoteLines(view, language);
        const name = toolName(language, view.tool);
        return (
          <section key={view.tool} className="review-tool" aria-labelledby={`reflect-tool-${view.tool}`}>
            <h5 id={`reflect-tool-${view.tool}`}>{name}</h5>
            <ObservationChart view={view} language={language} />
            {lines.length ? (
              <ul className="quote-lines" aria-label={t('quoteListLabel', { tool: name })}>
                {lines.map((line) => (
                  <li key={line.id}>
                    <button type="button" className="btn btn-secondary quote-line" onClick={() => onQuote(line.text)}>
                      <span className="visually-hidden">{t('quoteHidden')} </span>
                      {line.text}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('nothingToQuote')}</p>
            )}
          </section>
        );
      })}
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </section>
  );
}
