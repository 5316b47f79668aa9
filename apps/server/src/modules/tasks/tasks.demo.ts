import { eq } from 'drizzle-orm'
import { addDays, bogotaDate } from '../../platform/calendar/index.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'
import { addLabel, createBoard } from './boards.service.ts'
import { createTemplate, materializeRecurringTasks } from './recurring.service.ts'
import { addComment } from './task-details.service.ts'
import { createTaskFromRequest, moveTask } from './tasks.service.ts'

/** The housing demo org's maintenance board; other org kinds start with no board. */
export async function seedTasksDemo(ctx: ServiceContext) {
  const [org] = await ctx.db.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, ctx.orgId))
  if (org?.kind !== 'housing') return
  const me = ctx.actor.userId ? [ctx.actor.userId] : []
  const today = bogotaDate(ctx.now)
  const detail = await createBoard(ctx, {
    name: 'Mantenimiento',
    description: 'Arreglos y rutinas de las zonas comunes del conjunto.',
    columns: [
      { name: 'Por hacer', category: 'todo' },
      { name: 'En curso', category: 'in_progress', wipLimit: 3, wipMode: 'soft' },
      { name: 'Hecho', category: 'done' },
    ],
  })
  const boardId = detail.board.id
  const [todo, doing, done] = detail.columns
  if (!todo || !doing || !done) throw new Error('demo board without its three columns')
  const label = async (name: string, color: string) => (await addLabel(ctx, boardId, { name, color })).id
  const plomeria = await label('Plomería', '#1c7ed6')
  const electrico = await label('Eléctrico', '#f59f00')
  const zonas = await label('Zonas comunes', '#37b24d')
  const urgente = await label('Urgente', '#e03131')

  const card = async (
    title: string,
    options: {
      description?: string
      labels: string[]
      dueIn?: number
      checklist?: string[]
      to?: 'doing' | 'done'
    },
  ) => {
    const task = await createTaskFromRequest(ctx, boardId, {
      title,
      description: options.description ?? '',
      labelIds: options.labels,
      assigneeIds: me,
      dueOn: options.dueIn === undefined ? null : addDays(today, options.dueIn),
      checklist: options.checklist ?? [],
    })
    if (options.to) await moveTask(ctx, task.id, { columnId: options.to === 'doing' ? doing.id : done.id })
    return task
  }
  await card('Cambiar bombillos del parqueadero sótano', {
    description: 'Seis bombillos fundidos en la zona de visitantes. Usar LED de 18 W.',
    labels: [electrico, urgente],
    dueIn: 1,
  })
  const leak = await card('Revisar fuga en la bomba de agua de la torre 2', {
    description: 'El portero reporta goteo constante en el cuarto de bombas.',
    labels: [plomeria, urgente],
    dueIn: 2,
    to: 'doing',
  })
  await card('Poda de jardines y zonas verdes', { labels: [zonas], dueIn: 6 })
  await card('Mantenimiento preventivo del ascensor torre 1', {
    description: 'Visita trimestral del contratista. Coordinar con portería el acceso.',
    labels: [electrico],
    dueIn: 10,
    checklist: [
      'Confirmar fecha con el contratista',
      'Avisar a los residentes en la cartelera',
      'Firmar el acta de visita',
    ],
    to: 'doing',
  })
  await card('Pintar la fachada del salón comunal', {
    description: 'Pendiente de aprobar la cotización en el consejo.',
    labels: [zonas],
    dueIn: 30,
  })
  await card('Lavar tanques de agua potable', {
    labels: [plomeria],
    dueIn: -3,
    checklist: ['Cortar el suministro con aviso previo', 'Lavado y desinfección', 'Muestra para laboratorio'],
    to: 'done',
  })
  await card('Reparar la cerradura de la puerta peatonal', { labels: [urgente], dueIn: -1, to: 'done' })
  await card('Recarga de extintores', { labels: [zonas], dueIn: 20 })
  await addComment(ctx, leak.id, { body: 'El plomero viene el jueves en la mañana.' })

  await createTemplate(ctx, boardId, {
    title: 'Lectura de medidores',
    description: 'Leer los medidores de agua y energía de las zonas comunes y registrar los consumos.',
    labelIds: [zonas],
    assigneeIds: me,
    rule: { frequency: 'monthly', interval: 1, monthDay: 1 },
    startsOn: `${today.slice(0, 8)}01`,
  })
  await materializeRecurringTasks(ctx)
}
