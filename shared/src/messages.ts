/**
 * The role descriptions every person acknowledges (visibility.ts builds them
 * from WHO_SEES_WHAT), in every language. The English is the text people
 * acknowledged under ROLE_DESCRIPTIONS_VERSION: change it in substance and
 * bump the version; a better Spanish wording needs no bump.
 */
import { catalog } from './i18n';

export const roleMessages = catalog({
  en: {
    title_coachee: 'Coachee',
    title_coach: 'Coach',
    title_mentor: 'Mentor coach',
    title_supervisor: 'Supervisor',
    title_leader: 'Program leader',

    coachee_1: 'You lead. You choose the practices to work on and the goals that matter to you and your children.',
    coachee_2: 'You decide what is observed, when, whether live or recorded, and what data is collected.',
    coachee_3: 'You look at the data first and say what you notice before anyone else interprets it.',
    coachee_4: 'You choose the next steps and decide whether anything leaves the partnership, and with whom.',
    coach_1: 'You are a thought partner, not an evaluator: you support, observe as agreed, and describe what you saw.',
    coach_2: 'You come on time and prepared, and you follow through on what you promised.',
    coach_3: 'You keep what is said and seen in coaching inside the partnership.',
    coach_4: 'If you have a concern, you talk it over with the coachee before anyone else hears of it.',
    mentor_1: 'You support peer coaches and self-coaches with resources and answers about practices and coaching.',
    mentor_2: 'You follow through on requests and keep in regular touch.',
    mentor_3: 'You keep what you see of the partnership confidential.',
    supervisor_1: 'You support coaching from the outside: regular check-ins, classroom coverage for coaching meetings, protecting the coach\'s time.',
    supervisor_2: 'You keep coaching and evaluation apart: nothing from coaching is used to judge performance.',
    supervisor_3: 'You bring questions about progress to the coachee and coach together.',
    leader_1: 'You set up the program: sites, people, practices and agreement templates.',
    leader_2: 'You see how the program is going through totals, never through anyone\'s coaching content.',

    seeExistence: 'You can see which partnerships exist and who is in them.',
    seeLogistics: 'You can see agreed logistics: how often partners meet, coverage needs, the communication plan and whether the agreement is signed.',
    seeAllContent: 'You can read the coaching content of partnerships you belong to.',
    seeSharedContent: 'You cannot read coaching content — notes, observations, goals, reflections — unless the coachee shares a piece with you by name. A share can expire or be withdrawn.',
    seeRaisedConcern: 'A coach can raise a concern with you only after talking it over with the coachee. You then read that one concern, and the coachee sees that it was raised and that you read it.',
    seeNoContent: 'You never see coaching content, only de-identified totals.',
    canShare: 'Only you can share your coaching content with someone outside the partnership, and you can withdraw a share at any time.',
    seeAccessLog: 'Every time anyone reads your coaching content it is logged, and you can see who read what, and when.',
  },
  es: {
    title_coachee: 'Persona acompañada',
    title_coach: 'Coach',
    title_mentor: 'Coach mentor/a',
    title_supervisor: 'Supervisor/a',
    title_leader: 'Dirección del programa',

    coachee_1: 'Tú llevas la iniciativa. Eliges las prácticas en las que quieres trabajar y las metas que les importan a ti y a tus niñas y niños.',
    coachee_2: 'Tú decides qué se observa, cuándo, si en vivo o en una grabación, y qué datos se recogen.',
    coachee_3: 'Tú miras los datos primero y cuentas lo que notas antes de que otra persona los interprete.',
    coachee_4: 'Tú eliges los próximos pasos y decides si algo sale del acompañamiento, y con quién.',
    coach_1: 'Acompañas a pensar, no evalúas: apoyas, observas según lo acordado y describes lo que viste.',
    coach_2: 'Llegas a tiempo y con todo preparado, y cumples lo que prometiste.',
    coach_3: 'Lo que se dice y se ve en el coaching lo guardas dentro del acompañamiento.',
    coach_4: 'Si algo te preocupa, lo conversas primero con la persona acompañada, antes de que nadie más se entere.',
    mentor_1: 'Apoyas a quienes hacen coaching entre pares o autocoaching con recursos y respuestas sobre las prácticas y el coaching.',
    mentor_2: 'Respondes a lo que te piden y mantienes un contacto regular.',
    mentor_3: 'Guardas en confianza lo que ves del acompañamiento.',
    supervisor_1: 'Apoyas el coaching desde fuera: encuentros regulares, cobertura del aula para las reuniones de coaching y cuidado del tiempo del coach.',
    supervisor_2: 'Mantienes el coaching aparte de la evaluación: nada de lo que pasa en el coaching se usa para juzgar el desempeño.',
    supervisor_3: 'Las preguntas sobre cómo va el avance las conversas con la persona acompañada y el coach, juntos.',
    leader_1: 'Pones en marcha el programa: centros, personas, prácticas y plantillas de acuerdo.',
    leader_2: 'Ves cómo va el programa a través de totales, nunca a través del contenido de coaching de nadie.',

    seeExistence: 'Puedes ver qué acompañamientos existen y quiénes participan en ellos.',
    seeLogistics: 'Puedes ver la organización acordada: cada cuánto se reúnen, qué cobertura del aula hace falta, el plan de comunicación y si el acuerdo está firmado.',
    seeAllContent: 'Puedes leer el contenido de coaching de los acompañamientos de los que formas parte.',
    seeSharedContent: 'No puedes leer el contenido de coaching —notas, observaciones, metas, reflexiones— a menos que la persona acompañada comparta contigo algo en concreto. Puede ponerle fecha de fin o dejar de compartirlo cuando quiera.',
    seeRaisedConcern: 'Un coach puede plantearte una preocupación solo después de conversarla con la persona acompañada. Entonces lees esa preocupación, y solo esa, y la persona acompañada ve que se te planteó y que la leíste.',
    seeNoContent: 'Nunca ves contenido de coaching, solo totales que no identifican a nadie.',
    canShare: 'Solo tú puedes compartir tu contenido de coaching con alguien fuera del acompañamiento, y puedes dejar de compartirlo cuando quieras.',
    seeAccessLog: 'Cada vez que alguien lee tu contenido de coaching, queda registrado, y puedes ver quién leyó qué, y cuándo.',
  },
});
