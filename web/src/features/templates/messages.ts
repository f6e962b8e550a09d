/** Words of the agreement templates page, in every language Tandem speaks. */
import { catalog } from '../../../../shared/src/i18n';

export const m = catalog({
  en: {
    title: 'Agreement templates',
    lead: 'Each new partnership’s agreement starts from these commitments. Partners can still change them together.',
    loading: 'templates',
    lastChanged: 'Last changed {date}. One commitment per line.',
    partyField:
      '{party, select, coach {The coach} coachee {The coachee} peer {Each peer coach} self {The self-coach} mentor {The mentor coach} supervisor {The supervisor} other {{party}}} ({format, select, expert {expert coaching} peer {peer coaching} self {self-coaching} other {{format}}})',
    saved: 'Template saved. New agreements will start from it.',
    save: 'Save the {format, select, expert {expert coaching} peer {peer coaching} self {self-coaching} other {{format}}} template',
  },
  es: {
    title: 'Plantillas de acuerdo',
    lead: 'El acuerdo de cada acompañamiento nuevo parte de estos compromisos. Luego, quienes forman el acompañamiento pueden cambiarlos de común acuerdo.',
    loading: 'las plantillas',
    lastChanged: 'Último cambio: {date}. Un compromiso por línea.',
    partyField:
      '{party, select, coach {El/la coach} coachee {La persona acompañada} peer {Cada coach entre pares} self {Quien hace autocoaching} mentor {El/la coach mentor/a} supervisor {El/la supervisor/a} other {{party}}} ({format, select, expert {coaching individual} peer {coaching entre pares} self {autocoaching} other {{format}}})',
    saved: 'Plantilla guardada. Los acuerdos nuevos partirán de ella.',
    save: 'Guardar la plantilla de {format, select, expert {coaching individual} peer {coaching entre pares} self {autocoaching} other {{format}}}',
  },
});
