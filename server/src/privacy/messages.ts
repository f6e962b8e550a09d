/**
 * The receipt the coachee gets for every share and withdrawal (shares.ts), in
 * their language. It names the kind of item, never its content. The English
 * names of single items repeat KINDS[kind].oneOf (kinds.ts); a test keeps the
 * two the same.
 */
import { catalog } from '../../../shared/src/i18n';

export const receiptMessages = catalog({
  en: {
    sharedSubject: 'You shared {what} with {name}',
    sharedText: 'This confirms that {name} can now read {what}{expires, select, yes { until {until}} other {}}. You can withdraw it at any time, and every read appears in "Who has seen my coaching content".',
    withdrawnSubject: 'You withdrew a share from {name}',
    withdrawnText: 'This confirms that {name} can no longer read {what} you had shared. Anything they read before stays read; you can see every read in "Who has seen my coaching content".',

    category:
      'all your {category, select, notes {notes} goals {goals} celebrations {celebrations} strengths {strengths} observation_plans {observation plans} reflections {reflections} other {coaching content}} from this partnership',
    oneItem: 'one item of your coaching content',
    oneOf_note: 'one of your notes',
    oneOf_profile: 'your getting-to-know-you profile',
    oneOf_goal: 'one of your goals',
    oneOf_meeting: 'a session agenda',
    oneOf_agreement: 'your coaching agreement',
    oneOf_celebration: 'one of your celebrations',
    oneOf_strength: 'one of your strengths or priorities',
    oneOf_observation_plan: 'one of your observation plans',
    oneOf_reflection: 'one of your reflections',
    oneOf_message: 'a message',
    oneOf_concern: 'a concern',
  },
  es: {
    sharedSubject: 'Compartiste {what} con {name}',
    sharedText: 'Te confirmamos que {name} ya puede leer {what}{expires, select, yes { hasta el {until}} other {}}. Puedes dejar de compartir cuando quieras, y cada lectura aparece en "Quién ha visto mi contenido de coaching".',
    withdrawnSubject: 'Dejaste de compartir con {name}',
    withdrawnText: 'Te confirmamos que {name} ya no puede leer {what} que habías compartido. Lo que leyó antes no se deshace; puedes ver cada lectura en "Quién ha visto mi contenido de coaching".',

    category:
      '{category, select, notes {todas tus notas} goals {todas tus metas} celebrations {todas tus celebraciones} strengths {todas tus fortalezas, prioridades y autovaloraciones} observation_plans {todos tus planes de observación} reflections {todas tus reflexiones} other {tu contenido de coaching}} de este acompañamiento',
    oneItem: 'algo de tu contenido de coaching',
    oneOf_note: 'una de tus notas',
    oneOf_profile: 'tu perfil para conocernos',
    oneOf_goal: 'una de tus metas',
    oneOf_meeting: 'la agenda de una reunión',
    oneOf_agreement: 'tu acuerdo de coaching',
    oneOf_celebration: 'una de tus celebraciones',
    oneOf_strength: 'una de tus fortalezas o prioridades',
    oneOf_observation_plan: 'uno de tus planes de observación',
    oneOf_reflection: 'una de tus reflexiones',
    oneOf_message: 'un mensaje',
    oneOf_concern: 'una preocupación',
  },
});
