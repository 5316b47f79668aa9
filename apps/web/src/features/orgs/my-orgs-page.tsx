import { Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { Org } from '@minga/contracts'
import { useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../ui/empty-state.tsx'
import { BuildingIcon, PlusIcon } from '../../ui/icons.tsx'
import { ButtonLink, CardLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { myOrgsQuery } from './orgs-api.ts'

export function MyOrgsPage() {
  const { t } = useTranslation()
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(myOrgsQuery)
  const orgs = data.pages.flatMap((page) => page.items)
  usePageTitle(t('orgs.list.title'))

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('orgs.list.title')}</Title>
          {orgs.length > 0 ? <Text c="dimmed">{t('orgs.list.subtitle')}</Text> : null}
        </div>
        {orgs.length > 0 ? (
          <ButtonLink to="/orgs/new" leftSection={<PlusIcon size={16} />}>
            {t('orgs.list.create')}
          </ButtonLink>
        ) : null}
      </Group>

      {orgs.length === 0 ? (
        <EmptyState
          icon={<BuildingIcon size={26} />}
          title={t('orgs.list.emptyTitle')}
          action={
            <ButtonLink to="/orgs/new" leftSection={<PlusIcon size={16} />} mt="xs">
              {t('orgs.list.create')}
            </ButtonLink>
          }
        >
          {t('orgs.list.emptyBody')}
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" style={{ listStyle: 'none', padding: 0 }}>
          {orgs.map((org) => (
            <li key={org.id}>
              <OrgCard org={org} />
            </li>
          ))}
        </SimpleGrid>
      )}

      {hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {t('orgs.list.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}

function OrgCard({ org }: { org: Org }) {
  const { t } = useTranslation()
  return (
    <CardLink
      to="/o/$org"
      params={{ org: org.slug }}
      withBorder
      radius="md"
      padding="lg"
      h="100%"
      aria-label={org.name}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} fz="lg" lineClamp={2}>
            {org.name}
          </Text>
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {t(`orgs.roles.${org.role}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`orgs.kinds.${org.kind}`)}
        </Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed" ff="monospace">
            /o/{org.slug}
          </Text>
          {org.status === 'suspended' ? (
            <Badge color="red" variant="light" size="sm">
              {t('orgs.list.suspended')}
            </Badge>
          ) : null}
        </Group>
      </Stack>
    </CardLink>
  )
}
