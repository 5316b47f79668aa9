import { Alert, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { Org } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import {
  assignmentsQuery,
  branchesQuery,
  createAssignment,
  deleteAssignment,
  membersQuery,
  rolesQuery,
  settingsKey,
} from './settings-api.ts'

/** Which member holds which role, org-wide or in one branch. */
export function AssignmentsTab({ org }: { org: Org }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const assignments = useQuery(assignmentsQuery(org.slug))
  const members = useInfiniteQuery(membersQuery(org.slug))
  const roles = useQuery(rolesQuery(org.slug))
  const branches = useQuery(branchesQuery(org.slug))
  const [filter, setFilter] = useState<string | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKey(org.slug) })

  const remove = useMutation({
    mutationFn: (id: string) => deleteAssignment(org.slug, id),
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('settings.assignments.removed') })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })

  const memberList = members.data?.pages.flatMap((page) => page.items) ?? []
  const memberName = new Map(memberList.map((m) => [m.userId, `${m.name} (${m.email})`]))
  const roleName = new Map((roles.data?.items ?? []).map((r) => [r.id, r.name]))
  const branchName = new Map((branches.data?.items ?? []).map((b) => [b.id, b.name]))
  const memberOptions = memberList.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))
  const rows = (assignments.data?.items ?? []).filter((a) => !filter || a.userId === filter)

  return (
    <Stack gap="xl">
      <AssignForm
        slug={org.slug}
        memberOptions={memberOptions}
        roleOptions={(roles.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
        branchOptions={(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
        onSaved={refresh}
      />
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('settings.assignments.title')}
          </Title>
          <Select
            label={t('settings.assignments.filter')}
            placeholder={t('settings.assignments.allMembers')}
            data={memberOptions}
            value={filter}
            onChange={setFilter}
            clearable
            searchable
            w={280}
            size="xs"
          />
        </Group>
        {assignments.isPending ? (
          <PageLoader />
        ) : !assignments.data ? (
          <Alert color="red" role="alert">
            {errorMessage(t, assignments.error)}
          </Alert>
        ) : rows.length === 0 ? (
          <Text c="dimmed">{t('settings.assignments.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="sm" aria-label={t('settings.assignments.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('settings.assignments.member')}</Table.Th>
                  <Table.Th scope="col">{t('settings.assignments.role')}</Table.Th>
                  <Table.Th scope="col">{t('settings.branch')}</Table.Th>
                  <Table.Th scope="col">{t('settings.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((assignment) => {
                  const member = memberName.get(assignment.userId) ?? assignment.userId
                  const role = roleName.get(assignment.roleId) ?? assignment.roleKey
                  return (
                    <Table.Tr key={assignment.id}>
                      <Table.Td>{member}</Table.Td>
                      <Table.Td>{role}</Table.Td>
                      <Table.Td>
                        {assignment.branchId
                          ? (branchName.get(assignment.branchId) ?? assignment.branchId)
                          : t('settings.wholeOrg')}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          loading={remove.isPending && remove.variables === assignment.id}
                          onClick={() => remove.mutate(assignment.id)}
                          aria-label={t('settings.assignments.removeLabel', { role, member })}
                        >
                          {t('settings.assignments.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  )
}

interface Option {
  value: string
  label: string
}

function AssignForm({
  slug,
  memberOptions,
  roleOptions,
  branchOptions,
  onSaved,
}: {
  slug: string
  memberOptions: Option[]
  roleOptions: Option[]
  branchOptions: Option[]
  onSaved: () => Promise<unknown>
}) {
  const { t } = useTranslation()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      userId: null as string | null,
      roleId: null as string | null,
      branchId: null as string | null,
    },
    validate: {
      userId: (value) => (value ? null : t('settings.assignments.memberRequired')),
      roleId: (value) => (value ? null : t('settings.assignments.roleRequired')),
    },
  })
  const assign = useMutation({
    mutationFn: (values: { userId: string; roleId: string; branchId: string | null }) =>
      createAssignment(slug, {
        userId: values.userId,
        roleId: values.roleId,
        ...(values.branchId ? { branchId: values.branchId } : {}),
      }),
    onSuccess: async () => {
      form.reset()
      await onSaved()
      notifications.show({ color: 'teal', message: t('settings.assignments.saved') })
    },
    onError: (error) => {
      if (isApiError(error)) {
        const fields: Record<string, string> = {}
        for (const name of ['userId', 'roleId', 'branchId']) {
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
  return (
    <form
      noValidate
      aria-label={t('settings.assignments.createTitle')}
      onSubmit={form.onSubmit((values) => {
        setFormError(null)
        if (values.userId && values.roleId)
          assign.mutate({ userId: values.userId, roleId: values.roleId, branchId: values.branchId })
      })}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('settings.assignments.createTitle')}
        </Title>
        <FormErrorAlert message={formError} />
        <Group align="flex-start" gap="sm">
          <Select
            label={t('settings.assignments.member')}
            data={memberOptions}
            searchable
            required
            w={280}
            key={form.key('userId')}
            {...form.getInputProps('userId')}
          />
          <Select
            label={t('settings.assignments.role')}
            data={roleOptions}
            searchable
            required
            w={220}
            key={form.key('roleId')}
            {...form.getInputProps('roleId')}
          />
          <Select
            label={t('settings.branch')}
            placeholder={t('settings.wholeOrg')}
            data={branchOptions}
            clearable
            disabled={branchOptions.length === 0}
            w={200}
            key={form.key('branchId')}
            {...form.getInputProps('branchId')}
          />
          <Button type="submit" mt={25} loading={assign.isPending}>
            {t('settings.assignments.assign')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
