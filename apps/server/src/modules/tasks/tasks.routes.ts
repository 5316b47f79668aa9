import {
  ChecklistItemParams,
  CreateChecklistItem,
  CreateTask,
  CreateTaskAttachment,
  CreateTaskBoard,
  CreateTaskColumn,
  CreateTaskComment,
  CreateTaskLabel,
  CreateTaskTemplate,
  MoveTask,
  Problem,
  Task,
  TaskActivityPage,
  TaskAttachmentParams,
  TaskBoard,
  TaskBoardDetail,
  TaskBoardPage,
  TaskBoardParams,
  TaskBoardQuery,
  TaskColumn,
  TaskColumnParams,
  TaskComment,
  TaskCommentPage,
  TaskLabel,
  TaskLabelParams,
  TaskListQuery,
  TaskParams,
  TaskTemplate,
  TaskTemplateParams,
  TaskWithWarnings,
  UpdateChecklistItem,
  UpdateTask,
  UpdateTaskBoard,
  UpdateTaskColumn,
  UpdateTaskLabel,
  UpdateTaskTemplate,
} from '@minga/contracts'
import { z } from 'zod'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { expectedVersion, setETag } from '../../platform/http/etag.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import * as boards from './boards.service.ts'
import * as recurring from './recurring.service.ts'
import * as details from './task-details.service.ts'
import * as cards from './tasks.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const writeErrors = { ...errors, 409: Problem, 422: Problem }
const tags = ['tasks']
const READ = 'tasks:read'
const WRITE = 'tasks:write'
const MANAGE = 'tasks:manage'

