import {
  AddParticipants,
  Conversation,
  ConversationPage,
  ConversationParams,
  ConversationQuery,
  CreateConversation,
  CreateMessage,
  EmptyBody,
  MESSAGING_SERVER_EVENTS as EVENTS,
  MarkRead,
  Message,
  MessagePage,
  MessageParams,
  MessageQuery,
  MessageRevisionList,
  MessageSearchQuery,
  ParticipantParams,
  Problem,
  ReadState,
  UnreadTotal,
  UpdateConversation,
  UpdateMessage,
  UpdateParticipant,
} from '@minga/contracts'
import { z } from 'zod'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import * as conversations from './conversations.service.ts'
import * as messages from './messages.service.ts'
import { pushToParticipants, registerTypingRelay } from './messaging.realtime.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['messaging']
const MessageThreadQuery = MessageQuery.omit({ topLevel: true })

/**
 * Per session: 10 messages/s. A person stays far below it; a runaway client or script is stopped
 * (the chat benchmark's 20 senders at 100 messages/s send 5/s each).
 */
const SEND_RATE_PER_MINUTE = 600

export function registerMessagingRoutes(app: AppInstance) {
  const { realtime } = app.platform
  const push = (ctx: ServiceContext, recipients: readonly string[], event: string, extra: object) =>
    pushToParticipants(realtime, recipients, event, { orgId: ctx.orgId, ...extra })

  registerTypingRelay(app)

  orgRoute(app, {
    method: 'GET',
    url: '/conversations',
    permission: 'messaging:read',
    schema: {
      summary: "The caller's conversations, newest activity first, with unread counts",
      tags,
      querystring: ConversationQuery,
      response: { 200: ConversationPage, ...errors },
    },
    handler: (ctx, { query }) => conversations.listConversations(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/conversations/unread',
    permission: 'messaging:read',
    schema: {
      summary: "The caller's unread messages across conversations",
      tags,
      response: { 200: UnreadTotal, ...errors },
    },
    handler: (ctx) => conversations.unreadTotal(ctx),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/conversations',
    permission: 'messaging:write',
    idempotent: true,
    schema: {
      summary: 'Start a conversation (direct and entity ones are reused when they exist)',
      tags,
      body: CreateConversation,
      response: { 200: Conversation, 201: Conversation, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply, afterCommit }) {
      const result = await conversations.createConversation(ctx, body)
      if (result.created) {
        afterCommit(async () =>
          push(ctx, result.recipients, EVENTS.conversationChanged, {
            conversationId: result.conversation.id,
          }),
        )
      }
      reply.status(result.created ? 201 : 200)
      return result.conversation
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/conversations/:conversationId',
    permission: 'messaging:read',
    schema: {
      summary: 'One conversation with its participants and read receipts',
      tags,
      params: ConversationParams,
      response: { 200: Conversation, ...errors },
    },
    handler: (ctx, { params }) => conversations.getConversation(ctx, params.conversationId),
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/conversations/:conversationId',
    permission: 'messaging:write',
    schema: {
      summary: 'Rename a group or entity conversation (owners)',
      tags,
      params: ConversationParams,
      body: UpdateConversation,
      response: { 200: Conversation, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, afterCommit }) {
      const result = await conversations.renameConversation(ctx, params.conversationId, body.title)
      afterCommit(async () =>
        push(ctx, result.recipients, EVENTS.conversationChanged, { conversationId: params.conversationId }),
      )
      return result.conversation
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/conversations/:conversationId/participants',
    permission: 'messaging:write',
    schema: {
      summary: 'Add participants (owners; not in direct conversations)',
      tags,
      params: ConversationParams,
      body: AddParticipants,
      response: { 200: Conversation, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, afterCommit }) {
      const result = await conversations.addParticipants(ctx, params.conversationId, body)
      afterCommit(async () =>
        push(ctx, result.recipients, EVENTS.conversationChanged, { conversationId: params.conversationId }),
      )
      return result.conversation
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/conversations/:conversationId/participants/:userId',
    permission: 'messaging:write',
    schema: {
      summary: "Change a participant's role (owners)",
      tags,
      params: ParticipantParams,
      body: UpdateParticipant,
      response: { 200: Conversation, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, afterCommit }) {
      const result = await conversations.changeParticipantRole(
        ctx,
        params.conversationId,
        params.userId,
        body,
      )
      afterCommit(async () =>
        push(ctx, result.recipients, EVENTS.conversationChanged, { conversationId: params.conversationId }),
      )
      return result.conversation
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/conversations/:conversationId/participants/:userId',
    permission: 'messaging:write',
    schema: {
      summary: 'Remove a participant (owners), or yourself (leave)',
      tags,
      params: ParticipantParams,
      response: { 204: z.null(), 422: Problem, ...errors },
    },
    async handler(ctx, { params, reply, afterCommit }) {
      const result = await conversations.removeParticipant(ctx, params.conversationId, params.userId)
      afterCommit(async () =>
        push(ctx, result.recipients, EVENTS.conversationChanged, { conversationId: params.conversationId }),
      )
      reply.status(204)
      return null
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/conversations/:conversationId/leave',
    permission: 'messaging:write',
    schema: {
      summary: 'Leave a group or entity conversation',
      tags,
      params: ConversationParams,
      body: EmptyBody,
      response: { 204: z.null(), 422: Problem, ...errors },
    },
    async handler(ctx, { params, reply, afterCommit }) {
      const result = await conversations.leaveConversation(ctx, params.conversationId)
      afterCommit(async () =>
        push(ctx, result.recipients, EVENTS.conversationChanged, { conversationId: params.conversationId }),
      )
      reply.status(204)
      return null
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/conversations/:conversationId/messages',
    permission: 'messaging:read',
    schema: {
      summary: 'Messages, newest first (`before` a message id for older ones)',
      tags,
      params: ConversationParams,
      querystring: MessageQuery,
      response: { 200: MessagePage, ...errors },
    },
    handler: (ctx, { params, query }) => messages.listMessages(ctx, params.conversationId, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/conversations/:conversationId/messages/search',
    permission: 'messaging:read',
    schema: {
      summary: 'Search the messages of one conversation (accent- and case-insensitive)',
      tags,
      params: ConversationParams,
      querystring: MessageSearchQuery,
      response: { 200: MessagePage, ...errors },
    },
    handler: (ctx, { params, query }) => messages.searchMessages(ctx, params.conversationId, query),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/conversations/:conversationId/messages',
    permission: 'messaging:write',
    idempotent: true,
    rateLimitPerMinute: SEND_RATE_PER_MINUTE,
    schema: {
      summary: 'Send a message (optionally a reply, with link attachments and mentions)',
      tags,
      params: ConversationParams,
      body: CreateMessage,
      response: { 201: Message, 422: Problem, 429: Problem, ...errors },
    },
    async handler(ctx, { params, body, request, reply, afterCommit }) {
      const orgSlug = (request.params as { org: string }).org
      const result = await messages.sendMessage(ctx, params.conversationId, body, { orgSlug })
      afterCommit(async () =>
        push(ctx, result.recipients, EVENTS.messageCreated, {
          conversationId: params.conversationId,
          messageId: result.message.id,
        }),
      )
      reply.status(201)
      return result.message
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/conversations/:conversationId/messages/:messageId',
    permission: 'messaging:read',
    schema: { summary: 'One message', tags, params: MessageParams, response: { 200: Message, ...errors } },
    handler: (ctx, { params }) => messages.getMessage(ctx, params.conversationId, params.messageId),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/conversations/:conversationId/messages/:messageId/replies',
    permission: 'messaging:read',
    schema: {
      summary: "A message's thread, newest first",
      tags,
      params: MessageParams,
      querystring: MessageThreadQuery,
      response: { 200: MessagePage, ...errors },
    },
    handler: (ctx, { params, query }) =>
      messages.listReplies(ctx, params.conversationId, params.messageId, query),
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/conversations/:conversationId/messages/:messageId',
    permission: 'messaging:write',
    schema: {
      summary: 'Edit your message (the previous text is kept as a revision)',
      tags,
      params: MessageParams,
      body: UpdateMessage,
      response: { 200: Message, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, afterCommit }) {
      const result = await messages.editMessage(ctx, params.conversationId, params.messageId, body.body)
      if (result.changed) {
        afterCommit(async () =>
          push(ctx, result.recipients, EVENTS.messageUpdated, {
            conversationId: params.conversationId,
            messageId: params.messageId,
          }),
        )
      }
      return result.message
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/conversations/:conversationId/messages/:messageId',
    permission: 'messaging:write',
    schema: {
      summary: 'Delete a message (author or owner); it stays as a tombstone',
      tags,
      params: MessageParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply, afterCommit }) {
      const result = await messages.deleteMessage(ctx, params.conversationId, params.messageId)
      if (result.changed) {
        afterCommit(async () =>
          push(ctx, result.recipients, EVENTS.messageDeleted, {
            conversationId: params.conversationId,
            messageId: params.messageId,
          }),
        )
      }
      reply.status(204)
      return null
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/conversations/:conversationId/messages/:messageId/revisions',
    permission: 'messaging:read',
    schema: {
      summary: "A message's edit history (previous texts, oldest first)",
      tags,
      params: MessageParams,
      response: { 200: MessageRevisionList, ...errors },
    },
    handler: (ctx, { params }) => messages.listRevisions(ctx, params.conversationId, params.messageId),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/conversations/:conversationId/read',
    permission: 'messaging:write',
    schema: {
      summary: 'Mark the conversation read up to a message (only moves forward)',
      tags,
      params: ConversationParams,
      body: MarkRead,
      response: { 200: ReadState, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, afterCommit }) {
      const result = await messages.markRead(ctx, params.conversationId, body.messageId)
      if (result.moved) {
        afterCommit(async () =>
          push(ctx, result.recipients, EVENTS.conversationRead, {
            conversationId: params.conversationId,
            userId: result.state.userId,
            lastReadMessageId: result.state.lastReadMessageId,
          }),
        )
      }
      return result.state
    },
  })
}
