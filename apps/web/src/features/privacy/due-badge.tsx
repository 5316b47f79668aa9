import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** "Vence en N días hábiles": red once overdue, orange within the 2-day reminder window. */
export function DueBadge({ businessDaysLeft }: { businessDaysLeft: number | null }) {
  const { t } = useTranslation()
  if (businessDaysLeft === null) return null
  if (businessDaysLeft < 0)
    return (
      <Badge color="red" variant="filled">
        {t('privacy.due.overdue', { count: -businessDaysLeft })}
      </Badge>
    )
  if (businessDaysLeft === 0)
    return (
      <Badge color="orange" variant="filled">
        {t('privacy.due.today')}
      </Badge>
    )
  return (
    <Badge color={businessDaysLeft <= 2 ? 'orange' : 'gray'} variant="light">
      {t('privacy.due.left', { count: businessDaysLeft })}
    </Badge>
  )
}
