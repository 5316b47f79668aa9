import { Box, Button, CloseButton, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { type CreateMessageAttachment, MESSAGE_MAX_LENGTH } from '@minga/contracts'
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { activeMention, insertMention, mentionsInText } from './mentions.ts'
import { foldText } from './message-format.ts'

export interface MentionCandidate {
  userId: string
  name: string
}

export interface OutgoingMessage {
  body: string
  mentions: string[]
  attachments: CreateMessageAttachment[]
}

/**
 * The message box: Enter sends, Shift+Enter adds a line. Typing `@` opens a list of the
 * conversation's participants; the picked ones still named in the text are sent as `mentions`.
 * Sending is optimistic: the box clears at once and the caller shows the pending message.
 */
export function Composer({
  label,
  candidates,
  onSend,
  onTyping,
  autoFocus,
}: {
  label: string
  candidates: MentionCandidate[]
  onSend: (message: OutgoingMessage) => void
  onTyping?: () => void
  autoFocus?: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [text, setText] = useState('')
  const [picked, setPicked] = useState<MentionCandidate[]>([])
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null)
  const [highlighted, setHighlighted] = useState(0)
  const [attachments, setAttachments] = useState<CreateMessageAttachment[]>([])
  const [attaching, setAttaching] = useState(false)
  const tooLong = text.length > MESSAGE_MAX_LENGTH
  const canSend = text.trim().length > 0 && !tooLong

  const options = mention
    ? candidates.filter((c) => foldText(c.name).includes(foldText(mention.query))).slice(0, 8)
    : []
  const pickerOpen = options.length > 0
  const listboxId = `${id}-mentions`
  const optionId = (index: number) => `${id}-mention-${index}`

  function update(value: string, caret: number) {
    setText(value)
    setMention(activeMention(value, caret))
    setHighlighted(0)
    if (value.trim()) onTyping?.()
  }

  // After a mention is inserted, the caret goes right after it (once React has rendered the text).
  const caretAfterRender = useRef<number | null>(null)
  useLayoutEffect(() => {
    const caret = caretAfterRender.current
    if (caret === null || !textarea.current) return
    caretAfterRender.current = null
    textarea.current.focus()
    textarea.current.setSelectionRange(caret, caret)
  })

  function pick(candidate: MentionCandidate) {
    if (!mention) return
    const end = mention.start + 1 + mention.query.length
    const next = insertMention(text, mention.start, end, candidate.name)
    caretAfterRender.current = next.caret
    setText(next.text)
    setPicked((current) =>
      current.some((c) => c.userId === candidate.userId) ? current : [...current, candidate],
    )
    setMention(null)
  }

  function send() {
    if (!canSend) return
    onSend({ body: text.trim(), mentions: mentionsInText(text, picked), attachments })
    setText('')
    setPicked([])
    setMention(null)
    setAttachments([])
    setAttaching(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (pickerOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setHighlighted((current) => (current + step + options.length) % options.length)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault()
        const candidate = options[highlighted] ?? options[0]
        if (candidate) pick(candidate)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        setMention(null)
        return
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      send()
    }
  }

  return (
    <Stack gap={6}>
      {attachments.length > 0 ? (
        <Group gap={6}>
          {attachments.map((a, index) => (
            <Paper key={`${a.name}|${a.url}`} withBorder radius="xl" px="xs" py={2}>
              <Group gap={4} wrap="nowrap">
                <Text size="xs">{a.name}</Text>
                <CloseButton
                  size="xs"
                  aria-label={t('messaging.composer.attachmentRemove', { name: a.name })}
                  onClick={() => setAttachments((current) => current.filter((_, i) => i !== index))}
                />
              </Group>
            </Paper>
          ))}
        </Group>
      ) : null}
      {attaching ? (
        <AttachmentForm
          onAdd={(attachment) => {
            setAttachments((current) => [...current, attachment].slice(0, 10))
            setAttaching(false)
          }}
          onCancel={() => setAttaching(false)}
        />
      ) : null}
      <Box pos="relative">
        {pickerOpen ? (
          <Paper
            withBorder
            shadow="sm"
            p={4}
            pos="absolute"
            bottom="100%"
            left={0}
            mb={4}
            style={{ zIndex: 10, minWidth: 220 }}
          >
            <Box
              component="ul"
              id={listboxId}
              role="listbox"
              aria-label={t('messaging.composer.mentionList')}
              m={0}
              p={0}
            >
              {options.map((candidate, index) => (
                <Box
                  component="li"
                  key={candidate.userId}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === highlighted}
                  px="xs"
                  py={4}
                  style={{
                    listStyle: 'none',
                    cursor: 'pointer',
                    borderRadius: 4,
                    background: index === highlighted ? 'var(--mantine-color-default-hover)' : undefined,
                  }}
                  onMouseDown={(event) => {
                    // Keep the focus in the textarea.
                    event.preventDefault()
                    pick(candidate)
                  }}
                >
                  {candidate.name}
                </Box>
              ))}
            </Box>
          </Paper>
        ) : null}
        <Textarea
          ref={textarea}
          aria-label={label}
          placeholder={t('messaging.composer.placeholder')}
          value={text}
          onChange={(e) =>
            update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length)
          }
          onKeyDown={onKeyDown}
          onBlur={() => setMention(null)}
          rows={3}
          autoFocus={autoFocus}
          error={tooLong ? t('messaging.composer.tooLong', { max: MESSAGE_MAX_LENGTH }) : undefined}
          aria-autocomplete="list"
          aria-expanded={pickerOpen}
          aria-controls={pickerOpen ? listboxId : undefined}
          aria-activedescendant={pickerOpen ? optionId(highlighted) : undefined}
        />
      </Box>
      <Group justify="space-between" wrap="nowrap">
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setAttaching((open) => !open)}
          aria-expanded={attaching}
        >
          {t('messaging.composer.attach')}
        </Button>
        <Group gap="sm" wrap="nowrap">
          <Text size="xs" c={tooLong ? 'red' : 'dimmed'} aria-live="polite">
            {t('messaging.composer.counter', { count: text.length, max: MESSAGE_MAX_LENGTH })}
          </Text>
          <Button size="sm" onClick={send} disabled={!canSend}>
            {t('messaging.composer.send')}
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}

function AttachmentForm({
  onAdd,
  onCancel,
}: {
  onAdd: (attachment: CreateMessageAttachment) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [url, setUrl] = useState('')
  const [errors, setErrors] = useState<{ name?: string; url?: string }>({})

  function add() {
    const next: typeof errors = {}
    if (!name.trim()) next.name = t('messaging.composer.attachmentNameRequired')
    if (!isHttpsUrl(url.trim())) next.url = t('messaging.composer.attachmentInvalid')
    setErrors(next)
    if (next.name || next.url) return
    onAdd({ name: name.trim(), url: url.trim() })
  }

  return (
    <Paper withBorder p="xs">
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {t('messaging.composer.attachmentsHint')}
        </Text>
        <Group align="flex-start" gap="xs" grow>
          <TextInput
            size="xs"
            label={t('messaging.composer.attachmentName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maxLength={200}
          />
          <TextInput
            size="xs"
            type="url"
            label={t('messaging.composer.attachmentUrl')}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
            maxLength={2000}
          />
        </Group>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" onClick={add}>
            {t('messaging.composer.attachmentAdd')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}
