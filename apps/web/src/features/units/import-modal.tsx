import { Alert, Button, Checkbox, FileInput, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { ImportUnitsResult } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { CoefficientTotals } from './coefficient-totals.tsx'
import { importUnits, unitsKey } from './units-api.ts'

/** CSV import in two steps: a dry run shows every row error and the resulting 100 % check, then confirm. */
export function ImportModal({
  slug,
  opened,
  onClose,
}: {
  slug: string
  opened: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [csv, setCsv] = useState('')
  const [fromAreas, setFromAreas] = useState(false)
  const [preview, setPreview] = useState<ImportUnitsResult | null>(null)
  const [formError, setFormError] = useState<string | null>(null)

  const run = useMutation({
    mutationFn: (dryRun: boolean) => importUnits(slug, { csv, dryRun, coefficientsFromAreas: fromAreas }),
    onSuccess: async (result) => {
      setFormError(null)
      if (result.dryRun) {
        setPreview(result)
        return
      }
      await queryClient.invalidateQueries({ queryKey: unitsKey(slug) })
      notifications.show({
        color: 'teal',
        message: t('units.import.done', {
          created: result.created,
          updated: result.updated,
          holders: result.holdersAdded,
        }),
      })
      close()
    },
    onError: (error) => setFormError(errorMessage(t, error)),
  })

  function close() {
    setCsv('')
    setPreview(null)
    setFormError(null)
    onClose()
  }
  const edited = (next: () => void) => {
    next()
    setPreview(null)
  }

  return (
    <Modal opened={opened} onClose={close} title={t('units.import.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('units.import.help')}
        </Text>
        <FormErrorAlert message={formError} />
        <FileInput
          label={t('units.import.file')}
          accept=".csv,text/csv"
          onChange={(file) => {
            if (file) void file.text().then((text) => edited(() => setCsv(text)))
          }}
        />
        <Textarea
          label={t('units.import.text')}
          rows={6}
          styles={{ input: { fontFamily: 'monospace' } }}
          value={csv}
          onChange={(event) => {
            const value = event.currentTarget.value
            edited(() => setCsv(value))
          }}
        />
        <Checkbox
          label={t('units.import.fromAreas')}
          checked={fromAreas}
          onChange={(event) => {
            const checked = event.currentTarget.checked
            edited(() => setFromAreas(checked))
          }}
        />
        {preview && <ImportPreview result={preview} />}
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!csv.trim()}
            loading={run.isPending && run.variables}
            onClick={() => run.mutate(true)}
          >
            {t('units.import.preview')}
          </Button>
          <Button
            disabled={!preview || preview.errors.length > 0}
            loading={run.isPending && !run.variables}
            onClick={() => run.mutate(false)}
          >
            {t('units.import.confirm', { count: preview?.rows ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function ImportPreview({ result }: { result: ImportUnitsResult }) {
  const { t } = useTranslation()
  if (result.errors.length > 0) {
    return (
      <Stack gap="xs">
        <Alert color="red" role="alert">
          {t('units.import.errorsTitle', { count: result.errors.length })}
        </Alert>
        <Table aria-label={t('units.import.errorsLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.import.row')}</Table.Th>
              <Table.Th>{t('units.import.column')}</Table.Th>
              <Table.Th>{t('units.import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((error) => (
              <Table.Tr key={`${error.row}-${error.column}-${error.message}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.column ?? '—'}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    )
  }
  return (
    <Stack gap="xs">
      <Alert color="teal">
        {t('units.import.previewOk', { created: result.created, updated: result.updated })}
      </Alert>
      {result.check && <CoefficientTotals check={result.check} />}
    </Stack>
  )
}
