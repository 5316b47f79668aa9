import { Alert, Stack, Title } from '@mantine/core'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { NotFoundPage } from '../../ui/not-found-page.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { moduleLabel } from './module-label.ts'
import { moduleCatalogQuery, orgQuery } from './orgs-api.ts'

const moduleRoute = getRouteApi('/_authed/o/$org/$module')

/** Placeholder for a module's pages until that module ships its own screens. */
export function ModulePage() {
  const { t, i18n } = useTranslation()
  const { org: slug, module } = moduleRoute.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const { data: catalog } = useQuery(moduleCatalogQuery)
  usePageTitle(moduleLabel(module, catalog?.items, i18n))
  if (!org.enabledModules.includes(module)) return <NotFoundPage />
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{moduleLabel(module, catalog?.items, i18n)}</Title>
      <Alert variant="light">{t('modulePage.comingSoon')}</Alert>
    </Stack>
  )
}
