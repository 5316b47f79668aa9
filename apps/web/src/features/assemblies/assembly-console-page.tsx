import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink, ButtonLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { ActivitySection } from '../activity/activity-section.tsx'
import { formatInstant } from '../audit/audit-api.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { ActaPanel } from './acta-panel.tsx'
import { AgendaSection } from './agenda-section.tsx'
import { assemblyQuery, motionsQuery, quorumQuery } from './assemblies-api.ts'
import { statusColor } from './assemblies-page.tsx'
import { AssemblyActions } from './assembly-actions.tsx'
import { formatDate } from './assembly-format.ts'
import { QuorumPanel } from './quorum-panel.tsx'
import { useAssemblyAbilities } from './use-assembly-abilities.ts'
import { useAssemblyLive } from './use-assembly-live.ts'

const route = getRouteApi('/_authed/o/$org/assemblies/$assemblyId')

/**
 * The assembly console: status and its actions, the live quorum screen, the agenda with its motions
 * (open / close / publish for managers), the acta and the log. Members see the same page read-only.
 */
export function AssemblyConsolePage() {
  const { t, i18n } = useTranslation()
  const { org: slug, assemblyId } = route.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const { manage, vote } = useAssemblyAbilities(slug)
  const assembly = useQuery(assemblyQuery(slug, assemblyId))
  const motions = useQuery(motionsQuery(slug, assemblyId))
  const live = assembly.data !== undefined && assembly.data.status !== 'draft'
  const quorum = useQuery({ ...quorumQuery(slug, assemblyId), enabled: live })
  useAssemblyLive(slug, assemblyId)
  usePageTitle(assembly.data?.title)

  if (assembly.isPending) return <PageLoader />
  if (!assembly.data) {
    return (
      <Alert color="red" role="alert">
        {isApiError(assembly.error) && assembly.error.status === 404
          ? t('errors.notFound.body')
          : errorMessage(t, assembly.error)}
      </Alert>
    )
  }
  const data = assembly.data
  const params = { org: slug, assemblyId }
  const attendanceOpen = data.status === 'convened' || data.status === 'in_session'

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <AnchorLink to="/o/$org/assemblies" params={{ org: slug }} size="sm">
          {t('assemblies.console.back')}
        </AnchorLink>
        <Group justify="space-between" align="flex-start" mt={4}>
          <div>
            <Group gap="sm">
              <Title order={1}>{data.title}</Title>
              <Badge size="lg" color={statusColor[data.status]}>
                {t(`assemblies.statuses.${data.status}`)}
              </Badge>
            </Group>
            <Text c="dimmed" size="sm">
              {t(`assemblies.kinds.${data.kind}`)} · {t(`assemblies.modalities.${data.modality}`)} ·{' '}
              {t(`assemblies.frameworks.${data.legalFramework}`)}
            </Text>
            <Text size="sm">
              {t('assemblies.firstCall', {
                date: formatInstant(data.firstCallAt, org.timezone, i18n.language),
              })}
              {data.secondCallAt
                ? ` · ${t('assemblies.secondCall', { date: formatInstant(data.secondCallAt, org.timezone, i18n.language) })}`
                : ''}
            </Text>
            <Text size="sm" c="dimmed">
              {data.noticeSentOn
                ? t('assemblies.console.notice', {
                    date: formatDate(data.noticeSentOn, i18n.language),
                    days: data.noticeDays ?? 15,
                  })
                : t('assemblies.console.noticeMissing')}
            </Text>
          </div>
          <Group gap="sm">
            {manage && attendanceOpen ? (
              <ButtonLink to="/o/$org/assemblies/$assemblyId/check-in" params={params} variant="light">
                {t('assemblies.console.checkIn')}
              </ButtonLink>
            ) : null}
            {vote && data.status !== 'draft' && data.status !== 'closed' ? (
              <ButtonLink to="/o/$org/assemblies/$assemblyId/vote" params={params} variant="light">
                {t('assemblies.console.vote')}
              </ButtonLink>
            ) : null}
            {live ? (
              <ButtonLink to="/o/$org/assemblies/$assemblyId/projector" params={params} variant="default">
                {t('assemblies.console.projector')}
              </ButtonLink>
            ) : null}
            {manage ? <AssemblyActions slug={slug} assembly={data} /> : null}
          </Group>
        </Group>
      </div>

      {live && quorum.data ? <QuorumPanel status={quorum.data} timeZone={org.timezone} /> : null}
      {live && quorum.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, quorum.error)}
        </Alert>
      ) : null}

      {motions.isPending ? (
        <PageLoader />
      ) : (
        <AgendaSection
          slug={slug}
          assembly={data}
          motions={motions.data?.items ?? []}
          quorum={quorum.data}
          manage={manage}
        />
      )}

      {data.status !== 'draft' ? <ActaPanel slug={slug} assembly={data} /> : null}
      <ActivitySection orgSlug={slug} entityType="assembly" entityId={data.id} />
    </Stack>
  )
}
