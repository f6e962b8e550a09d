/**
 * Tandem's default practice framework, written by us, in each language Tandem speaks; a new
 * organization gets it in its default language, and each organization can edit its copy.
 */
import type { Language } from '../../../shared/src/i18n';

export interface DefaultPractice {
  category: string;
  name: string;
  description: string;
}

export const DEFAULT_PRACTICES: Record<Language, DefaultPractice[]> = {
  en: [
    { category: 'Relationships and climate', name: 'Warm, responsive interactions', description: 'Greeting each child, noticing feelings out loud, and answering bids for attention quickly and kindly.' },
    { category: 'Relationships and climate', name: 'Predictable routines', description: 'A visible daily schedule, rehearsed transitions and warnings before changes, so children know what comes next.' },
    { category: 'Relationships and climate', name: 'Clear, positively stated expectations', description: 'A few expectations taught, modelled and referred to often, phrased as what to do rather than what not to do.' },
    { category: 'Engagement and learning', name: 'Specific, descriptive acknowledgement', description: 'Naming exactly what a child did well, for effort and strategy, more often than correcting.' },
    { category: 'Engagement and learning', name: 'Open-ended questions', description: 'Questions with many possible answers that invite children to explain, predict and compare.' },
    { category: 'Engagement and learning', name: 'Wait time and turn-taking', description: 'Pausing after a question so more children can think and answer; spreading turns across the group.' },
    { category: 'Engagement and learning', name: 'Small-group and individual instruction', description: 'Planning groups from what children show they know, with activities matched to each group.' },
    { category: 'Language and literacy', name: 'Rich conversation and vocabulary', description: 'Extending what children say, introducing new words in context and revisiting them.' },
    { category: 'Language and literacy', name: 'Interactive book reading', description: 'Reading with pauses for prediction, connection and retelling, and inviting children to lead parts.' },
    { category: 'Social and emotional learning', name: 'Teaching friendship and problem-solving skills', description: 'Planned lessons and in-the-moment coaching on sharing, asking to play and solving conflicts.' },
    { category: 'Social and emotional learning', name: 'Supporting children through strong emotions', description: 'Naming emotions, offering calming strategies and following up once the child is calm.' },
    { category: 'Families', name: 'Partnering with families', description: 'Two-way communication about a child\'s strengths and goals, in the family\'s preferred language and format.' },
  ],
  es: [
    { category: 'Relaciones y clima', name: 'Interacciones cálidas y atentas', description: 'Saludar a cada niña y niño, poner en palabras lo que sienten y responder con rapidez y cariño cuando buscan atención.' },
    { category: 'Relaciones y clima', name: 'Rutinas previsibles', description: 'Un horario del día a la vista, transiciones ensayadas y avisos antes de cada cambio, para que sepan qué viene después.' },
    { category: 'Relaciones y clima', name: 'Expectativas claras y en positivo', description: 'Pocas expectativas, enseñadas, modeladas y recordadas a menudo, dichas como lo que sí hay que hacer.' },
    { category: 'Participación y aprendizaje', name: 'Reconocimiento concreto y descriptivo', description: 'Nombrar exactamente lo que hizo bien, por su esfuerzo y su estrategia, más a menudo que corregir.' },
    { category: 'Participación y aprendizaje', name: 'Preguntas abiertas', description: 'Preguntas con muchas respuestas posibles, que invitan a explicar, anticipar y comparar.' },
    { category: 'Participación y aprendizaje', name: 'Tiempo de espera y turnos', description: 'Hacer una pausa después de preguntar, para que más niñas y niños piensen y respondan; repartir los turnos en el grupo.' },
    { category: 'Participación y aprendizaje', name: 'Enseñanza en grupos pequeños e individual', description: 'Formar grupos a partir de lo que muestran que saben, con actividades pensadas para cada grupo.' },
    { category: 'Lenguaje y lectoescritura', name: 'Conversación rica y vocabulario', description: 'Ampliar lo que dicen, presentar palabras nuevas en contexto y volver a usarlas.' },
    { category: 'Lenguaje y lectoescritura', name: 'Lectura interactiva de cuentos', description: 'Leer con pausas para anticipar, relacionar y volver a contar, e invitarles a guiar partes de la lectura.' },
    { category: 'Aprendizaje socioemocional', name: 'Enseñar a hacer amistades y resolver problemas', description: 'Actividades planificadas y acompañamiento en el momento para compartir, pedir jugar y resolver conflictos.' },
    { category: 'Aprendizaje socioemocional', name: 'Acompañar las emociones fuertes', description: 'Nombrar las emociones, ofrecer maneras de calmarse y retomar lo ocurrido cuando ya hay calma.' },
    { category: 'Familias', name: 'Colaborar con las familias', description: 'Comunicación en ambos sentidos sobre las fortalezas y metas de cada niña o niño, en el idioma y el formato que prefiera la familia.' },
  ],
};
