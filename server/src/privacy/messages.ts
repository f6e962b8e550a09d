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
      'all your {category, select, notes {notes} goals {goals} celebrations {celebrations} strengths {strengths} observation_plans {observation plans} observations {observations} reflections {reflections} other {coaching content}} from this partnership',
    oneItem: 'one item of your coaching content',
    oneOf_note: 'one of your notes',
    oneOf_profile: 'your getting-to-know-you profile',
    oneOf_goal: 'one of your goals',
    oneOf_meeting: 'a session agenda',
    oneOf_agreement: 'your coaching agreement',
    oneOf_celebration: 'one of your celebrations',
    oneOf_strength: 'one of your strengths or priorities',
    oneOf_observation_plan: 'one of your observation plans',
    oneOf_observation: 'one of your observations',
    oneOf_reflection: 'one of your reflections',
    oneOf_message: 'a message',
    oneOf_concern: 'a concern',
    oneOf_feedback: 'feedback written for you',
    oneOf_artifact: 'one of your artifacts (a photo, document, student work or clip)',
  },
  es: {
    sharedSubject: 'Compartiste {what} con {name}',
    sharedText: 'Te confirmamos que {name} ya puede leer {what}{expires, select, yes { hasta el {until}} other {}}. Puedes dejar de compartir cuando quieras, y cada lectura aparece en "Quién ha visto mi contenido de coaching".',
    withdrawnSubject: 'Dejaste de compartir con {name}',
    withdrawnText: 'Te confirmamos que {name} ya no puede leer {what} que habías compartido. Lo que leyó antes no se deshace; puedes ver cada lectura en "Quién ha visto mi contenido de coaching".',

    category:
      '{category, select, notes {todas tus notas} goals {todas tus metas} celebrations {todas tus celebraciones} strengths {todas tus fortalezas, prioridades y autovaloraciones} observation_plans {todos tus planes de observación} observations {todas tus observaciones} reflections {todas tus reflexiones} other {tu contenido de coaching}} de este acompañamiento',
    oneItem: 'algo de tu contenido de coaching',
    oneOf_note: 'una de tus notas',
    oneOf_profile: 'tu perfil para conocernos',
    oneOf_goal: 'una de tus metas',
    oneOf_meeting: 'la agenda de una reunión',
    oneOf_agreement: 'tu acuerdo de coaching',
    oneOf_celebration: 'una de tus celebraciones',
    oneOf_strength: 'una de tus fortalezas o prioridades',
    oneOf_observation_plan: 'uno de tus planes de observación',
    oneOf_observation: 'una de tus observaciones',
    oneOf_reflection: 'una de tus reflexiones',
    oneOf_message: 'un mensaje',
    oneOf_concern: 'una preocupación',
    oneOf_feedback: 'comentarios escritos para ti',
    oneOf_artifact: 'uno de tus archivos (una foto, un documento, un trabajo de estudiantes o un clip)',
  },
});

/**
 * How an item of coaching content is named and written out for a person outside the
 * partnership it was shared with, and in the coachee's access log: the labels around the
 * coachee's own words, in the reader's language (the words themselves stay as written).
 */
