import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

/** A calendar date `YYYY-MM-DD`, read in America/Bogota. */
const isoDate = z.iso.date()
const name = z.string().trim().min(1).max(120)
const description = z.string().trim().max(10_000)
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour like #1c7ed6')

export const COLUMN_CATEGORIES = ['todo', 'in_progress', 'done'] as const
export const ColumnCategory = z.enum(COLUMN_CATEGORIES)
export type ColumnCategory = z.infer<typeof ColumnCategory>
export const WipMode = z.enum(['soft', 'hard'])
export type WipMode = z.infer<typeof WipMode>

// ---------- DTOs ----------

export const TaskBoard = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    /** What the board belongs to, when another module attached it (a project, a meeting…). */
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'TaskBoard' })
export type TaskBoard = z.infer<typeof TaskBoard>

export const TaskColumn = z
  .object({
    id: z.uuid(),
    boardId: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    category: ColumnCategory,
    wipLimit: z.number().int().nullable(),
    wipMode: WipMode,
  })
  .meta({ id: 'TaskColumn' })
export type TaskColumn = z.infer<typeof TaskColumn>

export const TaskLabel = z
  .object({ id: z.uuid(), boardId: z.uuid(), name: z.string(), color: z.string() })
  .meta({ id: 'TaskLabel' })
export type TaskLabel = z.infer<typeof TaskLabel>

export const ChecklistItem = z.object({ id: z.uuid(), text: z.string(), done: z.boolean() })
export type ChecklistItem = z.infer<typeof ChecklistItem>

/** A link only: the platform has no file storage yet. */
export const TaskAttachment = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  addedBy: z.uuid().nullable(),
  createdAt: z.string(),
})
export type TaskAttachment = z.infer<typeof TaskAttachment>

export const Task = z
  .object({
    id: z.uuid(),
    boardId: z.uuid(),
    columnId: z.uuid(),
    parentTaskId: z.uuid().nullable(),
    title: z.string(),
    description: z.string(),
    /** Fractional-indexing key: cards sort by it (plain string order) within a column. */
    orderKey: z.string(),
    dueOn: isoDate.nullable(),
    completedAt: z.string().nullable(),
    assigneeIds: z.array(z.uuid()),
    labelIds: z.array(z.uuid()),
    checklist: z.array(ChecklistItem),
    attachments: z.array(TaskAttachment),
    commentCount: z.number().int(),
    templateId: z.uuid().nullable(),
    occurrenceOn: isoDate.nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Task' })
export type Task = z.infer<typeof Task>

/** A column's WIP limit exceeded in `soft` mode: the change was saved, the client should warn. */
export const WipWarning = z.object({
  code: z.literal('wip_limit_exceeded'),
  columnId: z.uuid(),
  limit: z.number().int(),
  count: z.number().int(),
})
export type WipWarning = z.infer<typeof WipWarning>

export const TaskWithWarnings = Task.extend({ warnings: z.array(WipWarning) }).meta({
  id: 'TaskWithWarnings',
})
export type TaskWithWarnings = z.infer<typeof TaskWithWarnings>

export const TaskBoardDetail = z
  .object({
    board: TaskBoard,
    columns: z.array(TaskColumn),
    labels: z.array(TaskLabel),
    /** Every card of the board, sorted by column position then order key. */
    tasks: z.array(Task),
  })
  .meta({ id: 'TaskBoardDetail' })
export type TaskBoardDetail = z.infer<typeof TaskBoardDetail>

export const TaskComment = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    authorId: z.uuid().nullable(),
    body: z.string(),
    mentionedUserIds: z.array(z.uuid()),
    createdAt: z.string(),
  })
  .meta({ id: 'TaskComment' })
export type TaskComment = z.infer<typeof TaskComment>

