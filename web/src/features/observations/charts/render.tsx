/**
 * A tool's graphic as an SVG document string, for SVG/PNG export and the PDF: the same components
 * the review screen shows, rendered with react-dom/server (no DOM, no effects), so the file and
 * the screen cannot disagree. Usable from the server; only observation screens import it in the app.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../../../../../shared/src/i18n';
import type { ToolView } from '../../../../../shared/src/observations/views';
import { type FigureParts, FigurePartsSink } from './kit';
import { ObservationChart } from './ObservationChart';

/** The graphic alone (`<svg xmlns=…>` with its title, description and pixel size), in the reader's language. */
export function renderChartSvg(view: ToolView, language: Language): string {
  return renderToStaticMarkup(<ObservationChart view={view} language={language} svgOnly />);
}

/** The graphic and what the screen shows beside it (title, one-sentence description, data tables), for the PDF. */
export function renderChartParts(view: ToolView, language: Language): FigureParts & { svg: string } {
  let parts: FigureParts | undefined;
  const svg = renderToStaticMarkup(
    <FigurePartsSink.Provider value={(p) => (parts ??= p)}>
      <ObservationChart view={view} language={language} svgOnly />
    </FigurePartsSink.Provider>,
  );
  if (!parts) throw new Error(`the ${view.tool} chart drew no figure`);
  return { ...parts, svg };
}
