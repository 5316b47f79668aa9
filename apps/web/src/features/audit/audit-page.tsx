import { Alert, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core'
import type { AuditEvent } from '@minga/contracts'
import { useInfiniteQuery, useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { meQuery, type SessionUser } from '../../app/auth/session.ts'
import { errorMessage } from '../../app/error-message.ts'
import { canSeeAudit } from '../../app/layout/org-nav.tsx'
import { EmptyState } from '../../ui/empty-state.tsx'
import { ShieldIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { auditQuery, formatInstant } from './audit-api.ts'

const orgRoute = getRouteApi('/_authed/o/$org')

export function AuditPage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const allowed = canSeeAudit(org)
  usePageTitle(t('audit.title'))

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>{t('audit.title')}</Title>
        <Text c="dimmed">{t('audit.subtitle')}</Text>
      </div>
      {allowed ? (
        <AuditTable slug={org.slug} timeZone={org.timezone} />
      ) : (
        <Alert color="yellow">{t('audit.forbidden')}</Alert>
      )}
    </Stack>
  )
}

function AuditTable({ slug, timeZone }: { slug: string; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const { data: me } = useQuery(meQuery)
  const audit = useInfiniteQuery(auditQuery(slug))

  if (audit.isPending) return <PageLoader />
  if (!audit.data) {
    const forbidden = isApiError(audit.error) && audit.error.status === 403
    return (
      <Alert color={forbidden ? 'yellow' : 'red'} role="alert">
        {forbidden ? t('audit.forbidden') : errorMessage(t, audit.error)}
      </Alert>
    )
  }

  const events = audit.data.pages.flatMap((page) => page.items)
  if (events.length === 0) {
    return <EmptyState icon={<ShieldIcon size={26} />} title={t('audit.empty')} />
  }

  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('audit.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.columns.date')}</Table.Th>
              <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
              <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
              <Table.Th scope="col">{t('audit.columns.entity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={event.occurredAt}>
                    {formatInstant(event.occurredAt, timeZone, i18n.language)}
                  </time>
                </Table.Td>
                <Table.Td>{actorLabel(t, event, me?.user)}</Table.Td>
                <Table.Td>
                  <Code>{event.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{event.entityType}</Text>
                  {event.entityId ? (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {event.entityId}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {audit.isFetchNextPageError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, audit.error)}
        </Alert>
      ) : null}
      {audit.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            loading={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {t('audit.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}

function actorLabel(t: TFunction, event: AuditEvent, me: SessionUser | undefined): string {
  if (!event.actorId) return t('audit.system')
  if (me && event.actorId === me.id) return t('audit.you', { name: me.name })
  return event.actorId
}
