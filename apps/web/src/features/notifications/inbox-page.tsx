import { Group, Stack, Text, Title } from '@mantine/core'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ButtonLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { InboxList } from './inbox-list.tsx'

const route = getRouteApi('/_authed/o/$org/notifications')

/** /o/$org/notifications: the full inbox. */
export function InboxPage() {
  const { t } = useTranslation()
  const { org: slug } = route.useParams()
  usePageTitle(t('notifications.title'))
  return (
    <Stack gap="lg" maw={760}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('notifications.title')}</Title>
          <Text c="dimmed">{t('notifications.subtitle')}</Text>
        </div>
        <ButtonLink to="/o/$org/notifications/preferences" params={{ org: slug }} variant="default">
          {t('notifications.preferences.link')}
        </ButtonLink>
      </Group>
      <InboxList slug={slug} />
    </Stack>
  )
}
