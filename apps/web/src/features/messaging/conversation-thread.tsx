import { Alert, Box, Button, Divider, Group, Stack, Text, Title } from '@mantine/core'
import type { Conversation, Message } from '@minga/contracts'
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { Composer, type MentionCandidate } from './composer.tsx'
import { kindLabel } from './conversation-list.tsx'
import { conversationName, dayLabel, seenBy, withDaySeparators } from './message-format.ts'
import { type MessageActions, MessageItem } from './message-item.tsx'
import { MessageSearch } from './message-search.tsx'
import {
  conversationQuery,
  deleteMessage,
  editMessage,
  fetchMessage,
  messagesQuery,
  messagingMembersQuery,
  storeMessage,
} from './messaging-api.ts'
import { PendingMessageItem } from './pending-message-item.tsx'
import { ThreadPanel } from './thread-panel.tsx'
import { TypingIndicator } from './typing-indicator.tsx'
import { useMarkRead } from './use-mark-read.ts'
import { useTypingEmitter } from './use-messaging-live.ts'
import { usePendingMessages } from './use-pending-messages.ts'

/** Names by user id: the participants first, then the org's members (people who left). */
export function useNameOf(slug: string, conversation: Conversation | undefined) {
  const members = useQuery(messagingMembersQuery(slug)).data?.items ?? []
  return (userId: string) =>
    conversation?.participants.find((p) => p.userId === userId)?.name ??
    members.find((m) => m.userId === userId)?.name
}

