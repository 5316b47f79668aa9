import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { HolderRole, UnitHolder, UpdateUnitHolder } from '@minga/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import {
  addHolder,
  holdersQuery,
  membersForHoldersQuery,
  todayInBogota,
  unitsKey,
  updateHolder,
} from './units-api.ts'

const ROLES: HolderRole[] = ['owner', 'tenant', 'representative']

/** A unit's holders, past and present: add one, end one, mark who votes for the unit. */
export function HoldersPanel({
  slug,
  unitId,
  canManage,
}: {
  slug: string
  unitId: string
  canManage: boolean
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const holders = useQuery(holdersQuery(slug, unitId))
  const refresh = () => queryClient.invalidateQueries({ queryKey: unitsKey(slug) })

  const change = useMutation({
    mutationFn: (input: { holder: UnitHolder; patch: UpdateUnitHolder }) =>
      updateHolder(slug, unitId, input.holder.id, input.patch),
    onSuccess: async (holder) => {
      await refresh()
      notifications.show({ color: 'teal', message: t('units.holders.updated', { name: holder.name }) })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('units.holders.title')}
      </Title>
      {holders.isPending ? (
        <PageLoader />
      ) : !holders.data ? (
        <Text c="red">{errorMessage(t, holders.error)}</Text>
      ) : holders.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('units.holders.empty')}
        </Text>
      ) : (
        <Table aria-label={t('units.holders.tableLabel')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.holders.name')}</Table.Th>
              <Table.Th>{t('units.holders.role')}</Table.Th>
              <Table.Th>{t('units.holders.period')}</Table.Th>
              {canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holders.data.items.map((holder) => (
              <Table.Tr key={holder.id} c={holder.inForce ? undefined : 'dimmed'}>
                <Table.Td>
                  <Group gap={6}>
                    <span>{holder.name}</span>
                    {holder.isVoter && (
                      <Badge size="xs" color="grape">
                        {t('units.holders.voter')}
                      </Badge>
                    )}
                    {!holder.inForce && (
                      <Badge size="xs" color="gray">
                        {t('units.holders.ended')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`units.holders.roles.${holder.role}`)}</Table.Td>
                <Table.Td>
                  {holder.validTo
                    ? t('units.holders.between', { from: holder.validFrom, to: holder.validTo })
                    : t('units.holders.since', { from: holder.validFrom })}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    {holder.inForce && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => change.mutate({ holder, patch: { isVoter: !holder.isVoter } })}
                        >
                          {holder.isVoter ? t('units.holders.unmarkVoter') : t('units.holders.markVoter')}
                        </Button>
                        <ConfirmButton
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          title={t('units.holders.endTitle', { name: holder.name })}
                          message={t('units.holders.endMessage')}
                          confirmLabel={t('units.holders.endConfirm')}
                          onConfirm={() =>
                            change
                              .mutateAsync({
                                holder,
                                // Ending a holding in force never starts before it: today, or its start.
                                patch: {
                                  validTo: [todayInBogota(), holder.validFrom].sort().at(-1)!,
                                  isVoter: false,
                                },
                              })
                              .catch(() => undefined)
                          }
                        >
                          {t('units.holders.end')}
                        </ConfirmButton>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canManage && <AddHolderForm slug={slug} unitId={unitId} />}
    </Stack>
  )
}

function AddHolderForm({ slug, unitId }: { slug: string; unitId: string }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)
  const members = useQuery(membersForHoldersQuery(slug))
  const form = useForm({
    initialValues: {
      userId: null as string | null,
      name: '',
      role: 'owner' as HolderRole,
      email: '',
      phone: '',
      validFrom: todayInBogota(),
      isVoter: false,
    },
  })
  const add = useMutation({
    mutationFn: (values: typeof form.values) =>
      addHolder(slug, unitId, {
        name: values.name.trim(),
        userId: values.userId,
        role: values.role,
        email: values.email.trim() || null,
        phone: values.phone.trim() || null,
        validFrom: values.validFrom,
        isVoter: values.isVoter,
      }),
    onSuccess: async (holder) => {
      await queryClient.invalidateQueries({ queryKey: unitsKey(slug) })
      notifications.show({ color: 'teal', message: t('units.holders.added', { name: holder.name }) })
      form.reset()
      setFormError(null)
    },
    onError: (error) => {
      if (isApiError(error)) form.setErrors(error.fieldErrors)
      setFormError(errorMessage(t, error))
    },
  })
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
      <Stack gap="xs">
        <FormErrorAlert message={formError} />
        <Select
          label={t('units.holders.member')}
          description={t('units.holders.memberHint')}
          data={(members.data?.items ?? []).map((m) => ({
            value: m.userId,
            label: `${m.name} (${m.email})`,
          }))}
          searchable
          clearable
          {...form.getInputProps('userId')}
          onChange={(userId) => {
            form.setFieldValue('userId', userId)
            const member = members.data?.items.find((m) => m.userId === userId)
            if (member) {
              form.setFieldValue('name', member.name)
              form.setFieldValue('email', member.email)
            }
          }}
        />
        <Group grow align="flex-start">
          <TextInput label={t('units.holders.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('units.holders.role')}
            data={ROLES.map((role) => ({ value: role, label: t(`units.holders.roles.${role}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('units.holders.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('units.holders.phone')} {...form.getInputProps('phone')} />
          <TextInput label={t('units.holders.validFrom')} type="date" {...form.getInputProps('validFrom')} />
        </Group>
        <Checkbox
          label={t('units.holders.isVoter')}
          {...form.getInputProps('isVoter', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('units.holders.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
