import { Box, Group, Progress, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * A labelled progress bar with an optional vertical line where the required figure sits (quorum or
 * majority threshold). `value` and `threshold` are 0–100. The bar itself is a `progressbar` named by
 * `label`, so tests and screen readers find it by name.
 */
export function ThresholdBar({
  label,
  value,
  threshold,
  detail,
  color = 'teal',
  size = 'xl',
  labelSize = 'sm',
}: {
  label: string
  value: number
  threshold?: number | null | undefined
  detail?: ReactNode
  color?: string
  size?: 'sm' | 'md' | 'lg' | 'xl' | number
  labelSize?: 'sm' | 'md' | 'lg' | 'xl'
}) {
  return (
    <Box>
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size={labelSize} fw={600}>
          {label}
        </Text>
        {detail ? (
          <Text size={labelSize} c="dimmed" ta="right">
            {detail}
          </Text>
        ) : null}
      </Group>
      <Box pos="relative">
        <Progress value={value} size={size} radius="sm" color={color} aria-label={label} />
        {threshold != null && threshold > 0 && threshold <= 100 ? (
          <Box
            aria-hidden="true"
            pos="absolute"
            top={-4}
            bottom={-4}
            style={{
              left: `calc(${threshold}% - 1px)`,
              width: 3,
              background: 'var(--mantine-color-red-6)',
              borderRadius: 2,
            }}
          />
        ) : null}
      </Box>
    </Box>
  )
}
