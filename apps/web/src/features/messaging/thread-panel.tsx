import { Blockquote, Drawer, Stack, Text } from '@mantine/core'
import type { Conversation } from '@minga/contracts'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Composer, type MentionCandidate, type OutgoingMessage } from './composer.tsx'
import { MessageLog } from './conversation-thread.tsx'
import { formatDateTime } from './message-format.ts'
import { type MessageActions, MessageItem } from './message-item.tsx'
import { messageQuery, repliesQuery } from './messaging-api.ts'
import { PendingMessageItem } from './pending-message-item.tsx'
import type { PendingMessage } from './use-pending-messages.ts'

/**
 * A message's thread in a side drawer: the root quoted at the top ("En respuesta a Ana"), its
 * replies oldest first, and a composer that replies in the thread.
 */
export function ThreadPanel({
  slug,
  conversation,
  rootId,
  myId,
  nameOf,
  candidates,
  pending,
  onSend,
  onRetry,
  onDiscard,
  onTyping,
  actions,
  onClose,
}: {
  slug: string
  conversation: Conversation
  rootId: string | null
  myId: string | undefined
  nameOf: (userId: string) => string | undefined
  candidates: MentionCandidate[]
  pending: PendingMessage[]
  onSend: (message: OutgoingMessage) => void
  onRetry: (message: PendingMessage) => void
  onDiscard: (clientId: string) => void
  onTyping: () => void
  actions: MessageActions
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Drawer
      opened={rootId !== null}
      onClose={onClose}
      position="right"
      title={t('messaging.threadPanel.title')}
      size="md"
    >
      {rootId ? (
        <ThreadBody
          slug={slug}
          conversation={conversation}
          rootId={rootId}
          myId={myId}
          nameOf={nameOf}
          candidates={candidates}
          pending={pending}
          onSend={onSend}
          onRetry={onRetry}
          onDiscard={onDiscard}
          onTyping={onTyping}
          actions={actions}
        />
      ) : null}
    </Drawer>
  )
}

function ThreadBody({
  slug,
  conversation,
  rootId,
  myId,
  nameOf,
  candidates,
  pending,
  onSend,
  onRetry,
  onDiscard,
  onTyping,
  actions,
}: Omit<Parameters<typeof ThreadPanel>[0], 'rootId' | 'onClose'> & { rootId: string }) {
  const { t, i18n } = useTranslation()
  const root = useQuery(messageQuery(slug, conversation.id, rootId))
  const replies = useInfiniteQuery(repliesQuery(slug, conversation.id, rootId))
  const items = [...(replies.data?.pages ?? [])].flatMap((page) => page.items).reverse()
  const authorName = (userId: string) => nameOf(userId) ?? t('messaging.message.unknownAuthor')
  const rootMessage = root.data

  return (
    <Stack gap="sm" h="calc(100dvh - 100px)">
      {rootMessage ? (
        <Blockquote p="xs" cite={formatDateTime(rootMessage.createdAt, i18n.language)}>
          <Text size="xs" fw={600}>
            {t('messaging.threadPanel.inReplyTo', { name: authorName(rootMessage.authorId) })}
          </Text>
          <Text
            size="sm"
            lineClamp={6}
            style={{ whiteSpace: 'pre-wrap' }}
            fs={rootMessage.deletedAt ? 'italic' : undefined}
          >
            {rootMessage.deletedAt ? t('messaging.message.deleted') : rootMessage.body}
          </Text>
        </Blockquote>
      ) : null}
      <MessageLog
        label={t('messaging.threadPanel.title')}
        messages={replies}
        extraCount={pending.length}
        loadOlderLabel={t('messaging.threadPanel.loadOlder')}
      >
        {replies.data && items.length === 0 && pending.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('messaging.threadPanel.noReplies')}
          </Text>
        ) : null}
        {items.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            authorName={authorName(m.authorId)}
            nameOf={nameOf}
            mine={m.authorId === myId}
            canDelete={conversation.myRole === 'owner'}
            actions={actions}
          />
        ))}
        {pending.map((p) => (
          <PendingMessageItem
            key={p.clientId}
            message={p}
            authorName={myId ? authorName(myId) : ''}
            onRetry={() => onRetry(p)}
            onDiscard={() => onDiscard(p.clientId)}
          />
        ))}
      </MessageLog>
      <Composer
        label={t('messaging.composer.replyLabel')}
        candidates={candidates}
        onSend={onSend}
        onTyping={onTyping}
        autoFocus
      />
    </Stack>
  )
}
