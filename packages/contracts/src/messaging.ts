import { z } from 'zod'
import { pageOf } from './pagination.ts'

/**
 * Messaging (chat): direct, group and entity-linked conversations between org members.
 * Every route is under `/api/v1/orgs/:org/conversations`; a caller reaches only conversations they
 * participate in (anything else is 404). See docs/modules/messaging.md.
 */

export const ConversationKind = z.enum(['direct', 'group', 'entity'])
export type ConversationKind = z.infer<typeof ConversationKind>

export const ParticipantRole = z.enum(['owner', 'member'])
export type ParticipantRole = z.infer<typeof ParticipantRole>

export const ConversationParticipant = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    role: ParticipantRole,
    /** Read receipt: the newest message this participant has read (only moves forward). */
    lastReadMessageId: z.uuid().nullable(),
    joinedAt: z.string(),
  })
  .meta({ id: 'ConversationParticipant' })
export type ConversationParticipant = z.infer<typeof ConversationParticipant>

/** A link only: the platform has no file storage yet (files module, issue 4). */
export const MessageAttachment = z.object({ name: z.string(), url: z.string() })
export type MessageAttachment = z.infer<typeof MessageAttachment>

export const Message = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    authorId: z.uuid(),
    /** Set on a reply: the thread's root message (same conversation). */
    parentId: z.uuid().nullable(),
    /** Empty string once deleted (tombstone: show "mensaje eliminado"). */
    body: z.string(),
    attachments: z.array(MessageAttachment),
    /** User ids mentioned (validated participants at send time). */
    mentions: z.array(z.uuid()),
    /** Replies in this message's thread (0 for replies themselves). */
    replyCount: z.number().int(),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    deletedAt: z.string().nullable(),
  })
  .meta({ id: 'Message' })
export type Message = z.infer<typeof Message>

/** The conversation list's preview of the newest message. */
export const MessagePreview = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  /** At most 200 characters; empty when deleted. */
  body: z.string(),
  createdAt: z.string(),
  deletedAt: z.string().nullable(),
})
export type MessagePreview = z.infer<typeof MessagePreview>

export const Conversation = z
  .object({
    id: z.uuid(),
    kind: ConversationKind,
    /** Null for direct conversations: show the other participant's name. */
    title: z.string().nullable(),
    entityType: z.string().nullable(),
    entityId: z.uuid().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    lastMessageAt: z.string().nullable(),
    lastMessage: MessagePreview.nullable(),
    /** Messages by others newer than the caller's read pointer. */
    unreadCount: z.number().int(),
    /** The caller's role here. */
    myRole: ParticipantRole,
    participants: z.array(ConversationParticipant),
  })
  .meta({ id: 'Conversation' })
export type Conversation = z.infer<typeof Conversation>

/** Newest activity first; pass `nextCursor` back as `cursor`. */
export const ConversationPage = pageOf(Conversation)
export const ConversationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
})

const title = z.string().trim().min(1).max(120)
const participantIds = z.array(z.uuid()).max(199)
/** e.g. project, mentorship, meeting, order. */
export const EntityType = z
  .string()
  .regex(/^[a-z][a-z_]{1,39}$/, 'Lowercase letters and underscores, e.g. project')

/**
 * Direct: exactly the caller and `userId` (creating it again returns the existing one, 200).
 * Group: a title and 1–199 others (2–200 with the caller, who becomes owner).
 * Entity: one per (entityType, entityId); creating it again returns the existing one.
 * Every participant must be a member of the org (422 `body.participantIds` / `body.userId`).
 */
export const CreateConversation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('direct'), userId: z.uuid() }),
  z.strictObject({ kind: z.literal('group'), title, participantIds: participantIds.min(1) }),
  z.strictObject({
    kind: z.literal('entity'),
    entityType: EntityType,
    entityId: z.uuid(),
    title,
    participantIds: participantIds.default([]),
  }),
])
export type CreateConversation = z.input<typeof CreateConversation>

/** Owners only; not for direct conversations. */
export const UpdateConversation = z.strictObject({ title })
export type UpdateConversation = z.infer<typeof UpdateConversation>

/** Owners only; not for direct conversations. Already-present users are ignored. */
export const AddParticipants = z.strictObject({ userIds: z.array(z.uuid()).min(1).max(199) })
export type AddParticipants = z.infer<typeof AddParticipants>

/** Owners only. `role` promotes or demotes. */
export const UpdateParticipant = z.strictObject({ role: ParticipantRole })
export type UpdateParticipant = z.infer<typeof UpdateParticipant>

