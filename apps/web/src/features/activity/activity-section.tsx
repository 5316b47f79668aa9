import { Divider, Stack } from '@mantine/core'
import type { ActivityEntityType } from '@minga/contracts'
import { useTranslation } from 'react-i18next'
import { ActivityTimeline } from './activity-timeline.tsx'

/** One entity's timeline as a separate section of its page (one line to embed). */
export function ActivitySection({
  orgSlug,
  entityType,
  entityId,
}: {
  orgSlug: string
  entityType: ActivityEntityType
  entityId: string
}) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm" component="section" aria-label={t('activity.section')}>
      <Divider label={t('activity.section')} labelPosition="left" />
      <ActivityTimeline orgSlug={orgSlug} entityType={entityType} entityId={entityId} pageSize={10} compact />
    </Stack>
  )
}
