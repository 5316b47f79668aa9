// Textos del feed de actividad: el bloque `activity` de es-co.ts.
export const activityEsCO = {
  title: 'Actividad',
  subtitle: 'Quién hizo qué y cuándo en la organización.',
  section: 'Actividad',
  timelineLabel: 'Línea de tiempo de actividad',
  empty: 'Aún no hay actividad',
  emptyHint: 'Aquí aparecerán los anuncios, las asambleas, las votaciones y las tareas a medida que pasen.',
  loadMore: 'Ver más',
  forbidden: 'No puedes ver la actividad de esta organización.',
  system: 'Minga',
  formerMember: 'Una persona que ya no está en la organización',
  filter: 'Mostrar',
  filterAll: 'Todo',
  entityTypes: {
    announcement: 'Anuncios',
    assembly: 'Asambleas',
    board: 'Tableros',
    motion: 'Votaciones de asamblea',
    poll: 'Encuestas',
    task: 'Tareas',
  },
  // {{actor}} is the person's name; {{title}} the entity's title. `_untitled` when there is none.
  verbs: {
    announcement: {
      published: '{{actor}} publicó el anuncio «{{title}}»',
      published_untitled: '{{actor}} publicó un anuncio',
    },
    assembly: {
      convened: '{{actor}} convocó la asamblea «{{title}}»',
      convened_untitled: '{{actor}} convocó una asamblea',
      started: '{{actor}} instaló la asamblea «{{title}}»',
      started_untitled: '{{actor}} instaló una asamblea',
      closed: '{{actor}} cerró la asamblea «{{title}}»',
      closed_untitled: '{{actor}} cerró una asamblea',
    },
    motion: {
      opened: '{{actor}} abrió la votación «{{title}}»',
      opened_untitled: '{{actor}} abrió una votación',
      closed: '{{actor}} cerró la votación «{{title}}»',
      closed_untitled: '{{actor}} cerró una votación',
      published: '{{actor}} publicó los resultados de «{{title}}»',
      published_untitled: '{{actor}} publicó los resultados de una votación',
    },
    poll: {
      closed: '{{actor}} cerró la encuesta «{{title}}»',
      closed_untitled: '{{actor}} cerró una encuesta',
    },
    task: {
      changed: '{{actor}} actualizó la tarea «{{title}}»',
      changed_untitled: '{{actor}} actualizó una tarea',
    },
    other: '{{actor}} hizo un cambio',
  },
}
