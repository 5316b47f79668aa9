import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon?: ReactNode
  title: string
  children?: ReactNode
  action?: ReactNode
}) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="sm" ta="center">
        {icon ? (
          <ThemeIcon size={48} radius="xl" variant="light">
            {icon}
          </ThemeIcon>
        ) : null}
        <Title order={2} size="h4">
          {title}
        </Title>
        {children ? (
          <Text c="dimmed" maw={480}>
            {children}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Paper>
  )
}
