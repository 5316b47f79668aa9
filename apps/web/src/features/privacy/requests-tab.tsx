import { Badge, Button, Group, Select, Stack, Table, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { ConsentChannel, DataRequest, DataRequestKind } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { PersonPicker } from '../people/person-picker.tsx'
import { DueBadge } from './due-badge.tsx'
import { createRequest, privacyKey } from './privacy-api.ts'

const KINDS: DataRequestKind[] = ['consulta', 'reclamo', 'supresion']
export const CHANNELS: ConsentChannel[] = ['web', 'papel', 'telefono', 'presencial']

export function RequestsTab({ slug, requests }: { slug: string; requests: DataRequest[] }) {
  const { t } = useTranslation()
  const [creating, setCreating] = useState(false)
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setCreating((v) => !v)}>{t('privacy.requests.new')}</Button>
      </Group>
      {creating && <NewRequestForm slug={slug} onDone={() => setCreating(false)} />}
      {requests.length === 0 ? (
        <EmptyState title={t('privacy.requests.empty')}>{t('privacy.requests.emptyHint')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" aria-label={t('privacy.requests.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('privacy.requests.kind')}</Table.Th>
                <Table.Th scope="col">{t('privacy.requests.status')}</Table.Th>
                <Table.Th scope="col">{t('privacy.requests.receivedOn')}</Table.Th>
                <Table.Th scope="col">{t('privacy.requests.dueOn')}</Table.Th>
                <Table.Th scope="col" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{t(`privacy.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`privacy.statuses.${r.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{r.receivedOn}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {r.dueOn}
                      <DueBadge businessDaysLeft={r.businessDaysLeft} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink
                      to="/o/$org/privacy/requests/$requestId"
                      params={{ org: slug, requestId: r.id }}
                      aria-label={t('privacy.requests.openLabel', { date: r.receivedOn })}
                    >
                      {t('privacy.requests.open')}
                    </AnchorLink>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}

function NewRequestForm({ slug, onDone }: { slug: string; onDone: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [personId, setPersonId] = useState<string | null>(null)
  const [kind, setKind] = useState<DataRequestKind>('consulta')
  const [channel, setChannel] = useState<ConsentChannel>('web')
  const [description, setDescription] = useState('')
  const [receivedOn, setReceivedOn] = useState('')
  const create = useMutation({
    mutationFn: () =>
      createRequest(slug, {
        personId: personId ?? '',
        kind,
        channel,
        description,
        ...(receivedOn ? { receivedOn } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: privacyKey(slug) })
      notifications.show({ message: t('privacy.requests.created') })
      onDone()
    },
  })
  const fields = isApiError(create.error) ? create.error.fieldErrors : {}
  const formError = create.error && Object.keys(fields).length === 0 ? errorMessage(t, create.error) : null
  return (
    <form
      aria-label={t('privacy.requests.new')}
      onSubmit={(event) => {
        event.preventDefault()
        create.mutate()
      }}
    >
      <Stack>
        <FormErrorAlert message={formError} />
        <PersonPicker
          slug={slug}
          label={t('privacy.requests.person')}
          placeholder={t('privacy.requests.personPlaceholder')}
          nothingFoundMessage={t('privacy.requests.personNothingFound')}
          value={personId}
          onChange={setPersonId}
          error={fields.personId}
          required
        />
        <Group grow>
          <Select
            label={t('privacy.requests.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`privacy.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as DataRequestKind)}
            allowDeselect={false}
          />
          <Select
            label={t('privacy.requests.channel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`privacy.channels.${c}`) }))}
            value={channel}
            onChange={(v) => v && setChannel(v as ConsentChannel)}
            allowDeselect={false}
          />
          <TextInput
            type="date"
            label={t('privacy.requests.receivedOn')}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={fields.receivedOn}
          />
        </Group>
        <Textarea
          label={t('privacy.requests.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fields.description}
          required
          rows={3}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('privacy.requests.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
