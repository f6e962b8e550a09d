/**
 * The notices sent when a concern is raised with a supervisor, each in its
 * recipient's language. They name the people, never the concern's words: the
 * coachee reads the details in Tandem.
 */
import { catalog } from '../../../shared/src/i18n';

export const concernMail = catalog({
  en: {
    toCoacheeSubject: '{author} raised a concern with {supervisor}',
    toCoacheeText: '{author} has raised the concern you talked about with {supervisor}, your supervisor. You can read exactly what was sent, and see when it is read, under Concerns in your partnership in Tandem.',
    toSupervisorSubject: '{author} raised a concern with you',
    toSupervisorText: '{author} has raised a concern with you about {coachee}, after talking it over with them. Read it on your Tandem home page; {coachee} can see that you read it.',
  },
  es: {
    toCoacheeSubject: '{author} le planteó una preocupación a {supervisor}',
    toCoacheeText: '{author} le planteó a {supervisor}, tu supervisor/a, la preocupación que conversaron. En Tandem, en Preocupaciones dentro de tu acompañamiento, puedes leer exactamente lo que se envió y ver cuándo se lee.',
    toSupervisorSubject: '{author} te planteó una preocupación',
    toSupervisorText: '{author} te planteó una preocupación sobre {coachee}, después de haberla conversado con esa persona. Puedes leerla en tu página de Inicio de Tandem; {coachee} podrá ver que la leíste.',
  },
});
