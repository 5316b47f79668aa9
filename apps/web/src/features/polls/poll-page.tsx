import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Poll, StanceChoice } from '@minga/contracts'
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { canManageOrg } from '../../app/layout/org-nav.tsx'
import { useOrgEvent } from '../../app/realtime.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { Countdown } from './countdown.tsx'
import { formatInstant } from './poll-format.ts'
import { PollResultsView } from './poll-results.tsx'
import {
  castStance,
  closePoll,
  myStanceQuery,
  openPoll,
  pollQuery,
  pollResultsQuery,
  pollsKey,
} from './polls-api.ts'
import { StanceWidget, stanceReady, startingChoices } from './stance-widgets.tsx'

const pollRoute = getRouteApi('/_authed/o/$org/polls/$pollId')

export function PollPage() {
  const { t, i18n } = useTranslation()
  const { org: slug, pollId } = pollRoute.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const queryClient = useQueryClient()
  const poll = useQuery(pollQuery(slug, pollId))
  usePageTitle(poll.data?.title ?? t('polls.title'))
  useOrgEvent<{ pollId?: string }>(slug, 'poll.changed', (payload) => {
    if (payload?.pollId === pollId)
      void queryClient.invalidateQueries({ queryKey: [...pollsKey(slug), 'one', pollId] })
  })

  const back = (
    <AnchorLink to="/o/$org/polls" params={{ org: slug }} size="sm">
      ← {t('polls.back')}
    </AnchorLink>
  )
  if (poll.isPending) return <PageLoader />
  if (!poll.data) {
    const missing = isApiError(poll.error) && poll.error.status === 404
    return (
      <Stack gap="md">
        {back}
        <Alert color={missing ? 'yellow' : 'red'} role="alert">
          {missing ? t('polls.notFound') : errorMessage(t, poll.error)}
        </Alert>
      </Stack>
    )
  }
  const data = poll.data
  return (
    <Stack gap="lg" maw={760}>
      {back}
      <div>
        <Group gap="xs" mb={4}>
          <Badge variant="light">{t(`polls.types.${data.type}`)}</Badge>
          <Badge color={data.state === 'open' ? 'green' : 'gray'}>{t(`polls.states.${data.state}`)}</Badge>
          {data.anonymous ? <Badge color="grape">{t('polls.anonymous')}</Badge> : null}
          {data.hideResultsUntilClosed && data.state !== 'closed' ? (
            <Badge color="yellow">{t('polls.hiddenResults')}</Badge>
          ) : null}
        </Group>
        <Title order={1}>{data.title}</Title>
        {data.details ? (
          <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {data.details}
          </Text>
        ) : null}
      </div>
      <Paper withBorder p="md" radius="md">
        <Stack gap={4}>
          {data.state === 'open' ? <Countdown closingAt={data.closingAt} /> : null}
          <Text size="sm" c="dimmed">
            {data.state === 'closed' && data.closedAt
              ? t('polls.closedOn', { date: formatInstant(data.closedAt, org.timezone, i18n.language) })
              : t('polls.closesOn', {
                  date: formatInstant(data.closingAt, org.timezone, i18n.language),
                  timeZone: org.timezone,
                })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('polls.participation', { decided: data.decidedCount, invited: data.invitedCount })}
          </Text>
        </Stack>
      </Paper>
      {canManageOrg(org) ? <ManageButtons slug={slug} poll={data} /> : null}
      {data.state === 'open' ? <VotePanel slug={slug} poll={data} /> : null}
      {data.state === 'closed' ? <Alert color="gray">{t('polls.vote.closed')}</Alert> : null}
      {data.state !== 'draft' ? <ResultsPanel slug={slug} poll={data} timeZone={org.timezone} /> : null}
    </Stack>
  )
}

function ManageButtons({ slug, poll }: { slug: string; poll: Poll }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const done = (message: string) => {
    notifications.show({ color: 'green', message })
    void queryClient.invalidateQueries({ queryKey: pollsKey(slug) })
  }
  const close = useMutation({
    mutationFn: () => closePoll(slug, poll.id),
    onSuccess: () => done(t('polls.manage.closed')),
  })
  const open = useMutation({
    mutationFn: () => openPoll(slug, poll.id),
    onSuccess: () => done(t('polls.manage.open')),
  })
  const error = close.error ?? open.error
  return (
    <Stack gap="xs">
      <FormErrorAlert message={error ? errorMessage(t, error) : null} />
      <Group>
        {poll.state === 'open' ? (
          <ConfirmButton
            color="red"
            variant="light"
            title={t('polls.manage.close')}
            message={t('polls.manage.closeConfirm')}
            confirmLabel={t('polls.manage.close')}
            loading={close.isPending}
            onConfirm={() => close.mutateAsync()}
          >
            {t('polls.manage.close')}
          </ConfirmButton>
        ) : null}
        {poll.state === 'draft' ? (
          <Button onClick={() => open.mutate()} loading={open.isPending}>
            {t('polls.manage.open')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  )
}

function VotePanel({ slug, poll }: { slug: string; poll: Poll }) {
  const { t } = useTranslation()
  const mine = useQuery(myStanceQuery(slug, poll.id))
  if (poll.myStatus === 'not_invited') return <Alert color="gray">{t('polls.vote.notInvited')}</Alert>
  if (mine.isPending) return <PageLoader />
  return (
    <VoteForm
      key={mine.data?.current?.castAt ?? 'new'}
      slug={slug}
      poll={poll}
      current={mine.data?.current ?? null}
      changes={mine.data?.history.length ?? 0}
    />
  )
}

function VoteForm({
  slug,
  poll,
  current,
  changes,
}: {
  slug: string
  poll: Poll
  current: { choices: StanceChoice[]; reason: string | null } | null
  changes: number
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [choices, setChoices] = useState<StanceChoice[]>(() => startingChoices(poll, current?.choices))
  const [reason, setReason] = useState(current?.reason ?? '')
  const vote = useMutation({
    mutationFn: () =>
      castStance(slug, poll.id, { choices, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('polls.vote.saved') })
      void queryClient.invalidateQueries({ queryKey: pollsKey(slug) })
    },
  })
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          vote.mutate()
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h4">
            {current ? t('polls.vote.yourStance') : t('polls.vote.title')}
          </Title>
          {changes > 0 ? (
            <Text size="xs" c="dimmed">
              {t('polls.vote.changes', { count: changes })}
            </Text>
          ) : null}
          <FormErrorAlert message={vote.error ? errorMessage(t, vote.error) : null} />
          <StanceWidget poll={poll} value={choices} onChange={setChoices} disabled={vote.isPending} />
          <Textarea
            label={t('polls.vote.reason')}
            placeholder={t('polls.vote.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={2000}
            rows={3}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={vote.isPending} disabled={!stanceReady(poll, choices)}>
              {current ? t('polls.vote.change') : t('polls.vote.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

function ResultsPanel({ slug, poll, timeZone }: { slug: string; poll: Poll; timeZone: string }) {
  const { t } = useTranslation()
  const results = useQuery({ ...pollResultsQuery(slug, poll.id), enabled: poll.resultsVisible })
  if (!poll.resultsVisible) return <Alert color="yellow">{t('polls.results.hidden')}</Alert>
  if (results.isPending) return <PageLoader />
  if (!results.data) return <Alert color="red">{errorMessage(t, results.error)}</Alert>
  return <PollResultsView poll={poll} results={results.data} timeZone={timeZone} />
}
