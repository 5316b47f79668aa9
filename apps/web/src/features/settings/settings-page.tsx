import { Alert, Stack, Tabs, Text, Title } from '@mantine/core'
import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { canManageOrg } from '../../app/layout/org-nav.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { ApiKeysTab } from './api-keys-tab.tsx'
import { AssignmentsTab } from './assignments-tab.tsx'
import { InvitationsTab } from './invitations-tab.tsx'
import { MembersTab } from './members-tab.tsx'
import { RolesTab } from './roles-tab.tsx'
import { SecurityTab } from './security-tab.tsx'
import { isSettingsTab, type SettingsTab, settingsTabs } from './settings-tabs.ts'
import { SubscriptionTab } from './subscription-tab.tsx'

const route = getRouteApi('/_authed/o/$org/settings')

/** Configuración: members, invitations, roles, assignments, API keys, the subscription and security. */
export function SettingsPage() {
  const { t } = useTranslation()
  const { org: slug } = route.useParams()
  const { tab = 'members' } = route.useSearch()
  const navigate = useNavigate()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  usePageTitle(t('settings.title'))

  const select = (value: string | null) => {
    if (!isSettingsTab(value)) return
    void navigate({
      to: '/o/$org/settings',
      params: { org: slug },
      search: value === 'members' ? {} : { tab: value },
      replace: true,
    })
  }
  const panels: Record<SettingsTab, ReactNode> = {
    members: <MembersTab org={org} />,
    invitations: <InvitationsTab org={org} />,
    roles: <RolesTab org={org} />,
    assignments: <AssignmentsTab org={org} />,
    'api-keys': <ApiKeysTab org={org} />,
    subscription: <SubscriptionTab org={org} />,
    security: <SecurityTab org={org} />,
  }

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1}>{t('settings.title')}</Title>
        <Text c="dimmed">{t('settings.subtitle', { name: org.name })}</Text>
      </div>
      {canManageOrg(org) ? (
        <Tabs value={tab} onChange={select} keepMounted={false}>
          <Tabs.List>
            {settingsTabs.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`settings.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {settingsTabs.map((key) => (
            <Tabs.Panel key={key} value={key} pt="lg">
              {panels[key]}
            </Tabs.Panel>
          ))}
        </Tabs>
      ) : (
        <Alert color="yellow">{t('settings.forbidden')}</Alert>
      )}
    </Stack>
  )
}
