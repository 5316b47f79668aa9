import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { esCO } from '../../app/i18n/es-co.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { formatInstant } from '../audit/audit-api.ts'
import { securityEventsQuery } from './account-api.ts'
import { AccountSection } from './account-section.tsx'
import { describeUserAgent } from './user-agent.ts'

/** The Spanish/English label of a security event type (`sign_in.failed`); unknown types show as they are. */
export function securityEventLabel(t: TFunction, type: string): string {
  let node: unknown = esCO.account.securityLog.types
  for (const part of type.split('.')) {
    node =
      typeof node === 'object' && node !== null && Object.hasOwn(node, part)
        ? (node as Record<string, unknown>)[part]
        : undefined
  }
  return typeof node === 'string'
    ? t(`account.securityLog.types.${type}` as 'account.securityLog.types.sign_out')
    : type
}

const failures = new Set(['sign_in.failed', 'sign_in.locked'])

/** A security event's type as shown in a log table: its label, in red for failures and lockouts. */
export function SecurityEventType({ type }: { type: string }) {
  const { t } = useTranslation()
  return (
    <Text size="sm" c={failures.has(type) ? 'red' : undefined} fw={500}>
      {securityEventLabel(t, type)}
    </Text>
  )
}

/** My security log, newest first, dates in Bogotá time. */
export function SecurityLogSection() {
  const { t, i18n } = useTranslation()
  const events = useInfiniteQuery(securityEventsQuery)
  const items = events.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <AccountSection title={t('account.securityLog.title')} description={t('account.securityLog.subtitle')}>
      {events.isPending ? (
        <PageLoader />
      ) : !events.data ? (
        <Alert color="red" role="alert">
          {errorMessage(t, events.error)}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('account.securityLog.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={600}>
            <Table striped verticalSpacing="xs" aria-label={t('account.securityLog.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('account.securityLog.date')}</Table.Th>
                  <Table.Th scope="col">{t('account.securityLog.event')}</Table.Th>
                  <Table.Th scope="col">{t('account.sessions.ip')}</Table.Th>
                  <Table.Th scope="col">{t('account.sessions.device')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={event.occurredAt}>
                        {formatInstant(event.occurredAt, 'America/Bogota', i18n.language)}
                      </time>
                    </Table.Td>
                    <Table.Td>
                      <SecurityEventType type={event.type} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {event.ip ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={event.userAgent ?? undefined}>
                        {describeUserAgent(event.userAgent) ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {events.isFetchNextPageError ? (
            <Alert color="red" role="alert">
              {errorMessage(t, events.error)}
            </Alert>
          ) : null}
          {events.hasNextPage ? (
            <Group justify="center">
              <Button
                variant="default"
                loading={events.isFetchingNextPage}
                onClick={() => void events.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
    </AccountSection>
  )
}
