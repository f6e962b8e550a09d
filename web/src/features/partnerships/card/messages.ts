/**
 * Words of a partnership's card on Home (and the names in Home's logistics tables), in every
 * language Tandem speaks. Home is on the first-load budget, so the card keeps these few words
 * here rather than loading the partnership page's catalog.
 */
import { catalog } from '../../../../../shared/src/i18n';

export const m = catalog({
  en: {
    title: '{format} with {names}',
    member: '{name} ({role, select, coach {coach} coachee {coachee} peer {peer coach} self {self-coach} other {mentor coach}})',
    justYou: 'Just you',
    status: 'Status',
    meets: 'Meets',
    notAgreed: 'Not agreed yet',
    agreement: 'Agreement',
    agreementState: '{state, select, mine {Waiting for your signature} signed {Signed by everyone} waiting {Waiting for signatures} other {Not written yet}}',
    note: 'Note',
    dualRole: 'A member also supervises the coachee',
  },
  es: {
    title: '{format} con {names}',
    member: '{name} ({role, select, coach {coach} coachee {persona acompañada} peer {coach entre pares} self {autocoaching} other {coach mentor/a}})',
    justYou: 'Solo tú',
    status: 'Estado',
    meets: 'Se reúnen',
    notAgreed: 'Todavía sin acordar',
    agreement: 'Acuerdo',
    agreementState: '{state, select, mine {Espera tu firma} signed {Firmado por todos} waiting {Esperando firmas} other {Todavía sin escribir}}',
    note: 'Nota',
    dualRole: 'Alguien del acompañamiento también supervisa a la persona acompañada',
  },
});
