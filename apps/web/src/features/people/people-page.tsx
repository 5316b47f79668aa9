import {
  Alert,
  Badge,
  Button,
  Chip,
  Drawer,
  Group,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { PERSON_STATUSES, type PersonStatus } from '@minga/contracts'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { ChevronDownIcon, PlusIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { ButtonLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { exportUrl } from './import/import-api.ts'
import { canWritePeople, myPermissionsQuery, peopleQuery } from './people-api.ts'
import { PersonForm } from './person-form.tsx'

const orgRoute = getRouteApi('/_authed/o/$org')

/** /o/$org/people: search (typo and accent tolerant), status and tag filters with counts, pages. */
export function PeoplePage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  const navigate = useNavigate()
  usePageTitle(t('people.title'))
  const permissions = useQuery(myPermissionsQuery(slug))
  const canWrite = canWritePeople(permissions.data)
  const sensitive =
    !!permissions.data &&
    (permissions.data.all || permissions.data.permissions.includes('people:read_sensitive'))

  const [q, setQ] = useState('')
  const [status, setStatus] = useState<PersonStatus | null>(null)
  const [tags, setTags] = useState<string[]>([])
  const [creating, setCreating] = useState(false)
  const [debouncedQ] = useDebouncedValue(q.trim(), 250)
  const filters = {
    q: debouncedQ || undefined,
    status: status ?? undefined,
    tags: tags.length ? tags.join(',') : undefined,
  }
  const people = useInfiniteQuery(peopleQuery(slug, filters))
  const items = people.data?.pages.flatMap((page) => page.items) ?? []
  const facets = people.data?.pages[0]?.facets
  const filtered = Boolean(filters.q || filters.status || filters.tags)

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('people.title')}</Title>
          <Text c="dimmed">{t('people.subtitle')}</Text>
        </div>
        <Group gap="sm">
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" rightSection={<ChevronDownIcon size={16} />}>
                {t('people.exportMenu')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('people.exportHint')}</Menu.Label>
              {/* Plain links: the session cookie authorizes the same-origin download. */}
              <Menu.Item component="a" href={exportUrl(slug, 'csv', filters)} download>
                {t('people.exportCsv')}
              </Menu.Item>
              <Menu.Item component="a" href={exportUrl(slug, 'xlsx', filters)} download>
                {t('people.exportXlsx')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {canWrite && (
            <ButtonLink variant="default" to="/o/$org/people/import" params={{ org: slug }} search={{}}>
              {t('people.importButton')}
            </ButtonLink>
          )}
          {canWrite && (
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
              {t('people.newPerson')}
            </Button>
          )}
        </Group>
      </Group>

      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('people.search')}
          description={t('people.searchHint')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={360}
        />
        <Select
          label={t('people.statusFilter')}
          placeholder={t('people.allStatuses')}
          data={PERSON_STATUSES.map((value) => ({
            value,
            label: `${t(`people.status.${value}`)} (${facets?.status[value] ?? 0})`,
          }))}
          value={status}
          onChange={(value) => setStatus(value as PersonStatus | null)}
          clearable
          w={220}
        />
      </Group>
      {facets && Object.keys(facets.tags).length > 0 && (
        <Chip.Group multiple value={tags} onChange={setTags}>
          <Group gap="xs" aria-label={t('people.tagsFilter')} role="group">
            {Object.entries(facets.tags).map(([tag, count]) => (
              <Chip key={tag} value={tag} size="xs">
                {`${tag} (${count})`}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}

      {people.isPending ? (
        <PageLoader />
      ) : !people.data ? (
        <Alert
          color={isApiError(people.error) && people.error.status === 403 ? 'yellow' : 'red'}
          role="alert"
        >
          {errorMessage(t, people.error)}
        </Alert>
      ) : items.length === 0 && !filtered ? (
        <EmptyState title={t('people.empty')}>{t('people.emptyHint')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover aria-label={t('people.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('people.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('people.columns.document')}</Table.Th>
                  <Table.Th scope="col">{t('people.columns.membershipNumber')}</Table.Th>
                  <Table.Th scope="col">{t('people.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('people.columns.tags')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed">{t('people.noMatches')}</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {items.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td>
                      <Link to="/o/$org/people/$personId" params={{ org: slug, personId: person.id }}>
                        {person.displayName}
                      </Link>
                      {person.claimInProgress && (
                        <Badge ml="xs" color="orange" size="xs">
                          {t('people.claimInProgress')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{`${person.documentType} ${person.documentNumber}`}</Table.Td>
                    <Table.Td>{person.membershipNumber ?? t('people.empty_value')}</Table.Td>
                    <Table.Td>{t(`people.status.${person.status}`)}</Table.Td>
                    <Table.Td>{person.tags.join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {people.hasNextPage && (
            <Button
              variant="default"
              onClick={() => people.fetchNextPage()}
              loading={people.isFetchingNextPage}
            >
              {t('people.loadMore')}
            </Button>
          )}
        </Stack>
      )}

      <Drawer
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('people.newPerson')}
        position="right"
        size="lg"
      >
        {creating && (
          <PersonForm
            slug={slug}
            person={null}
            sensitive={sensitive}
            onDone={(saved) => {
              setCreating(false)
              if (saved)
                void navigate({ to: '/o/$org/people/$personId', params: { org: slug, personId: saved.id } })
            }}
          />
        )}
      </Drawer>
    </Stack>
  )
}
