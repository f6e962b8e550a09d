/**
 * What the calendar feed and the reminders say, in the language of the person
 * they are for. Neutral on purpose: a title names the kind of meeting or date,
 * never an agenda, a goal or a step (a lock screen or a shared calendar shows them).
 */
import { catalog } from '../../../shared/src/i18n';

export const calendarMessages = catalog({
  en: {
    feedName: 'Tandem coaching',
    meeting: '{kind, select, coaching_meeting {Coaching meeting} observation {Classroom observation} support_visit {Support visit} mentor_checkin {Mentor check-in} other {Supervisor check-in}}',
    agreementReview: 'Coaching agreement review',
    stepDue: 'A step in your coaching plan is due',
    adminMeeting: 'Partnership meeting of coaches and administrators',
    /** A reminder in the app and in e-mail: {weekday} and {date} come from Intl in the language and the organization's zone. */
    reminderAt: '{title} on {weekday} {date} at {time}',
    reminderOn: '{title} on {weekday} {date}',
    mailSubject: 'Reminder: {reminder}',
    mailText: 'Hello {name},\n\nA reminder from Tandem: {reminder}.\n\nThe details are in Tandem. You can turn off e-mail reminders under Settings.',
  },
  es: {
    feedName: 'Coaching en Tandem',
    meeting: '{kind, select, coaching_meeting {Sesión de coaching} observation {Observación en el aula} support_visit {Visita de apoyo} mentor_checkin {Encuentro con coach mentor/a} other {Encuentro con supervisión}}',
    agreementReview: 'Revisión del acuerdo de coaching',
    stepDue: 'Vence un paso de tu plan de coaching',
    adminMeeting: 'Reunión de colaboración entre coaches y equipo directivo',
    reminderAt: '{title} el {weekday} {date} a las {time}',
    reminderOn: '{title} el {weekday} {date}',
    mailSubject: 'Recordatorio: {reminder}',
    mailText: 'Hola, {name}:\n\nUn recordatorio de Tandem: {reminder}.\n\nLos detalles están en Tandem. Si no quieres recibir recordatorios por correo, puedes desactivarlos en Configuración.',
  },
});
