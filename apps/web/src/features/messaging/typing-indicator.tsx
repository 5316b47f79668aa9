import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** "Ana está escribiendo…" (a polite live region, so screen readers hear it without interruption). */
export function TypingIndicator({ people }: { people: { name: string }[] }) {
  const { t } = useTranslation()
  const [first, second] = people
  const text = !first
    ? ''
    : !second
      ? t('messaging.typing.one', { name: first.name })
      : people.length === 2
        ? t('messaging.typing.two', { first: first.name, second: second.name })
        : t('messaging.typing.many')
  return (
    <Text role="status" aria-live="polite" size="xs" c="dimmed" mih={18} fs="italic">
      {text}
    </Text>
  )
}
