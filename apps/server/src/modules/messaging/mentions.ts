import { z } from 'zod'
import type { NotificationTypeDef } from '../../platform/notification-type.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { findMemberView } from '../../platform/tenancy/tenancy.repository.ts'
import { notify } from '../notifications/index.ts'
import type { MessageRow } from './messaging.repository.ts'

export const MENTION_NOTIFICATION = 'messaging.mention'

const MentionPayload = z.object({
  orgSlug: z.string(),
  conversationId: z.uuid(),
  messageId: z.uuid(),
  authorName: z.string(),
  /** The first characters of the message, for the inbox and the email. */
  excerpt: z.string(),
})
type MentionPayload = z.infer<typeof MentionPayload>

export const mentionNotificationType: NotificationTypeDef<MentionPayload> = {
  key: MENTION_NOTIFICATION,
  label: { es: 'Menciones en mensajes', en: 'Mentions in messages' },
  description: {
    es: 'Alguien te mencionó en una conversación.',
    en: 'Someone mentioned you in a conversation.',
  },
  payload: MentionPayload,
  defaultChannels: ['in_app', 'email'],
  digestable: true,
  render(payload, locale) {
    return {
      title:
        locale === 'es'
          ? `${payload.authorName} te mencionó en un mensaje`
          : `${payload.authorName} mentioned you in a message`,
      body: payload.excerpt,
      url: `/o/${payload.orgSlug}/messages/${payload.conversationId}`,
    }
  },
}

const EXCERPT_LENGTH = 280

/** One notification request per mentioned user, deduplicated by message and user (retries are no-ops). */
export async function notifyMentions(
  ctx: ServiceContext,
  message: MessageRow,
  mentioned: readonly string[],
  orgSlug: string,
) {
  const author = await findMemberView(ctx.db, ctx.orgId, message.authorId)
  const excerpt =
    message.body.length > EXCERPT_LENGTH ? `${message.body.slice(0, EXCERPT_LENGTH - 1)}…` : message.body
  const payload: MentionPayload = {
    orgSlug,
    conversationId: message.conversationId,
    messageId: message.id,
    authorName: author?.name ?? '',
    excerpt,
  }
  for (const userId of mentioned) {
    await notify(ctx, {
      type: MENTION_NOTIFICATION,
      recipients: [userId],
      payload,
      dedupeKey: `${message.id}:${userId}`,
      resource: { type: 'message', id: message.id },
    })
  }
}