export const TaskActivity = z
  .object({
    id: z.uuid(),
    /** created, updated, moved, assigned, commented, completed, reopened, deleted, checklist… */
    action: z.string(),
    actorId: z.uuid().nullable(),
    occurredAt: z.string(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
  })
  .meta({ id: 'TaskActivity' })
export type TaskActivity = z.infer<typeof TaskActivity>

export const RECURRENCE_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const
export const RecurrenceRule = z
  .strictObject({
    frequency: z.enum(RECURRENCE_FREQUENCIES),
    interval: z.number().int().min(1).max(365).default(1),
    /** 0 = Sunday … 6 = Saturday; required for weekly. */
    weekday: z.number().int().min(0).max(6).optional(),
    /** 1–31 (a month without that day uses its last day); required for monthly. */
    monthDay: z.number().int().min(1).max(31).optional(),
  })
  .superRefine((rule, issue) => {
    if (rule.frequency === 'weekly' && rule.weekday === undefined)
      issue.addIssue({ code: 'custom', path: ['weekday'], message: 'A weekly rule needs a weekday' })
    if (rule.frequency === 'monthly' && rule.monthDay === undefined)
      issue.addIssue({
        code: 'custom',
        path: ['monthDay'],
        message: 'A monthly rule needs a day of the month',
      })
  })
export type RecurrenceRule = z.infer<typeof RecurrenceRule>

export const TaskTemplate = z
  .object({
    id: z.uuid(),
    boardId: z.uuid(),
    columnId: z.uuid(),
    title: z.string(),
    description: z.string(),
    labelIds: z.array(z.uuid()),
    assigneeIds: z.array(z.uuid()),
    /** true: each occurrence goes to the next assignee in turn (a rota); false: to all of them. */
    rotateAssignees: z.boolean(),
    rule: z.object({
      frequency: z.enum(RECURRENCE_FREQUENCIES),
      interval: z.number().int(),
      weekday: z.number().int().nullable(),
      monthDay: z.number().int().nullable(),
    }),
    startsOn: isoDate,
    active: z.boolean(),
    lastOccurrenceOn: isoDate.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'TaskTemplate' })
export type TaskTemplate = z.infer<typeof TaskTemplate>

// ---------- inputs ----------

export const CreateTaskColumn = z.strictObject({
  name,
  category: ColumnCategory.default('todo'),
  wipLimit: z.number().int().min(1).max(999).nullable().default(null),
  wipMode: WipMode.default('soft'),
})
export type CreateTaskColumn = z.input<typeof CreateTaskColumn>

export const UpdateTaskColumn = z.strictObject({
  name: name.optional(),
  category: ColumnCategory.optional(),
  wipLimit: z.number().int().min(1).max(999).nullable().optional(),
  wipMode: WipMode.optional(),
  /** New 0-based position among the board's columns. */
  position: z.number().int().min(0).max(99).optional(),
})
export type UpdateTaskColumn = z.infer<typeof UpdateTaskColumn>

const entityType = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,62}$/, 'Use a lowercase entity type like assembly or project')

export const CreateTaskBoard = z
  .strictObject({
    name,
    description: description.default(''),
    entityType: entityType.optional(),
    entityId: z.string().min(1).max(100).optional(),
    /** Omit for the default Por hacer / En curso / Hecho. */
    columns: z.array(CreateTaskColumn).min(1).max(20).optional(),
  })
  .refine((b) => (b.entityType === undefined) === (b.entityId === undefined), {
    path: ['entityId'],
    message: 'Send entityType and entityId together',
  })
export type CreateTaskBoard = z.input<typeof CreateTaskBoard>

export const UpdateTaskBoard = z.strictObject({ name: name.optional(), description: description.optional() })
export type UpdateTaskBoard = z.infer<typeof UpdateTaskBoard>

export const TaskBoardQuery = PageQuery.extend({
  entityType: entityType.optional(),
  entityId: z.string().min(1).max(100).optional(),
})
export const TaskBoardPage = pageOf(TaskBoard)

