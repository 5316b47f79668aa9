import { Alert, Avatar, Button, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core'
import type { ActivityEntityType, ActivityEntry } from '@minga/contracts'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { activityQuery } from './activity-api.ts'
import { activitySentence, actorName } from './activity-sentence.ts'
import { absoluteTime, relativeTime } from './activity-time.ts'

/**
 * A timeline of who did what: the org's (no entity), one type's (`entityType` alone) or one entity's
 * (`entityType` + `entityId`; an assembly's includes its motions, a board's its cards). Newest first,
 * with "load more". `now` is for tests; relative times otherwise count from the render.
 */
export function ActivityTimeline({
  orgSlug,
  entityType,
  entityId,
  pageSize = 20,
  compact = false,
  now,
}: {
  orgSlug: string
  entityType?: ActivityEntityType | undefined
  entityId?: string | undefined
  pageSize?: number
  /** Inside another page: a short empty message instead of the full empty state. */
  compact?: boolean
  now?: Date
}) {
  const { t } = useTranslation()
  const query = useInfiniteQuery(activityQuery(orgSlug, { entityType, entityId }, pageSize))
  const entries = query.data?.pages.flatMap((page) => page.items) ?? []

  if (query.isPending) return <Skeleton height={48} aria-label={t('activity.timelineLabel')} />
  if (query.isError) {
    // Embedded in another page, a timeline the person may not read (or a disabled module) stays out of the way.
    if (compact && isApiError(query.error) && (query.error.status === 403 || query.error.status === 404))
      return null
    return (
      <Alert color="red" role="alert">
        {isApiError(query.error) && query.error.status === 403
          ? t('activity.forbidden')
          : errorMessage(t, query.error)}
      </Alert>
    )
  }
  if (entries.length === 0) {
    return compact ? (
      <Text size="sm" c="dimmed">
        {t('activity.empty')}
      </Text>
    ) : (
      <EmptyState title={t('activity.empty')}>{t('activity.emptyHint')}</EmptyState>
    )
  }
  const reference = now ?? new Date()
  return (
    <Stack gap="sm">
      <Stack gap="sm" component="ol" p={0} m={0} aria-label={t('activity.timelineLabel')}>
        {entries.map((entry) => (
          <ActivityLine key={entry.id} entry={entry} now={reference} />
        ))}
      </Stack>
      {query.hasNextPage ? (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('activity.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}

function ActivityLine({ entry, now }: { entry: ActivityEntry; now: Date }) {
  const { t, i18n } = useTranslation()
  const name = actorName(t, entry)
  const absolute = absoluteTime(entry.occurredAt, i18n.language)
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" style={{ listStyle: 'none' }}>
      <Avatar size={28} radius="xl" color="initials" name={entry.actor ? name : 'Minga'} aria-hidden />
      <div>
        <Text size="sm">{activitySentence(t, entry)}</Text>
        <Tooltip label={absolute} withArrow>
          <Text size="xs" c="dimmed" component="time" dateTime={entry.occurredAt} title={absolute}>
            {relativeTime(entry.occurredAt, now, i18n.language)}
          </Text>
        </Tooltip>
      </div>
    </Group>
  )
}
