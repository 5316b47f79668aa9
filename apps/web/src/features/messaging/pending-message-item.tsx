import { Anchor, Box, Button, Group, Text } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { PendingMessage } from './use-pending-messages.ts'

/** A message on its way: "Enviando…", or the reason it failed with "Reintentar" and "Descartar". */
export function PendingMessageItem({
  message,
  authorName,
  onRetry,
  onDiscard,
}: {
  message: PendingMessage
  authorName: string
  onRetry: () => void
  onDiscard: () => void
}) {
  const { t } = useTranslation()
  const authorId = useId()
  const failed = message.status === 'failed'
  return (
    <Box
      component="article"
      aria-labelledby={authorId}
      aria-busy={!failed}
      px="xs"
      py={4}
      style={{ opacity: failed ? 1 : 0.7 }}
    >
      <Group gap={6} align="baseline">
        <Text id={authorId} fw={600} size="sm">
          {authorName}
        </Text>
        <Text size="xs" c={failed ? 'red' : 'dimmed'}>
          {failed ? t('messaging.message.failed') : t('messaging.message.sending')}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Text>
      {message.attachments.length > 0 ? (
        <Box component="ul" m={0} pl="md">
          {message.attachments.map((a) => (
            <li key={`${a.name}|${a.url}`}>
              <Anchor href={a.url} target="_blank" rel="noopener noreferrer" size="sm">
                {a.name}
              </Anchor>
            </li>
          ))}
        </Box>
      ) : null}
      {failed ? (
        <Group gap="xs" mt={4}>
          <Text size="xs" c="red" role="alert">
            {message.error}
          </Text>
          <Button size="compact-xs" onClick={onRetry}>
            {t('messaging.message.retry')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={onDiscard}>
            {t('messaging.message.discard')}
          </Button>
        </Group>
      ) : null}
    </Box>
  )
}
