import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { seedTasksDemo } from './tasks.demo.ts'
import { BOARD_CHANGED, TASK_CHANGED } from './tasks.events.ts'
import { dueSoonMailHandler, taskJobs } from './tasks.jobs.ts'
import { registerTaskRoutes } from './tasks.routes.ts'

export { createBoard, getBoardDetail, listBoards } from './boards.service.ts'
export { taskScorecardFacts } from './scorecard-facts.ts'
export { BOARD_CHANGED, TASK_CHANGED, TASK_DUE_SOON, TASK_MENTIONED } from './tasks.events.ts'
export { runDueSoonReminders, runMaterializeRecurring } from './tasks.jobs.ts'
export { createTaskFromRequest as createTask, getTask, moveTask } from './tasks.service.ts'

/**
 * Tasks: Kanban boards any module can attach to its entities (a project, a meeting), with WIP
 * limits, fractional-index ordering, checklists, comments with mentions, recurring cards and
 * due-date reminders.
 */
export const tasksModule: ModuleManifest = {
  key: 'tasks',
  label: { es: 'Tareas', en: 'Tasks' },
  description: {
    es: 'Tableros Kanban: tareas con responsables, fechas, listas de chequeo y tareas recurrentes.',
    en: 'Kanban boards: tasks with assignees, due dates, checklists and recurring tasks.',
  },
  defaultFor: ['housing', 'incubator', 'community', 'savings_credit', 'food_service'],
  permissions: [
    {
      key: 'tasks:read',
      label: { es: 'Ver tareas', en: 'Read tasks' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'tasks:write',
      label: { es: 'Crear, mover y comentar tareas', en: 'Create, move and comment on tasks' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'tasks:manage',
      label: { es: 'Administrar tableros y columnas', en: 'Manage boards and columns' },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerTaskRoutes,
  jobs: taskJobs,
  eventHandlers: [
    dueSoonMailHandler,
    {
      // Open boards refetch what changed, after the commit that changed it.
      name: 'tasks.push-realtime',
      urgent: true,
      on: [TASK_CHANGED, BOARD_CHANGED],
      async handle(_ctx, event, { realtime }) {
        realtime.emitToOrg(event.orgId, event.type, event.payload)
      },
    },
  ],
  seedDemo: seedTasksDemo,
}
