import { ActionIcon, Divider, Group, Indicator, Popover, Text } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUserEvent } from '../../app/realtime.ts'
import { BellIcon } from '../../ui/icons.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { InboxList } from './inbox-list.tsx'
import { notificationsKey, unreadCountQuery } from './notifications-api.ts'

/** The org header's bell: unread count, refreshed by the `notification.created` push, and the inbox. */
export function NotificationBell({ slug }: { slug: string }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const queryClient = useQueryClient()
  const { data } = useQuery(unreadCountQuery(slug))
  useUserEvent<{ id: string; unreadCount: number }>('notification.created', () => {
    // The push carries the count of the org it came from; refetch ours rather than trust it across orgs.
    void queryClient.invalidateQueries({ queryKey: notificationsKey(slug) })
  })
  const count = data?.unreadCount ?? 0
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={count > 99 ? '99+' : count} size={16} disabled={count === 0} offset={4}>
          <ActionIcon variant="subtle" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)}>
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('notifications.title')}</Text>
        </Group>
        <InboxList slug={slug} pageSize={8} onNavigate={() => setOpened(false)} />
        <Divider my="xs" />
        <Group justify="space-between">
          <AnchorLink
            to="/o/$org/notifications"
            params={{ org: slug }}
            size="sm"
            onClick={() => setOpened(false)}
          >
            {t('notifications.seeAll')}
          </AnchorLink>
          <AnchorLink
            to="/o/$org/notifications/preferences"
            params={{ org: slug }}
            size="sm"
            onClick={() => setOpened(false)}
          >
            {t('notifications.preferences.link')}
          </AnchorLink>
        </Group>
      </Popover.Dropdown>
    </Popover>
  )
}