export const CreateTaskLabel = z.strictObject({ name: z.string().trim().min(1).max(40), color })
export type CreateTaskLabel = z.infer<typeof CreateTaskLabel>
export const UpdateTaskLabel = z.strictObject({
  name: z.string().trim().min(1).max(40).optional(),
  color: color.optional(),
})

const title = z.string().trim().min(1).max(200)
const memberIds = z.array(z.uuid()).max(20)

export const CreateTask = z.strictObject({
  title,
  description: description.default(''),
  /** Defaults to the board's first column. */
  columnId: z.uuid().optional(),
  parentTaskId: z.uuid().optional(),
  dueOn: isoDate.nullable().default(null),
  assigneeIds: memberIds.default([]),
  labelIds: z.array(z.uuid()).max(20).default([]),
  checklist: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
})
export type CreateTask = z.input<typeof CreateTask>

// No defaults: a PATCH never resets a field it does not name.
export const UpdateTask = z.strictObject({
  title: title.optional(),
  description: description.optional(),
  dueOn: isoDate.nullable().optional(),
  assigneeIds: memberIds.optional(),
  labelIds: z.array(z.uuid()).max(20).optional(),
  parentTaskId: z.uuid().nullable().optional(),
})
export type UpdateTask = z.infer<typeof UpdateTask>

/** Where to drop a card: a column, and the card it goes after and/or before (none: at the end). */
export const MoveTask = z.strictObject({
  columnId: z.uuid(),
  afterTaskId: z.uuid().optional(),
  beforeTaskId: z.uuid().optional(),
})
export type MoveTask = z.infer<typeof MoveTask>

export const CreateChecklistItem = z.strictObject({ text: z.string().trim().min(1).max(300) })
export const UpdateChecklistItem = z.strictObject({
  text: z.string().trim().min(1).max(300).optional(),
  done: z.boolean().optional(),
})
export type UpdateChecklistItem = z.infer<typeof UpdateChecklistItem>

export const CreateTaskComment = z.strictObject({
  /** `@[Name](user-id)` tokens in the body count as mentions too. */
  body: z.string().trim().min(1).max(5000),
  mentionedUserIds: z.array(z.uuid()).max(20).default([]),
})
export type CreateTaskComment = z.input<typeof CreateTaskComment>
export const TaskCommentPage = pageOf(TaskComment)

export const CreateTaskAttachment = z.strictObject({
  name: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000),
})
export type CreateTaskAttachment = z.infer<typeof CreateTaskAttachment>

export const TaskActivityPage = pageOf(TaskActivity)

export const CreateTaskTemplate = z.strictObject({
  title,
  description: description.default(''),
  columnId: z.uuid().optional(),
  labelIds: z.array(z.uuid()).max(20).default([]),
  assigneeIds: memberIds.default([]),
  rotateAssignees: z.boolean().default(false),
  rule: RecurrenceRule,
  startsOn: isoDate,
})
export type CreateTaskTemplate = z.input<typeof CreateTaskTemplate>

export const UpdateTaskTemplate = z.strictObject({
  title: title.optional(),
  description: description.optional(),
  assigneeIds: memberIds.optional(),
  rotateAssignees: z.boolean().optional(),
  active: z.boolean().optional(),
})
export type UpdateTaskTemplate = z.infer<typeof UpdateTaskTemplate>

// ---------- params ----------

export const TaskBoardParams = z.object({ boardId: z.uuid() })
export const TaskColumnParams = z.object({ boardId: z.uuid(), columnId: z.uuid() })
export const TaskLabelParams = z.object({ boardId: z.uuid(), labelId: z.uuid() })
export const TaskParams = z.object({ taskId: z.uuid() })
export const ChecklistItemParams = z.object({ taskId: z.uuid(), itemId: z.uuid() })
export const TaskAttachmentParams = z.object({ taskId: z.uuid(), attachmentId: z.uuid() })
export const TaskTemplateParams = z.object({ templateId: z.uuid() })
export const TaskListQuery = PageQuery
