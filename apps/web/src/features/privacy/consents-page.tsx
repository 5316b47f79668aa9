import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { ConsentChannel } from '@minga/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { EmptyState } from '../../ui/empty-state.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import {
  consentsQuery,
  exportUrl,
  grantConsent,
  policiesQuery,
  privacyKey,
  purposesQuery,
  revokeConsent,
} from './privacy-api.ts'
import { CHANNELS } from './requests-tab.tsx'

const route = getRouteApi('/_authed/o/$org/privacy/people/$personId')

/** /o/$org/privacy/people/$personId: a person's consents (current and history), record and revoke, export. */
export function PrivacyConsentsPage() {
  const { t } = useTranslation()
  const { org: slug, personId } = route.useParams()
  const queryClient = useQueryClient()
  const consents = useQuery(consentsQuery(slug, personId))
  const purposes = useQuery(purposesQuery(slug))
  const policies = useQuery(policiesQuery(slug))
  const [purposeId, setPurposeId] = useState<string | null>(null)
  const [channel, setChannel] = useState<ConsentChannel>('presencial')
  const [revokeReason, setRevokeReason] = useState('')
  usePageTitle(t('privacy.consents.title'))
  const refresh = () => queryClient.invalidateQueries({ queryKey: privacyKey(slug) })
  const currentPolicy = policies.data?.items.find((p) => p.current) ?? null
  const record = useMutation({
    mutationFn: () =>
      grantConsent(slug, {
        personId,
        purposeId: purposeId ?? '',
        policyId: currentPolicy?.id ?? '',
        channel,
      }),
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('privacy.consents.recorded') })
    },
  })
  const revoke = useMutation({
    mutationFn: (id: string) =>
      revokeConsent(slug, { personId, purposeId: id, channel, reason: revokeReason }),
    onSuccess: async () => {
      setRevokeReason('')
      await refresh()
      notifications.show({ message: t('privacy.consents.revokedDone') })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })
  const purposeName = (id: string) => purposes.data?.items.find((p) => p.id === id)?.name ?? id
  const back = (
    <AnchorLink to="/o/$org/privacy" params={{ org: slug }} size="sm">
      {t('privacy.consents.back')}
    </AnchorLink>
  )
  if (consents.isPending) return <PageLoader />
  if (!consents.data)
    return (
      <Stack>
        {back}
        <Alert color="red" role="alert">
          {errorMessage(t, consents.error)}
        </Alert>
      </Stack>
    )
  const fields = isApiError(record.error) ? record.error.fieldErrors : {}
  const { current, history } = consents.data
  return (
    <Stack>
      {back}
      <Title order={1}>{t('privacy.consents.title')}</Title>
      <Group>
        <Anchor href={exportUrl(slug, personId, 'json')} download>
          {t('privacy.consents.exportJson')}
        </Anchor>
        <Anchor href={exportUrl(slug, personId, 'pdf')} download>
          {t('privacy.consents.exportPdf')}
        </Anchor>
      </Group>
      <Title order={2} size="h3">
        {t('privacy.consents.current')}
      </Title>
      {current.length === 0 ? (
        <EmptyState title={t('privacy.consents.empty')} />
      ) : (
        <Table aria-label={t('privacy.consents.current')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('privacy.consents.purpose')}</Table.Th>
              <Table.Th scope="col">{t('privacy.consents.state')}</Table.Th>
              <Table.Th scope="col">{t('privacy.consents.since')}</Table.Th>
              <Table.Th scope="col" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {current.map((c) => (
              <Table.Tr key={c.purposeId}>
                <Table.Td>{purposeName(c.purposeId)}</Table.Td>
                <Table.Td>
                  <Badge color={c.state === 'granted' ? 'green' : 'gray'}>
                    {t(`privacy.consents.${c.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{new Date(c.since).toLocaleString()}</Table.Td>
                <Table.Td>
                  {c.state === 'granted' && (
                    <ConfirmButton
                      size="xs"
                      color="red"
                      variant="light"
                      title={t('privacy.consents.revokeTitle')}
                      message={
                        <TextInput
                          label={t('privacy.consents.reason')}
                          value={revokeReason}
                          onChange={(e) => setRevokeReason(e.currentTarget.value)}
                        />
                      }
                      confirmLabel={t('privacy.consents.revoke')}
                      aria-label={t('privacy.consents.revokeLabel', { purpose: purposeName(c.purposeId) })}
                      onConfirm={() => revoke.mutateAsync(c.purposeId)}
                    >
                      {t('privacy.consents.revoke')}
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form
        aria-label={t('privacy.consents.record')}
        onSubmit={(event) => {
          event.preventDefault()
          record.mutate()
        }}
      >
        <Stack>
          <Text fw={600}>{t('privacy.consents.record')}</Text>
          <FormErrorAlert
            message={record.error && Object.keys(fields).length === 0 ? errorMessage(t, record.error) : null}
          />
          <Group grow align="flex-start">
            <Select
              label={t('privacy.consents.purpose')}
              data={(purposes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={purposeId}
              onChange={setPurposeId}
              error={fields.purposeId}
              required
            />
            <Select
              label={t('privacy.consents.channel')}
              data={CHANNELS.map((c) => ({ value: c, label: t(`privacy.channels.${c}`) }))}
              value={channel}
              onChange={(v) => v && setChannel(v as ConsentChannel)}
              allowDeselect={false}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('privacy.consents.policy')}:{' '}
            {currentPolicy ? t('privacy.policies.version', { version: currentPolicy.version }) : '—'}
          </Text>
          {fields.policyId && (
            <Text c="red" size="sm">
              {fields.policyId}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending} disabled={!purposeId || !currentPolicy}>
              {t('privacy.consents.record')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={2} size="h3">
        {t('privacy.consents.history')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t('privacy.consents.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('privacy.consents.when')}</Table.Th>
              <Table.Th scope="col">{t('privacy.consents.purpose')}</Table.Th>
              <Table.Th scope="col">{t('privacy.consents.state')}</Table.Th>
              <Table.Th scope="col">{t('privacy.consents.policyVersion')}</Table.Th>
              <Table.Th scope="col">{t('privacy.consents.channel')}</Table.Th>
              <Table.Th scope="col">{t('privacy.consents.actor')}</Table.Th>
              <Table.Th scope="col">{t('privacy.consents.ip')}</Table.Th>
              <Table.Th scope="col">{t('privacy.consents.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{new Date(e.occurredAt).toLocaleString()}</Table.Td>
                <Table.Td>{purposeName(e.purposeId)}</Table.Td>
                <Table.Td>{t(`privacy.consents.${e.kind}`)}</Table.Td>
                <Table.Td>{e.policyVersion ?? '—'}</Table.Td>
                <Table.Td>{t(`privacy.channels.${e.channel}`)}</Table.Td>
                <Table.Td>
                  {e.actorType === 'subject'
                    ? t('privacy.consents.actorSubject')
                    : t('privacy.consents.actorStaff')}
                </Table.Td>
                <Table.Td>{e.ip ?? '—'}</Table.Td>
                <Table.Td>{e.reason ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}
