import { Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { Message } from '@minga/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { formatDateTime } from './message-format.ts'
import { searchMessagesQuery } from './messaging-api.ts'

/** Search within the conversation (the server ignores accents and case); a result jumps to its message. */
export function MessageSearch({
  slug,
  conversationId,
  authorName,
  onPick,
}: {
  slug: string
  conversationId: string
  authorName: (userId: string) => string
  onPick: (message: Message) => void
}) {
  const { t, i18n } = useTranslation()
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q.trim(), 300)
  const results = useQuery(searchMessagesQuery(slug, conversationId, debounced))
  const items = results.data?.items ?? []
  return (
    <Stack gap={4}>
      <TextInput
        type="search"
        size="xs"
        label={t('messaging.search.label')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maxLength={100}
        autoFocus
      />
      {results.error ? (
        <Text size="xs" c="red" role="alert">
          {errorMessage(t, results.error)}
        </Text>
      ) : null}
      {debounced && results.data && items.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('messaging.search.none', { q: debounced })}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Stack
          component="ul"
          aria-label={t('messaging.search.results')}
          gap={2}
          m={0}
          p={0}
          mah={200}
          style={{ listStyle: 'none', overflowY: 'auto' }}
        >
          {items.map((m) => (
            <li key={m.id}>
              <UnstyledButton onClick={() => onPick(m)} p={4} w="100%">
                <Text size="xs" c="dimmed">
                  {authorName(m.authorId)} · {formatDateTime(m.createdAt, i18n.language)}
                </Text>
                <Text size="sm" lineClamp={2}>
                  {m.deletedAt ? t('messaging.message.deleted') : m.body}
                </Text>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      ) : null}
    </Stack>
  )
}
