import { Alert, Button, FileInput, List, Paper, Progress, Stack, Text } from '@mantine/core'
import type { PersonImport } from '@minga/contracts'
import { type DragEvent, type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../app/api-client.ts'
import { errorMessage } from '../../../app/error-message.ts'
import { uploadImport } from './import-api.ts'

const MAX_BYTES = 20 * 1024 * 1024
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Step 1: pick or drop a .csv / .xlsx file and upload it with a progress bar. */
export function UploadStep({ slug, onUploaded }: { slug: string; onUploaded: (imp: PersonImport) => void }) {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [dragging, setDragging] = useState(false)
  const localProblem = file ? checkFile(file) : null

  function choose(next: File | null) {
    setFile(next)
    setError(null)
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault()
    setDragging(false)
    const dropped = event.dataTransfer.files[0]
    if (dropped) choose(dropped)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!file || localProblem) return
    setError(null)
    setProgress(0)
    try {
      const imp = await uploadImport(slug, file, setProgress)
      setFile(null)
      onUploaded(imp)
    } catch (err) {
      setError(err)
    } finally {
      setProgress(null)
    }
  }

  // A 422 may carry one message per problem (empty file, duplicate headers…): list them all.
  const summary = error === null ? '' : errorMessage(t, error)
  const details = isApiError(error)
    ? (error.problem?.errors ?? []).map((e) => e.message).filter((message) => message !== summary)
    : []
  return (
    <Stack gap="md" component="form" onSubmit={submit}>
      <Text>{t('people.import.upload.columns')}</Text>
      <Text>{t('people.import.upload.updates')}</Text>
      <Paper
        withBorder
        p="xl"
        radius="md"
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        bg={dragging ? 'var(--mantine-color-blue-light)' : undefined}
        style={{ borderStyle: 'dashed' }}
      >
        <Stack gap="xs">
          <Text c="dimmed">{t('people.import.upload.drop')}</Text>
          <FileInput
            label={t('people.import.upload.file')}
            description={t('people.import.upload.limits')}
            placeholder={t('people.import.upload.placeholder')}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            error={localProblem ? t(localProblem) : undefined}
            clearable
          />
        </Stack>
      </Paper>
      {progress !== null && (
        <Progress value={progress} aria-label={t('people.import.upload.uploading', { percent: progress })} />
      )}
      {error !== null && (
        <Alert color="red" role="alert">
          <Text size="sm">{summary}</Text>
          {details.length > 0 && (
            <List size="sm" mt="xs">
              {details.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={!file || localProblem !== null || progress !== null}>
          {t('people.import.upload.submit')}
        </Button>
      </div>
    </Stack>
  )
}

function checkFile(file: File) {
  if (!/\.(csv|xlsx)$/i.test(file.name)) return 'people.import.upload.wrongType' as const
  if (file.size > MAX_BYTES) return 'people.import.upload.tooLarge' as const
  return null
}
