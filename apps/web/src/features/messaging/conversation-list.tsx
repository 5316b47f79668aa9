import { Badge, Button, Group, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core'
import type { Conversation } from '@minga/contracts'
import type { TFunction } from 'i18next'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLinkLink } from '../../ui/router-links.tsx'
import { conversationName, foldText, formatListTime } from './message-format.ts'

/** Direct / group / linked, with the entity type for linked ones ("Vinculada · Proyecto"). */
export function kindLabel(t: TFunction, conversation: Conversation): string {
  const kind = t(`messaging.kinds.${conversation.kind}`)
  if (conversation.kind !== 'entity' || !conversation.entityType) return kind
  const known = ['project', 'mentorship', 'meeting', 'order'] as const
  const type = known.find((k) => k === conversation.entityType)
  return `${kind} · ${type ? t(`messaging.entityTypes.${type}`) : conversation.entityType}`
}

/**
 * The caller's conversations, newest activity first, as a named navigation landmark. The search box
 * filters the loaded conversations by name or participant (the API has no conversation search).
 */
export function ConversationList({
  slug,
  conversations,
  myId,
  activeId,
  hasMore,
  loadingMore,
  onLoadMore,
  onNew,
}: {
  slug: string
  conversations: Conversation[]
  myId: string | undefined
  activeId: string | undefined
  hasMore: boolean
  loadingMore: boolean
  onLoadMore: () => void
  onNew: () => void
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const visible = useMemo(() => {
    const q = foldText(search.trim())
    if (!q) return conversations
    return conversations.filter((c) =>
      [c.title ?? '', ...c.participants.map((p) => p.name)].some((text) => foldText(text).includes(q)),
    )
  }, [conversations, search])

  return (
    <Stack component="nav" aria-label={t('messaging.list.label')} gap="sm" h="100%">
      <Group justify="space-between" gap="xs">
        <Text component="h2" fw={700} size="lg" m={0}>
          {t('messaging.list.label')}
        </Text>
        <Button size="xs" onClick={onNew}>
          {t('messaging.list.newConversation')}
        </Button>
      </Group>
      <TextInput
        type="search"
        label={t('messaging.list.search')}
        placeholder={t('messaging.list.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {conversations.length === 0 ? (
        <Stack gap={4} ta="center" py="lg">
          <Text fw={600}>{t('messaging.list.empty')}</Text>
          <Text size="sm" c="dimmed">
            {t('messaging.list.emptyHint')}
          </Text>
        </Stack>
      ) : visible.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('messaging.list.noMatches')}
        </Text>
      ) : null}
      <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none', overflowY: 'auto', flex: 1 }}>
        {visible.map((c) => (
          <li key={c.id}>
            <ConversationLink slug={slug} conversation={c} myId={myId} active={c.id === activeId} />
          </li>
        ))}
      </Stack>
      {hasMore ? (
        <Button variant="default" size="xs" loading={loadingMore} onClick={onLoadMore}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  )
}

function ConversationLink({
  slug,
  conversation,
  myId,
  active,
}: {
  slug: string
  conversation: Conversation
  myId: string | undefined
  active: boolean
}) {
  const { t, i18n } = useTranslation()
  const name = conversationName(conversation, myId, t('messaging.message.unknownAuthor'))
  const last = conversation.lastMessage
  const author = last
    ? last.authorId === myId
      ? t('messaging.list.you')
      : conversation.participants.find((p) => p.userId === last.authorId)?.name
    : undefined
  const preview = !last
    ? t('messaging.list.noMessages')
    : last.deletedAt
      ? t('messaging.list.deletedPreview')
      : `${author ? `${author}: ` : ''}${last.body}`
  return (
    <NavLinkLink
      to="/o/$org/messages/$conversationId"
      params={{ org: slug, conversationId: conversation.id }}
      active={active}
      aria-current={active ? 'page' : undefined}
      label={
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={conversation.unreadCount > 0 ? 700 : 500} size="sm" truncate>
            {name}
          </Text>
          {last ? (
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {formatListTime(last.createdAt, i18n.language)}
            </Text>
          ) : null}
        </Group>
      }
      description={
        <Stack gap={0}>
          <Text size="xs" c="dimmed" truncate>
            {preview}
          </Text>
          <Text size="xs" c="dimmed">
            {kindLabel(t, conversation)}
          </Text>
        </Stack>
      }
      rightSection={
        conversation.unreadCount > 0 ? (
          <Badge size="sm" circle={conversation.unreadCount < 10}>
            <span aria-hidden="true">{conversation.unreadCount}</span>
            <VisuallyHidden>{t('messaging.list.unread', { count: conversation.unreadCount })}</VisuallyHidden>
          </Badge>
        ) : null
      }
    />
  )
}
