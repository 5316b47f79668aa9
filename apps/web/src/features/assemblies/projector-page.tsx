import { Alert, Box, Button, Group } from '@mantine/core'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { ButtonLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { assemblyQuery, motionsQuery, quorumQuery } from './assemblies-api.ts'
import { ProjectorView } from './projector-view.tsx'
import { useAssemblyLive } from './use-assembly-live.ts'

const route = getRouteApi('/_authed/o/$org/assemblies/$assemblyId/projector')

/** Vista para proyector: covers the whole window (over the org shell) with large live results. */
export function ProjectorPage() {
  const { t } = useTranslation()
  const { org: slug, assemblyId } = route.useParams()
  useSuspenseQuery(orgQuery(slug))
  const assembly = useQuery(assemblyQuery(slug, assemblyId))
  const motions = useQuery(motionsQuery(slug, assemblyId))
  const quorum = useQuery({ ...quorumQuery(slug, assemblyId), enabled: assembly.data?.status !== 'draft' })
  useAssemblyLive(slug, assemblyId)
  usePageTitle(assembly.data ? `${t('assemblies.projector.title')} · ${assembly.data.title}` : undefined)

  const enterFullscreen = () => {
    void document.documentElement.requestFullscreen?.().catch(() => {})
  }

  return (
    <Box
      pos="fixed"
      inset={0}
      p={{ base: 'md', md: 'xl' }}
      bg="var(--mantine-color-body)"
      style={{ zIndex: 300, overflowY: 'auto' }}
    >
      <Group justify="flex-end" gap="xs" mb="sm">
        <Button variant="default" size="xs" onClick={enterFullscreen}>
          {t('assemblies.projector.fullscreen')}
        </Button>
        <ButtonLink
          variant="subtle"
          size="xs"
          to="/o/$org/assemblies/$assemblyId"
          params={{ org: slug, assemblyId }}
        >
          {t('assemblies.projector.exit')}
        </ButtonLink>
      </Group>
      {assembly.isPending || motions.isPending ? (
        <PageLoader />
      ) : !assembly.data || !motions.data ? (
        <Alert color="red" role="alert">
          {errorMessage(t, assembly.error ?? motions.error)}
        </Alert>
      ) : (
        <ProjectorView assembly={assembly.data} quorum={quorum.data} motions={motions.data.items} />
      )}
    </Box>
  )
}
