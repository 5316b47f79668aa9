import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import {
  taskAssignees,
  taskAttachments,
  taskBoards,
  taskChecklistItems,
  taskColumns,
  taskComments,
  taskDueReminders,
  taskLabelLinks,
  taskLabels,
  tasks,
  taskTemplates,
} from './tasks.tables.ts'

export type BoardRow = typeof taskBoards.$inferSelect
export type ColumnRow = typeof taskColumns.$inferSelect
export type LabelRow = typeof taskLabels.$inferSelect
export type TaskRow = typeof tasks.$inferSelect
export type ChecklistRow = typeof taskChecklistItems.$inferSelect
export type CommentRow = typeof taskComments.$inferSelect
export type AttachmentRow = typeof taskAttachments.$inferSelect
export type TemplateRow = typeof taskTemplates.$inferSelect

const inOrg = (ctx: ServiceContext) => ctx.orgId

// ---------- boards ----------

export async function listBoards(
  ctx: ServiceContext,
  filter: {
    limit: number
    after?: string | undefined
    entityType?: string | undefined
    entityId?: string | undefined
  },
) {
  return ctx.db
    .select()
    .from(taskBoards)
    .where(
      and(
        eq(taskBoards.orgId, inOrg(ctx)),
        filter.after ? lt(taskBoards.id, filter.after) : undefined,
        filter.entityType ? eq(taskBoards.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(taskBoards.entityId, filter.entityId) : undefined,
      ),
    )
    .orderBy(desc(taskBoards.id))
    .limit(filter.limit + 1)
}

export async function findBoard(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(taskBoards)
    .where(and(eq(taskBoards.orgId, inOrg(ctx)), eq(taskBoards.id, id)))
  return row ?? null
}

export async function insertBoard(
  ctx: ServiceContext,
  values: { name: string; description: string; entityType: string | null; entityId: string | null },
) {
  const [row] = await ctx.db
    .insert(taskBoards)
    .values({ ...values, orgId: ctx.orgId, createdBy: ctx.actor.userId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function updateBoardIfVersion(
  ctx: ServiceContext,
  id: string,
  version: number,
  patch: { name?: string | undefined; description?: string | undefined },
) {
  const [row] = await ctx.db
    .update(taskBoards)
    .set({ ...patch, version: sql`${taskBoards.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(taskBoards.orgId, inOrg(ctx)), eq(taskBoards.id, id), eq(taskBoards.version, version)))
    .returning()
  return row ?? null
}

export async function deleteBoard(ctx: ServiceContext, id: string) {
  // Cards first: their column foreign key has no cascade (a column with cards cannot be dropped).
  await ctx.db.delete(tasks).where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.boardId, id)))
  const rows = await ctx.db
    .delete(taskBoards)
    .where(and(eq(taskBoards.orgId, inOrg(ctx)), eq(taskBoards.id, id)))
    .returning({ id: taskBoards.id })
  return rows.length > 0
}

// ---------- columns ----------

export async function listColumns(ctx: ServiceContext, boardId: string) {
  return ctx.db
    .select()
    .from(taskColumns)
    .where(and(eq(taskColumns.orgId, inOrg(ctx)), eq(taskColumns.boardId, boardId)))
    .orderBy(asc(taskColumns.position), asc(taskColumns.id))
}

export async function findColumn(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(taskColumns)
    .where(and(eq(taskColumns.orgId, inOrg(ctx)), eq(taskColumns.id, id)))
  return row ?? null
}

/**
 * Locks a column for the rest of the transaction: card inserts and moves into one column run one
 * after another, so each computes its order key and WIP count from the column as it really is.
 */
export async function lockColumn(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(taskColumns)
    .where(and(eq(taskColumns.orgId, inOrg(ctx)), eq(taskColumns.id, id)))
    .for('update')
  return row ?? null
}

export async function insertColumns(
  ctx: ServiceContext,
  boardId: string,
  values: {
    name: string
    position: number
    category: ColumnRow['category']
    wipLimit: number | null
    wipMode: ColumnRow['wipMode']
  }[],
) {
  return ctx.db
    .insert(taskColumns)
    .values(values.map((v) => ({ ...v, boardId, orgId: ctx.orgId })))
    .returning()
}

export async function updateColumn(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Pick<ColumnRow, 'name' | 'category' | 'wipLimit' | 'wipMode' | 'position'>>,
) {
  const [row] = await ctx.db
    .update(taskColumns)
    .set({ ...patch, updatedAt: ctx.now })
    .where(and(eq(taskColumns.orgId, inOrg(ctx)), eq(taskColumns.id, id)))
    .returning()
  return row ?? null
}

export async function deleteColumn(ctx: ServiceContext, id: string) {
  await ctx.db.delete(taskColumns).where(and(eq(taskColumns.orgId, inOrg(ctx)), eq(taskColumns.id, id)))
}

// ---------- labels ----------

export async function listLabels(ctx: ServiceContext, boardId: string) {
  return ctx.db
    .select()
    .from(taskLabels)
    .where(and(eq(taskLabels.orgId, inOrg(ctx)), eq(taskLabels.boardId, boardId)))
    .orderBy(asc(taskLabels.name))
}

export async function findLabel(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(taskLabels)
    .where(and(eq(taskLabels.orgId, inOrg(ctx)), eq(taskLabels.id, id)))
  return row ?? null
}

export async function findLabelByName(ctx: ServiceContext, boardId: string, name: string) {
  const [row] = await ctx.db
    .select()
    .from(taskLabels)
    .where(and(eq(taskLabels.orgId, inOrg(ctx)), eq(taskLabels.boardId, boardId), eq(taskLabels.name, name)))
  return row ?? null
}

export async function insertLabel(
  ctx: ServiceContext,
  boardId: string,
  values: { name: string; color: string },
) {
  const [row] = await ctx.db
    .insert(taskLabels)
    .values({ ...values, boardId, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function updateLabel(ctx: ServiceContext, id: string, patch: { name?: string; color?: string }) {
  const [row] = await ctx.db
    .update(taskLabels)
    .set({ ...patch, updatedAt: ctx.now })
    .where(and(eq(taskLabels.orgId, inOrg(ctx)), eq(taskLabels.id, id)))
    .returning()
  return row ?? null
}

export async function deleteLabel(ctx: ServiceContext, id: string) {
  await ctx.db.delete(taskLabels).where(and(eq(taskLabels.orgId, inOrg(ctx)), eq(taskLabels.id, id)))
}

// ---------- tasks ----------

export async function findTask(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.id, id)))
  return row ?? null
}

export async function listBoardTasks(ctx: ServiceContext, boardId: string) {
  return ctx.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.boardId, boardId)))
}

/** The cards of a column as {id, orderKey}, for computing a drop position. */
export async function columnKeys(ctx: ServiceContext, columnId: string) {
  return ctx.db
    .select({ id: tasks.id, orderKey: tasks.orderKey })
    .from(tasks)
    .where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.columnId, columnId)))
}

export async function insertTask(
  ctx: ServiceContext,
  values: Omit<typeof tasks.$inferInsert, 'orgId' | 'id'>,
  options: { skipIfOccurrenceExists?: boolean } = {},
) {
  const insert = ctx.db.insert(tasks).values({ ...values, orgId: ctx.orgId })
  const rows = options.skipIfOccurrenceExists
    ? await insert
        .onConflictDoNothing({ target: [tasks.orgId, tasks.templateId, tasks.occurrenceOn] })
        .returning()
    : await insert.returning()
  return rows[0] ?? null
}

export async function updateTaskIfVersion(
  ctx: ServiceContext,
  id: string,
  version: number,
  patch: Partial<Pick<TaskRow, 'title' | 'description' | 'dueOn' | 'parentTaskId'>>,
) {
  const [row] = await ctx.db
    .update(tasks)
    .set({ ...patch, version: sql`${tasks.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.id, id), eq(tasks.version, version)))
    .returning()
  return row ?? null
}

/** Moves don't bump `version`: an edit of the title must not fail because someone dragged the card. */
export async function placeTask(
  ctx: ServiceContext,
  id: string,
  place: { columnId: string; orderKey: string; completedAt: Date | null },
) {
  const [row] = await ctx.db
    .update(tasks)
    .set({ ...place, updatedAt: ctx.now })
    .where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.id, id)))
    .returning()
  if (!row) throw new Error('task vanished inside its transaction')
  return row
}

export async function touchTask(ctx: ServiceContext, id: string) {
  await ctx.db
    .update(tasks)
    .set({ updatedAt: ctx.now })
    .where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.id, id)))
}

