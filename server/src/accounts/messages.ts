/** The password-reset e-mail, in the language of the account's person (their choice, else their organization's). */
import { catalog } from '../../../shared/src/i18n';

export const resetMail = catalog({
  en: {
    subject: 'Reset your Tandem password',
    text: 'Someone asked to reset the password of this Tandem account. If it was you, open this link within {minutes, plural, one {# minute} other {# minutes}}:\n{url}\nIf it was not you, ignore this message; nothing changes.',
  },
  es: {
    subject: 'Restablece tu contraseña de Tandem',
    text: 'Alguien pidió restablecer la contraseña de esta cuenta de Tandem. Si fuiste tú, abre este enlace {minutes, plural, one {en el próximo minuto} other {en los próximos # minutos}}:\n{url}\nSi no fuiste tú, ignora este mensaje; no cambia nada.',
  },
});
