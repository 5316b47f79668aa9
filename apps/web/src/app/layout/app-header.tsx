import { Burger, Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LogoMark } from '../../ui/icons.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { ColorSchemeToggle } from './color-scheme-toggle.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import { UserMenu } from './user-menu.tsx'

/** Header shared by every signed-in page: brand, optional center slot, language, theme, user. */
export function AppHeader({
  children,
  actions,
  navOpened,
  onToggleNav,
}: {
  children?: ReactNode
  /** Right-hand slot before the language and theme switches (the org's notification bell). */
  actions?: ReactNode
  navOpened?: boolean
  onToggleNav?: () => void
}) {
  const { t } = useTranslation()
  return (
    <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        {onToggleNav ? (
          <Burger
            opened={navOpened ?? false}
            onClick={onToggleNav}
            hiddenFrom="sm"
            size="sm"
            aria-label={t('header.toggleNav')}
          />
        ) : null}
        <AnchorLink
          to="/orgs"
          underline="never"
          c="inherit"
          aria-label={t('header.home')}
          // on phones the org switcher needs the room
          visibleFrom={children ? 'xs' : undefined}
        >
          <Group gap={8} wrap="nowrap">
            <LogoMark />
            <Text fw={700} fz="lg" visibleFrom="xs">
              {t('app.name')}
            </Text>
          </Group>
        </AnchorLink>
        {children}
      </Group>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        {actions}
        <LanguageSwitch />
        <ColorSchemeToggle />
        <UserMenu />
      </Group>
    </Group>
  )
}
