import { Alert, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { formatInstant } from '../audit/audit-api.ts'
import { authSessionQuery, revokeOtherSessions, revokeSession, sessionsQuery } from './account-api.ts'
import { AccountSection } from './account-section.tsx'
import { describeUserAgent } from './user-agent.ts'

const bogota = 'America/Bogota'

/** My open sessions: the current one is marked; any other can be closed. */
export function SessionsSection() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const { data: auth } = useQuery(authSessionQuery)
  const sessions = useQuery(sessionsQuery)
  const currentToken = auth?.session.token

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['account'] })
  const revokeOne = useMutation({
    mutationFn: revokeSession,
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('account.sessions.revoked') })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })
  const revokeOthers = useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('account.sessions.othersRevoked') })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })

  const list = [...(sessions.data ?? [])].sort((a, b) =>
    a.token === currentToken ? -1 : b.token === currentToken ? 1 : b.createdAt.localeCompare(a.createdAt),
  )
  const others = list.filter((session) => session.token !== currentToken)

  return (
    <AccountSection title={t('account.sessions.title')} description={t('account.sessions.subtitle')}>
      {sessions.isPending ? (
        <PageLoader />
      ) : sessions.error ? (
        <Alert color="red" role="alert">
          {errorMessage(t, sessions.error)}
        </Alert>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="sm" aria-label={t('account.sessions.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('account.sessions.device')}</Table.Th>
                  <Table.Th scope="col">{t('account.sessions.ip')}</Table.Th>
                  <Table.Th scope="col">{t('account.sessions.started')}</Table.Th>
                  <Table.Th scope="col">{t('account.sessions.expires')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('account.sessions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((session) => {
                  const current = session.token === currentToken
                  const device = describeUserAgent(session.userAgent) ?? t('account.sessions.unknownDevice')
                  return (
                    <Table.Tr key={session.token}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" title={session.userAgent ?? undefined}>
                            {device}
                          </Text>
                          {current ? (
                            <Badge color="teal" variant="light">
                              {t('account.sessions.current')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {session.ipAddress || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatInstant(session.createdAt, bogota, i18n.language)}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatInstant(session.expiresAt, bogota, i18n.language)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {current ? null : (
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            loading={revokeOne.isPending && revokeOne.variables === session.token}
                            onClick={() => revokeOne.mutate(session.token)}
                            aria-label={t('account.sessions.revokeLabel', { device })}
                          >
                            {t('account.sessions.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {others.length > 0 ? (
            <Group>
              <Button
                variant="light"
                color="red"
                loading={revokeOthers.isPending}
                onClick={() => revokeOthers.mutate()}
              >
                {t('account.sessions.revokeOthers')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
    </AccountSection>
  )
}
