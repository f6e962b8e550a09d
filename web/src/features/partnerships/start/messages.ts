/** Words of "Start a partnership" (the form, and the page for people who do not start partnerships), in every language Tandem speaks. */
import { catalog } from '../../../../../shared/src/i18n';

export const m = catalog({
  en: {
    title: 'Start a partnership',
    notForYou:
      'Partnerships are started by the people who take part in coaching — coaches, mentor coaches and coachees — and by your program leader. You support coaching from outside the partnerships, so there is nothing for you to start here.',
    notForYouNext: 'Would you like coaching yourself, or to coach a colleague? Your program leader can set that up with you.',
    backHome: 'Back to Home',

    lead: 'Coaching works when everyone is there by choice. Everyone you add gets an invitation they can accept or decline.',
    formatLegend: 'Which kind of partnership?',
    originLegend: 'How did it begin?',
    origin: '{origin, select, self_initiated {The coachee asked for coaching} volunteered {Volunteered} other {Assigned by the program}}',
    originHint:
      '{origin, select, self_initiated {The person being coached started this.} volunteered {Someone offered, and everyone joins by choice.} other {Recorded honestly, so the program can see how partnerships begin.}}',
    membersLegend: 'Who is in it?',
    shapeHint: 'This kind needs: {roles}.',
    shapeRole:
      '{exact, select, yes {{max, number}} other {{min, number}–{max, number}}} {role, select, coach {{max, plural, one {coach} other {coaches}}} coachee {{max, plural, one {coachee} other {coachees}}} peer {{max, plural, one {peer coach} other {peer coaches}}} self {{max, plural, one {self-coach} other {self-coaches}}} other {{max, plural, one {mentor coach} other {mentor coaches}}}}',
    nobodyYet: 'Nobody added yet.',
    nameYou: '{name} (you)',
    roleOf: 'Role of {name}',
    remove: 'Remove {name}',
    addColleague: 'Add a colleague',
    addColleagueHint: 'Type part of a name.',
    message: 'A message to the people you invite (optional)',
    dualTitle: 'Supervision and coaching overlap here',
    dualAcknowledge: 'Everyone involved knows about the dual role, and we want to go ahead.',
    dualTick: 'Tick this box to continue.',
    send: 'Send the invitations',
  },
  es: {
    title: 'Empezar un acompañamiento',
    notForYou:
      'Los acompañamientos los empiezan las personas que participan en el coaching — coaches, coaches mentores y personas acompañadas — y la dirección de tu programa. Tú apoyas el coaching desde fuera de los acompañamientos, así que aquí no tienes nada que empezar.',
    notForYouNext: '¿Te gustaría recibir coaching o acompañar a un/a colega? La dirección de tu programa puede organizarlo contigo.',
    backHome: 'Volver al inicio',

    lead: 'El coaching funciona cuando cada persona está ahí porque quiere. Cada persona que añadas recibe una invitación que puede aceptar o no.',
    formatLegend: '¿Qué tipo de acompañamiento?',
    originLegend: '¿Cómo empezó?',
    origin: '{origin, select, self_initiated {La persona acompañada pidió el coaching} volunteered {Por iniciativa voluntaria} other {Lo asignó el programa}}',
    originHint:
      '{origin, select, self_initiated {Lo empezó la persona que recibe el coaching.} volunteered {Alguien se ofreció, y cada persona se suma porque quiere.} other {Lo anotamos tal como fue, para que el programa vea cómo empiezan los acompañamientos.}}',
    membersLegend: '¿Quién participa?',
    shapeHint: 'Este tipo necesita: {roles}.',
    shapeRole:
      '{exact, select, yes {{max, number}} other {{min, number}–{max, number}}} {role, select, coach {{max, plural, one {coach} other {coaches}}} coachee {{max, plural, one {persona acompañada} other {personas acompañadas}}} peer {{max, plural, one {coach entre pares} other {coaches entre pares}}} self {{max, plural, one {persona en autocoaching} other {personas en autocoaching}}} other {{max, plural, one {coach mentor/a} other {coaches mentores/as}}}}',
    nobodyYet: 'Todavía no has añadido a nadie.',
    nameYou: '{name} (tú)',
    roleOf: 'Rol de {name}',
    remove: 'Quitar a {name}',
    addColleague: 'Añadir a un/a colega',
    addColleagueHint: 'Escribe parte de un nombre.',
    message: 'Un mensaje para las personas que invitas (opcional)',
    dualTitle: 'Aquí se cruzan la supervisión y el coaching',
    dualAcknowledge: 'Todas las personas implicadas saben de este doble papel, y queremos seguir adelante.',
    dualTick: 'Marca esta casilla para continuar.',
    send: 'Enviar las invitaciones',
  },
});
