/** Words of what colleagues shared with the reader (on Home), in every language Tandem speaks. */
import { catalog } from '../../../../../shared/src/i18n';

export const m = catalog({
  en: {
    shared: 'Shared with you',
    sharedLead:
      'Colleagues chose to share these with you, and can withdraw a share at any time. Nothing is opened until you choose “Read”; when you do, the person who shared it can see that you read it.',
    loadingShared: 'what was shared with you',
    nothingShared: 'Nothing has been shared with you right now.',
    sharedKind:
      '{kind, select, note {Note} goal {Goal} profile {Getting-to-know-you profile} meeting {Session} agreement {Coaching agreement} celebration {Celebration} strength {Strength or priority} observation_plan {Observation plan} observation {Observation record} reflection {Reflection} message {Message} concern {Concern} other {Shared item}}',
    sharedFrom:
      'from {from} · {kind, select, note {written} goal {set} profile {started} meeting {planned} agreement {agreed} celebration {recorded} strength {added} observation_plan {planned} observation {recorded} reflection {written} message {sent} concern {recorded} other {added}} {when}',
    availableUntil: 'available until {when}',
    read: 'Read',
    hide: 'Hide',
    seeGraphics: 'See the graphics of this observation',
    observationLoading: 'the observation',
    observationLead: '{from} shared this observation with you. The graphics show what was recorded during the visit; they describe, they do not rate.',
    observationNotShared: 'This observation is not shared with you (or the share was withdrawn).',
    observationWhen: '{mode, select, recorded {A recorded lesson} other {A live visit}} on {date}',
    backHome: 'Back to Home',
    loadingText: 'the text',
  },
  es: {
    shared: 'Compartido contigo',
    sharedLead:
      'Tus colegas eligieron compartir esto contigo, y pueden dejar de compartirlo cuando quieran. Nada se abre hasta que eliges “Leer”; cuando lo haces, quien lo compartió puede ver que lo leíste.',
    loadingShared: 'lo que compartieron contigo',
    nothingShared: 'Por ahora nadie ha compartido nada contigo.',
    sharedKind:
      '{kind, select, note {Nota} goal {Meta} profile {Perfil para conocernos} meeting {Sesión} agreement {Acuerdo de coaching} celebration {Celebración} strength {Fortaleza o prioridad} observation_plan {Plan de observación} observation {Registro de observación} reflection {Reflexión} message {Mensaje} concern {Preocupación} other {Algo compartido}}',
    sharedFrom:
      'de {from} · {kind, select, note {escrita} goal {fijada} profile {empezado} meeting {planeada} agreement {acordado} celebration {registrada} strength {añadida} observation_plan {preparado} observation {registrado} reflection {escrita} message {enviado} concern {registrada} other {añadido}} el {when}',
    availableUntil: 'disponible hasta el {when}',
    read: 'Leer',
    hide: 'Ocultar',
    seeGraphics: 'Ver los gráficos de esta observación',
    observationLoading: 'la observación',
    observationLead: '{from} compartió contigo esta observación. Los gráficos muestran lo que se registró durante la visita; describen, no califican.',
    observationNotShared: 'Esta observación no está compartida contigo (o se retiró el permiso).',
    observationWhen: '{mode, select, recorded {Una clase grabada} other {Una visita en vivo}} del {date}',
    backHome: 'Volver al inicio',
    loadingText: 'el texto',
  },
});
