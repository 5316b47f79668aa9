import type {
  Conversation,
  CreateConversation,
  CreateMessage,
  Member,
  Message,
  ReadState,
} from '@minga/contracts'
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
} from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

const base = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/conversations`
const conversationPath = (org: string, id: string) => `${base(org)}/${encodeURIComponent(id)}`
const messagePath = (org: string, id: string, messageId: string) =>
  `${conversationPath(org, id)}/messages/${encodeURIComponent(messageId)}`

/** Every messaging query of an org starts with this key. */
export const messagingKey = (org: string) => ['orgs', 'bySlug', org, 'messaging'] as const
export const conversationsKey = (org: string) => [...messagingKey(org), 'conversations'] as const
export const conversationKey = (org: string, id: string) =>
  [...messagingKey(org), 'conversation', id] as const
export const messagesKey = (org: string, id: string) => [...conversationKey(org, id), 'messages'] as const
export const repliesKey = (org: string, id: string, rootId: string) =>
  [...conversationKey(org, id), 'replies', rootId] as const

export function conversationsQuery(org: string) {
  return infiniteQueryOptions({
    queryKey: conversationsKey(org),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Conversation>>(base(org), { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function conversationQuery(org: string, id: string) {
  return queryOptions({
    queryKey: conversationKey(org, id),
    queryFn: ({ signal }) => apiFetch<Conversation>(conversationPath(org, id), { signal }),
  })
}

export const MESSAGE_PAGE_SIZE = 50

/** The conversation's timeline (thread roots and plain messages), newest first; `before` pages back. */
export function messagesQuery(org: string, id: string) {
  return infiniteQueryOptions({
    queryKey: messagesKey(org, id),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Message>>(`${conversationPath(org, id)}/messages`, {
        query: { limit: MESSAGE_PAGE_SIZE, before: pageParam, topLevel: 'true' },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function repliesQuery(org: string, id: string, rootId: string) {
  return infiniteQueryOptions({
    queryKey: repliesKey(org, id, rootId),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Message>>(`${messagePath(org, id, rootId)}/replies`, {
        query: { limit: MESSAGE_PAGE_SIZE, before: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function messageQuery(org: string, id: string, messageId: string) {
  return queryOptions({
    queryKey: [...conversationKey(org, id), 'message', messageId],
    queryFn: ({ signal }) => apiFetch<Message>(messagePath(org, id, messageId), { signal }),
  })
}

export function searchMessagesQuery(org: string, id: string, q: string) {
  return queryOptions({
    queryKey: [...conversationKey(org, id), 'search', q],
    queryFn: ({ signal }) =>
      apiFetch<Page<Message>>(`${conversationPath(org, id)}/messages/search`, {
        query: { q, limit: 20 },
        signal,
      }),
    enabled: q.trim().length > 0,
  })
}

/** The first 100 members: people to start a conversation with. */
export function messagingMembersQuery(org: string) {
  return queryOptions({
    queryKey: ['orgs', 'bySlug', org, 'members', 'for-messaging'],
    queryFn: ({ signal }) =>
      apiFetch<Page<Member>>(`/api/v1/orgs/${encodeURIComponent(org)}/members`, {
        query: { limit: 100 },
        signal,
      }),
    staleTime: 60_000,
  })
}

export const createConversation = (org: string, body: CreateConversation) =>
  apiFetch<Conversation>(base(org), { method: 'POST', body })

/** `idempotencyKey` makes a retry after a lost response create the message only once. */
export const sendMessage = (org: string, id: string, body: CreateMessage, idempotencyKey: string) =>
  apiFetch<Message>(`${conversationPath(org, id)}/messages`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  })

export const fetchMessage = (org: string, id: string, messageId: string) =>
  apiFetch<Message>(messagePath(org, id, messageId))

export const editMessage = (org: string, id: string, messageId: string, body: string) =>
  apiFetch<Message>(messagePath(org, id, messageId), { method: 'PATCH', body: { body } })

export const deleteMessage = (org: string, id: string, messageId: string) =>
  apiFetch<void>(messagePath(org, id, messageId), { method: 'DELETE' })

export const markRead = (org: string, id: string, messageId: string) =>
  apiFetch<ReadState>(`${conversationPath(org, id)}/read`, { method: 'POST', body: { messageId } })

// ---------- cache helpers (realtime and optimistic updates write into the cached pages) ----------

type MessagePages = InfiniteData<Page<Message>, string | undefined>

/** Newest first, ids break ties (UUIDv7 ids grow with time). */
const newestFirst = (a: Message, b: Message) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1

/** Replaces the message where it is cached, or adds it to the newest page. Idempotent by id. */
export function upsertMessage(pages: MessagePages | undefined, message: Message): MessagePages | undefined {
  if (!pages) return pages
  let found = false
  const next = pages.pages.map((page) => ({
    ...page,
    items: page.items.map((item) => {
      if (item.id !== message.id) return item
      found = true
      return message
    }),
  }))
  if (!found && next[0]) next[0] = { ...next[0], items: [message, ...next[0].items].sort(newestFirst) }
  return { ...pages, pages: next }
}

export function storeMessage(queryClient: QueryClient, org: string, message: Message) {
  const key = message.parentId
    ? repliesKey(org, message.conversationId, message.parentId)
    : messagesKey(org, message.conversationId)
  queryClient.setQueryData<MessagePages>(key, (pages) => upsertMessage(pages, message))
}

/** Moves one participant's read pointer in the cached conversation. */
export function storeReadPointer(
  queryClient: QueryClient,
  org: string,
  conversationId: string,
  userId: string,
  lastReadMessageId: string,
) {
  queryClient.setQueryData<Conversation>(conversationKey(org, conversationId), (conversation) =>
    conversation
      ? {
          ...conversation,
          participants: conversation.participants.map((p) =>
            p.userId === userId && (!p.lastReadMessageId || p.lastReadMessageId < lastReadMessageId)
              ? { ...p, lastReadMessageId }
              : p,
          ),
        }
      : conversation,
  )
}

/** Keeps the open conversation's `lastMessage` current, so reading it marks replies read too. */
export function storeLastMessage(queryClient: QueryClient, org: string, message: Message) {
  queryClient.setQueryData<Conversation>(conversationKey(org, message.conversationId), (conversation) =>
    conversation && (!conversation.lastMessage || conversation.lastMessage.id < message.id)
      ? {
          ...conversation,
          lastMessageAt: message.createdAt,
          lastMessage: {
            id: message.id,
            authorId: message.authorId,
            body: message.body.slice(0, 200),
            createdAt: message.createdAt,
            deletedAt: message.deletedAt,
          },
        }
      : conversation,
  )
}
