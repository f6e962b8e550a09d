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
