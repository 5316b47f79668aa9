import { Group, Paper, RingProgress, Stack, Text } from '@mantine/core'
import type { KpiShare } from '@minga/contracts'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { percentText } from './scorecards-api.ts'

/** One KPI: a ring with the percentage, the exact fraction, or "Sin datos" when there is nothing to measure. */
export function KpiCard({ label, value, footer }: { label: string; value: KpiShare; footer?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const percent = value === null ? 0 : Math.min(100, Math.max(0, Number(value.percent)))
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={label}>
      <Group wrap="nowrap" gap="md">
        <RingProgress
          size={84}
          thickness={9}
          roundCaps
          sections={value === null ? [] : [{ value: percent, color: percent >= 50 ? 'teal' : 'orange' }]}
          label={
            <Text ta="center" size="xs" fw={700}>
              {value === null ? '—' : percentText(value.percent, i18n.language)}
            </Text>
          }
        />
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Text size="xs" c="dimmed">
            {value === null
              ? t('scorecards.noData')
              : t('scorecards.fraction', { numerator: value.numerator, denominator: value.denominator })}
          </Text>
          {footer && (
            <Text size="xs" c="dimmed">
              {footer}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  )
}