export function registerTaskRoutes(app: AppInstance) {
  // ---------- boards ----------
  orgRoute(app, {
    method: 'GET',
    url: '/tasks/boards',
    permission: READ,
    schema: {
      summary: 'Task boards, newest first (filter by the entity they belong to)',
      tags,
      querystring: TaskBoardQuery,
      response: { 200: TaskBoardPage, ...errors },
    },
    handler: (ctx, { query }) => boards.listBoards(ctx, query),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/tasks/boards',
    permission: MANAGE,
    idempotent: true,
    schema: {
      summary: 'Create a board (default columns Por hacer / En curso / Hecho)',
      tags,
      body: CreateTaskBoard,
      response: { 201: TaskBoardDetail, ...writeErrors },
    },
    async handler(ctx, { body, reply }) {
      const detail = await boards.createBoard(ctx, body)
      setETag(reply, detail.board.version)
      reply.status(201)
      return detail
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/tasks/boards/:boardId',
    permission: READ,
    schema: {
      summary: 'A board with its columns, labels and cards',
      tags,
      params: TaskBoardParams,
      response: { 200: TaskBoardDetail, ...errors },
    },
    async handler(ctx, { params, reply }) {
      const detail = await boards.getBoardDetail(ctx, params.boardId)
      setETag(reply, detail.board.version)
      return detail
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/tasks/boards/:boardId',
    permission: MANAGE,
    schema: {
      summary: 'Rename or describe a board (send If-Match)',
      tags,
      params: TaskBoardParams,
      body: UpdateTaskBoard,
      response: { 200: TaskBoard, 412: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const board = await boards.updateBoard(ctx, params.boardId, expectedVersion(request), body)
      setETag(reply, board.version)
      return board
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/tasks/boards/:boardId',
    permission: MANAGE,
    schema: {
      summary: 'Delete a board with its cards',
      tags,
      params: TaskBoardParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply }) {
      await boards.removeBoard(ctx, params.boardId)
      reply.status(204)
      return null
    },
  })

  // ---------- columns ----------
  orgRoute(app, {
    method: 'POST',
    url: '/tasks/boards/:boardId/columns',
    permission: MANAGE,
    schema: {
      summary: 'Add a column at the end of a board',
      tags,
      params: TaskBoardParams,
      body: CreateTaskColumn,
      response: { 201: TaskColumn, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      reply.status(201)
      return boards.addColumn(ctx, params.boardId, body)
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/tasks/boards/:boardId/columns/:columnId',
    permission: MANAGE,
    schema: {
      summary: 'Edit a column: name, category, WIP limit and mode, position',
      tags,
      params: TaskColumnParams,
      body: UpdateTaskColumn,
      response: { 200: TaskColumn, ...writeErrors },
    },
    handler: (ctx, { params, body }) => boards.updateColumn(ctx, params.boardId, params.columnId, body),
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/tasks/boards/:boardId/columns/:columnId',
    permission: MANAGE,
    schema: {
      summary: 'Delete an empty column',
      tags,
      params: TaskColumnParams,
      response: { 204: z.null(), 409: Problem, ...errors },
    },
    async handler(ctx, { params, reply }) {
      await boards.removeColumn(ctx, params.boardId, params.columnId)
      reply.status(204)
      return null
    },
  })

  // ---------- labels ----------
  orgRoute(app, {
    method: 'POST',
    url: '/tasks/boards/:boardId/labels',
    permission: MANAGE,
    schema: {
      summary: 'Add a label to a board',
      tags,
      params: TaskBoardParams,
      body: CreateTaskLabel,
      response: { 201: TaskLabel, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      reply.status(201)
      return boards.addLabel(ctx, params.boardId, body)
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/tasks/boards/:boardId/labels/:labelId',
    permission: MANAGE,
    schema: {
      summary: 'Rename or recolour a label',
      tags,
      params: TaskLabelParams,
      body: UpdateTaskLabel,
      response: { 200: TaskLabel, ...writeErrors },
    },
    handler: (ctx, { params, body }) => boards.updateLabel(ctx, params.boardId, params.labelId, body),
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/tasks/boards/:boardId/labels/:labelId',
    permission: MANAGE,
    schema: {
      summary: 'Delete a label (cards lose it)',
      tags,
      params: TaskLabelParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply }) {
      await boards.removeLabel(ctx, params.boardId, params.labelId)
      reply.status(204)
      return null
    },
  })

  // ---------- cards ----------
  orgRoute(app, {
    method: 'POST',
    url: '/tasks/boards/:boardId/cards',
    permission: WRITE,
    idempotent: true,
    schema: {
      summary: 'Create a card at the end of a column (409 at a hard WIP limit; warnings at a soft one)',
      tags,
      params: TaskBoardParams,
      body: CreateTask,
      response: { 201: TaskWithWarnings, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      const task = await cards.createTaskFromRequest(ctx, params.boardId, body)
      setETag(reply, task.version)
      reply.status(201)
      return task
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/tasks/cards/:taskId',
    permission: READ,
    schema: { summary: 'One card', tags, params: TaskParams, response: { 200: Task, ...errors } },
    async handler(ctx, { params, reply }) {
      const task = await cards.getTask(ctx, params.taskId)
      setETag(reply, task.version)
      return task
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/tasks/cards/:taskId',
    permission: WRITE,
    schema: {
      summary: 'Edit a card: title, description, due date, assignees, labels, parent (send If-Match)',
      tags,
      params: TaskParams,
      body: UpdateTask,
      response: { 200: Task, 412: Problem, 428: Problem, ...writeErrors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const task = await cards.updateTask(ctx, params.taskId, expectedVersion(request), body)
      setETag(reply, task.version)
      return task
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/tasks/cards/:taskId/move',
    permission: WRITE,
    schema: {
      summary: 'Move a card to a column, after and/or before other cards (none: to the end)',
      tags,
      params: TaskParams,
      body: MoveTask,
      response: { 200: TaskWithWarnings, ...writeErrors },
    },
    handler: (ctx, { params, body }) => cards.moveTask(ctx, params.taskId, body),
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/tasks/cards/:taskId',
    permission: WRITE,
    schema: {
      summary: 'Delete a card (and its subtasks)',
      tags,
      params: TaskParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply }) {
      await cards.removeTask(ctx, params.taskId)
      reply.status(204)
      return null
    },
  })

  // ---------- checklist ----------
  orgRoute(app, {
    method: 'POST',
    url: '/tasks/cards/:taskId/checklist',
    permission: WRITE,
    schema: {
      summary: 'Add a checklist item',
      tags,
      params: TaskParams,
      body: CreateChecklistItem,
      response: { 201: Task, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      reply.status(201)
      return details.addChecklistItem(ctx, params.taskId, body.text)
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/tasks/cards/:taskId/checklist/:itemId',
    permission: WRITE,
    schema: {
      summary: 'Tick, untick or edit a checklist item',
      tags,
      params: ChecklistItemParams,
      body: UpdateChecklistItem,
      response: { 200: Task, ...writeErrors },
    },
    handler: (ctx, { params, body }) => details.updateChecklistItem(ctx, params.taskId, params.itemId, body),
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/tasks/cards/:taskId/checklist/:itemId',
    permission: WRITE,
    schema: {
      summary: 'Remove a checklist item',
      tags,
      params: ChecklistItemParams,
      response: { 200: Task, ...errors },
    },
    handler: (ctx, { params }) => details.removeChecklistItem(ctx, params.taskId, params.itemId),
  })

  // ---------- comments ----------
  orgRoute(app, {
    method: 'GET',
    url: '/tasks/cards/:taskId/comments',
    permission: READ,
    schema: {
      summary: 'A card’s comments, newest first',
      tags,
      params: TaskParams,
      querystring: TaskListQuery,
      response: { 200: TaskCommentPage, ...errors },
    },
    handler: (ctx, { params, query }) => details.listComments(ctx, params.taskId, query),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/tasks/cards/:taskId/comments',
    permission: WRITE,
    idempotent: true,
    schema: {
      summary: 'Comment on a card; mention members with @[Name](userId) or mentionedUserIds',
      tags,
      params: TaskParams,
      body: CreateTaskComment,
      response: { 201: TaskComment, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      reply.status(201)
      return details.addComment(ctx, params.taskId, body)
    },
  })

  // ---------- attachments (links) ----------
  orgRoute(app, {
    method: 'POST',
    url: '/tasks/cards/:taskId/attachments',
    permission: WRITE,
    schema: {
      summary: 'Attach a link (name + URL; there is no file storage yet)',
      tags,
      params: TaskParams,
      body: CreateTaskAttachment,
      response: { 201: Task, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      reply.status(201)
      return details.addAttachment(ctx, params.taskId, body)
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/tasks/cards/:taskId/attachments/:attachmentId',
    permission: WRITE,
    schema: {
      summary: 'Remove an attached link',
      tags,
      params: TaskAttachmentParams,
      response: { 200: Task, ...errors },
    },
    handler: (ctx, { params }) => details.removeAttachment(ctx, params.taskId, params.attachmentId),
  })

  // ---------- activity ----------
  orgRoute(app, {
    method: 'GET',
    url: '/tasks/cards/:taskId/activity',
    permission: READ,
    schema: {
      summary: 'What happened to a card, newest first (from the audit log)',
      tags,
      params: TaskParams,
      querystring: TaskListQuery,
      response: { 200: TaskActivityPage, ...errors },
    },
    handler: (ctx, { params, query }) => details.listActivity(ctx, params.taskId, query),
  })

  // ---------- recurring tasks ----------
  orgRoute(app, {
    method: 'GET',
    url: '/tasks/boards/:boardId/recurring',
    permission: READ,
    schema: {
      summary: 'A board’s recurring tasks',
      tags,
      params: TaskBoardParams,
      response: { 200: z.object({ items: z.array(TaskTemplate) }), ...errors },
    },
    handler: async (ctx, { params }) => ({ items: await recurring.listTemplates(ctx, params.boardId) }),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/tasks/boards/:boardId/recurring',
    permission: MANAGE,
    schema: {
      summary: 'Create a recurring task (daily / weekly / monthly; optional rotating assignees)',
      tags,
      params: TaskBoardParams,
      body: CreateTaskTemplate,
      response: { 201: TaskTemplate, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      reply.status(201)
      return recurring.createTemplate(ctx, params.boardId, body)
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/tasks/recurring/:templateId',
    permission: MANAGE,
    schema: {
      summary: 'Edit or pause a recurring task',
      tags,
      params: TaskTemplateParams,
      body: UpdateTaskTemplate,
      response: { 200: TaskTemplate, ...writeErrors },
    },
    handler: (ctx, { params, body }) => recurring.updateTemplate(ctx, params.templateId, body),
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/tasks/recurring/:templateId',
    permission: MANAGE,
    schema: {
      summary: 'Delete a recurring task (its cards stay)',
      tags,
      params: TaskTemplateParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply }) {
      await recurring.removeTemplate(ctx, params.templateId)
      reply.status(204)
      return null
    },
  })
}
