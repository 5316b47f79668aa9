import { Alert, Button, Group, Select, Stack, Switch, Text } from '@mantine/core'
import { PERSON_IMPORT_FIELDS, type PersonImport } from '@minga/contracts'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../app/api-client.ts'
import { errorMessage } from '../../../app/error-message.ts'
import { isImportRunning, validateImport } from './import-api.ts'
import { draftFrom, headersUsedTwice, mappingFrom, REQUIRED_FIELDS, sampleValues } from './mapping-model.ts'

// Select values are indexes: a header may be any text, even one that looks like the "skip" value.
const SKIP = 'skip'
const optionFor = (headers: readonly string[], header: string | null) =>
  header === null ? SKIP : `h${headers.indexOf(header)}`

/** Step 2: one select of the file's headers per person field, then start the validation. */
export function MappingStep({
  slug,
  imp,
  onValidating,
}: {
  slug: string
  imp: PersonImport
  onValidating: (imp: PersonImport) => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(() => draftFrom(imp.mapping, imp.headers))
  const [assign, setAssign] = useState(imp.assignMembershipNumbers)
  const [error, setError] = useState<unknown>(null)
  const [pending, setPending] = useState(false)
  const twice = headersUsedTwice(draft)
  const missing = REQUIRED_FIELDS.filter((field) => draft[field] === null)
  const fieldErrors = isApiError(error) ? error.fieldErrors : {}
  const options = [
    { value: SKIP, label: t('people.import.mapping.skip') },
    ...imp.headers.map((header, index) => ({ value: `h${index}`, label: header })),
  ]

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    setPending(true)
    try {
      onValidating(
        await validateImport(slug, imp.id, { mapping: mappingFrom(draft), assignMembershipNumbers: assign }),
      )
    } catch (err) {
      setError(err)
    } finally {
      setPending(false)
    }
  }

  // Field problems land on their select; anything else (e.g. "map names or business name") above the button.
  const general =
    error === null
      ? null
      : (fieldErrors.mapping ?? (Object.keys(fieldErrors).length ? null : errorMessage(t, error)))
  return (
    <Stack gap="md" component="form" onSubmit={submit}>
      <Text>{t('people.import.mapping.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('people.import.mapping.fileSummary', { fileName: imp.fileName, rows: imp.totalRows })}
      </Text>
      <Stack gap="sm">
        {PERSON_IMPORT_FIELDS.map((field) => {
          const header = draft[field]
          const values = sampleValues(imp.sample, header)
          const inlineError =
            (header !== null && twice.has(header)
              ? t('people.import.mapping.usedTwice', { header })
              : null) ??
            fieldErrors[field] ??
            (header === null && REQUIRED_FIELDS.includes(field) ? t('people.import.mapping.required') : null)
          return (
            <Group key={field} align="flex-start" wrap="nowrap" gap="md">
              <Select
                label={t(`people.import.fields.${field}`)}
                withAsterisk={REQUIRED_FIELDS.includes(field)}
                data={options}
                value={optionFor(imp.headers, header)}
                onChange={(value) => {
                  const index = value?.startsWith('h') ? Number(value.slice(1)) : -1
                  setDraft((current) => ({ ...current, [field]: imp.headers[index] ?? null }))
                }}
                allowDeselect={false}
                error={inlineError}
                w={320}
                style={{ flexShrink: 0 }}
              />
              <Text size="sm" c="dimmed" pt={28} style={{ overflowWrap: 'anywhere' }}>
                {header === null
                  ? ''
                  : values.length
                    ? t('people.import.mapping.sample', { values: values.join(' · ') })
                    : t('people.import.mapping.noSample')}
              </Text>
            </Group>
          )
        })}
      </Stack>
      <Switch
        label={t('people.import.mapping.assignNumbers')}
        description={t('people.import.mapping.assignNumbersHint')}
        checked={assign}
        onChange={(event) => setAssign(event.currentTarget.checked)}
      />
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}
      <Group>
        <Button
          type="submit"
          loading={pending}
          disabled={missing.length > 0 || twice.size > 0 || isImportRunning(imp.status)}
        >
          {t('people.import.mapping.submit')}
        </Button>
      </Group>
    </Stack>
  )
}
