import type {
  CreateTask,
  CreateTaskBoard,
  CreateTaskColumn,
  CreateTaskTemplate,
  MoveTask,
  MyPermissions,
  Task,
  TaskActivity,
  TaskBoard,
  TaskBoardDetail,
  TaskColumn,
  TaskComment,
  TaskLabel,
  TaskTemplate,
  TaskWithWarnings,
  UpdateChecklistItem,
  UpdateTask,
} from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

const base = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/tasks`
const card = (org: string, id: string) => `${base(org)}/cards/${encodeURIComponent(id)}`

/** Every tasks query of an org starts with this key. */
export const tasksKey = (org: string) => ['orgs', 'bySlug', org, 'tasks'] as const
export const boardKey = (org: string, boardId: string) => [...tasksKey(org), 'board', boardId] as const
export const cardKey = (org: string, taskId: string) => [...tasksKey(org), 'card', taskId] as const

interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export function boardsQuery(org: string) {
  return infiniteQueryOptions({
    queryKey: [...tasksKey(org), 'boards'],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<TaskBoard>>(`${base(org)}/boards`, { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function boardQuery(org: string, boardId: string) {
  return queryOptions({
    queryKey: boardKey(org, boardId),
    queryFn: ({ signal }) =>
      apiFetch<TaskBoardDetail>(`${base(org)}/boards/${encodeURIComponent(boardId)}`, { signal }),
  })
}

export function commentsQuery(org: string, taskId: string) {
  return queryOptions({
    queryKey: [...cardKey(org, taskId), 'comments'],
    queryFn: ({ signal }) =>
      apiFetch<Page<TaskComment>>(`${card(org, taskId)}/comments`, { query: { limit: 100 }, signal }),
  })
}

export function activityQuery(org: string, taskId: string) {
  return queryOptions({
    queryKey: [...cardKey(org, taskId), 'activity'],
    queryFn: ({ signal }) =>
      apiFetch<Page<TaskActivity>>(`${card(org, taskId)}/activity`, { query: { limit: 100 }, signal }),
  })
}

export interface MemberOption {
  userId: string
  name: string
  email: string
}

/** The first 100 members: assignees and mentions are chosen among them. */
export function taskMembersQuery(org: string) {
  return queryOptions({
    queryKey: ['orgs', 'bySlug', org, 'members', 'for-tasks'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: MemberOption[] }>(`/api/v1/orgs/${encodeURIComponent(org)}/members`, {
        query: { limit: 100 },
        signal,
      }),
    staleTime: 60_000,
  })
}

export function myTaskPermissionsQuery(org: string) {
  return queryOptions({
    // Same key as the other screens: one request for the org's permissions.
    queryKey: ['orgs', 'bySlug', org, 'me', 'permissions'],
    queryFn: ({ signal }) =>
      apiFetch<MyPermissions>(`/api/v1/orgs/${encodeURIComponent(org)}/me/permissions`, { signal }),
    staleTime: 60_000,
  })
}

/** `write` (create, move, comment on cards) and `manage` (boards, columns). */
export function taskAbilities(permissions: MyPermissions | undefined) {
  const has = (key: string) =>
    !!permissions &&
    (permissions.all || permissions.permissions.includes(key) || permissions.permissions.includes('tasks:*'))
  return { write: has('tasks:write'), manage: has('tasks:manage') }
}

export const createBoard = (org: string, body: CreateTaskBoard) =>
  apiFetch<TaskBoardDetail>(`${base(org)}/boards`, { method: 'POST', body })

export const createColumn = (org: string, boardId: string, body: CreateTaskColumn) =>
  apiFetch<TaskColumn>(`${base(org)}/boards/${encodeURIComponent(boardId)}/columns`, { method: 'POST', body })

export const createCard = (org: string, boardId: string, body: CreateTask) =>
  apiFetch<TaskWithWarnings>(`${base(org)}/boards/${encodeURIComponent(boardId)}/cards`, {
    method: 'POST',
    body,
  })

export const moveCard = (org: string, taskId: string, body: MoveTask) =>
  apiFetch<TaskWithWarnings>(`${card(org, taskId)}/move`, { method: 'POST', body })

export const updateCard = (org: string, taskId: string, version: number, body: UpdateTask) =>
  apiFetch<Task>(card(org, taskId), { method: 'PATCH', body, headers: { 'If-Match': `"${version}"` } })

export const deleteCard = (org: string, taskId: string) =>
  apiFetch<void>(card(org, taskId), { method: 'DELETE' })

export const addChecklistItem = (org: string, taskId: string, text: string) =>
  apiFetch<Task>(`${card(org, taskId)}/checklist`, { method: 'POST', body: { text } })

export const updateChecklistItem = (org: string, taskId: string, itemId: string, body: UpdateChecklistItem) =>
  apiFetch<Task>(`${card(org, taskId)}/checklist/${encodeURIComponent(itemId)}`, { method: 'PATCH', body })

export const removeChecklistItem = (org: string, taskId: string, itemId: string) =>
  apiFetch<Task>(`${card(org, taskId)}/checklist/${encodeURIComponent(itemId)}`, { method: 'DELETE' })

export const addAttachment = (org: string, taskId: string, body: { name: string; url: string }) =>
  apiFetch<Task>(`${card(org, taskId)}/attachments`, { method: 'POST', body })

export const addComment = (org: string, taskId: string, body: { body: string; mentionedUserIds: string[] }) =>
  apiFetch<TaskComment>(`${card(org, taskId)}/comments`, { method: 'POST', body })

export const createLabel = (org: string, boardId: string, body: { name: string; color: string }) =>
  apiFetch<TaskLabel>(`${base(org)}/boards/${encodeURIComponent(boardId)}/labels`, { method: 'POST', body })

export const deleteLabel = (org: string, boardId: string, labelId: string) =>
  apiFetch<void>(`${base(org)}/boards/${encodeURIComponent(boardId)}/labels/${encodeURIComponent(labelId)}`, {
    method: 'DELETE',
  })

export function recurringQuery(org: string, boardId: string) {
  return queryOptions({
    queryKey: [...boardKey(org, boardId), 'recurring'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: TaskTemplate[] }>(`${base(org)}/boards/${encodeURIComponent(boardId)}/recurring`, {
        signal,
      }),
  })
}

export const createRecurring = (org: string, boardId: string, body: CreateTaskTemplate) =>
  apiFetch<TaskTemplate>(`${base(org)}/boards/${encodeURIComponent(boardId)}/recurring`, {
    method: 'POST',
    body,
  })

export const setRecurringActive = (org: string, templateId: string, active: boolean) =>
  apiFetch<TaskTemplate>(`${base(org)}/recurring/${encodeURIComponent(templateId)}`, {
    method: 'PATCH',
    body: { active },
  })
