import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../../platform/db/tenant-table.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()

export const taskBoards = pgTable(
  'task_boards',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Optional owner in another module (e.g. `assembly`, `project`): it lists its boards by these. */
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    index('task_boards_org_entity').on(t.orgId, t.entityType, t.entityId),
    orgIsolationPolicy('task_boards', t.orgId),
  ],
).enableRLS()

export const taskColumns = pgTable(
  'task_columns',
  {
    ...tenantColumns(),
    boardId: uuid('board_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    category: text('category', { enum: ['todo', 'in_progress', 'done'] }).notNull(),
    wipLimit: integer('wip_limit'),
    wipMode: text('wip_mode', { enum: ['soft', 'hard'] })
      .notNull()
      .default('soft'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.boardId], foreignColumns: [taskBoards.orgId, taskBoards.id] }).onDelete(
      'cascade',
    ),
    index('task_columns_board').on(t.orgId, t.boardId, t.position),
    orgIsolationPolicy('task_columns', t.orgId),
  ],
).enableRLS()

export const taskLabels = pgTable(
  'task_labels',
  {
    ...tenantColumns(),
    boardId: uuid('board_id').notNull(),
    name: text('name').notNull(),
    color: text('color').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.boardId], foreignColumns: [taskBoards.orgId, taskBoards.id] }).onDelete(
      'cascade',
    ),
    unique('task_labels_board_name').on(t.orgId, t.boardId, t.name),
    orgIsolationPolicy('task_labels', t.orgId),
  ],
).enableRLS()

/** Recurring task definitions; the materialize job turns each occurrence into one task. */
export const taskTemplates = pgTable(
  'task_templates',
  {
    ...tenantColumns(),
    boardId: uuid('board_id').notNull(),
    columnId: uuid('column_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    labelIds: uuid('label_ids').array().notNull().default([]),
    assigneeIds: uuid('assignee_ids').array().notNull().default([]),
    rotateAssignees: boolean('rotate_assignees').notNull().default(false),
    frequency: text('frequency', { enum: ['daily', 'weekly', 'monthly'] }).notNull(),
    interval: integer('interval').notNull().default(1),
    weekday: integer('weekday'),
    monthDay: integer('month_day'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    active: boolean('active').notNull().default(true),
    lastOccurrenceOn: date('last_occurrence_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.boardId], foreignColumns: [taskBoards.orgId, taskBoards.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      columns: [t.orgId, t.columnId],
      foreignColumns: [taskColumns.orgId, taskColumns.id],
    }).onDelete('cascade'),
    orgIsolationPolicy('task_templates', t.orgId),
  ],
).enableRLS()

export const tasks = pgTable(
  'tasks',
  {
    ...tenantColumns(),
    boardId: uuid('board_id').notNull(),
    columnId: uuid('column_id').notNull(),
    parentTaskId: uuid('parent_task_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** fractional-indexing key; unique per column so two cards never share a slot. */
    orderKey: text('order_key').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    templateId: uuid('template_id'),
    occurrenceOn: date('occurrence_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.boardId], foreignColumns: [taskBoards.orgId, taskBoards.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.columnId], foreignColumns: [taskColumns.orgId, taskColumns.id] }),
    foreignKey({ columns: [t.orgId, t.parentTaskId], foreignColumns: [t.orgId, t.id] }).onDelete('cascade'),
    // Keys are compared byte-wise in JS (fractional-indexing's order), never with SQL's collation.
    unique('tasks_column_order_key').on(t.orgId, t.columnId, t.orderKey),
    // One task per template occurrence: the materialize job may run twice, never create twice.
    unique('tasks_template_occurrence').on(t.orgId, t.templateId, t.occurrenceOn),
    index('tasks_board').on(t.orgId, t.boardId),
    index('tasks_due').on(t.orgId, t.dueOn),
    orgIsolationPolicy('tasks', t.orgId),
  ],
).enableRLS()

export const taskAssignees = pgTable(
  'task_assignees',
  {
    orgId: uuid('org_id').notNull(),
    taskId: uuid('task_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.taskId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete('cascade'),
    index('task_assignees_user').on(t.orgId, t.userId),
    orgIsolationPolicy('task_assignees', t.orgId),
  ],
).enableRLS()

export const taskLabelLinks = pgTable(
  'task_label_links',
  {
    orgId: uuid('org_id').notNull(),
    taskId: uuid('task_id').notNull(),
    labelId: uuid('label_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.taskId, t.labelId] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.labelId], foreignColumns: [taskLabels.orgId, taskLabels.id] }).onDelete(
      'cascade',
    ),
    orgIsolationPolicy('task_label_links', t.orgId),
  ],
).enableRLS()

export const taskChecklistItems = pgTable(
  'task_checklist_items',
  {
    ...tenantColumns(),
    taskId: uuid('task_id').notNull(),
    text: text('text').notNull(),
    done: boolean('done').notNull().default(false),
    position: integer('position').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete('cascade'),
    index('task_checklist_task').on(t.orgId, t.taskId, t.position),
    orgIsolationPolicy('task_checklist_items', t.orgId),
  ],
).enableRLS()

export const taskComments = pgTable(
  'task_comments',
  {
    ...tenantColumns(),
    taskId: uuid('task_id').notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    mentionedUserIds: uuid('mentioned_user_ids').array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete('cascade'),
    index('task_comments_task').on(t.orgId, t.taskId, t.id),
    orgIsolationPolicy('task_comments', t.orgId),
  ],
).enableRLS()

/** Links only (name + URL): the platform has no file storage module yet. */
export const taskAttachments = pgTable(
  'task_attachments',
  {
    ...tenantColumns(),
    taskId: uuid('task_id').notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    addedBy: uuid('added_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete('cascade'),
    orgIsolationPolicy('task_attachments', t.orgId),
  ],
).enableRLS()

/** Due-date reminders already recorded: one per task and due date, whatever the job's retries. */
export const taskDueReminders = pgTable(
  'task_due_reminders',
  {
    orgId: uuid('org_id').notNull(),
    taskId: uuid('task_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.taskId, t.dueOn] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete('cascade'),
    orgIsolationPolicy('task_due_reminders', t.orgId),
  ],
).enableRLS()
