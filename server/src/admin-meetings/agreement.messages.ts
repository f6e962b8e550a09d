/**
 * The written partnership agreement's PDF words, in the language of the person downloading it.
 * Role names and topic questions come from shared/src/admin-meetings.ts; what the participants
 * wrote prints as written.
 */
import { catalog } from '../../../shared/src/i18n';

export const meetingPdfMessages = catalog({
  en: {
    fileName: 'partnership-agreement-v{version}.pdf',
    documentTitle: 'Administrator–coach partnership agreement, version {version}',
    title: 'Administrator–coach partnership agreement',
    subtitle: '{title} — school year {schoolYear} — version {version}, written {date}',
    participants: 'Participants: {people}',
    participant: '{name} ({role, select, principal {principal} assistant_principal {assistant principal} coach {coach} facilitator {facilitator} other {participant}})',
    introduction: 'Introduction',
    roles: 'The coaching roles we settled on',
    roleScope: '{scope, select, all {For the whole group} other {For {scope}}}',
    role: '{name}: {description}',
    challenges: 'The challenges we expect this year',
    strengths: 'Strengths we will build on',
    confidentiality: 'What we agree about confidentiality',
    topics: 'What we agreed, topic by topic',
    notRelevant: 'Not a question for us.',
    names: 'Coaches may name teachers when they report to administrators: {allowed, select, yes {yes} other {no}}.',
    norms: 'Our norms',
    none: 'None recorded.',
    signatures: 'Signatures',
    contentHash: 'Content hash (SHA-256): {hash}',
    signed: '{name} — signed {date}',
    notSigned: '{name} — not signed yet',
    allSigned: 'Signed by every participant.',
  },
  es: {
    fileName: 'acuerdo-de-colaboracion-v{version}.pdf',
    documentTitle: 'Acuerdo de colaboración entre equipo directivo y coaches, versión {version}',
    title: 'Acuerdo de colaboración entre equipo directivo y coaches',
    subtitle: '{title} — curso {schoolYear} — versión {version}, redactada el {date}',
    participants: 'Participantes: {people}',
    participant: '{name} ({role, select, principal {dirección} assistant_principal {subdirección} coach {coach} facilitator {facilitación} other {participante}})',
    introduction: 'Introducción',
    roles: 'Los roles del coaching que acordamos',
    roleScope: '{scope, select, all {Para todo el grupo} other {Para {scope}}}',
    role: '{name}: {description}',
    challenges: 'Los retos que esperamos este curso',
    strengths: 'Las fortalezas en que nos apoyaremos',
    confidentiality: 'Lo que acordamos sobre confidencialidad',
    topics: 'Lo que acordamos, tema por tema',
    notRelevant: 'No es una cuestión para nosotros.',
    names: 'Los coaches pueden nombrar a docentes cuando informan al equipo directivo: {allowed, select, yes {sí} other {no}}.',
    norms: 'Nuestras normas',
    none: 'Nada registrado.',
    signatures: 'Firmas',
    contentHash: 'Huella del contenido (SHA-256): {hash}',
    signed: '{name} — firmó el {date}',
    notSigned: '{name} — todavía no ha firmado',
    allSigned: 'Firmado por todas las personas participantes.',
  },
});