export async function deleteTask(ctx: ServiceContext, id: string) {
  await ctx.db.delete(tasks).where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.id, id)))
}

export async function countInColumn(ctx: ServiceContext, columnId: string) {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.columnId, columnId)))
  return row?.n ?? 0
}

// ---------- assignees, labels of a task ----------

export async function assigneesOf(ctx: ServiceContext, taskIds: string[]) {
  if (taskIds.length === 0) return []
  return ctx.db
    .select()
    .from(taskAssignees)
    .where(and(eq(taskAssignees.orgId, inOrg(ctx)), inArray(taskAssignees.taskId, taskIds)))
    .orderBy(asc(taskAssignees.createdAt), asc(taskAssignees.userId))
}

export async function replaceAssignees(ctx: ServiceContext, taskId: string, userIds: string[]) {
  await ctx.db
    .delete(taskAssignees)
    .where(and(eq(taskAssignees.orgId, inOrg(ctx)), eq(taskAssignees.taskId, taskId)))
  if (userIds.length > 0)
    await ctx.db
      .insert(taskAssignees)
      .values(userIds.map((userId) => ({ orgId: ctx.orgId, taskId, userId, createdAt: ctx.now })))
}

export async function labelLinksOf(ctx: ServiceContext, taskIds: string[]) {
  if (taskIds.length === 0) return []
  return ctx.db
    .select()
    .from(taskLabelLinks)
    .where(and(eq(taskLabelLinks.orgId, inOrg(ctx)), inArray(taskLabelLinks.taskId, taskIds)))
}

