/** Words of the observation graphics — titles, one-sentence descriptions, keys and data tables — in every language Tandem speaks. */
import { catalog } from '../../../../../shared/src/i18n';

export const m = catalog({
  en: {
    teacher: 'Teacher',
    noCategory: 'No category',
    key: 'Key',
    minutesAxis: 'Minutes into the visit',
    openFloor: 'Open floor',
    missed: 'missed',
    still: 'still going',

    element_seat: 'Seat',
    element_desk: 'Desk',
    element_table: 'Table',
    element_centre: 'Centre',
    element_rug: 'Rug',
    element_door: 'Door',
    element_board: 'Board',
    element_teacher_desk: 'Teacher’s desk',
    element_window: 'Window',
    element_shelf: 'Shelf',
    element_zone: 'Area',

    colTime: 'Time',
    colSpeaker: 'Speaker',
    colCategory: 'Category',
    colWords: 'What was said',
    colSeat: 'Seat',
    colTotal: 'Total',
    colFrom: 'From',
    colTo: 'To',
    colKind: 'Kind',
    colCount: 'How many',
    colBehaviour: 'Behaviour',
    colPer10: 'Per 10 minutes',
    colActivity: 'Activity',
    colStretches: 'Stretches',
    colShare: 'Share of the visit',
    colWho: 'Who',
    colStop: 'Stop',
    colPlace: 'Place',
    colNote: 'Note',
    colInterval: 'Interval',
    colRecorded: 'What was recorded',

    verbatimTitle: 'What was said, by speaker, over the visit',
    verbatimDesc:
      '{lines, plural, =0 {No lines were written down} one {One line was written down} other {# lines were written down}} from {speakers, plural, one {one speaker} other {# speakers}} over {duration}.',
    verbatimCaption: 'Every line, in the order it was said',

    flowTitle: 'Who spoke to whom, on the seating chart',
    flowDesc: '{spoke} of {seats, plural, one {# seat} other {# seats}} took part, with {total, plural, =0 {no exchanges} one {one exchange} other {# exchanges}} in all.',
    flowSeatsCaption: 'Exchanges at each seat, by kind',
    flowArrowsCaption: 'Who spoke to whom, and how often',

    countTitle: 'How often each behaviour happened',
    countDesc:
      '{total, plural, =0 {Nothing was counted} one {One tap} other {# taps}} across {categories, plural, one {one behaviour} other {# behaviours}} over {duration}{top, select, none {} other {; the most often was {top} ({topTotal})}}.',
    countBars: 'Totals',
    countLine: 'Adding up over the visit',
    countAxis: 'Running total',
    countCaption: 'Totals for each behaviour',

    durationTitle: 'Time spent in each activity',
    durationDesc:
      '{activities, plural, =0 {No activity was timed} one {One activity was timed} other {# activities were timed}} over {duration}{top, select, none {} other {; the longest was {top} ({topTotal}, {topShare})}}.',
    durationBar: '{total} · {share}',
    durationCaption: 'Time in each activity',

    mapTitle: 'Where people moved in the room',
    mapDesc:
      '{points, plural, =0 {No places were marked} one {One place was marked} other {# places were marked}} along {paths, plural, one {one path} other {# paths}}, with {notes, plural, =0 {no notes} one {one note} other {# notes}}.',
    mapPathCaption: 'The path, stop by stop',
    mapDwellCaption: 'Time spent near each place',
    mapNotesCaption: 'Notes pinned to places',
    noteMark: 'N{n}',

    sampleTitle: 'What each interval held',
    sampleDesc:
      '{intervals, plural, =0 {No intervals} one {One interval} other {# intervals}} of {minutes, plural, one {one minute} other {# minutes}}: {recorded} recorded, {missed} missed.',
    sampleShare: '{count} of {total}',
    sampleCaption: 'Each interval and what was recorded in it',
    nothingRecorded: 'Nothing recorded',
  },
  es: {
    teacher: 'Docente',
    noCategory: 'Sin categoría',
    key: 'Leyenda',
    minutesAxis: 'Minutos desde el inicio de la visita',
    openFloor: 'Espacio libre',
    missed: 'sin registro',
    still: 'sigue en curso',

    element_seat: 'Asiento',
    element_desk: 'Pupitre',
    element_table: 'Mesa',
    element_centre: 'Rincón',
    element_rug: 'Alfombra',
    element_door: 'Puerta',
    element_board: 'Pizarra',
    element_teacher_desk: 'Escritorio docente',
    element_window: 'Ventana',
    element_shelf: 'Estante',
    element_zone: 'Zona',

    colTime: 'Hora',
    colSpeaker: 'Quién habla',
    colCategory: 'Categoría',
    colWords: 'Lo que se dijo',
    colSeat: 'Asiento',
    colTotal: 'Total',
    colFrom: 'De',
    colTo: 'A',
    colKind: 'Tipo',
    colCount: 'Cuántas veces',
    colBehaviour: 'Conducta',
    colPer10: 'Cada 10 minutos',
    colActivity: 'Actividad',
    colStretches: 'Tramos',
    colShare: 'Parte de la visita',
    colWho: 'Quién',
    colStop: 'Parada',
    colPlace: 'Lugar',
    colNote: 'Nota',
    colInterval: 'Intervalo',
    colRecorded: 'Lo que se registró',

    verbatimTitle: 'Lo que se dijo, por persona, a lo largo de la visita',
    verbatimDesc:
      '{lines, plural, =0 {No se anotó ninguna frase} one {Se anotó una frase} other {Se anotaron # frases}} de {speakers, plural, one {una persona} other {# personas}} en {duration}.',
    verbatimCaption: 'Todas las frases, en el orden en que se dijeron',

    flowTitle: 'Quién habló con quién, en el plano de asientos',
    flowDesc: 'Participaron {spoke} de {seats, plural, one {# asiento} other {# asientos}}, con {total, plural, =0 {ningún intercambio} one {un intercambio} other {# intercambios}} en total.',
    flowSeatsCaption: 'Intercambios en cada asiento, por tipo',
    flowArrowsCaption: 'Quién habló con quién, y cuántas veces',

    countTitle: 'Cuántas veces ocurrió cada conducta',
    countDesc:
      '{total, plural, =0 {No se contó nada} one {Un toque} other {# toques}} en {categories, plural, one {una conducta} other {# conductas}} durante {duration}{top, select, none {} other {; la más frecuente fue {top} ({topTotal})}}.',
    countBars: 'Totales',
    countLine: 'Cómo se fue sumando durante la visita',
    countAxis: 'Total acumulado',
    countCaption: 'Totales de cada conducta',

    durationTitle: 'Tiempo dedicado a cada actividad',
    durationDesc:
      '{activities, plural, =0 {No se cronometró ninguna actividad} one {Se cronometró una actividad} other {Se cronometraron # actividades}} durante {duration}{top, select, none {} other {; la más larga fue {top} ({topTotal}, {topShare})}}.',
    durationBar: '{total} · {share}',
    durationCaption: 'Tiempo en cada actividad',

    mapTitle: 'Por dónde se movió cada persona en el aula',
    mapDesc:
      '{points, plural, =0 {No se marcó ningún lugar} one {Se marcó un lugar} other {Se marcaron # lugares}} en {paths, plural, one {un recorrido} other {# recorridos}}, con {notes, plural, =0 {ninguna nota} one {una nota} other {# notas}}.',
    mapPathCaption: 'El recorrido, parada por parada',
    mapDwellCaption: 'Tiempo junto a cada lugar',
    mapNotesCaption: 'Notas puestas en el plano',
    noteMark: 'N{n}',

    sampleTitle: 'Lo que hubo en cada intervalo',
    sampleDesc:
      '{intervals, plural, =0 {Ningún intervalo} one {Un intervalo} other {# intervalos}} de {minutes, plural, one {un minuto} other {# minutos}}: {recorded} con registro, {missed} sin registro.',
    sampleShare: '{count} de {total}',
    sampleCaption: 'Cada intervalo y lo que se registró en él',
    nothingRecorded: 'Nada registrado',
  },
});