/** The open conversation: header, searchable message log, typing line, composer, thread panel. */
export function ConversationThread({
  slug,
  conversationId,
  myId,
  typing,
}: {
  slug: string
  conversationId: string
  myId: string | undefined
  typing: { userId: string; name: string }[]
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const conversation = useQuery(conversationQuery(slug, conversationId))
  const messages = useInfiniteQuery(messagesQuery(slug, conversationId))
  const nameOf = useNameOf(slug, conversation.data)
  const { pending, send, retry, discard } = usePendingMessages(slug, conversationId)
  const emitTyping = useTypingEmitter(slug, conversationId)
  const [threadRootId, setThreadRootId] = useState<string | null>(null)
  const [searching, setSearching] = useState(false)

  // Oldest first for display; pages come newest first.
  const timeline = [...(messages.data?.pages ?? [])].flatMap((page) => page.items).reverse()
  const newest = timeline.at(-1)
  useMarkRead(slug, conversationId, conversation.data, myId, newest)

  if (conversation.isPending) return <PageLoader />
  if (!conversation.data) {
    const missing = isApiError(conversation.error) && conversation.error.status === 404
    return (
      <Alert color={missing ? 'yellow' : 'red'} role="alert">
        {missing ? t('messaging.thread.notFound') : errorMessage(t, conversation.error)}
      </Alert>
    )
  }
  const detail = conversation.data
  const name = conversationName(detail, myId, t('messaging.message.unknownAuthor'))
  const candidates: MentionCandidate[] = detail.participants
    .filter((p) => p.userId !== myId)
    .map((p) => ({ userId: p.userId, name: p.name }))
  const authorName = (userId: string) => nameOf(userId) ?? t('messaging.message.unknownAuthor')
  const actions: MessageActions = {
    onOpenThread: (message) => setThreadRootId(message.id),
    onEdit: async (message, body) =>
      storeMessage(queryClient, slug, await editMessage(slug, conversationId, message.id, body)),
    onDelete: async (message) => {
      await deleteMessage(slug, conversationId, message.id)
      storeMessage(queryClient, slug, await fetchMessage(slug, conversationId, message.id))
    },
  }
  const seen = newest ? seenBy(detail, newest, myId).map((p) => p.name) : []
  const topLevelPending = pending.filter((p) => !p.parentId)

  return (
    <Stack component="section" aria-label={t('messaging.thread.label', { name })} h="100%" gap="xs">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Box hiddenFrom="sm">
            <AnchorLink to="/o/$org/messages" params={{ org: slug }} size="sm">
              ← {t('messaging.list.back')}
            </AnchorLink>
          </Box>
          <Title order={2} size="h4">
            {name}
          </Title>
          <Text size="xs" c="dimmed">
            {kindLabel(t, detail)} ·{' '}
            {t('messaging.thread.participants', { count: detail.participants.length })}
          </Text>
        </div>
        <Button
          variant="default"
          size="xs"
          onClick={() => setSearching((open) => !open)}
          aria-expanded={searching}
        >
          {searching ? t('messaging.search.close') : t('messaging.search.open')}
        </Button>
      </Group>
      {searching ? (
        <MessageSearch
          slug={slug}
          conversationId={conversationId}
          authorName={authorName}
          onPick={(message) => {
            if (message.parentId) setThreadRootId(message.parentId)
            else
              document.querySelector(`[data-message-id="${message.id}"]`)?.scrollIntoView({ block: 'center' })
          }}
        />
      ) : null}
      <MessageLog
        label={t('messaging.thread.messages', { name })}
        messages={messages}
        extraCount={topLevelPending.length}
        beginningLabel={t('messaging.thread.beginning')}
      >
        {timeline.length === 0 && topLevelPending.length === 0 && !messages.isPending ? (
          <Text size="sm" c="dimmed" ta="center" py="lg">
            {t('messaging.thread.empty')}
          </Text>
        ) : null}
        {withDaySeparators(timeline).map((item) =>
          item.type === 'day' ? (
            <DaySeparator key={`day-${item.day}`} day={item.day} />
          ) : (
            <MessageItem
              key={item.message.id}
              message={item.message}
              authorName={authorName(item.message.authorId)}
              nameOf={nameOf}
              mine={item.message.authorId === myId}
              canDelete={detail.myRole === 'owner'}
              seenBy={item.message.id === newest?.id && topLevelPending.length === 0 ? seen : undefined}
              actions={actions}
            />
          ),
        )}
        {topLevelPending.map((p) => (
          <PendingMessageItem
            key={p.clientId}
            message={p}
            authorName={myId ? authorName(myId) : ''}
            onRetry={() => void retry(p)}
            onDiscard={() => discard(p.clientId)}
          />
        ))}
      </MessageLog>
      <TypingIndicator people={typing} />
      <Composer
        label={t('messaging.composer.label')}
        candidates={candidates}
        onSend={(message) => send(message)}
        onTyping={emitTyping}
        autoFocus
      />
      <ThreadPanel
        slug={slug}
        conversation={detail}
        rootId={threadRootId}
        myId={myId}
        nameOf={nameOf}
        candidates={candidates}
        pending={pending.filter((p) => p.parentId && p.parentId === threadRootId)}
        onSend={(message) => threadRootId && send(message, threadRootId)}
        onRetry={(p) => void retry(p)}
        onDiscard={discard}
        onTyping={emitTyping}
        actions={{ onEdit: actions.onEdit, onDelete: actions.onDelete }}
        onClose={() => setThreadRootId(null)}
      />
    </Stack>
  )
}

export function DaySeparator({ day }: { day: string }) {
  const { t, i18n } = useTranslation()
  const label = dayLabel(day, i18n.language)
  return (
    <Divider
      my="xs"
      labelPosition="center"
      label={
        label === 'today'
          ? t('messaging.thread.today')
          : label === 'yesterday'
            ? t('messaging.thread.yesterday')
            : label
      }
    />
  )
}

type MessagesResult = ReturnType<typeof useInfiniteQuery<{ items: Message[]; nextCursor: string | null }>>

/**
 * The scrolling log (newest at the bottom). Reaching the top loads older pages (the button does the
 * same for keyboards and screen readers) without moving what is on screen; a new message at the
 * bottom scrolls into view when the reader was already at the bottom.
 */
export function MessageLog({
  label,
  messages,
  extraCount,
  loadOlderLabel,
  beginningLabel,
  children,
}: {
  label: string
  messages: Pick<
    MessagesResult,
    'data' | 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage' | 'isPending'
  >
  extraCount: number
  loadOlderLabel?: string
  /** Shown above the oldest message once there is nothing older to load. */
  beginningLabel?: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const log = useRef<HTMLDivElement>(null)
  const sentinel = useRef<HTMLDivElement>(null)
  const snapshot = useRef({ scrollHeight: 0, scrollTop: 0, nearBottom: true, first: '', last: '', extra: 0 })
  const pages = messages.data?.pages ?? []
  const first = pages.at(-1)?.items.at(-1)?.id ?? ''
  const last = pages[0]?.items[0]?.id ?? ''
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages

  useLayoutEffect(() => {
    const element = log.current
    if (!element) return
    const before = snapshot.current
    if (first !== before.first && last === before.last && before.first !== '') {
      // Older messages were added above: keep the same message under the reader's eyes.
      element.scrollTop = element.scrollHeight - before.scrollHeight + before.scrollTop
    } else if (last !== before.last || extraCount > before.extra) {
      if (before.nearBottom || extraCount > before.extra) element.scrollTop = element.scrollHeight
    }
    snapshot.current = {
      scrollHeight: element.scrollHeight,
      scrollTop: element.scrollTop,
      nearBottom: element.scrollHeight - element.scrollTop - element.clientHeight < 120,
      first,
      last,
      extra: extraCount,
    }
  }, [first, last, extraCount])

  useEffect(() => {
    const target = sentinel.current
    if (!target || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && hasNextPage && !isFetchingNextPage) void fetchNextPage()
      },
      { root: log.current, rootMargin: '200px 0px 0px 0px' },
    )
    observer.observe(target)
    return () => observer.disconnect()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  return (
    <Box
      ref={log}
      role="log"
      aria-label={label}
      tabIndex={0}
      style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}
      onScroll={(event) => {
        const element = event.currentTarget
        snapshot.current.scrollTop = element.scrollTop
        snapshot.current.scrollHeight = element.scrollHeight
        snapshot.current.nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 120
      }}
    >
      <div ref={sentinel} />
      {hasNextPage ? (
        <Group justify="center" py={4}>
          <Button
            variant="subtle"
            size="xs"
            loading={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {loadOlderLabel ?? t('messaging.thread.loadOlder')}
          </Button>
        </Group>
      ) : beginningLabel && pages[0]?.items.length ? (
        <Text size="xs" c="dimmed" ta="center" py={4}>
          {beginningLabel}
        </Text>
      ) : null}
      {children}
    </Box>
  )
}
