import { Alert, Stack, Tabs, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { MyDataSection } from './my-data-section.tsx'
import { PoliciesTab } from './policies-tab.tsx'
import { requestsQuery } from './privacy-api.ts'
import { PurposesTab } from './purposes-tab.tsx'
import { RequestsTab } from './requests-tab.tsx'

const orgRoute = getRouteApi('/_authed/o/$org')

/** /o/$org/privacy: Ley 1581 administration (requests with their legal terms, policy versions, purposes). */
export function PrivacyPage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  usePageTitle(t('privacy.title'))
  // The requests list doubles as the permission probe: a member gets 403 and a clear notice.
  const requests = useQuery(requestsQuery(slug))
  let body: React.ReactNode
  if (requests.isPending) body = <PageLoader />
  else if (!requests.data) {
    const forbidden = isApiError(requests.error) && requests.error.status === 403
    // A member manages nothing here, but may always download their own data.
    body = forbidden ? (
      <Stack>
        <Alert color="yellow" role="alert">
          {t('privacy.forbidden')}
        </Alert>
        <MyDataSection slug={slug} />
      </Stack>
    ) : (
      <Alert color="red" role="alert">
        {errorMessage(t, requests.error)}
      </Alert>
    )
  } else {
    body = (
      <Tabs defaultValue="requests" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="requests">{t('privacy.tabs.requests')}</Tabs.Tab>
          <Tabs.Tab value="policies">{t('privacy.tabs.policies')}</Tabs.Tab>
          <Tabs.Tab value="purposes">{t('privacy.tabs.purposes')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requests" pt="md">
          <RequestsTab slug={slug} requests={requests.data.items} />
        </Tabs.Panel>
        <Tabs.Panel value="policies" pt="md">
          <PoliciesTab slug={slug} />
        </Tabs.Panel>
        <Tabs.Panel value="purposes" pt="md">
          <PurposesTab slug={slug} />
        </Tabs.Panel>
      </Tabs>
    )
  }
  return (
    <Stack>
      <div>
        <Title order={1}>{t('privacy.title')}</Title>
        <Text c="dimmed">{t('privacy.subtitle')}</Text>
      </div>
      {body}
    </Stack>
  )
}
