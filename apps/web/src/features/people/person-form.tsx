import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { PERSON_DOCUMENT_TYPES, type Person, type UpdatePerson } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { accentInsensitiveFilter, DANE_DEPARTMENT_OPTIONS, municipalityOptions } from './dane-options.ts'
import { createPerson, peopleKey, updatePerson } from './people-api.ts'

type Values = {
  kind: 'natural' | 'legal'
  documentType: string
  documentNumber: string
  nitCheckDigit: string
  firstNames: string
  lastNames: string
  businessName: string
  birthDate: string
  joinedOn: string
  email: string
  phone: string
  line: string
  departmentCode: string | null
  municipalityCode: string | null
  employerName: string
  position: string
  salary: string
  tags: string
}

const orNull = (value: string) => value.trim() || null

/** Server paths (`body.emails.0`, `body.address.departmentCode`) → this form's field names. */
export function formErrorsOf(errors: readonly { path: string; message: string }[]) {
  const byField: Record<string, string> = {}
  for (const { path, message } of errors) {
    const parts = path.replace(/^body\./, '').split('.')
    const field =
      parts[0] === 'emails'
        ? 'email'
        : parts[0] === 'phones'
          ? 'phone'
          : parts[0] === 'address'
            ? (parts[1] ?? 'line')
            : parts[0]
    if (field && byField[field] === undefined) byField[field] = message
  }
  return byField
}

/** Create (person null) or edit a person; each server field error lands on its input. */
export function PersonForm({
  slug,
  person,
  sensitive,
  onDone,
}: {
  slug: string
  person: Person | null
  /** Shows document, phone and salary inputs (people:read_sensitive). */
  sensitive: boolean
  onDone: (person: Person | null) => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<Values>({
    initialValues: {
      kind: person?.kind ?? 'natural',
      documentType: person?.documentType ?? 'CC',
      documentNumber: person && sensitive ? person.documentNumber : '',
      nitCheckDigit: person?.nitCheckDigit ?? '',
      firstNames: person?.firstNames ?? '',
      lastNames: person?.lastNames ?? '',
      businessName: person?.businessName ?? '',
      birthDate: person?.birthDate ?? '',
      joinedOn: person?.joinedOn ?? '',
      email: person?.emails[0] ?? '',
      phone: person && sensitive ? (person.phones[0] ?? '') : '',
      line: person?.address?.line ?? '',
      departmentCode: person?.address?.departmentCode ?? null,
      municipalityCode: person?.address?.municipalityCode ?? null,
      employerName: person?.employerName ?? '',
      position: person?.position ?? '',
      salary: person?.salary == null ? '' : String(person.salary),
      tags: person?.tags.join(', ') ?? '',
    },
  })
  const legal = form.values.kind === 'legal'
  const municipalities = useMemo(
    () => municipalityOptions(form.values.departmentCode, t('dane.areaNoMunicipalizada')),
    [form.values.departmentCode, t],
  )

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: UpdatePerson & { kind?: 'natural' | 'legal' } = {
        firstNames: legal ? null : orNull(v.firstNames),
        lastNames: legal ? null : orNull(v.lastNames),
        businessName: legal ? orNull(v.businessName) : null,
        birthDate: orNull(v.birthDate),
        joinedOn: orNull(v.joinedOn),
        emails: v.email.trim() ? [v.email.trim()] : [],
        address:
          v.line.trim() || v.departmentCode
            ? {
                line: orNull(v.line),
                departmentCode: v.departmentCode,
                municipalityCode: v.departmentCode ? v.municipalityCode : null,
              }
            : null,
        employerName: orNull(v.employerName),
        position: orNull(v.position),
        tags: v.tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      }
      if (sensitive || !person) {
        body.documentType = v.documentType as UpdatePerson['documentType']
        body.documentNumber = v.documentNumber.trim()
        body.nitCheckDigit = v.documentType === 'NIT' ? orNull(v.nitCheckDigit) : null
        body.phones = v.phone.trim() ? [v.phone.trim()] : []
      }
      if (sensitive) body.salary = v.salary.trim() ? Number(v.salary.replace(/\D/g, '')) : null
      if (person) return updatePerson(slug, person, body)
      return createPerson(slug, { ...body, kind: v.kind } as Parameters<typeof createPerson>[1])
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: peopleKey(slug) })
      notifications.show({
        color: 'teal',
        message: person ? t('people.saved') : t('people.created', { name: saved.displayName }),
      })
      onDone(saved)
    },
    onError: (error) => {
      if (isApiError(error) && error.problem?.errors?.length)
        form.setErrors(formErrorsOf(error.problem.errors))
      setFormError(errorMessage(t, error))
    },
  })

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null)
        save.mutate(values)
      })}
      noValidate
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        {!person && (
          <Select
            label={t('people.fields.kind')}
            data={(['natural', 'legal'] as const).map((value) => ({
              value,
              label: t(`people.kind.${value}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
        )}
        {(sensitive || !person) && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('people.fields.documentType')}
              data={[...PERSON_DOCUMENT_TYPES]}
              allowDeselect={false}
              {...form.getInputProps('documentType')}
            />
            <TextInput
              label={t('people.fields.documentNumber')}
              required
              {...form.getInputProps('documentNumber')}
            />
            {form.values.documentType === 'NIT' && (
              <TextInput
                label={t('people.fields.nitCheckDigit')}
                maxLength={1}
                {...form.getInputProps('nitCheckDigit')}
              />
            )}
          </SimpleGrid>
        )}
        {legal ? (
          <TextInput
            label={t('people.fields.businessName')}
            required
            {...form.getInputProps('businessName')}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('people.fields.firstNames')} required {...form.getInputProps('firstNames')} />
            <TextInput label={t('people.fields.lastNames')} required {...form.getInputProps('lastNames')} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('people.fields.birthDate')} {...form.getInputProps('birthDate')} />
          <TextInput type="date" label={t('people.fields.joinedOn')} {...form.getInputProps('joinedOn')} />
          <TextInput type="email" label={t('people.fields.emails')} {...form.getInputProps('email')} />
          {(sensitive || !person) && (
            <TextInput label={t('people.fields.phones')} {...form.getInputProps('phone')} />
          )}
        </SimpleGrid>
        <TextInput label={t('people.fields.address')} {...form.getInputProps('line')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('people.fields.departmentCode')}
            data={DANE_DEPARTMENT_OPTIONS}
            searchable
            clearable
            filter={accentInsensitiveFilter}
            {...form.getInputProps('departmentCode')}
            onChange={(code) => {
              // A municipality belongs to one department: a new department starts it over.
              if (code !== form.values.departmentCode) form.setFieldValue('municipalityCode', null)
              form.setFieldValue('departmentCode', code)
            }}
          />
          <Select
            label={t('dane.municipality')}
            data={municipalities}
            searchable
            clearable
            filter={accentInsensitiveFilter}
            disabled={!form.values.departmentCode}
            placeholder={
              form.values.departmentCode ? t('dane.searchMunicipality') : t('dane.chooseDepartmentFirst')
            }
            nothingFoundMessage={t('dane.nothingFound')}
            {...form.getInputProps('municipalityCode')}
          />
          <TextInput label={t('people.fields.employerName')} {...form.getInputProps('employerName')} />
          <TextInput label={t('people.fields.position')} {...form.getInputProps('position')} />
          {sensitive && (
            <TextInput
              label={t('people.fields.salary')}
              inputMode="numeric"
              {...form.getInputProps('salary')}
            />
          )}
          <TextInput label={t('people.fields.tags')} {...form.getInputProps('tags')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('people.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('people.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
