import { Button, Menu, Text } from '@mantine/core'
import type { Org } from '@minga/contracts'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { myOrgsQuery } from '../../features/orgs/orgs-api.ts'
import { BuildingIcon, CheckIcon, ChevronDownIcon, PlusIcon } from '../../ui/icons.tsx'
import { MenuItemLink } from '../../ui/router-links.tsx'

/** Header menu listing my organizations; the current one is checked. */
export function OrgSwitcher({ current }: { current: Org }) {
  const { t } = useTranslation()
  const { data } = useInfiniteQuery(myOrgsQuery)
  const orgs = data?.pages.flatMap((page) => page.items) ?? [current]
  return (
    <Menu position="bottom-start" width={280} withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          rightSection={<ChevronDownIcon size={14} />}
          leftSection={<BuildingIcon size={16} />}
          aria-label={`${t('header.switchOrg')}: ${current.name}`}
          maw={{ base: 150, sm: 320 }}
        >
          <Text span size="sm" fw={500} truncate>
            {current.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.switchOrg')}</Menu.Label>
        {orgs.map((org) => (
          <MenuItemLink
            key={org.id}
            to="/o/$org"
            params={{ org: org.slug }}
            rightSection={org.slug === current.slug ? <CheckIcon size={14} /> : null}
            aria-current={org.slug === current.slug ? 'page' : undefined}
          >
            {org.name}
          </MenuItemLink>
        ))}
        <Menu.Divider />
        <MenuItemLink to="/orgs/new" leftSection={<PlusIcon size={16} />}>
          {t('header.createOrg')}
        </MenuItemLink>
        <MenuItemLink to="/orgs" leftSection={<BuildingIcon size={16} />}>
          {t('header.myOrgs')}
        </MenuItemLink>
      </Menu.Dropdown>
    </Menu>
  )
}
