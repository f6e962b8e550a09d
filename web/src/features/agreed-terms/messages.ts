/** Words of "what we agreed about names", in every language Tandem speaks. */
import { catalog } from '../../../../shared/src/i18n';

export const m = catalog({
  en: {
    title: 'What we agreed about names and confidentiality',
    titleMine: 'What I agreed with coaches and administrators',
    lead: 'Coaches and administrators signed these words in their partnership meeting. They hold wherever coaching comes up between them.',
    leadTeacher: 'Your coach and your school’s administrators signed these words in their partnership meeting. They say what stays between you and your coach.',
    names: '{may, select, yes {Coaches may name teachers when they report their work to administrators.} other {Coaches do not name teachers when they report their work to administrators.}}',
    signed: '{title} ({year}), signed {date, date, medium} by {people}.',
    loading: 'what was agreed',
    none: 'No partnership agreement signed yet.',
  },
  es: {
    title: 'Lo que acordamos sobre nombres y confidencialidad',
    titleMine: 'Lo que acordé con coaches y equipo directivo',
    lead: 'Coaches y equipo directivo firmaron estas palabras en su reunión de colaboración. Valen siempre que el coaching salga entre ellos.',
    leadTeacher: 'Tu coach y el equipo directivo de tu escuela firmaron estas palabras en su reunión de colaboración. Dicen qué queda entre tu coach y tú.',
    names: '{may, select, yes {Las coaches pueden nombrar al profesorado al informar de su trabajo al equipo directivo.} other {Las coaches no nombran al profesorado al informar de su trabajo al equipo directivo.}}',
    signed: '{title} ({year}), firmado el {date, date, medium} por {people}.',
    loading: 'lo acordado',
    none: 'Todavía no hay un acuerdo de colaboración firmado.',
  },
});
