import { Badge } from '@mantine/core'
import type { SubscriptionStatus } from '@minga/contracts'
import { useTranslation } from 'react-i18next'

const colors: Record<SubscriptionStatus, string> = {
  trialing: 'blue',
  active: 'teal',
  past_due: 'yellow',
  cancelled: 'red',
}

export function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={colors[status]} variant="light">
      {t(`subscription.status.${status}`)}
    </Badge>
  )
}
