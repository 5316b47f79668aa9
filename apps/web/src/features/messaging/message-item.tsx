import { ActionIcon, Anchor, Box, Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { MESSAGE_MAX_LENGTH, type Message } from '@minga/contracts'
import { Fragment, type KeyboardEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { splitMentions } from './mentions.ts'
import { formatDateTime, formatTime } from './message-format.ts'

export interface MessageActions {
  onOpenThread?: (message: Message) => void
  onEdit: (message: Message, body: string) => Promise<unknown>
  onDelete: (message: Message) => Promise<unknown>
}

/**
 * One message as an article named after its author: time, "editado", mentions, link attachments,
 * thread replies, and the author's edit/delete (owners of the conversation may delete too).
 * A deleted message stays as a tombstone "Mensaje eliminado".
 */
export function MessageItem({
  message,
  authorName,
  nameOf,
  mine,
  canDelete,
  seenBy,
  actions,
}: {
  message: Message
  authorName: string
  nameOf: (userId: string) => string | undefined
  mine: boolean
  canDelete: boolean
  seenBy?: string[]
  actions: MessageActions
}) {
  const { t, i18n } = useTranslation()
  const authorId = useId()
  const [editing, setEditing] = useState(false)
  const [confirming, confirm] = useDisclosure(false)
  const [deleting, setDeleting] = useState(false)
  const deleted = message.deletedAt !== null
  const mentionNames = message.mentions.map(nameOf).filter((n): n is string => Boolean(n))
  const hasMenu = !deleted && (mine || canDelete || actions.onOpenThread)

  return (
    <Box component="article" aria-labelledby={authorId} px="xs" py={4} data-message-id={message.id}>
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap={6} align="baseline">
          <Text id={authorId} fw={600} size="sm">
            {authorName}
          </Text>
          <Text
            size="xs"
            c="dimmed"
            component="time"
            dateTime={message.createdAt}
            title={formatDateTime(message.createdAt, i18n.language)}
          >
            {formatTime(message.createdAt, i18n.language)}
          </Text>
          {message.editedAt && !deleted ? (
            <Text
              size="xs"
              c="dimmed"
              title={t('messaging.message.editedAt', {
                date: formatDateTime(message.editedAt, i18n.language),
              })}
            >
              ({t('messaging.message.edited')})
            </Text>
          ) : null}
        </Group>
        {hasMenu ? (
          <Menu position="bottom-end" withinPortal={false}>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-label={t('messaging.message.actions', { name: authorName })}
              >
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {actions.onOpenThread ? (
                <Menu.Item onClick={() => actions.onOpenThread?.(message)}>
                  {t('messaging.message.reply')}
                </Menu.Item>
              ) : null}
              {mine ? (
                <Menu.Item onClick={() => setEditing(true)}>{t('messaging.message.edit')}</Menu.Item>
              ) : null}
              {mine || canDelete ? (
                <Menu.Item color="red" onClick={confirm.open}>
                  {t('messaging.message.delete')}
                </Menu.Item>
              ) : null}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      {deleted ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('messaging.message.deleted')}
        </Text>
      ) : editing ? (
        <EditForm
          message={message}
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            await actions.onEdit(message, body)
            setEditing(false)
          }}
        />
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {splitMentions(message.body, mentionNames).map((part) =>
            part.mention ? (
              <Text key={part.offset} component="strong" fw={600} c="teal" size="sm">
                {part.text}
              </Text>
            ) : (
              <Fragment key={part.offset}>{part.text}</Fragment>
            ),
          )}
        </Text>
      )}
      {!deleted && message.attachments.length > 0 ? (
        <Box component="ul" aria-label={t('messaging.message.attachments')} m={0} pl="md">
          {message.attachments.map((a) => (
            <li key={`${a.name}|${a.url}`}>
              <Anchor href={a.url} target="_blank" rel="noopener noreferrer" size="sm">
                {a.name}
              </Anchor>
            </li>
          ))}
        </Box>
      ) : null}
      {actions.onOpenThread && message.replyCount > 0 ? (
        <Button variant="subtle" size="compact-xs" onClick={() => actions.onOpenThread?.(message)}>
          {t('messaging.message.replies', { count: message.replyCount })}
        </Button>
      ) : null}
      {seenBy && seenBy.length > 0 ? (
        <Text size="xs" c="dimmed" ta="right">
          {t('messaging.message.seenBy', { names: seenBy.join(', ') })}
        </Text>
      ) : null}
      <Modal opened={confirming} onClose={confirm.close} title={t('messaging.message.deleteTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('messaging.message.deleteConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={deleting}
              onClick={async () => {
                setDeleting(true)
                try {
                  await actions.onDelete(message)
                } finally {
                  setDeleting(false)
                  confirm.close()
                }
              }}
            >
              {t('messaging.message.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Box>
  )
}

function EditForm({
  message,
  onSave,
  onCancel,
}: {
  message: Message
  onSave: (body: string) => Promise<void>
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [body, setBody] = useState(message.body)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const tooLong = body.length > MESSAGE_MAX_LENGTH

  async function save() {
    if (!body.trim() || tooLong) return
    setSaving(true)
    setError(null)
    try {
      await onSave(body.trim())
    } catch (failure) {
      setError(errorMessage(t, failure))
    } finally {
      setSaving(false)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') onCancel()
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void save()
    }
  }

  return (
    <Stack gap={4}>
      <Textarea
        aria-label={t('messaging.message.editLabel')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        rows={3}
        autoFocus
        error={error ?? (tooLong ? t('messaging.composer.tooLong', { max: MESSAGE_MAX_LENGTH }) : undefined)}
      />
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" loading={saving} onClick={save} disabled={!body.trim() || tooLong}>
          {t('messaging.message.save')}
        </Button>
      </Group>
    </Stack>
  )
}
