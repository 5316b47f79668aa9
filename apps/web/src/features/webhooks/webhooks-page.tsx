import { Alert, Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { EmptyState } from '../../ui/empty-state.tsx'
import { PlusIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { DeliveriesPanel } from './deliveries-panel.tsx'
import { CreateEndpointModal, SecretModal } from './endpoint-form.tsx'
import { deleteEndpoint, endpointsQuery, rotateSecret, updateEndpoint, webhooksKey } from './webhooks-api.ts'

const orgRoute = getRouteApi('/_authed/o/$org')

/** /o/$org/webhooks: the org's endpoints, their deliveries and replays (admins only). */
export function WebhooksPage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const queryClient = useQueryClient()
  const list = useInfiniteQuery(endpointsQuery(slug))
  const [creating, setCreating] = useState(false)
  const [secret, setSecret] = useState<WebhookEndpointWithSecret | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  usePageTitle(t('webhooks.title'))
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhooksKey(slug) })
  const onError = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(t, error) })

  const toggle = useMutation({
    mutationFn: (endpoint: WebhookEndpoint) =>
      updateEndpoint(slug, endpoint.id, { enabled: !endpoint.enabled }),
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('webhooks.updated') })
    },
    onError,
  })
  const rotate = useMutation({
    mutationFn: (id: string) => rotateSecret(slug, id),
    onSuccess: async (endpoint) => {
      setSecret(endpoint)
      await refresh()
    },
    onError,
  })
  const remove = useMutation({
    mutationFn: (id: string) => deleteEndpoint(slug, id),
    onSuccess: async (_, id) => {
      if (selected === id) setSelected(null)
      await refresh()
      notifications.show({ message: t('webhooks.removed') })
    },
    onError,
  })

  const endpoints = list.data?.pages.flatMap((page) => page.items) ?? []
  const current = endpoints.find((e) => e.id === selected) ?? null
  let body: React.ReactNode
  if (list.isPending) body = <PageLoader />
  else if (!list.data) {
    const forbidden = isApiError(list.error) && list.error.status === 403
    body = (
      <Alert color={forbidden ? 'yellow' : 'red'} role="alert">
        {forbidden ? t('webhooks.forbidden') : errorMessage(t, list.error)}
      </Alert>
    )
  } else if (endpoints.length === 0) {
    body = <EmptyState title={t('webhooks.empty')}>{t('webhooks.emptyHint')}</EmptyState>
  } else {
    body = (
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" aria-label={t('webhooks.endpointsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('webhooks.url')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.events')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.status')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {endpoints.map((endpoint) => (
              <Table.Tr key={endpoint.id}>
                <Table.Td maw={320}>
                  <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                    {endpoint.url}
                  </Text>
                  {endpoint.description ? (
                    <Text size="xs" c="dimmed">
                      {endpoint.description}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {t('webhooks.secretHint', { hint: endpoint.secretHint })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {endpoint.eventTypes.map((type) => (
                      <Code key={type}>{type}</Code>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <EndpointStatus endpoint={endpoint} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant={selected === endpoint.id ? 'filled' : 'default'}
                      aria-label={t('webhooks.showDeliveries', { url: endpoint.url })}
                      aria-pressed={selected === endpoint.id}
                      onClick={() => setSelected(selected === endpoint.id ? null : endpoint.id)}
                    >
                      {t('webhooks.deliveries')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={toggle.isPending && toggle.variables?.id === endpoint.id}
                      aria-label={t(endpoint.enabled ? 'webhooks.disableLabel' : 'webhooks.enableLabel', {
                        url: endpoint.url,
                      })}
                      onClick={() => toggle.mutate(endpoint)}
                    >
                      {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
                    </Button>
                    <ConfirmButton
                      size="xs"
                      variant="default"
                      aria-label={t('webhooks.rotateLabel', { url: endpoint.url })}
                      title={t('webhooks.rotateTitle')}
                      message={t('webhooks.rotateBody')}
                      confirmLabel={t('webhooks.rotate')}
                      onConfirm={() => rotate.mutateAsync(endpoint.id).catch(() => undefined)}
                    >
                      {t('webhooks.rotate')}
                    </ConfirmButton>
                    <ConfirmButton
                      size="xs"
                      variant="default"
                      color="red"
                      aria-label={t('webhooks.removeLabel', { url: endpoint.url })}
                      title={t('webhooks.removeTitle')}
                      message={t('webhooks.removeBody', { url: endpoint.url })}
                      confirmLabel={t('webhooks.remove')}
                      onConfirm={() => remove.mutateAsync(endpoint.id).catch(() => undefined)}
                    >
                      {t('webhooks.remove')}
                    </ConfirmButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    )
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('webhooks.title')}
          </Title>
          <Text c="dimmed" maw={720}>
            {t('webhooks.subtitle')}
          </Text>
        </div>
        {list.data ? (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
            {t('webhooks.newEndpoint')}
          </Button>
        ) : null}
      </Group>
      {body}
      {list.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
      {current ? <DeliveriesPanel slug={slug} endpoint={current} timezone={org.timezone} /> : null}
      <CreateEndpointModal
        slug={slug}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={async (endpoint) => {
          setCreating(false)
          setSecret(endpoint)
          await refresh()
        }}
      />
      <SecretModal endpoint={secret} onClose={() => setSecret(null)} />
    </Stack>
  )
}

function EndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation()
  if (endpoint.enabled) {
    return (
      <Badge color="teal" variant="light">
        {t('webhooks.enabled')}
      </Badge>
    )
  }
  return (
    <Badge color={endpoint.disabledReason === 'failures' ? 'red' : 'gray'} variant="light">
      {endpoint.disabledReason === 'failures' ? t('webhooks.disabledByFailures') : t('webhooks.disabled')}
    </Badge>
  )
}
