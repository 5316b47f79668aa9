import { Stack, Tabs, Text, Title } from '@mantine/core'
import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canManageOrg } from '../../app/layout/org-nav.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { MyPreferences } from './my-preferences.tsx'
import { OrgDefaults } from './org-defaults.tsx'

const route = getRouteApi('/_authed/o/$org/notifications/preferences')

/** /o/$org/notifications/preferences: my channels, digest and quiet hours; org defaults for admins. */
export function PreferencesPage() {
  const { t } = useTranslation()
  const { org: slug } = route.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const [tab, setTab] = useState<string | null>('mine')
  usePageTitle(t('notifications.preferences.title'))
  const mine = (
    <Suspense fallback={<PageLoader />}>
      <MyPreferences slug={slug} />
    </Suspense>
  )
  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <Title order={1}>{t('notifications.preferences.title')}</Title>
        <Text c="dimmed">{t('notifications.preferences.subtitle')}</Text>
      </div>
      {canManageOrg(org) ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="mine">{t('notifications.preferences.tabMine')}</Tabs.Tab>
            <Tabs.Tab value="org">{t('notifications.preferences.tabOrg')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine" pt="lg">
            {mine}
          </Tabs.Panel>
          <Tabs.Panel value="org" pt="lg">
            <Suspense fallback={<PageLoader />}>
              <OrgDefaults slug={slug} />
            </Suspense>
          </Tabs.Panel>
        </Tabs>
      ) : (
        mine
      )}
    </Stack>
  )
}
