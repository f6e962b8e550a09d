/** Words of the language picker. */
import { catalog } from '../../../../shared/src/i18n';

export const m = catalog({
  en: {
    label: 'Language',
    hint: 'Tandem speaks to you in this language, on every device.',
    hintSignedOut: 'Until you sign in, this browser remembers your choice.',
    organizationDefault: 'The same as my organization',
    saved: 'Saved. Tandem now speaks {language} to you.',
  },
  es: {
    label: 'Idioma',
    hint: 'Tandem te habla en este idioma, en todos tus dispositivos.',
    hintSignedOut: 'Hasta que entres, este navegador recuerda lo que elijas.',
    organizationDefault: 'El mismo que mi organización',
    saved: 'Guardado. Tandem ahora te habla en {language}.',
  },
});
