import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { Assembly } from '@minga/contracts'
import { useInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { PlusIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { ButtonLink, CardLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { formatInstant } from '../audit/audit-api.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { assembliesQuery } from './assemblies-api.ts'
import { useAssemblyAbilities } from './use-assembly-abilities.ts'

const route = getRouteApi('/_authed/o/$org/assemblies')

export const statusColor: Record<Assembly['status'], string> = {
  draft: 'gray',
  convened: 'blue',
  in_session: 'teal',
  closed: 'dark',
}

/** Asambleas: upcoming and in session first, then past ones; "Nueva asamblea" for managers. */
export function AssembliesPage() {
  const { t } = useTranslation()
  const { org: slug } = route.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const { manage } = useAssemblyAbilities(slug)
  const list = useInfiniteQuery(assembliesQuery(slug))
  usePageTitle(t('assemblies.title'))

  const items = list.data?.pages.flatMap((page) => page.items) ?? []
  const upcoming = items
    .filter((item) => item.status !== 'closed')
    .sort((a, b) => a.firstCallAt.localeCompare(b.firstCallAt))
  const past = items.filter((item) => item.status === 'closed')

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('assemblies.title')}</Title>
          <Text c="dimmed">{t('assemblies.subtitle')}</Text>
        </div>
        {manage ? (
          <ButtonLink to="/o/$org/assemblies/new" params={{ org: slug }} leftSection={<PlusIcon size={16} />}>
            {t('assemblies.newAssembly')}
          </ButtonLink>
        ) : null}
      </Group>

      {list.isPending ? (
        <PageLoader />
      ) : !list.data ? (
        <Alert color={isApiError(list.error) && list.error.status === 403 ? 'yellow' : 'red'} role="alert">
          {isApiError(list.error) && list.error.status === 403
            ? t('assemblies.forbidden')
            : errorMessage(t, list.error)}
        </Alert>
      ) : items.length === 0 ? (
        <EmptyState title={t('assemblies.empty')}>{manage ? t('assemblies.emptyHint') : null}</EmptyState>
      ) : (
        <>
          <AssemblyGroup
            title={t('assemblies.upcoming')}
            empty={t('assemblies.noneUpcoming')}
            items={upcoming}
            slug={slug}
            timeZone={org.timezone}
          />
          <AssemblyGroup
            title={t('assemblies.past')}
            empty={t('assemblies.nonePast')}
            items={past}
            slug={slug}
            timeZone={org.timezone}
          />
          {list.hasNextPage ? (
            <Group justify="center">
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  )
}

function AssemblyGroup({
  title,
  empty,
  items,
  slug,
  timeZone,
}: {
  title: string
  empty: string
  items: Assembly[]
  slug: string
  timeZone: string
}) {
  const { t, i18n } = useTranslation()
  return (
    <section aria-label={title}>
      <Title order={2} size="h3" mb="sm">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {items.map((assembly) => (
            <CardLink
              key={assembly.id}
              to="/o/$org/assemblies/$assemblyId"
              params={{ org: slug, assemblyId: assembly.id }}
              withBorder
              radius="md"
              padding="md"
              aria-label={t('assemblies.open', { title: assembly.title })}
            >
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={700}>{assembly.title}</Text>
                  <Badge color={statusColor[assembly.status]} style={{ flexShrink: 0 }}>
                    {t(`assemblies.statuses.${assembly.status}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`assemblies.kinds.${assembly.kind}`)} · {t(`assemblies.modalities.${assembly.modality}`)}
                </Text>
                <Text size="sm">
                  {t('assemblies.firstCall', {
                    date: formatInstant(assembly.firstCallAt, timeZone, i18n.language),
                  })}
                </Text>
              </Stack>
            </CardLink>
          ))}
        </SimpleGrid>
      )}
    </section>
  )
}
