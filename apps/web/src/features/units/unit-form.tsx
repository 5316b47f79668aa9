import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { Unit, UnitType } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { createUnit, deleteUnit, unitsKey, updateUnit } from './units-api.ts'

export const UNIT_TYPES: UnitType[] = ['apartment', 'house', 'commercial', 'parking', 'storage']

type Values = {
  code: string
  type: UnitType
  building: string
  privateArea: string
  coefficient: string
  notes: string
}

/** Create (unit null) or edit a unit; server field errors land on their inputs. */
export function UnitForm({
  slug,
  unit,
  canManage,
  onDone,
}: {
  slug: string
  unit: Unit | null
  canManage: boolean
  onDone: (unit: Unit | null) => void
}) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)
  const es = i18n.language.startsWith('es')
  const form = useForm<Values>({
    initialValues: {
      code: unit?.code ?? '',
      type: unit?.type ?? 'apartment',
      building: unit?.building ?? '',
      privateArea: unit?.privateArea ? (es ? unit.privateArea.replace('.', ',') : unit.privateArea) : '',
      coefficient: unit?.coefficient ? (es ? unit.coefficient.replace('.', ',') : unit.coefficient) : '',
      notes: unit?.notes ?? '',
    },
  })

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        code: values.code.trim(),
        type: values.type,
        building: values.building.trim() || null,
        privateArea: values.privateArea.trim() || null,
        coefficient: values.coefficient.trim() || null,
        notes: values.notes.trim() || null,
      }
      return unit ? updateUnit(slug, unit, body) : createUnit(slug, body)
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: unitsKey(slug) })
      notifications.show({
        color: 'teal',
        message: t(unit ? 'units.form.saved' : 'units.form.created', { code: saved.code }),
      })
      onDone(saved)
    },
    onError: (error) => {
      if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) form.setErrors(error.fieldErrors)
      setFormError(errorMessage(t, error))
    },
  })

  const remove = useMutation({
    mutationFn: () => deleteUnit(slug, unit!.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: unitsKey(slug) })
      notifications.show({ color: 'teal', message: t('units.form.deleted', { code: unit!.code }) })
      onDone(null)
    },
    onError: (error) => setFormError(errorMessage(t, error)),
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
        <TextInput
          label={t('units.form.code')}
          description={t('units.form.codeHint')}
          required
          disabled={!canManage}
          {...form.getInputProps('code')}
        />
        <Select
          label={t('units.form.type')}
          data={UNIT_TYPES.map((type) => ({ value: type, label: t(`units.types.${type}`) }))}
          allowDeselect={false}
          disabled={!canManage}
          {...form.getInputProps('type')}
        />
        <TextInput
          label={t('units.form.building')}
          disabled={!canManage}
          {...form.getInputProps('building')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('units.form.privateArea')}
            inputMode="decimal"
            disabled={!canManage}
            {...form.getInputProps('privateArea')}
          />
          <TextInput
            label={t('units.form.coefficient')}
            description={t('units.form.coefficientHint')}
            inputMode="decimal"
            disabled={!canManage}
            {...form.getInputProps('coefficient')}
          />
        </Group>
        <Textarea
          label={t('units.form.notes')}
          rows={2}
          disabled={!canManage}
          {...form.getInputProps('notes')}
        />
        {canManage && (
          <Group justify="space-between">
            {unit ? (
              <ConfirmButton
                variant="subtle"
                color="red"
                title={t('units.form.deleteTitle', { code: unit.code })}
                message={t('units.form.deleteMessage')}
                confirmLabel={t('units.form.delete')}
                loading={remove.isPending}
                onConfirm={() => remove.mutateAsync().catch(() => undefined)}
              >
                {t('units.form.delete')}
              </ConfirmButton>
            ) : (
              <span />
            )}
            <Button type="submit" loading={save.isPending}>
              {t('units.form.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}
