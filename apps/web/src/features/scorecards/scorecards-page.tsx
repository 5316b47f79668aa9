import { Alert, Group, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core'
import type { MyScorecard, OrgScorecard } from '@minga/contracts'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { KpiCard } from './kpi-card.tsx'
import {
  canReadOrgScorecard,
  myPermissionsQuery,
  myScorecardQuery,
  orgScorecardQuery,
  type ScorecardRangeInput,
} from './scorecards-api.ts'

const orgRoute = getRouteApi('/_authed/o/$org')
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** /o/$org/scorecards: the org dashboard for owners and admins, "Mi participación" for everyone. */
export function ScorecardsPage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  usePageTitle(t('scorecards.title'))
  const permissions = useQuery(myPermissionsQuery(slug))
  const canReadOrg = canReadOrgScorecard(permissions.data)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  // Only complete dates reach the server; empty means its default (the last 12 months).
  const range: ScorecardRangeInput = {
    from: ISO_DATE.test(from) ? from : undefined,
    to: ISO_DATE.test(to) ? to : undefined,
  }

  if (permissions.isPending) return <PageLoader />
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1}>{t('scorecards.title')}</Title>
        <Text c="dimmed">{t('scorecards.subtitle')}</Text>
      </div>
      <Group gap="sm">
        <TextInput
          type="date"
          label={t('scorecards.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('scorecards.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {canReadOrg ? (
        <Tabs defaultValue="org" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="org">{t('scorecards.tabs.org')}</Tabs.Tab>
            <Tabs.Tab value="me">{t('scorecards.tabs.me')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="org" pt="md">
            <OrgDashboard slug={slug} range={range} />
          </Tabs.Panel>
          <Tabs.Panel value="me" pt="md">
            <MyParticipation slug={slug} range={range} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <MyParticipation slug={slug} range={range} />
      )}
    </Stack>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>{children}</SimpleGrid>
    </Stack>
  )
}

function RangeLine({ range }: { range: { from: string; to: string } }) {
  const { t } = useTranslation()
  return (
    <Text size="sm" c="dimmed">
      {t('scorecards.rangeLabel', range)}
    </Text>
  )
}

function OrgDashboard({ slug, range }: { slug: string; range: ScorecardRangeInput }) {
  const { t } = useTranslation()
  const query = useQuery(orgScorecardQuery(slug, range))
  if (query.isPending) return <PageLoader />
  if (!query.data) return <Alert color="red">{errorMessage(t, query.error)}</Alert>
  const card: OrgScorecard = query.data
  return (
    <Stack gap="lg">
      <RangeLine range={card.range} />
      <Section title={t('scorecards.sections.assemblies', { count: card.assemblies.count })}>
        <KpiCard label={t('scorecards.kpis.attendanceByHeads')} value={card.assemblies.attendanceByHeads} />
        <KpiCard label={t('scorecards.kpis.attendanceByWeight')} value={card.assemblies.attendanceByWeight} />
        <KpiCard label={t('scorecards.kpis.quorumSuccessRate')} value={card.assemblies.quorumSuccessRate} />
        <KpiCard
          label={t('scorecards.kpis.proxyReliance')}
          value={card.assemblies.proxyReliance}
          footer={t('scorecards.maxProxies', { count: card.assemblies.maxProxiesHeldByOnePerson })}
        />
        <KpiCard
          label={t('scorecards.kpis.voteTurnout', { count: card.assemblies.motions })}
          value={card.assemblies.voteTurnout}
        />
      </Section>
      <Section title={t('scorecards.sections.polls', { count: card.polls.count })}>
        <KpiCard label={t('scorecards.kpis.pollParticipation')} value={card.polls.participation} />
      </Section>
      <Section title={t('scorecards.sections.tasks', { count: card.tasks.count })}>
        <KpiCard
          label={t('scorecards.kpis.tasksOnTime')}
          value={card.tasks.onTime}
          footer={
            card.tasks.medianDaysOverdue === null
              ? t('scorecards.noneOverdue')
              : t('scorecards.medianOverdue', { days: card.tasks.medianDaysOverdue })
          }
        />
      </Section>
      <Section title={t('scorecards.sections.participation')}>
        <KpiCard
          label={t('scorecards.kpis.breadth')}
          value={card.participation.breadth}
          footer={t('scorecards.activeMembers', {
            active: card.participation.activeMembers,
            members: card.participation.members,
          })}
        />
      </Section>
      {card.tasks.openPerMember.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('scorecards.openPerMember')}
          </Title>
          <Table aria-label={t('scorecards.openPerMember')} maw={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scorecards.member')}</Table.Th>
                <Table.Th ta="right">{t('scorecards.open')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.tasks.openPerMember.map((row) => (
                <Table.Tr key={row.userId}>
                  <Table.Td>{row.name ?? t('scorecards.unknownMember')}</Table.Td>
                  <Table.Td ta="right">{row.open}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  )
}

function MyParticipation({ slug, range }: { slug: string; range: ScorecardRangeInput }) {
  const { t } = useTranslation()
  const query = useQuery(myScorecardQuery(slug, range))
  if (query.isPending) return <PageLoader />
  if (!query.data) return <Alert color="red">{errorMessage(t, query.error)}</Alert>
  const card: MyScorecard = query.data
  return (
    <Stack gap="lg">
      <RangeLine range={card.range} />
      <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label={t('scorecards.activity.title')}>
        {(['votes', 'attendances', 'tasksDone', 'comments'] as const).map((kind) => (
          <Stack key={kind} gap={0} align="center">
            <Text size="xl" fw={700}>
              {card.activity[kind]}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`scorecards.activity.${kind}`)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <KpiCard label={t('scorecards.kpis.myAttendance')} value={card.assemblies.attendance} />
        <KpiCard
          label={t('scorecards.kpis.voteTurnout', { count: card.assemblies.motions })}
          value={card.assemblies.voteTurnout}
        />
        <KpiCard label={t('scorecards.kpis.pollParticipation')} value={card.polls.participation} />
        <KpiCard
          label={t('scorecards.kpis.tasksOnTime')}
          value={card.tasks.onTime}
          footer={t('scorecards.openTasks', { count: card.tasks.open })}
        />
      </SimpleGrid>
    </Stack>
  )
}
