import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isPlatformAdminQuery } from '../../features/admin/admin-api.ts'
import { BuildingIcon, ChevronDownIcon, LogoutIcon, ShieldIcon, UserIcon } from '../../ui/icons.tsx'
import { MenuItemLink } from '../../ui/router-links.tsx'
import { meQuery, signOut } from '../auth/session.ts'
import { errorMessage } from '../error-message.ts'

export function UserMenu() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const { data } = useQuery(meQuery)
  const [busy, setBusy] = useState(false)
  const user = data?.user

  async function handleSignOut() {
    setBusy(true)
    try {
      await signOut()
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) })
      setBusy(false)
      return
    }
    // Forget the session first, or the sign-in page would see it cached and bounce back.
    queryClient.removeQueries({ queryKey: meQuery.queryKey })
    await navigate({ to: '/sign-in' })
    queryClient.clear()
    notifications.show({ message: t('auth.signedOut') })
  }

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('header.userMenu')} title={t('header.userMenu')} disabled={busy}>
          <Group gap={6} wrap="nowrap">
            <Avatar size={30} radius="xl" color="initials" name={user?.name ?? ''} />
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {user?.name}
            </Text>
            <ChevronDownIcon size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {user ? (
          <Menu.Label>
            <Text size="sm" fw={500} c="var(--mantine-color-text)" truncate>
              {user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {user.email}
            </Text>
          </Menu.Label>
        ) : null}
        <MenuItemLink to="/account" leftSection={<UserIcon size={16} />}>
          {t('header.account')}
        </MenuItemLink>
        <MenuItemLink to="/orgs" leftSection={<BuildingIcon size={16} />}>
          {t('header.myOrgs')}
        </MenuItemLink>
        <PlatformAdminItem />
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<LogoutIcon size={16} />} onClick={() => void handleSignOut()}>
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}

/** Shown only to platform admins; asked the first time the menu opens. */
function PlatformAdminItem() {
  const { t } = useTranslation()
  const { data: isAdmin } = useQuery(isPlatformAdminQuery)
  if (!isAdmin) return null
  return (
    <MenuItemLink to="/admin" leftSection={<ShieldIcon size={16} />}>
      {t('header.admin')}
    </MenuItemLink>
  )
}