export async function replaceLabelLinks(ctx: ServiceContext, taskId: string, labelIds: string[]) {
  await ctx.db
    .delete(taskLabelLinks)
    .where(and(eq(taskLabelLinks.orgId, inOrg(ctx)), eq(taskLabelLinks.taskId, taskId)))
  if (labelIds.length > 0)
    await ctx.db
      .insert(taskLabelLinks)
      .values(labelIds.map((labelId) => ({ orgId: ctx.orgId, taskId, labelId })))
}

// ---------- checklist ----------

export async function checklistOf(ctx: ServiceContext, taskIds: string[]) {
  if (taskIds.length === 0) return []
  return ctx.db
    .select()
    .from(taskChecklistItems)
    .where(and(eq(taskChecklistItems.orgId, inOrg(ctx)), inArray(taskChecklistItems.taskId, taskIds)))
    .orderBy(asc(taskChecklistItems.position), asc(taskChecklistItems.id))
}

export async function insertChecklistItems(
  ctx: ServiceContext,
  taskId: string,
  texts: string[],
  from: number,
) {
  if (texts.length === 0) return []
  return ctx.db
    .insert(taskChecklistItems)
    .values(texts.map((text, i) => ({ orgId: ctx.orgId, taskId, text, position: from + i })))
    .returning()
}

export async function nextChecklistPosition(ctx: ServiceContext, taskId: string) {
  const [row] = await ctx.db
    .select({ n: sql<number>`coalesce(max(${taskChecklistItems.position}) + 1, 0)::int` })
    .from(taskChecklistItems)
    .where(and(eq(taskChecklistItems.orgId, inOrg(ctx)), eq(taskChecklistItems.taskId, taskId)))
  return row?.n ?? 0
}

