import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { Org, Role } from '@minga/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Fragment, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { catalogLanguage } from '../../app/i18n/i18n.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { AlertIcon, PencilIcon, PlusIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import {
  createRole,
  deleteRole,
  permissionCatalogQuery,
  rolesQuery,
  settingsKey,
  updateRole,
} from './settings-api.ts'

/** Permissions granted directly, per role id, as edited on screen and not yet saved. */
type Drafts = Record<string, string[]>

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value))

/** Roles: the permission matrix (rows = permissions by module, columns = roles) and custom roles. */
export function RolesTab({ org }: { org: Org }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const roles = useQuery(rolesQuery(org.slug))
  const catalog = useQuery(permissionCatalogQuery)
  const [drafts, setDrafts] = useState<Drafts>({})
  const [editing, setEditing] = useState<Role | 'new' | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const lang = catalogLanguage(i18n.language)
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKey(org.slug) })

  const list = roles.data?.items ?? []
  const changed = list.filter((role) => drafts[role.id] && !sameSet(drafts[role.id] ?? [], role.permissions))

  const save = useMutation({
    mutationFn: async () => {
      for (const role of changed) {
        await updateRole(org.slug, role, { permissions: [...(drafts[role.id] ?? [])].sort() })
      }
    },
    onSuccess: async () => {
      setDrafts({})
      await refresh()
      notifications.show({ color: 'teal', message: t('settings.roles.saved') })
    },
    onError: async (error) => {
      setSaveError(
        isApiError(error) && error.status === 412 ? t('settings.roles.stale') : errorMessage(t, error),
      )
      await refresh()
    },
  })
  const remove = useMutation({
    mutationFn: (id: string) => deleteRole(org.slug, id),
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('settings.roles.deleted') })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })

  const toggle = (role: Role, permission: string, on: boolean) => {
    setSaveError(null)
    setDrafts((current) => {
      const base = current[role.id] ?? role.permissions
      const next = on ? [...new Set([...base, permission])] : base.filter((p) => p !== permission)
      return { ...current, [role.id]: next }
    })
  }

  if (roles.isPending || catalog.isPending) return <PageLoader />
  if (!roles.data || !catalog.data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, roles.error ?? catalog.error)}
      </Alert>
    )
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4">
            {t('settings.roles.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('settings.roles.subtitle')}
          </Text>
        </div>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
          {t('settings.roles.create')}
        </Button>
      </Group>

      {saveError ? (
        <Alert color="red" icon={<AlertIcon />} role="alert">
          {saveError}
        </Alert>
      ) : null}

      <Table.ScrollContainer minWidth={240 + list.length * 130}>
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing="xs"
          aria-label={t('settings.roles.matrixLabel')}
          stickyHeader
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" miw={220}>
                {t('settings.roles.permission')}
              </Table.Th>
              {list.map((role) => (
                <Table.Th key={role.id} scope="col" ta="center" miw={120}>
                  <Stack gap={4} align="center">
                    <Text size="sm" fw={600}>
                      {role.name}
                    </Text>
                    {role.builtIn ? (
                      <Badge size="xs" color="gray" variant="light">
                        {t('settings.roles.builtIn')}
                      </Badge>
                    ) : (
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('settings.roles.editLabel', { name: role.name })}>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            aria-label={t('settings.roles.editLabel', { name: role.name })}
                            onClick={() => setEditing(role)}
                          >
                            <PencilIcon size={14} />
                          </ActionIcon>
                        </Tooltip>
                        <ConfirmButton
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('settings.roles.deleteLabel', { name: role.name })}
                          title={t('settings.roles.deleteTitle')}
                          message={t('settings.roles.deleteBody', { name: role.name })}
                          confirmLabel={t('settings.roles.delete')}
                          onConfirm={() => remove.mutateAsync(role.id).catch(() => undefined)}
                        >
                          {t('settings.roles.delete')}
                        </ConfirmButton>
                      </Group>
                    )}
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {catalog.data.groups.map((group) => (
              <Fragment key={group.module}>
                <Table.Tr bg="var(--mantine-color-default-hover)">
                  <Table.Th scope="colgroup" colSpan={list.length + 1}>
                    {group.label[lang]}
                  </Table.Th>
                </Table.Tr>
                {group.permissions.map((permission) => (
                  <Table.Tr key={permission.key}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm">{permission.label[lang]}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {permission.key}
                      </Text>
                    </Table.Th>
                    {list.map((role) => {
                      const direct = drafts[role.id] ?? role.permissions
                      const inherited =
                        role.effectivePermissions.includes(permission.key) &&
                        !role.permissions.includes(permission.key)
                      const checked = direct.includes(permission.key) || inherited
                      const label = t('settings.roles.cellLabel', {
                        permission: permission.label[lang],
                        role: role.name,
                      })
                      return (
                        <Table.Td key={role.id} ta="center">
                          <Checkbox
                            aria-label={label}
                            checked={checked}
                            disabled={role.builtIn || inherited || save.isPending}
                            title={inherited ? t('settings.roles.inherited') : undefined}
                            onChange={(event) => toggle(role, permission.key, event.currentTarget.checked)}
                            styles={{ body: { justifyContent: 'center' } }}
                          />
                        </Table.Td>
                      )
                    })}
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('settings.roles.legend')}
      </Text>

      {changed.length > 0 ? (
        <Paper withBorder p="sm" radius="md" pos="sticky" bottom={12} shadow="md">
          <Group justify="space-between">
            <Text size="sm" fw={500} role="status">
              {t('settings.roles.unsaved', { count: changed.length })}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => setDrafts({})} disabled={save.isPending}>
                {t('settings.roles.discard')}
              </Button>
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                {t('settings.roles.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}

      <RoleFormModal
        slug={org.slug}
        roles={list}
        role={editing}
        onClose={() => setEditing(null)}
        onSaved={refresh}
      />
    </Stack>
  )
}

interface RoleValues {
  key: string
  name: string
  description: string
  inherits: string[]
}

/** Create a custom role, or rename / change the inheritance of one. */
function RoleFormModal({
  slug,
  roles,
  role,
  onClose,
  onSaved,
}: {
  slug: string
  roles: Role[]
  role: Role | 'new' | null
  onClose: () => void
  onSaved: () => Promise<unknown>
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={role !== null}
      onClose={onClose}
      title={role === 'new' ? t('settings.roles.create') : t('settings.roles.editTitle')}
      size="lg"
    >
      {role ? (
        <RoleForm
          key={role === 'new' ? 'new' : role.id}
          slug={slug}
          roles={roles}
          role={role === 'new' ? null : role}
          onDone={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Modal>
  )
}

function RoleForm({
  slug,
  roles,
  role,
  onDone,
  onSaved,
}: {
  slug: string
  roles: Role[]
  role: Role | null
  onDone: () => void
  onSaved: () => Promise<unknown>
}) {
  const { t } = useTranslation()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<RoleValues>({
    mode: 'controlled',
    initialValues: {
      key: role?.key ?? '',
      name: role?.name ?? '',
      description: role?.description ?? '',
      inherits: role?.inherits ?? [],
    },
    validate: {
      key: (value) =>
        role || /^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(value) ? null : t('settings.roles.keyFormat'),
      name: (value) => (value.trim().length >= 2 ? null : t('settings.roles.nameRequired')),
    },
  })
  const options = useMemo(
    () =>
      roles.filter((other) => other.id !== role?.id).map((other) => ({ value: other.id, label: other.name })),
    [roles, role],
  )
  const submit = useMutation({
    mutationFn: (values: RoleValues) =>
      role
        ? updateRole(slug, role, {
            name: values.name.trim(),
            description: values.description.trim(),
            inherits: values.inherits,
          })
        : createRole(slug, {
            key: values.key.trim(),
            name: values.name.trim(),
            description: values.description.trim(),
            permissions: [],
            inherits: values.inherits,
          }),
    onSuccess: async (saved) => {
      await onSaved()
      notifications.show({
        color: 'teal',
        message: role
          ? t('settings.roles.updated', { name: saved.name })
          : t('settings.roles.created', { name: saved.name }),
      })
      onDone()
    },
    onError: (error) => {
      if (isApiError(error)) {
        const fields: Record<string, string> = {}
        for (const name of ['key', 'name', 'description', 'inherits']) {
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
      onSubmit={form.onSubmit((values) => {
        setFormError(null)
        submit.mutate(values)
      })}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        {role ? null : (
          <TextInput
            label={t('settings.roles.key')}
            description={t('settings.roles.keyHint')}
            required
            key={form.key('key')}
            {...form.getInputProps('key')}
          />
        )}
        <TextInput
          label={t('settings.roles.name')}
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <Textarea
          label={t('settings.roles.description')}
          rows={2}
          key={form.key('description')}
          {...form.getInputProps('description')}
        />
        <MultiSelect
          label={t('settings.roles.inherits')}
          description={t('settings.roles.inheritsHint')}
          data={options}
          searchable
          clearable
          key={form.key('inherits')}
          {...form.getInputProps('inherits')}
        />
        {role ? null : (
          <Text size="xs" c="dimmed">
            {t('settings.roles.createHint')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submit.isPending}>
            {role ? t('settings.roles.saveRole') : t('settings.roles.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
