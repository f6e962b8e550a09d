/** The observation report's own words (PDF and file names), in the language of the person downloading it. */
import { catalog } from '../../../shared/src/i18n';

export const reportMessages = catalog({
  en: {
    untitled: 'Observation',
    documentTitle: 'Observation: {focus}',
    subtitle: '{mode, select, recorded {A recorded lesson} other {A live visit}}, {start}{ended, select, yes { to {end}} other {, still recording}}',
    recordedBy: 'Recorded by {name}',
    planned: '{planned, select, yes {Carried out from the observation plan the coachee confirmed.} other {A visit without an observation plan.}}',
    noData: 'Nothing was recorded with this tool.',
    fileStem: 'observation-{date}',
  },
  es: {
    untitled: 'Observación',
    documentTitle: 'Observación: {focus}',
    subtitle: '{mode, select, recorded {Una clase grabada} other {Una visita en vivo}}, {start}{ended, select, yes { a {end}} other {, todavía en curso}}',
    recordedBy: 'Registrada por {name}',
    planned: '{planned, select, yes {Hecha según el plan de observación que confirmó la persona acompañada.} other {Una visita sin plan de observación.}}',
    noData: 'No se registró nada con esta herramienta.',
    fileStem: 'observacion-{date}',
  },
});
