import { Alert, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Org, SecurityPolicy } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { AlertIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { SecurityEventType } from '../account/security-log-section.tsx'
import { formatInstant } from '../audit/audit-api.ts'
import {
  orgSecurityEventsQuery,
  rolesQuery,
  securityPolicyQuery,
  settingsKey,
  updateSecurityPolicy,
} from './settings-api.ts'

const platformRoles = ['owner', 'admin', 'member'] as const

/** Seguridad: which roles must use two-step verification, and the org's security log. */
export function SecurityTab({ org }: { org: Org }) {
  return (
    <Stack gap="xl">
      <TwoFactorPolicy org={org} />
      <OrgSecurityLog org={org} />
    </Stack>
  )
}

type SaveError = { kind: 'lockout' } | { kind: 'unknownRole' } | { kind: 'other'; message: string }

function TwoFactorPolicy({ org }: { org: Org }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const policy = useQuery(securityPolicyQuery(org.slug))
  const roles = useQuery(rolesQuery(org.slug))
  const [draft, setDraft] = useState<string[] | null>(null)
  const [saveError, setSaveError] = useState<SaveError | null>(null)
  const save = useMutation({
    mutationFn: (input: SecurityPolicy) => updateSecurityPolicy(org.slug, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(securityPolicyQuery(org.slug).queryKey, saved)
      setDraft(null)
      notifications.show({ message: t('settings.security.saved') })
      void queryClient.invalidateQueries({ queryKey: [...settingsKey(org.slug), 'security-events'] })
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 422) {
        setSaveError({ kind: 'lockout' })
      } else if (
        isApiError(error) &&
        error.status === 400 &&
        error.problem?.errors?.some((item) => item.path.startsWith('body.twoFactorRequiredFor.'))
      ) {
        setSaveError({ kind: 'unknownRole' })
        void queryClient.invalidateQueries({ queryKey: [...settingsKey(org.slug), 'roles'] })
      } else {
        setSaveError({ kind: 'other', message: errorMessage(t, error) })
      }
    },
  })

  if (policy.isPending) return <PageLoader />
  if (!policy.data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, policy.error)}
      </Alert>
    )
  }
  const selected = draft ?? policy.data.twoFactorRequiredFor
  const options = [
    ...platformRoles.map((key) => ({ key, label: t(`settings.security.platformRoles.${key}`) })),
    ...(roles.data?.items ?? [])
      .filter((role) => !(platformRoles as readonly string[]).includes(role.key))
      .map((role) => ({ key: role.key, label: role.name })),
  ]
  // Keys the policy names that are no longer listed stay visible, so they can be unticked.
  for (const key of selected) {
    if (!options.some((option) => option.key === key)) options.push({ key, label: key })
  }

  return (
    <form
      noValidate
      aria-label={t('settings.security.policyTitle')}
      onSubmit={(event) => {
        event.preventDefault()
        setSaveError(null)
        save.mutate({ twoFactorRequiredFor: selected })
      }}
    >
      <Stack gap="sm" maw={720}>
        <Title order={2} size="h4">
          {t('settings.security.policyTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.security.policyHint')}
        </Text>
        {saveError?.kind === 'lockout' ? (
          <Alert color="red" icon={<AlertIcon />} role="alert">
            <Stack gap={6}>
              <Text size="sm">{t('settings.security.lockout')}</Text>
              <AnchorLink to="/account" size="sm">
                {t('settings.security.lockoutLink')}
              </AnchorLink>
            </Stack>
          </Alert>
        ) : saveError ? (
          <Alert color="red" icon={<AlertIcon />} role="alert">
            {saveError.kind === 'unknownRole' ? t('settings.security.unknownRole') : saveError.message}
          </Alert>
        ) : null}
        <Checkbox.Group
          label={t('settings.security.rolesLabel')}
          value={selected}
          onChange={(value) => {
            setSaveError(null)
            setDraft(value)
          }}
        >
          <Stack gap="xs" mt="xs">
            {options.map((option) => (
              <Checkbox key={option.key} value={option.key} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('settings.security.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function OrgSecurityLog({ org }: { org: Org }) {
  const { t, i18n } = useTranslation()
  const events = useInfiniteQuery(orgSecurityEventsQuery(org.slug))
  const items = events.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h4">
          {t('settings.security.logTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.security.logSubtitle')}
        </Text>
      </div>
      {events.isPending ? (
        <PageLoader />
      ) : !events.data ? (
        <Alert color="red" role="alert">
          {errorMessage(t, events.error)}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('settings.security.logEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" aria-label={t('settings.security.logTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('settings.security.date')}</Table.Th>
                <Table.Th scope="col">{t('settings.security.event')}</Table.Th>
                <Table.Th scope="col">{t('settings.security.email')}</Table.Th>
                <Table.Th scope="col">{t('settings.security.ip')}</Table.Th>
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
                    <Text size="sm">{event.email ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {event.ip ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
  )
}
