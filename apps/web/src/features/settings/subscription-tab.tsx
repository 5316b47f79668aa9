import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { Org } from '@minga/contracts'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { moduleLabel } from '../orgs/module-label.ts'
import { moduleCatalogQuery } from '../orgs/orgs-api.ts'
import { subscriptionQuery } from './settings-api.ts'
import { SubscriptionStatusBadge } from './subscription-status-badge.tsx'

/** The org's plan, status and usage; read-only (platform admins change it). */
export function SubscriptionTab({ org }: { org: Org }) {
  const { t, i18n } = useTranslation()
  const subscription = useQuery(subscriptionQuery(org.slug))
  const { data: catalog } = useQuery(moduleCatalogQuery)
  if (subscription.isPending) return <PageLoader />
  if (!subscription.data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, subscription.error)}
      </Alert>
    )
  }
  const { plan, status, usage } = subscription.data
  const limit = (value: number | null) =>
    value === null ? t('settings.subscription.unlimited') : String(value)
  return (
    <Stack gap="md" maw={720}>
      <Group gap="sm">
        <Title order={2} size="h4">
          {t('settings.subscription.plan', { name: plan.name })}
        </Title>
        <SubscriptionStatusBadge status={status} />
      </Group>
      {status === 'past_due' || status === 'cancelled' ? (
        <Alert color={status === 'past_due' ? 'yellow' : 'red'}>
          {t(`settings.subscription.notice.${status}`)}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {t('settings.subscription.users')}
          </Text>
          <Text fz="xl" fw={700}>
            {t('settings.subscription.usage', { used: usage.users, limit: limit(plan.maxUsers) })}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {t('settings.subscription.branches')}
          </Text>
          <Text fz="xl" fw={700}>
            {t('settings.subscription.usage', { used: usage.branches, limit: limit(plan.maxBranches) })}
          </Text>
        </Paper>
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500} mb={6}>
          {t('settings.subscription.modules')}
        </Text>
        {plan.modules === null ? (
          <Text size="sm">{t('settings.subscription.allModules')}</Text>
        ) : (
          <Group gap={6}>
            {plan.modules.map((key) => (
              <Badge key={key} variant="outline" color="gray">
                {moduleLabel(key, catalog?.items, i18n)}
              </Badge>
            ))}
          </Group>
        )}
      </div>
      <Text size="xs" c="dimmed">
        {t('settings.subscription.readOnly')}
      </Text>
    </Stack>
  )
}
