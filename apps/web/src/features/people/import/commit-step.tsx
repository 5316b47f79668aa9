import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core'
import type { PersonImport, PersonImportMode, PersonImportProgress } from '@minga/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/error-message.ts'
import { ButtonLink } from '../../../ui/router-links.tsx'
import { commitImport, isImportRunning } from './import-api.ts'
import { ImportCounts } from './import-counts.tsx'
import { JobProgress } from './job-progress.tsx'
import { ErrorsTable } from './validation-step.tsx'

type Props = {
  slug: string
  imp: PersonImport
  progress: PersonImportProgress | null
  onCommitting: (imp: PersonImport) => void
  onBack: () => void
}

/** Step 4: choose all-or-nothing or valid rows only, confirm, follow the job, then its summary. */
export function CommitStep({ slug, imp, progress, onCommitting, onBack }: Props) {
  const { t } = useTranslation()
  if (imp.status === 'committing') {
    return (
      <JobProgress
        progress={progress}
        label={t('people.import.commit.progressLabel')}
        waiting={t('people.import.commit.running')}
        counter={(processed, total) => t('people.import.commit.progress', { processed, total })}
      />
    )
  }
  if (imp.status === 'committed') return <CommitSummary slug={slug} imp={imp} />
  if (imp.status === 'failed') {
    return (
      <Stack gap="md">
        <Alert color="red" role="alert" title={t('people.import.commit.failed')}>
          {imp.failureMessage}
        </Alert>
        {(imp.errorRows ?? 0) > 0 && <ErrorsTable slug={slug} imp={imp} />}
        <Group>
          <Button variant="default" onClick={onBack}>
            {t('people.import.validate.changeMapping')}
          </Button>
        </Group>
      </Stack>
    )
  }
  return <ModeForm slug={slug} imp={imp} onCommitting={onCommitting} onBack={onBack} />
}

function ModeForm({ slug, imp, onCommitting, onBack }: Omit<Props, 'progress'>) {
  const { t } = useTranslation()
  const errorRows = imp.errorRows ?? 0
  const [mode, setMode] = useState<PersonImportMode>(errorRows > 0 ? 'valid_only' : 'all_or_nothing')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function confirm() {
    setError(null)
    setPending(true)
    try {
      onCommitting(await commitImport(slug, imp.id, { mode }))
    } catch (err) {
      setError(err)
    } finally {
      setPending(false)
    }
  }

  return (
    <Stack gap="md">
      <Text>
        {t('people.import.commit.summaryBefore', {
          toCreate: imp.toCreate ?? 0,
          toUpdate: imp.toUpdate ?? 0,
        })}
      </Text>
      <Radio.Group
        label={t('people.import.commit.mode')}
        value={mode}
        onChange={(value) => setMode(value as PersonImportMode)}
      >
        <Stack gap="sm" mt="xs">
          <Radio
            value="all_or_nothing"
            label={t('people.import.commit.allOrNothing')}
            description={
              errorRows > 0
                ? t('people.import.commit.allOrNothingDisabled')
                : t('people.import.commit.allOrNothingHint')
            }
            disabled={errorRows > 0}
          />
          <Radio
            value="valid_only"
            label={t('people.import.commit.validOnly', { skipped: errorRows })}
            description={t('people.import.commit.validOnlyHint')}
          />
        </Stack>
      </Radio.Group>
      {error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(t, error)}
        </Alert>
      )}
      <Group>
        <Button variant="default" onClick={onBack} disabled={pending}>
          {t('people.import.commit.back')}
        </Button>
        <Button
          onClick={confirm}
          loading={pending}
          disabled={imp.status !== 'validated' || isImportRunning(imp.status)}
        >
          {t('people.import.commit.confirm')}
        </Button>
      </Group>
    </Stack>
  )
}

function CommitSummary({ slug, imp }: { slug: string; imp: PersonImport }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Alert color="green" title={t('people.import.commit.done')}>
        {imp.fileName}
      </Alert>
      <ImportCounts
        label={t('people.import.commit.summaryLabel')}
        items={[
          { label: t('people.import.commit.summary.created'), value: imp.created },
          { label: t('people.import.commit.summary.updated'), value: imp.updated },
          { label: t('people.import.commit.summary.unchanged'), value: imp.unchanged },
          { label: t('people.import.commit.summary.skipped'), value: imp.skipped },
        ]}
      />
      <Group>
        <ButtonLink to="/o/$org/people" params={{ org: slug }}>
          {t('people.import.commit.toPeople')}
        </ButtonLink>
      </Group>
    </Stack>
  )
}
