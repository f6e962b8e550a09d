/**
 * The graphic of one tool's record, whichever the tool: the one entry point for the review screen
 * (in the browser) and for export (render.tsx, on the server). The language is passed in, not read
 * from context, so the server can draw in the coachee's language without the app's providers.
 */
import type { ToolView } from '../../../../../shared/src/observations/views';
import { CountChart } from './CountChart';
import { DurationChart } from './DurationChart';
import { FlowChart } from './FlowChart';
import type { ChartProps } from './kit';
import { MapChart } from './MapChart';
import { TimeSampleChart } from './TimeSampleChart';
import { VerbatimChart } from './VerbatimChart';

export function ObservationChart({ view, language, svgOnly }: ChartProps<ToolView>) {
  switch (view.tool) {
    case 'selective_verbatim':
      return <VerbatimChart view={view} language={language} svgOnly={svgOnly} />;
    case 'verbal_flow':
      return <FlowChart view={view} language={language} svgOnly={svgOnly} />;
    case 'event_count':
      return <CountChart view={view} language={language} svgOnly={svgOnly} />;
    case 'duration':
      return <DurationChart view={view} language={language} svgOnly={svgOnly} />;
    case 'physical_map':
      return <MapChart view={view} language={language} svgOnly={svgOnly} />;
    case 'time_sample':
      return <TimeSampleChart view={view} language={language} svgOnly={svgOnly} />;
  }
}

export { CountChart, DurationChart, FlowChart, MapChart, TimeSampleChart, VerbatimChart };
