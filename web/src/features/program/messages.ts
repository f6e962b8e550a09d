/** Words of Home's staff and program views (supervisors and program leaders), in every language Tandem speaks. */
import { catalog } from '../../../../shared/src/i18n';

export const m = catalog({
  en: {
    staff: 'Your staff’s partnerships',
    staffBody:
      'You can see that these partnerships exist and the logistics they agreed, such as when they meet and the cover they need. You cannot see what is said or written in coaching unless the coachee shares it with you.',
    program: 'Running the program',
    partnershipCount:
      '{more, select, yes {More than {count, plural, one {# partnership} other {# partnerships}}} other {{count, plural, one {# partnership} other {# partnerships}}}} in your organization.',
    tile_people: 'People',
    tile_sites: 'Sites and teams',
    tile_practices: 'Practices',
    tile_templates: 'Agreement templates',
    tile_organization: 'Organization settings',
    allLogistics: 'All partnerships (logistics only)',
    noneToShow: 'None to show.',
    logisticsCaption: 'Partnerships and their agreed logistics',
    col_partnership: 'Partnership',
    col_status: 'Status',
    col_meets: 'Meets',
    col_coverage: 'Coverage needed',
    col_review: 'Review',
  },
  es: {
    staff: 'Los acompañamientos de tu equipo',
    staffBody:
      'Puedes ver que estos acompañamientos existen y la logística que acordaron, como cuándo se reúnen y qué cobertura necesitan. No puedes ver lo que se dice o se escribe en el coaching, salvo que la persona acompañada te lo comparta.',
    program: 'La marcha del programa',
    partnershipCount:
      '{more, select, yes {Más de {count, plural, one {# acompañamiento} other {# acompañamientos}}} other {{count, plural, one {# acompañamiento} other {# acompañamientos}}}} en tu organización.',
    tile_people: 'Personas',
    tile_sites: 'Centros y equipos',
    tile_practices: 'Prácticas',
    tile_templates: 'Plantillas de acuerdo',
    tile_organization: 'Configuración de la organización',
    allLogistics: 'Todos los acompañamientos (solo la logística)',
    noneToShow: 'No hay nada que mostrar.',
    logisticsCaption: 'Acompañamientos y la logística que acordaron',
    col_partnership: 'Acompañamiento',
    col_status: 'Estado',
    col_meets: 'Se reúnen',
    col_coverage: 'Cobertura necesaria',
    col_review: 'Revisión',
  },
});