export const itemWords = catalog({
  en: {
    profileTitle: 'Getting-to-know-you profile',
    profileStrengths: 'Strengths: {text}',
    profileLearning: 'How I like to learn: {text}',
    profileNeeds: 'What I need: {text}',
    profileChallenges: 'What gets in the way: {list}',
    profileChallengeNotes: 'About those challenges: {text}',
    challenge:
      '{challenge, select, space {space} behaviour {children’s behaviour} staffing {staffing} materials {materials} time {time} family_engagement {family engagement} other {something else}}',
    goalForChildren: 'What it changes for children: {text}',
    goalSuccess: 'What success looks like: {text}',
    goalStatus: 'Status: {status, select, proposed {proposed} active {active} achieved {achieved} other {set aside}}',
    meetingTitle:
      'Agenda of the {kind, select, observation {observation} coaching_meeting {coaching meeting} support_visit {support visit} mentor_checkin {mentor check-in} other {supervisor check-in}} on {date}',
    agreementTitle: 'Coaching agreement, version {version}',
    celebrationBody: '{kind, select, risk_taken {A risk taken} progress {Progress} other {A success}} ({date}): {text}',
    strengthTitle: '{type, select, strength {Strength} other {Priority}}: {text}',
    selfRatingTitle: 'Self-rating of {practice}: {level, select, 1 {new to me} 2 {trying it out} 3 {part of my routine} other {I could show others}}',
    planTitle: 'Observation plan: {text}',
    planNow: 'Where we are now: {text}',
    planSuccess: 'What success looks like: {text}',
    planLookFor: 'What to look for: {text}',
    planData: 'Data: {method}{hasFields, select, yes { ({fields})} other {}}',
    observationTitle: 'Observation: {text}',
    observationOn: 'Observation on {date}',
    observationVisit: '{mode, select, live {Live visit} other {Recorded lesson}} on {date}{ended, select, yes {} other {, still recording}}{planned, select, yes {} other { (without a plan)}}',
    observationTool: '{tool}: {count, plural, =0 {nothing recorded} one {# record} other {# records}}',
    reflectionTitle: 'Reflection: {text}',
    messageTitle: 'Message: {text}',
    concernTitle: 'Concern: {text}',
    feedbackTitle: 'Feedback: {text}',
    feedbackGraphic: '[The {tool} graphic]',
    artifactTitle: 'File: {text}',
    artifactFile: '{name} ({type}); open it in Tandem to see the file.',
  },
  es: {
    profileTitle: 'Perfil para conocernos',
    profileStrengths: 'Fortalezas: {text}',
    profileLearning: 'Cómo me gusta aprender: {text}',
    profileNeeds: 'Lo que necesito: {text}',
    profileChallenges: 'Lo que se interpone: {list}',
    profileChallengeNotes: 'Sobre esas dificultades: {text}',
    challenge:
      '{challenge, select, space {el espacio} behaviour {el comportamiento de las niñas y los niños} staffing {el personal} materials {los materiales} time {el tiempo} family_engagement {la participación de las familias} other {otra cosa}}',
    goalForChildren: 'Lo que cambia para las niñas y los niños: {text}',
    goalSuccess: 'Cómo se ve el éxito: {text}',
    goalStatus: 'Estado: {status, select, proposed {propuesta} active {activa} achieved {lograda} other {dejada de lado}}',
    meetingTitle:
      'Agenda de {kind, select, observation {la observación} coaching_meeting {la reunión de coaching} support_visit {la visita de apoyo} mentor_checkin {la reunión con coach mentor/a} other {la reunión breve con supervisión}} del {date}',
    agreementTitle: 'Acuerdo de coaching, versión {version}',
    celebrationBody: '{kind, select, risk_taken {Un riesgo asumido} progress {Un avance} other {Un logro}} ({date}): {text}',
    strengthTitle: '{type, select, strength {Fortaleza} other {Prioridad}}: {text}',
    selfRatingTitle: 'Autovaloración de {practice}: {level, select, 1 {es nuevo para mí} 2 {lo estoy probando} 3 {es parte de mi rutina} other {podría mostrárselo a otras personas}}',
    planTitle: 'Plan de observación: {text}',
    planNow: 'Dónde estamos ahora: {text}',
    planSuccess: 'Cómo se ve el éxito: {text}',
    planLookFor: 'Qué observar: {text}',
    planData: 'Datos: {method}{hasFields, select, yes { ({fields})} other {}}',
    observationTitle: 'Observación: {text}',
    observationOn: 'Observación del {date}',
    observationVisit: '{mode, select, live {Visita en directo} other {Clase grabada}} del {date}{ended, select, yes {} other {, todavía registrando}}{planned, select, yes {} other { (sin plan)}}',
    observationTool: '{tool}: {count, plural, =0 {nada registrado} one {# registro} other {# registros}}',
    reflectionTitle: 'Reflexión: {text}',
    messageTitle: 'Mensaje: {text}',
    concernTitle: 'Preocupación: {text}',
    feedbackTitle: 'Comentarios: {text}',
    feedbackGraphic: '[El gráfico de {tool}]',
    artifactTitle: 'Archivo: {text}',
    artifactFile: '{name} ({type}); ábrelo en Tandem para ver el archivo.',
  },
});
