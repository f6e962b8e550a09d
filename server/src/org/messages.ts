/** The invitation e-mail, in the invitee's language (before they choose one: their organization's default). */
import { catalog } from '../../../shared/src/i18n';

export const invitationMessages = catalog({
  en: {
    subject: '{inviter} invited you to Tandem',
    text: 'Hello {name},\n\n{inviter} invited you to join your organization\'s coaching program on Tandem. Open this link within {days, plural, one {# day} other {# days}} to set up your account:\n{url}\n',
  },
  es: {
    subject: '{inviter} te invitó a Tandem',
    text: 'Hola, {name}:\n\n{inviter} te invitó a sumarte al programa de coaching de tu organización en Tandem. Abre este enlace {days, plural, one {en el próximo día} other {en los próximos # días}} para crear tu cuenta:\n{url}\n',
  },
});

/** Why one row of a staff file cannot be imported, said to the program leader in their language. */
export const rosterMessages = catalog({
  en: {
    nameEmpty: 'The name is empty.',
    nameTooLong: 'The name is longer than 120 characters.',
    notEmail: '“{email}” is not an e-mail address.',
    emailTwice: 'This e-mail appears twice in the file.',
    noRole: 'Give at least one role ({roles}).',
    unknownRole: 'Unknown role “{role}”. Use: {roles}.',
    supervisorMissing: 'Supervisor {email} is neither in the file nor in the organization.',
    notSupervisor: '{email} does not have the supervisor role.',
    selfSupervision: 'A person cannot supervise themself.',
  },
  es: {
    nameEmpty: 'Falta el nombre.',
    nameTooLong: 'El nombre tiene más de 120 caracteres.',
    notEmail: '“{email}” no es una dirección de correo electrónico.',
    emailTwice: 'Este correo electrónico aparece dos veces en el archivo.',
    noRole: 'Indica al menos un rol ({roles}).',
    unknownRole: 'No conocemos el rol “{role}”. Usa: {roles}.',
    supervisorMissing: 'La persona supervisora {email} no está en el archivo ni en la organización.',
    notSupervisor: '{email} no tiene el rol de supervisor/a.',
    selfSupervision: 'Una persona no puede supervisarse a sí misma.',
  },
});
