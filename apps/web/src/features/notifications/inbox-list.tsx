import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import type { InboxNotification, InboxStatus } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { inboxQuery, markAllRead, notificationsKey, updateInboxItem } from './notifications-api.ts'

const statuses: InboxStatus[] = ['unread', 'read', 'archived']

function when(iso: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en' : 'es-CO', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'America/Bogota',
  }).format(new Date(iso))
}

/** Inbox with tabs No leídas / Leídas / Archivadas; used by the bell's popover and the inbox page. */
export function InboxList({
  slug,
  pageSize = 20,
  onNavigate,
}: {
  slug: string
  pageSize?: number
  onNavigate?: () => void
}) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<InboxStatus>('unread')
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsKey(slug) })
  const allRead = useMutation({ mutationFn: () => markAllRead(slug), onSuccess: refresh })

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Tabs value={status} onChange={(value) => value && setStatus(value as InboxStatus)} variant="pills">
          <Tabs.List>
            {statuses.map((s) => (
              <Tabs.Tab key={s} value={s} size="xs">
                {t(`notifications.tabs.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        {status === 'unread' ? (
          <Button
            size="compact-sm"
            variant="subtle"
            loading={allRead.isPending}
            onClick={() => allRead.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </Group>
      <InboxItems key={status} slug={slug} status={status} pageSize={pageSize} onNavigate={onNavigate} />
    </Stack>
  )
}

function InboxItems({
  slug,
  status,
  pageSize,
  onNavigate,
}: {
  slug: string
  status: InboxStatus
  pageSize: number
  onNavigate?: (() => void) | undefined
}) {
  const { t } = useTranslation()
  const query = useInfiniteQuery(inboxQuery(slug, status, pageSize))
  if (query.isPending) return <Loader size="sm" mx="auto" />
  if (query.isError) return <Alert color="red">{t('notifications.loadError')}</Alert>
  const items = query.data.pages.flatMap((p) => p.items)
  if (items.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="md">
        {t(`notifications.empty.${status}`)}
      </Text>
    )
  }
  return (
    <Stack gap={6}>
      {items.map((item) => (
        <InboxItem key={item.id} slug={slug} item={item} onNavigate={onNavigate} />
      ))}
      {query.hasNextPage ? (
        <Button
          variant="default"
          size="xs"
          loading={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          {t('notifications.more')}
        </Button>
      ) : null}
    </Stack>
  )
}

function InboxItem({
  slug,
  item,
  onNavigate,
}: {
  slug: string
  item: InboxNotification
  onNavigate?: (() => void) | undefined
}) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const change = useMutation({
    mutationFn: (patch: { read?: boolean; archived?: boolean }) => updateInboxItem(slug, item.id, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey(slug) }),
  })
  const unread = item.readAt === null && item.archivedAt === null
  const open = () => {
    if (item.readAt === null) change.mutate({ read: true })
    if (item.url) {
      onNavigate?.()
      void navigate({ href: item.url })
    }
  }
  return (
    <Paper withBorder radius="sm" p="xs" bg={unread ? 'var(--mantine-primary-color-light)' : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <UnstyledButton onClick={open} style={{ flex: 1, minWidth: 0 }} aria-label={item.title}>
          <Text fw={unread ? 700 : 500} size="sm">
            {item.title}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {item.body}
          </Text>
          <Text size="xs" c="dimmed">
            {when(item.createdAt, i18n.language)}
          </Text>
        </UnstyledButton>
        <Group gap={2} wrap="nowrap">
          {item.archivedAt === null ? (
            <Tooltip label={item.readAt ? t('notifications.markUnread') : t('notifications.markRead')}>
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-label={item.readAt ? t('notifications.markUnread') : t('notifications.markRead')}
                onClick={() => change.mutate({ read: item.readAt === null })}
              >
                {item.readAt ? '○' : '✓'}
              </ActionIcon>
            </Tooltip>
          ) : null}
          <Tooltip label={item.archivedAt ? t('notifications.unarchive') : t('notifications.archive')}>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={item.archivedAt ? t('notifications.unarchive') : t('notifications.archive')}
              onClick={() => change.mutate({ archived: item.archivedAt === null })}
            >
              {item.archivedAt ? '↩' : '⌫'}
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  )
}