export async function updateChecklistItem(
  ctx: ServiceContext,
  taskId: string,
  id: string,
  patch: { text?: string | undefined; done?: boolean | undefined },
) {
  const [row] = await ctx.db
    .update(taskChecklistItems)
    .set({ ...patch, updatedAt: ctx.now })
    .where(
      and(
        eq(taskChecklistItems.orgId, inOrg(ctx)),
        eq(taskChecklistItems.taskId, taskId),
        eq(taskChecklistItems.id, id),
      ),
    )
    .returning()
  return row ?? null
}

export async function deleteChecklistItem(ctx: ServiceContext, taskId: string, id: string) {
  const rows = await ctx.db
    .delete(taskChecklistItems)
    .where(
      and(
        eq(taskChecklistItems.orgId, inOrg(ctx)),
        eq(taskChecklistItems.taskId, taskId),
        eq(taskChecklistItems.id, id),
      ),
    )
    .returning()
  return rows[0] ?? null
}

// ---------- comments ----------

export async function insertComment(
  ctx: ServiceContext,
  taskId: string,
  values: { body: string; mentionedUserIds: string[] },
) {
  const [row] = await ctx.db
    .insert(taskComments)
    .values({ ...values, taskId, orgId: ctx.orgId, authorId: ctx.actor.userId, createdAt: ctx.now })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function listComments(
  ctx: ServiceContext,
  taskId: string,
  page: { limit: number; after?: string | undefined },
) {
  return ctx.db
    .select()
    .from(taskComments)
    .where(
      and(
        eq(taskComments.orgId, inOrg(ctx)),
        eq(taskComments.taskId, taskId),
        page.after ? lt(taskComments.id, page.after) : undefined,
      ),
    )
    .orderBy(desc(taskComments.id))
    .limit(page.limit + 1)
}

export async function commentCounts(ctx: ServiceContext, taskIds: string[]) {
  if (taskIds.length === 0) return []
  return ctx.db
    .select({ taskId: taskComments.taskId, n: sql<number>`count(*)::int` })
    .from(taskComments)
    .where(and(eq(taskComments.orgId, inOrg(ctx)), inArray(taskComments.taskId, taskIds)))
    .groupBy(taskComments.taskId)
}

export async function commentsBetween(ctx: ServiceContext, from: Date, to: Date, authorId?: string) {
  return ctx.db
    .select({ authorId: taskComments.authorId })
    .from(taskComments)
    .where(
      and(
        eq(taskComments.orgId, inOrg(ctx)),
        gte(taskComments.createdAt, from),
        lte(taskComments.createdAt, to),
        authorId ? eq(taskComments.authorId, authorId) : isNotNull(taskComments.authorId),
      ),
    )
}

// ---------- attachments ----------

export async function attachmentsOf(ctx: ServiceContext, taskIds: string[]) {
  if (taskIds.length === 0) return []
  return ctx.db
    .select()
    .from(taskAttachments)
    .where(and(eq(taskAttachments.orgId, inOrg(ctx)), inArray(taskAttachments.taskId, taskIds)))
    .orderBy(asc(taskAttachments.id))
}

export async function insertAttachment(
  ctx: ServiceContext,
  taskId: string,
  values: { name: string; url: string },
) {
  const [row] = await ctx.db
    .insert(taskAttachments)
    .values({ ...values, taskId, orgId: ctx.orgId, addedBy: ctx.actor.userId, createdAt: ctx.now })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function deleteAttachment(ctx: ServiceContext, taskId: string, id: string) {
  const rows = await ctx.db
    .delete(taskAttachments)
    .where(
      and(
        eq(taskAttachments.orgId, inOrg(ctx)),
        eq(taskAttachments.taskId, taskId),
        eq(taskAttachments.id, id),
      ),
    )
    .returning()
  return rows[0] ?? null
}

// ---------- templates (recurring tasks) ----------

export async function listTemplates(ctx: ServiceContext, boardId?: string) {
  return ctx.db
    .select()
    .from(taskTemplates)
    .where(and(eq(taskTemplates.orgId, inOrg(ctx)), boardId ? eq(taskTemplates.boardId, boardId) : undefined))
    .orderBy(asc(taskTemplates.id))
}

export async function listActiveTemplates(ctx: ServiceContext) {
  return ctx.db
    .select()
    .from(taskTemplates)
    .where(and(eq(taskTemplates.orgId, inOrg(ctx)), eq(taskTemplates.active, true)))
    .orderBy(asc(taskTemplates.id))
}

export async function findTemplate(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(taskTemplates)
    .where(and(eq(taskTemplates.orgId, inOrg(ctx)), eq(taskTemplates.id, id)))
  return row ?? null
}

export async function insertTemplate(
  ctx: ServiceContext,
  values: Omit<typeof taskTemplates.$inferInsert, 'orgId'>,
) {
  const [row] = await ctx.db
    .insert(taskTemplates)
    .values({ ...values, orgId: ctx.orgId, createdBy: ctx.actor.userId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function updateTemplate(
  ctx: ServiceContext,
  id: string,
  patch: Partial<
    Pick<
      TemplateRow,
      'title' | 'description' | 'assigneeIds' | 'rotateAssignees' | 'active' | 'lastOccurrenceOn'
    >
  >,
) {
  const [row] = await ctx.db
    .update(taskTemplates)
    .set({ ...patch, version: sql`${taskTemplates.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(taskTemplates.orgId, inOrg(ctx)), eq(taskTemplates.id, id)))
    .returning()
  return row ?? null
}

export async function deleteTemplate(ctx: ServiceContext, id: string) {
  const rows = await ctx.db
    .delete(taskTemplates)
    .where(and(eq(taskTemplates.orgId, inOrg(ctx)), eq(taskTemplates.id, id)))
    .returning({ id: taskTemplates.id })
  return rows.length > 0
}

// ---------- reminders and scorecards ----------

/** Open cards due on `dueOn` (not in a done-category column: completedAt is null). */
export async function openTasksDueOn(ctx: ServiceContext, dueOn: string) {
  return ctx.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, inOrg(ctx)), eq(tasks.dueOn, dueOn), isNull(tasks.completedAt)))
    .orderBy(asc(tasks.id))
}

/** True when this (task, due date) had no reminder yet: the caller records the event once. */
export async function claimDueReminder(ctx: ServiceContext, taskId: string, dueOn: string) {
  const rows = await ctx.db
    .insert(taskDueReminders)
    .values({ orgId: ctx.orgId, taskId, dueOn, createdAt: ctx.now })
    .onConflictDoNothing()
    .returning({ taskId: taskDueReminders.taskId })
  return rows.length > 0
}

/** Cards due in [fromDay, toDay], or without a due date and completed in [from, to]. */
export async function tasksForScorecard(
  ctx: ServiceContext,
  range: { fromDay: string; toDay: string; from: Date; to: Date },
) {
  return ctx.db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.orgId, inOrg(ctx)),
        or(
          and(gte(tasks.dueOn, range.fromDay), lte(tasks.dueOn, range.toDay)),
          and(isNull(tasks.dueOn), gte(tasks.completedAt, range.from), lte(tasks.completedAt, range.to)),
        ),
      ),
    )
}

export async function tasksCompletedBetween(ctx: ServiceContext, from: Date, to: Date) {
  return ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.orgId, inOrg(ctx)), gte(tasks.completedAt, from), lte(tasks.completedAt, to)))
}

/** A column that became (or stopped being) a done column completes (or reopens) its cards. */
export async function setColumnCompletion(ctx: ServiceContext, columnId: string, done: boolean) {
  await ctx.db
    .update(tasks)
    .set({ completedAt: done ? ctx.now : null, updatedAt: ctx.now })
    .where(
      and(
        eq(tasks.orgId, inOrg(ctx)),
        eq(tasks.columnId, columnId),
        done ? isNull(tasks.completedAt) : isNotNull(tasks.completedAt),
      ),
    )
}
