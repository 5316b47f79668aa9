import {
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { Assembly, AssemblyProxy, CreateAssemblyProxy } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { membersQuery } from '../settings/settings-api.ts'
import { assemblyKey, createProxy, type QuorumSeat, revokeProxy } from './assemblies-api.ts'
import { PROXY_BARRED_ROLES } from './assembly-choices.ts'
import { formProblems } from './assembly-problems.ts'

type BarredRole = (typeof PROXY_BARRED_ROLES)[number]

interface Values {
  grantorUnitId: string | null
  holderUserId: string | null
  holderName: string
  holderDocument: string
  holderRoles: BarredRole[]
  scope: 'whole-assembly' | 'agenda-items'
  agendaItemIds: string[]
  documentRef: string
}

const fields = [
  'grantorUnitId',
  'holderName',
  'holderDocument',
  'holderRoles',
  'agendaItemIds',
  'documentRef',
  'holderUserId',
]

/** Poderes: register one (with the server's rule errors under the fields) and revoke those in force. */
export function ProxiesSection({
  slug,
  assembly,
  seats,
  proxies,
}: {
  slug: string
  assembly: Assembly
  seats: QuorumSeat[]
  proxies: AssemblyProxy[]
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" component="section" aria-labelledby="proxies-title">
      <div>
        <Title order={2} size="h3" id="proxies-title">
          {t('assemblies.proxies.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('assemblies.proxies.subtitle')}
        </Text>
      </div>
      {assembly.status !== 'closed' ? <ProxyForm slug={slug} assembly={assembly} seats={seats} /> : null}
      <ProxyTable slug={slug} assembly={assembly} proxies={proxies} />
    </Stack>
  )
}

function ProxyForm({ slug, assembly, seats }: { slug: string; assembly: Assembly; seats: QuorumSeat[] }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const members = useInfiniteQuery(membersQuery(slug))
  const [general, setGeneral] = useState<string[]>([])
  const form = useForm<Values>({
    initialValues: {
      grantorUnitId: null,
      holderUserId: null,
      holderName: '',
      holderDocument: '',
      holderRoles: [],
      scope: 'whole-assembly',
      agendaItemIds: [],
      documentRef: '',
    },
    validate: {
      grantorUnitId: (value) => (value ? null : t('assemblies.create.required')),
      holderName: (value) => (value.trim().length < 2 ? t('assemblies.create.required') : null),
      holderDocument: (value) => (value.trim().length < 3 ? t('assemblies.create.required') : null),
      agendaItemIds: (value, values) =>
        values.scope === 'agenda-items' && value.length === 0 ? t('assemblies.create.required') : null,
    },
  })
  const create = useMutation({
    mutationFn: (input: CreateAssemblyProxy) => createProxy(slug, assembly.id, input),
    onSuccess: async () => {
      form.reset()
      notifications.show({ message: t('assemblies.proxies.created') })
      await queryClient.invalidateQueries({ queryKey: [...assemblyKey(slug, assembly.id), 'proxies'] })
    },
    onError: (error) => {
      const { fieldErrors, general: rest } = formProblems(t, error, fields)
      // A barred holder is about the person: show it under the person's fields.
      const { holderUserId, ...others } = fieldErrors
      form.setErrors({ ...others, ...(holderUserId ? { holderRoles: holderUserId } : {}) })
      setGeneral(rest)
    },
  })
  const memberOptions = (members.data?.pages.flatMap((page) => page.items) ?? []).map((member) => ({
    value: member.userId,
    label: `${member.name} · ${member.email}`,
  }))
  const values = form.getValues()

  return (
    <Paper withBorder radius="md" p="md">
      <form
        noValidate
        aria-label={t('assemblies.proxies.submit')}
        onSubmit={form.onSubmit((v) => {
          setGeneral([])
          create.mutate({
            grantorUnitId: v.grantorUnitId ?? '',
            holderName: v.holderName.trim(),
            holderDocument: v.holderDocument.trim(),
            ...(v.holderUserId ? { holderUserId: v.holderUserId } : {}),
            holderRoles: v.holderRoles,
            scope:
              v.scope === 'agenda-items'
                ? { kind: 'agenda-items', agendaItemIds: v.agendaItemIds }
                : { kind: 'whole-assembly' },
            ...(v.documentRef.trim() ? { documentRef: v.documentRef.trim() } : {}),
          })
        })}
      >
        <Stack gap="sm">
          <FormErrorAlert message={general.length ? general.join(' ') : null} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('assemblies.proxies.grantor')}
              searchable
              required
              data={seats.map((seat) => ({ value: seat.unitId, label: seat.code }))}
              {...form.getInputProps('grantorUnitId')}
            />
            <Select
              label={t('assemblies.proxies.holderUser')}
              description={t('assemblies.proxies.holderUserHint')}
              searchable
              clearable
              data={memberOptions}
              {...form.getInputProps('holderUserId')}
              onChange={(value) => {
                form.setFieldValue('holderUserId', value)
                const member = memberOptions.find((option) => option.value === value)
                if (member && !form.getValues().holderName) {
                  form.setFieldValue('holderName', member.label.split(' · ')[0] ?? '')
                }
              }}
            />
            <TextInput
              label={t('assemblies.proxies.holderName')}
              required
              {...form.getInputProps('holderName')}
            />
            <TextInput
              label={t('assemblies.proxies.holderDocument')}
              required
              {...form.getInputProps('holderDocument')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('assemblies.proxies.holderRoles')}
            description={t('assemblies.proxies.holderRolesHint')}
            {...form.getInputProps('holderRoles')}
          >
            <Group gap="md" mt={6}>
              {PROXY_BARRED_ROLES.map((role) => (
                <Checkbox key={role} value={role} label={t(`assemblies.proxies.roles.${role}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Radio.Group label={t('assemblies.proxies.scope')} {...form.getInputProps('scope')}>
            <Group gap="md" mt={6}>
              <Radio value="whole-assembly" label={t('assemblies.proxies.scopes.whole-assembly')} />
              <Radio value="agenda-items" label={t('assemblies.proxies.scopes.agenda-items')} />
            </Group>
          </Radio.Group>
          {values.scope === 'agenda-items' ? (
            <MultiSelect
              label={t('assemblies.proxies.agendaItems')}
              data={assembly.agenda.map((item) => ({ value: item.id, label: item.title }))}
              {...form.getInputProps('agendaItemIds')}
            />
          ) : null}
          <TextInput label={t('assemblies.proxies.documentRef')} {...form.getInputProps('documentRef')} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('assemblies.proxies.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

function ProxyTable({
  slug,
  assembly,
  proxies,
}: {
  slug: string
  assembly: Assembly
  proxies: AssemblyProxy[]
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const revoke = useMutation({
    mutationFn: (proxyId: string) => revokeProxy(slug, proxyId),
    onSuccess: async () => {
      notifications.show({ message: t('assemblies.proxies.revokedNotice') })
      await queryClient.invalidateQueries({ queryKey: assemblyKey(slug, assembly.id) })
    },
    onError: (error) =>
      notifications.show({ color: 'red', message: formProblems(t, error, []).general.join(' ') }),
  })
  if (proxies.length === 0) return <Text c="dimmed">{t('assemblies.proxies.empty')}</Text>
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" aria-label={t('assemblies.proxies.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assemblies.proxies.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('assemblies.proxies.columns.holder')}</Table.Th>
            <Table.Th scope="col">{t('assemblies.proxies.columns.scope')}</Table.Th>
            <Table.Th scope="col">{t('assemblies.proxies.columns.state')}</Table.Th>
            <Table.Th scope="col">{t('assemblies.proxies.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proxies.map((proxy) => (
            <Table.Tr key={proxy.id}>
              <Table.Td>{proxy.grantorUnitCode}</Table.Td>
              <Table.Td>
                <Text size="sm">{proxy.holderName}</Text>
                <Text size="xs" c="dimmed">
                  {proxy.holderDocument}
                </Text>
              </Table.Td>
              <Table.Td>
                {proxy.scope.kind === 'whole-assembly'
                  ? t('assemblies.proxies.scopes.whole-assembly')
                  : t('assemblies.proxies.itemsCount', { count: proxy.scope.agendaItemIds.length })}
              </Table.Td>
              <Table.Td>
                <Badge color={proxy.revokedAt ? 'gray' : 'teal'}>
                  {proxy.revokedAt ? t('assemblies.proxies.revoked') : t('assemblies.proxies.inForce')}
                </Badge>
              </Table.Td>
              <Table.Td>
                {!proxy.revokedAt && assembly.status !== 'closed' ? (
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    color="red"
                    title={t('assemblies.proxies.revokeTitle')}
                    message={t('assemblies.proxies.revokeBody', {
                      code: proxy.grantorUnitCode,
                      name: proxy.holderName,
                    })}
                    confirmLabel={t('assemblies.proxies.revoke')}
                    onConfirm={() => revoke.mutateAsync(proxy.id).catch(() => undefined)}
                    aria-label={t('assemblies.proxies.revokeLabel', { code: proxy.grantorUnitCode })}
                  >
                    {t('assemblies.proxies.revoke')}
                  </ConfirmButton>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
