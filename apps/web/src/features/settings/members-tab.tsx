import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { MembershipRole, Org } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { meQuery } from '../../app/auth/session.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { formatInstant } from '../audit/audit-api.ts'
import { looksLikeEmail } from '../auth/auth-api.ts'
import { addMember, changeMemberRole, membersQuery, removeMember, settingsKey } from './settings-api.ts'

const memberRoles = ['owner', 'admin', 'member'] as const

export function MembersTab({ org }: { org: Org }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const { data: me } = useQuery(meQuery)
  const members = useInfiniteQuery(membersQuery(org.slug))
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKey(org.slug) })
  const onError = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(t, error) })

  const change = useMutation({
    mutationFn: (input: { userId: string; role: MembershipRole }) =>
      changeMemberRole(org.slug, input.userId, input.role),
    onSuccess: async () => {
      await refresh()
      notifications.show({ color: 'teal', message: t('settings.members.roleChanged') })
    },
    onError,
  })
  const remove = useMutation({
    mutationFn: (userId: string) => removeMember(org.slug, userId),
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('settings.members.removed') })
    },
    onError,
  })

  const roleOptions = memberRoles.map((role) => ({ value: role, label: t(`orgs.roles.${role}`) }))
  const items = members.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <Stack gap="xl">
      <AddMemberForm slug={org.slug} onAdded={refresh} />
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('settings.members.title')}
        </Title>
        {members.isPending ? (
          <PageLoader />
        ) : !members.data ? (
          <Alert color="red" role="alert">
            {errorMessage(t, members.error)}
          </Alert>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label={t('settings.members.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('auth.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('auth.fields.email')}</Table.Th>
                  <Table.Th scope="col">{t('settings.members.role')}</Table.Th>
                  <Table.Th scope="col">{t('settings.members.joined')}</Table.Th>
                  <Table.Th scope="col">{t('settings.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((member) => {
                  const self = member.userId === me?.user.id
                  return (
                    <Table.Tr key={member.userId}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm" fw={500}>
                            {member.name}
                          </Text>
                          {self ? (
                            <Badge size="sm" variant="light">
                              {t('settings.members.you')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{member.email}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={t('settings.members.roleOf', { name: member.name })}
                          data={roleOptions}
                          value={member.role}
                          allowDeselect={false}
                          disabled={self || change.isPending}
                          onChange={(value) => {
                            if (value && value !== member.role)
                              change.mutate({ userId: member.userId, role: value as MembershipRole })
                          }}
                          w={170}
                          size="xs"
                        />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatInstant(member.joinedAt, org.timezone, i18n.language)}
                      </Table.Td>
                      <Table.Td>
                        {self ? null : (
                          <ConfirmButton
                            size="xs"
                            variant="default"
                            color="red"
                            aria-label={t('settings.members.removeLabel', { name: member.name })}
                            title={t('settings.members.removeTitle')}
                            message={t('settings.members.removeBody', { name: member.name, org: org.name })}
                            confirmLabel={t('settings.members.remove')}
                            onConfirm={() => remove.mutateAsync(member.userId).catch(() => undefined)}
                          >
                            {t('settings.members.remove')}
                          </ConfirmButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {members.hasNextPage ? (
          <Group justify="center">
            <Button variant="default" onClick={() => void members.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Stack>
  )
}

function AddMemberForm({ slug, onAdded }: { slug: string; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', role: 'member' as 'admin' | 'member' },
    validate: { email: (value) => (looksLikeEmail(value) ? null : t('auth.validation.emailInvalid')) },
  })
  const add = useMutation({
    mutationFn: (input: { email: string; role: 'admin' | 'member' }) => addMember(slug, input),
    onSuccess: async (member) => {
      form.reset()
      await onAdded()
      notifications.show({ color: 'teal', message: t('settings.members.added', { name: member.name }) })
    },
    onError: (error) => {
      const field = isApiError(error) ? error.fieldErrors.email : undefined
      if (field) form.setErrors({ email: field })
      else setFormError(errorMessage(t, error))
    },
  })
  return (
    <form
      noValidate
      aria-label={t('settings.members.addTitle')}
      onSubmit={form.onSubmit((values) => {
        setFormError(null)
        add.mutate({ email: values.email.trim(), role: values.role })
      })}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('settings.members.addTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.members.addHint')}
        </Text>
        <FormErrorAlert message={formError} />
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            required
            w={280}
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
            w={180}
            key={form.key('role')}
            {...form.getInputProps('role')}
          />
          <Button type="submit" mt={25} loading={add.isPending}>
            {t('settings.members.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
