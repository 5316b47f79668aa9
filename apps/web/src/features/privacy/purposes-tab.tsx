import { Button, Group, Stack, Table, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { createPurpose, privacyKey, purposesQuery } from './privacy-api.ts'

export function PurposesTab({ slug }: { slug: string }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const purposes = useQuery(purposesQuery(slug))
  const [key, setKey] = useState('')
  const [name, setName] = useState('')
  const create = useMutation({
    mutationFn: () => createPurpose(slug, { key, name }),
    onSuccess: async () => {
      setKey('')
      setName('')
      await queryClient.invalidateQueries({ queryKey: privacyKey(slug) })
      notifications.show({ message: t('privacy.purposes.created') })
    },
  })
  const fields = isApiError(create.error) ? create.error.fieldErrors : {}
  const items = purposes.data?.items ?? []
  return (
    <Stack>
      {items.length === 0 ? (
        <EmptyState title={t('privacy.purposes.empty')} />
      ) : (
        <Table aria-label={t('privacy.purposes.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('privacy.purposes.key')}</Table.Th>
              <Table.Th scope="col">{t('privacy.purposes.name')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.key}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form
        aria-label={t('privacy.purposes.create')}
        onSubmit={(event) => {
          event.preventDefault()
          create.mutate()
        }}
      >
        <Stack>
          <FormErrorAlert
            message={create.error && Object.keys(fields).length === 0 ? errorMessage(t, create.error) : null}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('privacy.purposes.key')}
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              error={fields.key}
              required
            />
            <TextInput
              label={t('privacy.purposes.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fields.name}
              required
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('privacy.purposes.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}
