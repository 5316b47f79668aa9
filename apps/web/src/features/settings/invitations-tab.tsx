import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { Org } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { CheckIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { formatInstant } from '../audit/audit-api.ts'
import { looksLikeEmail } from '../auth/auth-api.ts'
import {
  branchesQuery,
  createInvitation,
  type InvitationSent,
  type InvitationStatus,
  invitationsQuery,
  resendInvitation,
  revokeInvitation,
  rolesQuery,
  settingsKey,
} from './settings-api.ts'

const statuses = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const
const statusColor: Record<InvitationStatus, string> = {
  pending: 'blue',
  accepted: 'teal',
  declined: 'gray',
  revoked: 'red',
  expired: 'yellow',
}

export function InvitationsTab({ org }: { org: Org }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<InvitationStatus | undefined>(undefined)
  const [sent, setSent] = useState<InvitationSent | null>(null)
  const invitations = useInfiniteQuery(invitationsQuery(org.slug, status))
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...settingsKey(org.slug), 'invitations'] })
  const onError = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(t, error) })

  const resend = useMutation({
    mutationFn: (id: string) => resendInvitation(org.slug, id),
    onSuccess: async (invitation) => {
      setSent(invitation)
      await refresh()
    },
    onError,
  })
  const revoke = useMutation({
    mutationFn: (id: string) => revokeInvitation(org.slug, id),
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('settings.invitations.revoked') })
    },
    onError,
  })
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <Stack gap="xl">
      <InviteForm
        org={org}
        onSent={async (invitation) => {
          setSent(invitation)
          await refresh()
        }}
      />
      {sent ? (
        <Alert color="teal" icon={<CheckIcon />} role="status" withCloseButton onClose={() => setSent(null)}>
          <Stack gap={6}>
            <Text size="sm">{t('settings.invitations.sent', { email: sent.email })}</Text>
            <Text size="sm">{t('settings.invitations.linkHint')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ wordBreak: 'break-all' }} aria-label={t('settings.invitations.link')}>
                {sent.acceptUrl}
              </Code>
              <CopyButton value={sent.acceptUrl}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('settings.invitations.title')}
          </Title>
          <Select
            label={t('settings.invitations.statusFilter')}
            data={[
              { value: 'all', label: t('settings.invitations.allStatuses') },
              ...statuses.map((value) => ({ value, label: t(`settings.invitations.status.${value}`) })),
            ]}
            value={status ?? 'all'}
            allowDeselect={false}
            onChange={(value) =>
              setStatus(value && value !== 'all' ? (value as InvitationStatus) : undefined)
            }
            w={200}
            size="xs"
          />
        </Group>
        {invitations.isPending ? (
          <PageLoader />
        ) : !invitations.data ? (
          <Alert color="red" role="alert">
            {errorMessage(t, invitations.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('settings.invitations.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" aria-label={t('settings.invitations.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('auth.fields.email')}</Table.Th>
                  <Table.Th scope="col">{t('settings.members.role')}</Table.Th>
                  <Table.Th scope="col">{t('settings.invitations.statusColumn')}</Table.Th>
                  <Table.Th scope="col">{t('settings.invitations.expires')}</Table.Th>
                  <Table.Th scope="col">{t('settings.invitations.sentCount')}</Table.Th>
                  <Table.Th scope="col">{t('settings.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>
                      <Text size="sm">{invitation.email}</Text>
                    </Table.Td>
                    <Table.Td>{t(`orgs.roles.${invitation.role}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[invitation.status]} variant="light">
                        {t(`settings.invitations.status.${invitation.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatInstant(invitation.expiresAt, org.timezone, i18n.language)}
                    </Table.Td>
                    <Table.Td>{invitation.sentCount}</Table.Td>
                    <Table.Td>
                      {invitation.status === 'pending' || invitation.status === 'expired' ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            loading={resend.isPending && resend.variables === invitation.id}
                            onClick={() => resend.mutate(invitation.id)}
                            aria-label={t('settings.invitations.resendLabel', { email: invitation.email })}
                          >
                            {t('settings.invitations.resend')}
                          </Button>
                          {invitation.status === 'pending' ? (
                            <ConfirmButton
                              size="xs"
                              variant="default"
                              color="red"
                              aria-label={t('settings.invitations.revokeLabel', { email: invitation.email })}
                              title={t('settings.invitations.revokeTitle')}
                              message={t('settings.invitations.revokeBody', { email: invitation.email })}
                              confirmLabel={t('settings.invitations.revoke')}
                              onConfirm={() => revoke.mutateAsync(invitation.id).catch(() => undefined)}
                            >
                              {t('settings.invitations.revoke')}
                            </ConfirmButton>
                          ) : null}
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {invitations.hasNextPage ? (
          <Group justify="center">
            <Button variant="default" onClick={() => void invitations.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Stack>
  )
}

interface InviteValues {
  email: string
  role: 'admin' | 'member'
  roleId: string | null
  branchId: string | null
  expiresInDays: number | string
}

function InviteForm({ org, onSent }: { org: Org; onSent: (invitation: InvitationSent) => Promise<void> }) {
  const { t } = useTranslation()
  const [formError, setFormError] = useState<string | null>(null)
  const roles = useQuery(rolesQuery(org.slug))
  const branches = useQuery(branchesQuery(org.slug))
  const form = useForm<InviteValues>({
    mode: 'controlled',
    initialValues: { email: '', role: 'member', roleId: null, branchId: null, expiresInDays: 7 },
    validate: {
      email: (value) => (looksLikeEmail(value) ? null : t('auth.validation.emailInvalid')),
      expiresInDays: (value) =>
        Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 30
          ? null
          : t('settings.invitations.expiresRange'),
    },
  })
  const invite = useMutation({
    mutationFn: (values: InviteValues) =>
      createInvitation(org.slug, {
        email: values.email.trim(),
        role: values.role,
        expiresInDays: Number(values.expiresInDays),
        ...(values.roleId ? { roleId: values.roleId } : {}),
        ...(values.roleId && values.branchId ? { branchId: values.branchId } : {}),
      }),
    onSuccess: async (invitation) => {
      form.reset()
      await onSent(invitation)
    },
    onError: (error) => {
      if (isApiError(error)) {
        const fields: Record<string, string> = {}
        for (const name of ['email', 'role', 'roleId', 'branchId', 'expiresInDays']) {
          const message = error.fieldErrors[name]
          if (message) fields[name] = message
        }
        if (Object.keys(fields).length > 0) {
          form.setErrors(fields)
          return
        }
      }
      setFormError(errorMessage(t, error))
    },
  })
  const roleOptions = (roles.data?.items ?? []).map((role) => ({ value: role.id, label: role.name }))
  const branchOptions = (branches.data?.items ?? []).map((branch) => ({
    value: branch.id,
    label: branch.name,
  }))

  return (
    <form
      noValidate
      aria-label={t('settings.invitations.createTitle')}
      onSubmit={form.onSubmit((values) => {
        setFormError(null)
        invite.mutate(values)
      })}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('settings.invitations.createTitle')}
        </Title>
        <FormErrorAlert message={formError} />
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            required
            w={260}
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <Select
            label={t('settings.members.role')}
            data={[
              { value: 'member', label: t('orgs.roles.member') },
              { value: 'admin', label: t('orgs.roles.admin') },
            ]}
            allowDeselect={false}
            w={170}
            key={form.key('role')}
            {...form.getInputProps('role')}
          />
          <Select
            label={t('settings.invitations.dataRole')}
            placeholder={t('settings.invitations.dataRoleDefault')}
            data={roleOptions}
            clearable
            w={220}
            key={form.key('roleId')}
            {...form.getInputProps('roleId')}
          />
          {branchOptions.length > 0 ? (
            <Select
              label={t('settings.branch')}
              placeholder={t('settings.wholeOrg')}
              data={branchOptions}
              clearable
              disabled={!form.values.roleId}
              w={200}
              key={form.key('branchId')}
              {...form.getInputProps('branchId')}
            />
          ) : null}
          <NumberInput
            label={t('settings.invitations.expiresInDays')}
            min={1}
            max={30}
            w={140}
            key={form.key('expiresInDays')}
            {...form.getInputProps('expiresInDays')}
          />
        </Group>
        <Group>
          <Button type="submit" loading={invite.isPending}>
            {t('settings.invitations.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
