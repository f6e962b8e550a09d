/** Words of the colleague picker, in every language Tandem speaks. */
import { catalog } from '../../../../shared/src/i18n';

export const m = catalog({
  en: {
    yourSupervisor: 'your supervisor',
    matches: '{count, plural, one {# match} other {# matches}}',
    nobodyMatches: 'Nobody matches “{query}”.',
    yourSupervisors: '{count, plural, one {Your supervisor:} other {Your supervisors:}}',
    choose: 'Choose {name}',
  },
  es: {
    yourSupervisor: 'tu supervisor/a',
    matches: '{count, plural, one {# resultado} other {# resultados}}',
    nobodyMatches: 'No encontramos a nadie con “{query}”.',
    yourSupervisors: '{count, plural, one {Tu supervisor/a:} other {Tus supervisores/as:}}',
    choose: 'Elegir a {name}',
  },
});
