import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core'
import type { PersonImport, PersonImportProgress } from '@minga/contracts'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/error-message.ts'
import { importErrorsQuery, importReportUrl } from './import-api.ts'
import { ImportCounts } from './import-counts.tsx'
import { JobProgress } from './job-progress.tsx'

type Props = {
  slug: string
  imp: PersonImport
  progress: PersonImportProgress | null
  onChangeMapping: () => void
  onContinue: () => void
}

/** Step 3: the dry run's live progress, then its counts and every error (paginated) with the report. */
export function ValidationStep({ slug, imp, progress, onChangeMapping, onContinue }: Props) {
  const { t } = useTranslation()
  if (imp.status === 'validating') {
    return (
      <JobProgress
        progress={progress}
        label={t('people.import.validate.progressLabel')}
        waiting={t('people.import.validate.running')}
        counter={(processed, total) => t('people.import.validate.progress', { processed, total })}
      />
    )
  }
  const failed = imp.status === 'failed'
  return (
    <Stack gap="md">
      {failed && (
        <Alert color="red" role="alert" title={t('people.import.validate.failed')}>
          {imp.failureMessage}
        </Alert>
      )}
      {imp.validRows !== null && (
        <ImportCounts
          label={t('people.import.validate.countsLabel')}
          items={[
            { label: t('people.import.validate.counts.total'), value: imp.totalRows },
            { label: t('people.import.validate.counts.valid'), value: imp.validRows },
            { label: t('people.import.validate.counts.errors'), value: imp.errorRows },
            { label: t('people.import.validate.counts.toCreate'), value: imp.toCreate },
            { label: t('people.import.validate.counts.toUpdate'), value: imp.toUpdate },
          ]}
        />
      )}
      {(imp.errorRows ?? 0) > 0 ? (
        <ErrorsTable slug={slug} imp={imp} />
      ) : (
        imp.status === 'validated' && <Alert color="green">{t('people.import.validate.noErrors')}</Alert>
      )}
      <Group>
        <Button variant="default" onClick={onChangeMapping}>
          {t('people.import.validate.changeMapping')}
        </Button>
        {imp.status === 'validated' && (
          <Button onClick={onContinue}>{t('people.import.validate.continue')}</Button>
        )}
      </Group>
    </Stack>
  )
}

/** The errors route, a page at a time (cursor stack for "previous"), plus the full CSV report. */
export function ErrorsTable({ slug, imp }: { slug: string; imp: PersonImport }) {
  const { t } = useTranslation()
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const errors = useQuery({
    ...importErrorsQuery(slug, imp.id, cursors.at(-1), imp.updatedAt),
    placeholderData: keepPreviousData,
  })
  const nextCursor = errors.data?.nextCursor ?? null
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{t('people.import.validate.errorsLabel')}</Text>
        <Anchor href={importReportUrl(slug, imp.id)} download>
          {t('people.import.validate.report')}
        </Anchor>
      </Group>
      {errors.isError && (
        <Alert color="red" role="alert">
          {errorMessage(t, errors.error)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={500}>
        <Table striped aria-label={t('people.import.validate.errorsLabel')} aria-busy={errors.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('people.import.validate.row')}</Table.Th>
              <Table.Th scope="col">{t('people.import.validate.column')}</Table.Th>
              <Table.Th scope="col">{t('people.import.validate.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(errors.data?.items ?? []).map((error) => (
              <Table.Tr key={`${error.row}|${error.column ?? ''}|${error.message}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.column ?? t('people.import.validate.wholeRow')}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {(cursors.length > 1 || nextCursor) && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            disabled={cursors.length === 1 || errors.isFetching}
            onClick={() => setCursors((stack) => stack.slice(0, -1))}
          >
            {t('people.import.validate.previous')}
          </Button>
          <Text size="sm">{t('people.import.validate.page', { page: cursors.length })}</Text>
          <Button
            size="xs"
            variant="default"
            disabled={!nextCursor || errors.isFetching}
            onClick={() => nextCursor && setCursors((stack) => [...stack, nextCursor])}
          >
            {t('people.import.validate.next')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
