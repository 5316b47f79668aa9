import { Paper, SimpleGrid, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** A labelled row of numbers (validation or commit result) as a description list. */
export function ImportCounts({
  label,
  items,
}: {
  label: string
  items: { label: string; value: number | null }[]
}) {
  const { i18n } = useTranslation()
  const format = new Intl.NumberFormat(i18n.language)
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: items.length }} aria-label={label} m={0}>
      {items.map((item) => (
        <Paper key={item.label} withBorder p="sm" radius="md">
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" fw={700} fz="xl" m={0}>
            {format.format(item.value ?? 0)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}
