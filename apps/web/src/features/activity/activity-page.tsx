import { SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { ActivityEntityType } from '@minga/contracts'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { ActivityTimeline } from './activity-timeline.tsx'

const orgRoute = getRouteApi('/_authed/o/$org')

/** Types worth filtering the org timeline by (boards have no lines of their own; motions sit with assemblies). */
const FILTERS = ActivityEntityType.options.filter((type) => type !== 'board')

/** The org's activity: every line the member may see, newest first, filterable by kind. */
export function ActivityPage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  const [filter, setFilter] = useState<string>('all')
  usePageTitle(t('activity.title'))
  return (
    <Stack gap="lg" maw={820}>
      <div>
        <Title order={1}>{t('activity.title')}</Title>
        <Text c="dimmed">{t('activity.subtitle')}</Text>
      </div>
      <SegmentedControl
        aria-label={t('activity.filter')}
        value={filter}
        onChange={setFilter}
        data={[
          { value: 'all', label: t('activity.filterAll') },
          ...FILTERS.map((type) => ({ value: type, label: t(`activity.entityTypes.${type}`) })),
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <ActivityTimeline
        orgSlug={slug}
        entityType={filter === 'all' ? undefined : (filter as ActivityEntityType)}
      />
    </Stack>
  )
}
