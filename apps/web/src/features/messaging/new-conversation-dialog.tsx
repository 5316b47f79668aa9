import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import {
  conversationKey,
  conversationsKey,
  createConversation,
  messagingMembersQuery,
} from './messaging-api.ts'

/**
 * "Nueva conversación": one person picked → a direct conversation (the server returns the existing
 * one if there is one); several → a group, which needs a name.
 */
export function NewConversationDialog({
  slug,
  myId,
  opened,
  onClose,
}: {
  slug: string
  myId: string | undefined
  opened: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const members = useQuery({ ...messagingMembersQuery(slug), enabled: opened })
  const [picked, setPicked] = useState<string[]>([])
  const [title, setTitle] = useState('')
  const [errors, setErrors] = useState<{ participants?: string; title?: string; form?: string }>({})
  const [saving, setSaving] = useState(false)
  const [pickerOpen, setPickerOpen] = useState(false)
  const isGroup = picked.length > 1
  const options = (members.data?.items ?? [])
    .filter((m) => m.userId !== myId)
    .map((m) => ({ value: m.userId, label: m.name || m.email }))

  function close() {
    setPicked([])
    setTitle('')
    setErrors({})
    onClose()
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const [first] = picked
    if (!first) return setErrors({ participants: t('messaging.newConversation.participantsRequired') })
    if (isGroup && !title.trim())
      return setErrors({ title: t('messaging.newConversation.groupTitleRequired') })
    setSaving(true)
    try {
      const conversation = await createConversation(
        slug,
        isGroup
          ? { kind: 'group', title: title.trim(), participantIds: picked }
          : { kind: 'direct', userId: first },
      )
      queryClient.setQueryData(conversationKey(slug, conversation.id), conversation)
      void queryClient.invalidateQueries({ queryKey: conversationsKey(slug) })
      close()
      await navigate({
        to: '/o/$org/messages/$conversationId',
        params: { org: slug, conversationId: conversation.id },
      })
    } catch (failure) {
      const fields = isApiError(failure) ? failure.fieldErrors : {}
      const participants = fields.participantIds ?? fields.userId
      setErrors({
        ...(participants ? { participants } : {}),
        ...(fields.title ? { title: fields.title } : {}),
        ...(participants || fields.title ? {} : { form: errorMessage(t, failure) }),
      })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={t('messaging.newConversation.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert message={errors.form ?? null} />
          <MultiSelect
            label={t('messaging.newConversation.participants')}
            description={t('messaging.newConversation.participantsHint')}
            data={options}
            value={picked}
            onChange={(value) => {
              setPicked(value)
              setErrors({})
            }}
            searchable
            // Close after each pick: an open dropdown would cover the group name and the buttons.
            dropdownOpened={pickerOpen}
            onDropdownOpen={() => setPickerOpen(true)}
            onDropdownClose={() => setPickerOpen(false)}
            onOptionSubmit={() => setPickerOpen(false)}
            error={errors.participants}
            data-autofocus
          />
          {isGroup ? (
            <TextInput
              label={t('messaging.newConversation.groupTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              maxLength={120}
              required
            />
          ) : null}
          {members.error ? <FormErrorAlert message={errorMessage(t, members.error)} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('messaging.newConversation.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
