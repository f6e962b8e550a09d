/** Words of the getting-to-know-you profile (a partnership's "Getting to know you" section), in every language Tandem speaks. */
import { catalog } from '../../../../../shared/src/i18n';

export const m = catalog({
  en: {
    title: 'Getting to know you',
    lead: 'What helps coaching fit this person: their strengths, how they like to learn, what they need and what gets in the way. Only members of the partnership can read it.',
    coachee: 'Coachee',
    lastSaved: 'Last saved {when}',
    profileOf: 'Profile of {name}',
    strengths: 'Strengths',
    learningStyle: 'How I like to learn',
    needs: 'What I need from coaching',
    challenges: 'What gets in the way',
    challengeNotes: 'More about those challenges',
    saved: 'Saved.',
    save: 'Save profile',
    whoHasSeenTitle: 'Your getting-to-know-you profile',
    whoHasSeenName: 'getting-to-know-you profile',
  },
  es: {
    title: 'Conocernos',
    lead: 'Lo que ayuda a que el coaching se ajuste a esta persona: sus fortalezas, cómo le gusta aprender, lo que necesita y lo que se le pone en el camino. Solo las personas del acompañamiento pueden leerlo.',
    coachee: 'Persona acompañada',
    lastSaved: 'Guardado por última vez el {when}',
    profileOf: 'Perfil de {name}',
    strengths: 'Fortalezas',
    learningStyle: 'Cómo me gusta aprender',
    needs: 'Lo que necesito del coaching',
    challenges: 'Lo que se pone en el camino',
    challengeNotes: 'Más sobre esas dificultades',
    saved: 'Guardado.',
    save: 'Guardar el perfil',
    whoHasSeenTitle: 'Tu perfil para conocernos',
    whoHasSeenName: '(tu perfil para conocernos)',
  },
});
