/** Words of a person's own settings (language, calendar address, reminders), in every language Tandem speaks. */
import { catalog } from '../../../../shared/src/i18n';

export const m = catalog({
  en: {
    title: 'Settings',
    lead: 'Keep your coaching sessions in the calendar you already use, and choose how Tandem reminds you of what is coming up.',
    language: 'Language',

    calendarTitle: 'Your sessions in your own calendar',
    calendarLead:
      'Tandem can give you a private web address (an iCalendar feed) to add to Google Calendar, Outlook or Apple Calendar. Your calendar then shows your coaching sessions and visits, and keeps up with any changes.',
    keepPrivate: 'Keep the address to yourself',
    keepPrivateBody:
      'Anyone with the address can see the times of your sessions — never what they are about. If it ever reaches the wrong person, make a new one: making a new address stops the old one.',
    stopped: 'Your calendar address is stopped. Calendars that used it will no longer show your Tandem sessions.',
    loadingCalendar: 'your calendar address',
    newAddress: 'Your new calendar address',
    onlyTime: 'This is the only time Tandem shows it.',
    copyNow: 'Copy it now and add it to your calendar app as a calendar “from the web” or “by URL”.',
    addressLabel: 'Calendar address',
    copyAddress: 'Copy the address',
    copiedAddress: 'Copied. Paste it into your calendar app.',
    madeOn:
      '{fresh, select, yes {Made on {when}.} other {You have a calendar address. It was made on {when}. For your privacy Tandem does not show it again; if you need it on another device, make a new one.}}',
    makeNew: 'Make a new address',
    stopAsk: 'Stop the address…',
    stopQuestion: 'Stop the address? Calendars that use it will stop showing your Tandem sessions. You can make a new one at any time.',
    stopYes: 'Yes, stop it',
    keepIt: 'Keep it',
    noAddress: 'You have no calendar address at the moment.',
    makeMine: 'Make my calendar address',

    remindersTitle: 'Reminders',
    remindersLead:
      'Reminders about sessions coming up, agreement reviews and plan steps that are due appear on your Home page, where you can dismiss them. They say what is coming up and when, never what is said in coaching.',
    loadingReminders: 'your reminder settings',
    alsoEmail: 'Also e-mail me reminders',
    alsoEmailHint: 'Sent to the address you sign in with.',
    savedEmail: 'Saved. Reminders will also come by e-mail.',
    savedInApp: 'Saved. Reminders will appear in Tandem only.',
  },
  es: {
    title: 'Configuración',
    lead: 'Ten tus sesiones de coaching en el calendario que ya usas y elige cómo te recuerda Tandem lo que se acerca.',
    language: 'Idioma',

    calendarTitle: 'Tus sesiones en tu propio calendario',
    calendarLead:
      'Tandem puede darte una dirección web privada (un feed iCalendar) para añadirla a Google Calendar, Outlook o el Calendario de Apple. Así tu calendario muestra tus sesiones y visitas de coaching, y se pone al día con cada cambio.',
    keepPrivate: 'Guarda la dirección solo para ti',
    keepPrivateBody:
      'Quien tenga la dirección puede ver cuándo son tus sesiones — nunca de qué tratan. Si alguna vez llega a quien no debe, crea una nueva: al crear una dirección nueva, la anterior deja de funcionar.',
    stopped: 'Tu dirección de calendario está desactivada. Los calendarios que la usaban ya no mostrarán tus sesiones de Tandem.',
    loadingCalendar: 'tu dirección de calendario',
    newAddress: 'Tu nueva dirección de calendario',
    onlyTime: 'Es la única vez que Tandem te la muestra.',
    copyNow: 'Cópiala ahora y añádela en tu aplicación de calendario como calendario “desde la web” o “por URL”.',
    addressLabel: 'Dirección del calendario',
    copyAddress: 'Copiar la dirección',
    copiedAddress: 'Copiada. Pégala en tu aplicación de calendario.',
    madeOn:
      '{fresh, select, yes {Creada el {when}.} other {Tienes una dirección de calendario. Se creó el {when}. Por tu privacidad, Tandem no vuelve a mostrarla; si la necesitas en otro dispositivo, crea una nueva.}}',
    makeNew: 'Crear una dirección nueva',
    stopAsk: 'Desactivar la dirección…',
    stopQuestion: '¿Desactivar la dirección? Los calendarios que la usan dejarán de mostrar tus sesiones de Tandem. Puedes crear una nueva cuando quieras.',
    stopYes: 'Sí, desactivarla',
    keepIt: 'Mantenerla',
    noAddress: 'Por ahora no tienes ninguna dirección de calendario.',
    makeMine: 'Crear mi dirección de calendario',

    remindersTitle: 'Recordatorios',
    remindersLead:
      'Los recordatorios de sesiones próximas, revisiones del acuerdo y pasos del plan que vencen aparecen en tu página de Inicio, donde puedes descartarlos. Dicen qué se acerca y cuándo, nunca lo que se habla en el coaching.',
    loadingReminders: 'tu configuración de recordatorios',
    alsoEmail: 'Enviarme también los recordatorios por correo',
    alsoEmailHint: 'Llegan al correo con el que inicias sesión.',
    savedEmail: 'Guardado. Los recordatorios también te llegarán por correo.',
    savedInApp: 'Guardado. Los recordatorios aparecerán solo en Tandem.',
  },
});
