import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { users } from '../../platform/auth/auth.tables.ts'
import type { Tx } from '../../platform/db/with-org.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberships } from '../../platform/tenancy/tenancy.tables.ts'
import { conversationParticipants, conversations, messageRevisions, messages } from './messaging.tables.ts'

export type ConversationRow = typeof conversations.$inferSelect
export type ParticipantRow = typeof conversationParticipants.$inferSelect
export type MessageRow = typeof messages.$inferSelect
export type ParticipantRole = ParticipantRow['role']

const NIL_UUID = '00000000-0000-0000-0000-000000000000'

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`)

// ---- membership of the org (platform tables) ----

/** The ids among `userIds` that are not members of the org. */
export async function nonMembers(ctx: ServiceContext, userIds: readonly string[]) {
  if (userIds.length === 0) return []
  const rows = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), inArray(memberships.userId, [...userIds])))
  const found = new Set(rows.map((r) => r.userId))
  return userIds.filter((id) => !found.has(id))
}

export async function userNames(db: Tx, userIds: readonly string[]) {
  if (userIds.length === 0) return new Map<string, string>()
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...userIds]))
  return new Map(rows.map((r) => [r.id, r.name]))
}

// ---- conversations ----

export async function findConversation(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, ctx.orgId), eq(conversations.id, id)))
  return row ?? null
}

export async function findDirectConversation(ctx: ServiceContext, directKey: string) {
  const [row] = await ctx.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, ctx.orgId), eq(conversations.directKey, directKey)))
  return row ?? null
}

export async function findEntityConversation(ctx: ServiceContext, entityType: string, entityId: string) {
  const [row] = await ctx.db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, ctx.orgId),
        eq(conversations.entityType, entityType),
        eq(conversations.entityId, entityId),
      ),
    )
  return row ?? null
}

/** Null when a unique key (direct pair, entity) already exists: the caller reads the winner. */
export async function insertConversation(
  ctx: ServiceContext,
  values: Pick<ConversationRow, 'kind' | 'title' | 'directKey' | 'entityType' | 'entityId'> & { id: string },
) {
  const [row] = await ctx.db
    .insert(conversations)
    .values({
      ...values,
      orgId: ctx.orgId,
      createdBy: ctx.actor.userId,
      activityId: values.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning()
  return row ?? null
}

export async function updateConversationTitle(ctx: ServiceContext, id: string, title: string) {
  await ctx.db
    .update(conversations)
    .set({ title, updatedAt: ctx.now })
    .where(and(eq(conversations.orgId, ctx.orgId), eq(conversations.id, id)))
}

// ---- participants ----

export async function participantsOf(ctx: ServiceContext, conversationId: string) {
  return ctx.db
    .select()
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.orgId, ctx.orgId),
        eq(conversationParticipants.conversationId, conversationId),
      ),
    )
    .orderBy(asc(conversationParticipants.joinedAt), asc(conversationParticipants.userId))
}

export async function findParticipant(ctx: ServiceContext, conversationId: string, userId: string) {
  const [row] = await ctx.db
    .select()
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.orgId, ctx.orgId),
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    )
  return row ?? null
}

/** Participants with names, for several conversations at once (the list). */
export async function participantsWithNames(ctx: ServiceContext, conversationIds: readonly string[]) {
  if (conversationIds.length === 0) return []
  return ctx.db
    .select({
      conversationId: conversationParticipants.conversationId,
      userId: conversationParticipants.userId,
      role: conversationParticipants.role,
      lastReadMessageId: conversationParticipants.lastReadMessageId,
      joinedAt: conversationParticipants.joinedAt,
      name: users.name,
    })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .where(
      and(
        eq(conversationParticipants.orgId, ctx.orgId),
        inArray(conversationParticipants.conversationId, [...conversationIds]),
      ),
    )
    .orderBy(asc(conversationParticipants.joinedAt), asc(conversationParticipants.userId))
}

/** Returns the user ids actually added (already-present users are skipped). */
export async function insertParticipants(
  ctx: ServiceContext,
  conversationId: string,
  people: readonly { userId: string; role: ParticipantRole }[],
) {
  if (people.length === 0) return []
  const rows = await ctx.db
    .insert(conversationParticipants)
    .values(people.map((p) => ({ ...p, orgId: ctx.orgId, conversationId, joinedAt: ctx.now })))
    .onConflictDoNothing()
    .returning({ userId: conversationParticipants.userId })
  return rows.map((r) => r.userId)
}

export async function deleteParticipant(ctx: ServiceContext, conversationId: string, userId: string) {
  const rows = await ctx.db
    .delete(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.orgId, ctx.orgId),
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    )
    .returning({ userId: conversationParticipants.userId })
  return rows.length > 0
}

export async function updateParticipantRole(
  ctx: ServiceContext,
  conversationId: string,
  userId: string,
  role: ParticipantRole,
) {
  await ctx.db
    .update(conversationParticipants)
    .set({ role })
    .where(
      and(
        eq(conversationParticipants.orgId, ctx.orgId),
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    )
}

/** Moves a read pointer forward only; returns the pointer after the update. */
export async function advanceReadPointer(
  ctx: ServiceContext,
  conversationId: string,
  userId: string,
  messageId: string,
) {
  const p = conversationParticipants
  await ctx.db
    .update(p)
    .set({ lastReadMessageId: messageId })
    .where(
      and(
        eq(p.orgId, ctx.orgId),
        eq(p.conversationId, conversationId),
        eq(p.userId, userId),
        sql`(${p.lastReadMessageId} is null or ${p.lastReadMessageId} < ${messageId})`,
      ),
    )
}

// ---- the conversation list and unread counts ----

const unreadSql = (userIdCol: unknown, lastReadCol: unknown) => sql<number>`(
  select count(*)::int from ${messages} m
  where m.org_id = ${conversations.orgId} and m.conversation_id = ${conversations.id}
    and m.id > coalesce(${lastReadCol}, ${NIL_UUID}::uuid)
    and m.author_id <> ${userIdCol} and m.deleted_at is null)`

/** The user's conversations, newest activity first, with the unread count and last message: one query. */
export async function listConversationsOf(
  ctx: ServiceContext,
  userId: string,
  page: { limit: number; after?: string | undefined },
) {
  const p = conversationParticipants
  return ctx.db
    .select({
      conversation: conversations,
      myRole: p.role,
      unreadCount: unreadSql(p.userId, p.lastReadMessageId),
      lastMessage: {
        id: messages.id,
        authorId: messages.authorId,
        body: sql<string>`left(${messages.body}, 200)`,
        createdAt: messages.createdAt,
        deletedAt: messages.deletedAt,
      },
    })
    .from(p)
    .innerJoin(conversations, and(eq(conversations.orgId, p.orgId), eq(conversations.id, p.conversationId)))
    .leftJoin(
      messages,
      and(eq(messages.orgId, conversations.orgId), eq(messages.id, conversations.lastMessageId)),
    )
    .where(
      and(
        eq(p.orgId, ctx.orgId),
        eq(p.userId, userId),
        page.after ? lt(conversations.activityId, page.after) : undefined,
      ),
    )
    .orderBy(desc(conversations.activityId))
    .limit(page.limit + 1)
}

export async function oneConversationOf(ctx: ServiceContext, userId: string, conversationId: string) {
  const p = conversationParticipants
  const [row] = await ctx.db
    .select({
      conversation: conversations,
      myRole: p.role,
      unreadCount: unreadSql(p.userId, p.lastReadMessageId),
      lastMessage: {
        id: messages.id,
        authorId: messages.authorId,
        body: sql<string>`left(${messages.body}, 200)`,
        createdAt: messages.createdAt,
        deletedAt: messages.deletedAt,
      },
    })
    .from(p)
    .innerJoin(conversations, and(eq(conversations.orgId, p.orgId), eq(conversations.id, p.conversationId)))
    .leftJoin(
      messages,
      and(eq(messages.orgId, conversations.orgId), eq(messages.id, conversations.lastMessageId)),
    )
    .where(and(eq(p.orgId, ctx.orgId), eq(p.userId, userId), eq(p.conversationId, conversationId)))
  return row ?? null
}

export async function unreadCount(ctx: ServiceContext, conversationId: string, userId: string) {
  const p = conversationParticipants
  const [row] = await ctx.db
    .select({ n: unreadSql(p.userId, p.lastReadMessageId) })
    .from(p)
    .innerJoin(conversations, and(eq(conversations.orgId, p.orgId), eq(conversations.id, p.conversationId)))
    .where(and(eq(p.orgId, ctx.orgId), eq(p.userId, userId), eq(p.conversationId, conversationId)))
  return row?.n ?? 0
}

export async function unreadTotals(ctx: ServiceContext, userId: string) {
  const p = conversationParticipants
  const [row] = await ctx.db
    .select({
      total: sql<number>`coalesce(sum(u.n), 0)::int`,
      conversations: sql<number>`count(*) filter (where u.n > 0)::int`,
    })
    .from(
      ctx.db
        .select({ n: unreadSql(p.userId, p.lastReadMessageId).as('n') })
        .from(p)
        .innerJoin(
          conversations,
          and(eq(conversations.orgId, p.orgId), eq(conversations.id, p.conversationId)),
        )
        .where(and(eq(p.orgId, ctx.orgId), eq(p.userId, userId)))
        .as('u'),
    )
  return { total: row?.total ?? 0, conversations: row?.conversations ?? 0 }
}

// ---- messages ----

export async function findMessage(ctx: ServiceContext, conversationId: string, messageId: string) {
  const [row] = await ctx.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.orgId, ctx.orgId),
        eq(messages.conversationId, conversationId),
        eq(messages.id, messageId),
      ),
    )
  return row ?? null
}

export async function insertMessage(
  ctx: ServiceContext,
  values: Pick<MessageRow, 'conversationId' | 'parentId' | 'body' | 'attachments' | 'mentions'> & {
    authorId: string
  },
) {
  const [row] = await ctx.db
    .insert(messages)
    .values({ ...values, orgId: ctx.orgId, createdAt: ctx.now })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

/**
 * The rest of the send path in one statement: the conversation's last message (and list order),
 * the author's read pointer, and the thread root's reply count.
 */
export async function recordSent(ctx: ServiceContext, message: MessageRow) {
  await ctx.db.execute(sql`
    with conv as (
      update ${conversations} set last_message_id = ${message.id}, last_message_at = ${message.createdAt.toISOString()}::timestamptz,
        activity_id = ${message.id}
      where org_id = ${ctx.orgId} and id = ${message.conversationId}
        and (last_message_id is null or last_message_id < ${message.id})
      returning 1
    ), reader as (
      update ${conversationParticipants} set last_read_message_id = ${message.id}
      where org_id = ${ctx.orgId} and conversation_id = ${message.conversationId}
        and user_id = ${message.authorId}
        and (last_read_message_id is null or last_read_message_id < ${message.id})
      returning 1
    ), root as (
      update ${messages} set reply_count = reply_count + 1
      where ${message.parentId === null ? sql`false` : sql`org_id = ${ctx.orgId} and id = ${message.parentId}`}
      returning 1
    )
    select (select count(*) from conv) + (select count(*) from reader) + (select count(*) from root)`)
}

export async function listMessages(
  ctx: ServiceContext,
  conversationId: string,
  filter: {
    limit: number
    before?: string | undefined
    topLevel?: boolean
    parentId?: string
    q?: string
  },
) {
  return ctx.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.orgId, ctx.orgId),
        eq(messages.conversationId, conversationId),
        filter.before ? lt(messages.id, filter.before) : undefined,
        filter.topLevel ? isNull(messages.parentId) : undefined,
        filter.parentId ? eq(messages.parentId, filter.parentId) : undefined,
        filter.q
          ? sql`${messages.deletedAt} is null and unaccent(${messages.body}) ilike unaccent(${`%${escapeLike(filter.q)}%`})`
          : undefined,
      ),
    )
    .orderBy(desc(messages.id))
    .limit(filter.limit + 1)
}

export async function updateMessageBody(ctx: ServiceContext, message: MessageRow, body: string) {
  await ctx.db.insert(messageRevisions).values({
    orgId: ctx.orgId,
    messageId: message.id,
    body: message.body,
    editedBy: ctx.actor.userId,
    editedAt: ctx.now,
  })
  const [row] = await ctx.db
    .update(messages)
    .set({ body, editedAt: ctx.now })
    .where(and(eq(messages.orgId, ctx.orgId), eq(messages.id, message.id)))
    .returning()
  if (!row) throw new Error('update returned no row')
  return row
}

/** Tombstone: the text and attachments go, the row stays so threads and receipts keep their place. */
export async function tombstoneMessage(ctx: ServiceContext, messageId: string) {
  const [row] = await ctx.db
    .update(messages)
    .set({ body: '', attachments: [], mentions: [], deletedAt: ctx.now })
    .where(and(eq(messages.orgId, ctx.orgId), eq(messages.id, messageId), isNull(messages.deletedAt)))
    .returning()
  return row ?? null
}

export async function listRevisions(ctx: ServiceContext, messageId: string) {
  return ctx.db
    .select()
    .from(messageRevisions)
    .where(and(eq(messageRevisions.orgId, ctx.orgId), eq(messageRevisions.messageId, messageId)))
    .orderBy(asc(messageRevisions.id))
}

/** Edit history is removed with the message's text: a deleted message keeps no readable body. */
export async function deleteRevisions(ctx: ServiceContext, messageId: string) {
  await ctx.db
    .delete(messageRevisions)
    .where(and(eq(messageRevisions.orgId, ctx.orgId), eq(messageRevisions.messageId, messageId)))
}
