import { Alert, Badge, Button, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core'
import type { Poll, PollState } from '@minga/contracts'
import { useInfiniteQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { canManageOrg } from '../../app/layout/org-nav.tsx'
import { useOrgEvent } from '../../app/realtime.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { CardLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { CreatePollForm } from './create-poll-form.tsx'
import { formatInstant } from './poll-format.ts'
import { pollListQuery, pollsKey } from './polls-api.ts'

const orgRoute = getRouteApi('/_authed/o/$org')

export function PollsPage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const manager = canManageOrg(org)
  const [tab, setTab] = useState<PollState>('open')
  const [creating, setCreating] = useState(false)
  usePageTitle(t('polls.title'))
  useOrgEvent(slug, 'poll.changed', () => {
    void queryClient.invalidateQueries({ queryKey: pollsKey(slug) })
  })

  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('polls.title')}</Title>
          <Text c="dimmed">{t('polls.subtitle')}</Text>
        </div>
        {manager ? <Button onClick={() => setCreating(true)}>{t('polls.newPoll')}</Button> : null}
      </Group>
      <Tabs value={tab} onChange={(value) => value && setTab(value as PollState)}>
        <Tabs.List>
          <Tabs.Tab value="open">{t('polls.tabs.open')}</Tabs.Tab>
          <Tabs.Tab value="closed">{t('polls.tabs.closed')}</Tabs.Tab>
          {manager ? <Tabs.Tab value="draft">{t('polls.tabs.draft')}</Tabs.Tab> : null}
        </Tabs.List>
      </Tabs>
      <PollList slug={slug} state={tab} timeZone={org.timezone} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('polls.create.title')} size="lg">
        <CreatePollForm
          slug={slug}
          timeZone={org.timezone}
          onCreated={(poll) => {
            setCreating(false)
            void queryClient.invalidateQueries({ queryKey: pollsKey(slug) })
            void navigate({ to: '/o/$org/polls/$pollId', params: { org: slug, pollId: poll.id } })
          }}
        />
      </Modal>
    </Stack>
  )
}

function PollList({ slug, state, timeZone }: { slug: string; state: PollState; timeZone: string }) {
  const { t } = useTranslation()
  const list = useInfiniteQuery(pollListQuery(slug, state))
  if (list.isPending) return <PageLoader />
  if (!list.data) {
    const forbidden = isApiError(list.error) && list.error.status === 403
    return (
      <Alert color={forbidden ? 'yellow' : 'red'} role="alert">
        {forbidden ? t('polls.forbidden') : errorMessage(t, list.error)}
      </Alert>
    )
  }
  const polls = list.data.pages.flatMap((page) => page.items)
  if (polls.length === 0) {
    const title =
      state === 'open'
        ? t('polls.emptyOpen')
        : state === 'closed'
          ? t('polls.emptyClosed')
          : t('polls.emptyDraft')
    return <EmptyState title={title}>{t('polls.emptyHint')}</EmptyState>
  }
  return (
    <Stack gap="sm">
      <ul aria-label={t('polls.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {polls.map((poll) => (
          <li key={poll.id} style={{ marginBottom: 8 }}>
            <PollCard slug={slug} poll={poll} timeZone={timeZone} />
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  )
}

function PollCard({ slug, poll, timeZone }: { slug: string; poll: Poll; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const when =
    poll.state === 'closed' && poll.closedAt
      ? t('polls.closedOn', { date: formatInstant(poll.closedAt, timeZone, i18n.language) })
      : t('polls.closesOn', { date: formatInstant(poll.closingAt, timeZone, i18n.language), timeZone })
  return (
    <CardLink
      to="/o/$org/polls/$pollId"
      params={{ org: slug, pollId: poll.id }}
      withBorder
      padding="md"
      radius="md"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text fw={600}>{poll.title}</Text>
          <Text size="sm" c="dimmed">
            {t(`polls.types.${poll.type}`)} · {when}
          </Text>
          <Text size="sm" c="dimmed">
            {t('polls.participation', { decided: poll.decidedCount, invited: poll.invitedCount })}
          </Text>
        </Stack>
        {poll.state === 'draft' ? (
          <Badge color="gray">{t('polls.states.draft')}</Badge>
        ) : poll.myStatus === 'not_invited' ? null : (
          <Badge color={poll.myStatus === 'voted' ? 'green' : 'orange'} variant="light">
            {t(`polls.status.${poll.myStatus}`)}
          </Badge>
        )}
      </Group>
    </CardLink>
  )
}
