import { Badge, Group, Text } from '@mantine/core'
import type { CoefficientCheckResult } from '@minga/contracts'
import { useTranslation } from 'react-i18next'
import { formatPercentText } from './units-api.ts'

/** "Suman 99,999999 %, falta 0,000001 %" or a green "Suma 100 %": the building's coefficient check. */
export function CoefficientBadge({ check }: { check: CoefficientCheckResult }) {
  const { t, i18n } = useTranslation()
  const pct = (value: string) => formatPercentText(value, i18n.language)
  if (check.ok) {
    return (
      <Badge color="teal" variant="light">
        {t('units.totals.ok')}
      </Badge>
    )
  }
  const gap = check.difference.replace('-', '')
  const text = check.difference.startsWith('-')
    ? t('units.totals.short', { sum: pct(check.sum), gap: pct(gap) })
    : t('units.totals.over', { sum: pct(check.sum), gap: pct(gap) })
  return (
    <Badge color="orange" variant="light" role="status" style={{ textTransform: 'none' }}>
      {text}
    </Badge>
  )
}

export function CoefficientTotals({ check }: { check: CoefficientCheckResult }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs">
      <CoefficientBadge check={check} />
      {check.unitsWithoutCoefficient > 0 && (
        <Text size="xs" c="dimmed">
          {t('units.totals.withoutCoefficient', { count: check.unitsWithoutCoefficient })}
        </Text>
      )}
      {!check.ok && (
        <Text size="xs" c="dimmed">
          {t('units.totals.warningHint')}
        </Text>
      )}
    </Group>
  )
}
