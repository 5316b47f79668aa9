import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/error-message.ts'
import { AnchorLink } from '../../../ui/router-links.tsx'
import { orgQuery } from '../../orgs/orgs-api.ts'
import { importsHistoryQuery } from './import-api.ts'
import { ImportStatusBadge } from './import-status-badge.tsx'

/** Earlier imports of the org, newest first; a file name reopens that import at its step. */
export function ImportHistory({ slug, currentId }: { slug: string; currentId: string | undefined }) {
  const { t, i18n } = useTranslation()
  const history = useInfiniteQuery(importsHistoryQuery(slug))
  const org = useQuery(orgQuery(slug))
  const items = history.data?.pages.flatMap((page) => page.items) ?? []
  const dates = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: org.data?.timezone ?? 'America/Bogota',
  })
  const count = (value: number | null) => (value === null ? t('people.empty_value') : String(value))

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('people.import.history.title')}
      </Title>
      {history.isPending ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : history.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, history.error)}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('people.import.history.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover aria-label={t('people.import.history.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.import.history.file')}</Table.Th>
                <Table.Th scope="col">{t('people.import.history.status')}</Table.Th>
                <Table.Th scope="col">{t('people.import.history.rows')}</Table.Th>
                <Table.Th scope="col">{t('people.import.history.errors')}</Table.Th>
                <Table.Th scope="col">{t('people.import.history.created')}</Table.Th>
                <Table.Th scope="col">{t('people.import.history.updated')}</Table.Th>
                <Table.Th scope="col">{t('people.import.history.date')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} aria-current={item.id === currentId ? 'true' : undefined}>
                  <Table.Td>
                    <AnchorLink
                      to="/o/$org/people/import"
                      params={{ org: slug }}
                      search={{ import: item.id }}
                    >
                      {item.fileName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <ImportStatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>{item.totalRows}</Table.Td>
                  <Table.Td>{count(item.errorRows)}</Table.Td>
                  <Table.Td>{count(item.created)}</Table.Td>
                  <Table.Td>{count(item.updated)}</Table.Td>
                  <Table.Td>{dates.format(new Date(item.createdAt))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {history.hasNextPage && (
        <Button
          variant="default"
          onClick={() => history.fetchNextPage()}
          loading={history.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  )
}
