/**
 * The agreement PDF's own words, in the language of the person downloading it.
 * What the partners wrote (commitments, guidelines, the communication plan)
 * prints as written.
 */
import { catalog } from '../../../shared/src/i18n';

export const pdfMessages = catalog({
  en: {
    fileName: 'coaching-agreement-v{version}.pdf',
    documentTitle: 'Coaching agreement, version {version}',
    title: 'Coaching agreement',
    subtitle: '{format, select, expert {expert} peer {peer} self {self} other {{format}}} partnership — version {version}, {date}',
    members: 'Members: {members}',
    member: '{name} ({role, select, coach {coach} coachee {coachee} peer {peer} self {self} mentor {mentor} other {{role}}})',
    partyHeading:
      '{party, select, coach {The coach agrees to} coachee {The coachee agrees to} peer {Each peer coach agrees to} self {The self-coach agrees to} mentor {The mentor coach agrees to} supervisor {The supervisor agrees to} other {{party}}}',
    guidelines: 'What we decided together',
    practices: 'Practices we work on: {chosen, select, yes {{practices}} other {not chosen yet}}',
    observation: 'Observation ({mode, select, live {live} recorded {recorded} both {both} undecided {undecided} other {{mode}}}): {text}',
    sharing: 'What is shared, and with whom: {text}',
    supports: 'Supports: {text}',
    concerns: 'Concerns: {text}',
    logistics: 'Logistics',
    meet: 'We meet: {text}',
    coverage: 'Coverage needs: {text}',
    review: 'We review how coaching is going on: {date}',
    communication: 'Communication plan',
    signatures: 'Signatures',
    contentHash: 'Content hash (SHA-256): {hash}',
    signed: '{name} — signed {date}',
    notSigned: '{name} — not signed yet',
    supervisorSigned: '{name} — signed the supervisor\'s commitments {date}',
    supervisorNotSigned: '{name} — has not signed the supervisor\'s commitments yet',
  },
  es: {
    fileName: 'acuerdo-de-coaching-v{version}.pdf',
    documentTitle: 'Acuerdo de coaching, versión {version}',
    title: 'Acuerdo de coaching',
    subtitle: '{format, select, expert {Coaching individual} peer {Coaching entre pares} self {Autocoaching} other {{format}}} — versión {version}, {date}',
    members: 'Participantes: {members}',
    member: '{name} ({role, select, coach {coach} coachee {persona acompañada} peer {coach entre pares} self {autocoaching} mentor {coach mentor/a} other {{role}}})',
    partyHeading:
      '{party, select, coach {El/la coach se compromete a} coachee {La persona acompañada se compromete a} peer {Cada coach entre pares se compromete a} self {Quien hace autocoaching se compromete a} mentor {El/la coach mentor/a se compromete a} supervisor {El/la supervisor/a se compromete a} other {{party}}}',
    guidelines: 'Lo que decidimos juntos',
    practices: 'Prácticas en las que trabajamos: {chosen, select, yes {{practices}} other {todavía sin elegir}}',
    observation: 'Observación ({mode, select, live {en vivo} recorded {grabada} both {en vivo y grabada} undecided {todavía sin decidir} other {{mode}}}): {text}',
    sharing: 'Qué se comparte, y con quién: {text}',
    supports: 'Apoyos: {text}',
    concerns: 'Preocupaciones: {text}',
    logistics: 'Organización',
    meet: 'Nos reunimos: {text}',
    coverage: 'Cobertura del aula: {text}',
    review: 'Fecha para revisar cómo va el coaching: {date}',
    communication: 'Plan de comunicación',
    signatures: 'Firmas',
    contentHash: 'Huella del contenido (SHA-256): {hash}',
    signed: '{name} — firmó el {date}',
    notSigned: '{name} — todavía no ha firmado',
    supervisorSigned: '{name} — firmó los compromisos de la supervisión el {date}',
    supervisorNotSigned: '{name} — todavía no ha firmado los compromisos de la supervisión',
  },
});