export const ConversationParams = z.object({ conversationId: z.uuid() })
export const ParticipantParams = z.object({ conversationId: z.uuid(), userId: z.uuid() })
export const MessageParams = z.object({ conversationId: z.uuid(), messageId: z.uuid() })

export const MESSAGE_MAX_LENGTH = 4000

/**
 * The schema accepts up to 64 KB so an oversize message gets a clear 422 `body.body` from the server
 * (limit MESSAGE_MAX_LENGTH) rather than a generic 400; clients should check MESSAGE_MAX_LENGTH.
 */
export const MessageBody = z.string().trim().min(1).max(64_000)

export const CreateMessageAttachment = z.strictObject({
  name: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https$/ }).max(2000),
})
export type CreateMessageAttachment = z.infer<typeof CreateMessageAttachment>

/**
 * `parentId`: reply in that message's thread (a reply to a reply joins the same thread).
 * `mentions`: user ids the client picked in the composer; each must be a participant
 * (422 `body.mentions`), the author is ignored. Send `Idempotency-Key` to make retries safe.
 */
export const CreateMessage = z.strictObject({
  body: MessageBody,
  parentId: z.uuid().optional(),
  attachments: z.array(CreateMessageAttachment).max(10).default([]),
  mentions: z.array(z.uuid()).max(50).default([]),
})
export type CreateMessage = z.input<typeof CreateMessage>

/** Author only; the previous body is kept as a revision. */
export const UpdateMessage = z.strictObject({ body: MessageBody })
export type UpdateMessage = z.infer<typeof UpdateMessage>

/** Newest first. `before`: a message id (the oldest one you have) to load older messages. */
export const MessageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.uuid().optional(),
  /** 'true': only thread roots and plain messages, not replies. */
  topLevel: z.enum(['true', 'false']).optional(),
})
export type MessageQuery = z.infer<typeof MessageQuery>

/** Search within one conversation: accent- and case-insensitive (canción = cancion). */
export const MessageSearchQuery = z.object({
  /** Required; checked after access, so a missing `q` on someone else's conversation is still 404. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.uuid().optional(),
})
export type MessageSearchQuery = z.infer<typeof MessageSearchQuery>

/** `nextCursor` is a message id to pass as `before` (null: no older messages). */
export const MessagePage = pageOf(Message)

export const MessageRevision = z.object({
  id: z.uuid(),
  messageId: z.uuid(),
  /** The body as it was before that edit. */
  body: z.string(),
  editedAt: z.string(),
})
export type MessageRevision = z.infer<typeof MessageRevision>
export const MessageRevisionList = z.object({ items: z.array(MessageRevision) })

/** Moves the caller's read pointer forward (an older id is ignored). */
export const MarkRead = z.strictObject({ messageId: z.uuid() })
export type MarkRead = z.infer<typeof MarkRead>

export const ReadState = z.object({
  conversationId: z.uuid(),
  userId: z.uuid(),
  lastReadMessageId: z.uuid().nullable(),
  unreadCount: z.number().int(),
})
export type ReadState = z.infer<typeof ReadState>

export const UnreadTotal = z.object({ total: z.number().int(), conversations: z.number().int() })
export type UnreadTotal = z.infer<typeof UnreadTotal>

/** Socket.IO events pushed to each participant (`emitToUser`). At least once: dedupe by ids. */
export type MessageEvent = { orgId: string; conversationId: string; messageId: string }
export type ConversationReadEvent = {
  orgId: string
  conversationId: string
  userId: string
  lastReadMessageId: string
}
export type ConversationTypingEvent = { orgId: string; conversationId: string; userId: string; name: string }
/** Pushed to participants when a conversation is created or its participants/title change. */
export type ConversationChangedEvent = { orgId: string; conversationId: string }
export const MESSAGING_SERVER_EVENTS = {
  messageCreated: 'message.created',
  messageUpdated: 'message.updated',
  messageDeleted: 'message.deleted',
  conversationRead: 'conversation.read',
  conversationTyping: 'conversation.typing',
  conversationChanged: 'conversation.updated',
} as const

/** Client → server: `socket.emit('conversation:typing', { orgSlug, conversationId })`, at most every ~2 s. */
export const TypingClientEvent = z.strictObject({
  orgSlug: z.string().min(1).max(100),
  conversationId: z.uuid(),
})
export type TypingClientEvent = z.infer<typeof TypingClientEvent>
export const TYPING_CLIENT_EVENT = 'conversation:typing'
