/**
 * What the invitations to the meeting's future meetings say, in the language of each participant.
 * The agreed rules go with every invitation, so nobody has to look up what happens when a meeting
 * is cancelled or they cannot come.
 */
import { catalog } from '../../../shared/src/i18n';

export const scheduleMail = catalog({
  en: {
    subject: '{change, select, moved {Moved: {title}, {when}} cancelled {Cancelled: {title}, {when}} other {Invitation: {title}, {when}}}',
    text: 'Hello {name},\n\n{change, select, moved {{inviter} moved this meeting to {when} ({minutes} minutes){place}.} cancelled {{inviter} cancelled the meeting on {when}.} other {{inviter} scheduled a meeting of our coaching partnership: {when} ({minutes} minutes){place}.}}\n\nWhat we agreed when a meeting is cancelled: {cancellationRule}\nWhat we agreed when someone cannot come: {absenceRule}\n\n{change, select, cancelled {Your calendar app can remove it with the attached update.} other {The invitation is attached: your calendar app can add it.}} The schedule is also in Tandem: {link}',
    place: ', {place}',
    notAgreed: 'not written down yet.',
    calendarName: 'Our partnership meetings',
  },
  es: {
    subject: '{change, select, moved {Cambio de fecha: {title}, {when}} cancelled {Cancelada: {title}, {when}} other {Invitación: {title}, {when}}}',
    text: 'Hola, {name}:\n\n{change, select, moved {{inviter} movió esta reunión al {when} ({minutes} minutos){place}.} cancelled {{inviter} canceló la reunión del {when}.} other {{inviter} programó una reunión de nuestra colaboración de coaching: {when} ({minutes} minutos){place}.}}\n\nLo que acordamos si se cancela una reunión: {cancellationRule}\nLo que acordamos si alguien no puede venir: {absenceRule}\n\n{change, select, cancelled {Tu aplicación de calendario puede quitarla con la actualización adjunta.} other {La invitación va adjunta: tu aplicación de calendario puede añadirla.}} El calendario también está en Tandem: {link}',
    place: ', {place}',
    notAgreed: 'todavía no está por escrito.',
    calendarName: 'Nuestras reuniones de colaboración',
  },
});
