import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { WebhookDelivery, WebhookEndpoint } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { formatInstant } from '../audit/audit-api.ts'
import { deliveriesQuery, replayDelivery, webhooksKey } from './webhooks-api.ts'

const stateColor: Record<WebhookDelivery['status'], string> = {
  pending: 'yellow',
  succeeded: 'teal',
  failed: 'red',
}

/** An endpoint's deliveries: status, last code, time, attempts, response excerpt; replay by hand. */
export function DeliveriesPanel({
  slug,
  endpoint,
  timezone,
}: {
  slug: string
  endpoint: WebhookEndpoint
  timezone: string
}) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const list = useInfiniteQuery({ ...deliveriesQuery(slug, endpoint.id), refetchInterval: 15_000 })
  const replay = useMutation({
    mutationFn: (id: string) => replayDelivery(slug, id),
    onSuccess: async () => {
      notifications.show({ message: t('webhooks.delivery.replayed') })
      await queryClient.invalidateQueries({ queryKey: [...webhooksKey(slug), 'deliveries', endpoint.id] })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })
  const when = (iso: string) => formatInstant(iso, timezone, i18n.language)
  const none = t('webhooks.delivery.none')
  const items = list.data?.pages.flatMap((page) => page.items) ?? []
  const title = t('webhooks.deliveriesOf', { url: endpoint.url })

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4" style={{ wordBreak: 'break-all' }}>
          {title}
        </Title>
        {list.isPending ? (
          <PageLoader />
        ) : !list.data ? (
          <Alert color="red" role="alert">
            {errorMessage(t, list.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('webhooks.delivery.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs" aria-label={t('webhooks.deliveries')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('webhooks.delivery.created')}</Table.Th>
                  <Table.Th scope="col">{t('webhooks.delivery.event')}</Table.Th>
                  <Table.Th scope="col">{t('webhooks.delivery.status')}</Table.Th>
                  <Table.Th scope="col">{t('webhooks.delivery.code')}</Table.Th>
                  <Table.Th scope="col">{t('webhooks.delivery.time')}</Table.Th>
                  <Table.Th scope="col">{t('webhooks.delivery.attempts')}</Table.Th>
                  <Table.Th scope="col">{t('webhooks.delivery.response')}</Table.Th>
                  <Table.Th scope="col">{t('webhooks.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((delivery) => (
                  <Table.Tr key={delivery.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(delivery.createdAt)}</Table.Td>
                    <Table.Td>
                      <Code>{delivery.eventType}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={stateColor[delivery.status]} variant="light">
                        {t(`webhooks.delivery.state.${delivery.status}`)}
                      </Badge>
                      {delivery.nextAttemptAt ? (
                        <Text size="xs" c="dimmed">
                          {t('webhooks.delivery.next', { date: when(delivery.nextAttemptAt) })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{delivery.lastStatusCode ?? none}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {delivery.lastDurationMs === null
                        ? none
                        : t('webhooks.delivery.ms', { ms: delivery.lastDurationMs })}
                    </Table.Td>
                    <Table.Td>{delivery.attempts}</Table.Td>
                    <Table.Td maw={260}>
                      <Text size="xs" ff="monospace" lineClamp={2} style={{ wordBreak: 'break-all' }}>
                        {delivery.lastError ?? delivery.lastResponseBody ?? none}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={!endpoint.enabled}
                        loading={replay.isPending && replay.variables === delivery.id}
                        aria-label={t('webhooks.delivery.replayLabel', { id: delivery.id })}
                        onClick={() => replay.mutate(delivery.id)}
                      >
                        {t('webhooks.delivery.replay')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.hasNextPage ? (
          <Group justify="center">
            <Button variant="default" onClick={() => void list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  )
}
