import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
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
import type { ApiKey, Org } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { catalogLanguage } from '../../app/i18n/i18n.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { AlertIcon, PlusIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { formatInstant } from '../audit/audit-api.ts'
import {
  type ApiKeyCreated,
  apiKeysQuery,
  createApiKey,
  permissionCatalogQuery,
  revokeApiKey,
  settingsKey,
} from './settings-api.ts'

type KeyState = 'active' | 'revoked' | 'expired'

function keyState(key: ApiKey, now = Date.now()): KeyState {
  if (key.revokedAt) return 'revoked'
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now) return 'expired'
  return 'active'
}

const stateColor: Record<KeyState, string> = { active: 'teal', revoked: 'red', expired: 'yellow' }

/** API keys: created with some permissions and an expiry, shown once, revocable. */
export function ApiKeysTab({ org }: { org: Org }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const keys = useInfiniteQuery(apiKeysQuery(org.slug))
  const [creating, setCreating] = useState(false)
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...settingsKey(org.slug), 'api-keys'] })
  const revoke = useMutation({
    mutationFn: (id: string) => revokeApiKey(org.slug, id),
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('settings.apiKeys.revoked') })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })
  const items = keys.data?.pages.flatMap((page) => page.items) ?? []
  const when = (iso: string | null, none: string) =>
    iso ? formatInstant(iso, org.timezone, i18n.language) : none

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4">
            {t('settings.apiKeys.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('settings.apiKeys.subtitle')}
          </Text>
        </div>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
          {t('settings.apiKeys.create')}
        </Button>
      </Group>
      {keys.isPending ? (
        <PageLoader />
      ) : !keys.data ? (
        <Alert color="red" role="alert">
          {errorMessage(t, keys.error)}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('settings.apiKeys.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="sm" aria-label={t('settings.apiKeys.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('settings.apiKeys.name')}</Table.Th>
                <Table.Th scope="col">{t('settings.apiKeys.hint')}</Table.Th>
                <Table.Th scope="col">{t('settings.apiKeys.permissions')}</Table.Th>
                <Table.Th scope="col">{t('settings.apiKeys.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('settings.apiKeys.expires')}</Table.Th>
                <Table.Th scope="col">{t('settings.invitations.statusColumn')}</Table.Th>
                <Table.Th scope="col">{t('settings.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((key) => {
                const state = keyState(key)
                return (
                  <Table.Tr key={key.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {key.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('settings.apiKeys.createdAt', { date: when(key.createdAt, '') })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{key.hint}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace" maw={260}>
                        {key.permissions.join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {when(key.lastUsedAt, t('settings.apiKeys.never'))}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {when(key.expiresAt, t('settings.apiKeys.noExpiry'))}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={stateColor[state]} variant="light">
                        {t(`settings.apiKeys.state.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {state === 'revoked' ? null : (
                        <ConfirmButton
                          size="xs"
                          variant="default"
                          color="red"
                          aria-label={t('settings.apiKeys.revokeLabel', { name: key.name })}
                          title={t('settings.apiKeys.revokeTitle')}
                          message={t('settings.apiKeys.revokeBody', { name: key.name })}
                          confirmLabel={t('settings.apiKeys.revoke')}
                          onConfirm={() => revoke.mutateAsync(key.id).catch(() => undefined)}
                        >
                          {t('settings.apiKeys.revoke')}
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
      {keys.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void keys.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
      <CreateApiKeyModal
        slug={org.slug}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={refresh}
      />
    </Stack>
  )
}

function CreateApiKeyModal({
  slug,
  opened,
  onClose,
  onCreated,
}: {
  slug: string
  opened: boolean
  onClose: () => void
  onCreated: () => Promise<unknown>
}) {
  const { t } = useTranslation()
  const [created, setCreated] = useState<ApiKeyCreated | null>(null)
  const close = () => {
    // the key is gone for good once the dialog closes
    setCreated(null)
    onClose()
  }
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('settings.apiKeys.createdTitle') : t('settings.apiKeys.create')}
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" icon={<AlertIcon />}>
            {t('settings.apiKeys.onceWarning')}
          </Alert>
          <Code block aria-label={t('settings.apiKeys.keyLabel')} style={{ wordBreak: 'break-all' }}>
            {created.key}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('common.copied') : t('settings.apiKeys.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('settings.apiKeys.done')}</Button>
          </Group>
        </Stack>
      ) : opened ? (
        <ApiKeyForm
          slug={slug}
          onCancel={close}
          onCreated={async (key) => {
            setCreated(key)
            await onCreated()
          }}
        />
      ) : null}
    </Modal>
  )
}

const expiryChoices = ['30', '90', '365', 'never'] as const

function ApiKeyForm({
  slug,
  onCancel,
  onCreated,
}: {
  slug: string
  onCancel: () => void
  onCreated: (key: ApiKeyCreated) => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const catalog = useQuery(permissionCatalogQuery)
  const [formError, setFormError] = useState<string | null>(null)
  const lang = catalogLanguage(i18n.language)
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', permissions: [] as string[], expiry: '90' as string },
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('settings.apiKeys.nameRequired')),
      permissions: (value) => (value.length > 0 ? null : t('settings.apiKeys.permissionsRequired')),
    },
  })
  const create = useMutation({
    mutationFn: (values: { name: string; permissions: string[]; expiry: string }) =>
      createApiKey(slug, {
        name: values.name.trim(),
        permissions: values.permissions,
        ...(values.expiry === 'never' ? {} : { expiresInDays: Number(values.expiry) }),
      }),
    onSuccess: onCreated,
    onError: (error) => {
      if (isApiError(error) && error.fieldErrors.name) {
        form.setErrors({ name: error.fieldErrors.name })
        return
      }
      setFormError(errorMessage(t, error))
    },
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null)
        create.mutate(values)
      })}
    >
      <Stack gap="md">
        <FormErrorAlert message={formError} />
        <TextInput
          label={t('settings.apiKeys.name')}
          description={t('settings.apiKeys.nameHint')}
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <Select
          label={t('settings.apiKeys.expiry')}
          data={expiryChoices.map((value) => ({
            value,
            label: t(`settings.apiKeys.expiryChoices.${value}`),
          }))}
          allowDeselect={false}
          key={form.key('expiry')}
          {...form.getInputProps('expiry')}
        />
        {catalog.data ? (
          <Checkbox.Group
            label={t('settings.apiKeys.permissions')}
            description={t('settings.apiKeys.permissionsHint')}
            required
            key={form.key('permissions')}
            {...form.getInputProps('permissions')}
          >
            <Stack gap="sm" mt="xs">
              {catalog.data.groups.map((group) => (
                <fieldset key={group.module} style={{ border: 0, padding: 0, margin: 0 }}>
                  <Text component="legend" size="sm" fw={600} mb={4}>
                    {group.label[lang]}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
                    {group.permissions.map((permission) => (
                      <Checkbox key={permission.key} value={permission.key} label={permission.label[lang]} />
                    ))}
                  </SimpleGrid>
                </fieldset>
              ))}
            </Stack>
          </Checkbox.Group>
        ) : catalog.isPending ? (
          <PageLoader />
        ) : (
          <Alert color="red">{errorMessage(t, catalog.error)}</Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('settings.apiKeys.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
