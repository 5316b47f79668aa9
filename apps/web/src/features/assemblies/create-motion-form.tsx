import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { Assembly, CreateMotion } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PlusIcon, TrashIcon } from '../../ui/icons.tsx'
import { assemblyKey, createMotion } from './assemblies-api.ts'
import {
  MAJORITY_PRESETS,
  MOTION_DECISION_BASES,
  MOTION_SECRECY,
  MOTION_VOTING_METHODS,
  RESULTS_VISIBILITY,
} from './assembly-choices.ts'
import { formProblems } from './assembly-problems.ts'

type Method = (typeof MOTION_VOTING_METHODS)[number]
type Preset = (typeof MAJORITY_PRESETS)[number]

interface ConditionValues {
  measure: 'weight' | 'heads'
  denominator: 'present' | 'votes-cast' | 'votes-cast-excluding-abstentions' | 'total'
  comparison: 'gt' | 'gte'
  percent: number | string
}

interface Values {
  title: string
  description: string
  method: Method
  options: string[]
  maxChoices: number | string
  winners: number | string
  basis: string
  economicContent: boolean
  preset: Preset
  conditions: ConditionValues[]
  extinction: boolean
  secrecy: (typeof MOTION_SECRECY)[number]
  resultsVisibility: (typeof RESULTS_VISIBILITY)[number]
}

const choiceMethods: readonly Method[] = ['single-choice', 'multiple-choice', 'ranked']
const fields = [
  'title',
  'description',
  'method',
  'options',
  'maxChoices',
  'winners',
  'basis',
  'majority',
  'economicContent',
  'secrecy',
  'resultsVisibility',
]

/** Nueva votación on one agenda item: basis, method, options, majority (preset or custom), secrecy, visibility. */
export function CreateMotionForm({
  slug,
  assembly,
  agendaItemId,
  onDone,
}: {
  slug: string
  assembly: Assembly
  agendaItemId: string
  onDone: () => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [general, setGeneral] = useState<string[]>([])
  const cooperative = assembly.legalFramework === 'cooperative'
  const form = useForm<Values>({
    initialValues: {
      title: '',
      description: '',
      method: 'yes-no-abstain',
      options: ['', ''],
      maxChoices: '',
      winners: '',
      basis: '',
      economicContent: true,
      preset: cooperative ? 'ley-79-absolute' : 'ley-675-art-45',
      conditions: [{ measure: 'weight', denominator: 'present', comparison: 'gt', percent: 50 }],
      extinction: false,
      secrecy: 'secret',
      resultsVisibility: 'live',
    },
    validate: {
      title: (value) => (value.trim().length < 3 ? t('assemblies.create.titleLength') : null),
      options: (value, values) =>
        choiceMethods.includes(values.method) && value.filter((option) => option.trim()).length < 2
          ? t('assemblies.motionForm.optionsRequired')
          : null,
    },
  })
  const create = useMutation({
    mutationFn: (input: CreateMotion) => createMotion(slug, assembly.id, input),
    onSuccess: async () => {
      notifications.show({ message: t('assemblies.motionForm.created') })
      await queryClient.invalidateQueries({ queryKey: assemblyKey(slug, assembly.id) })
      onDone()
    },
    onError: (error) => {
      const problems = formProblems(t, error, fields)
      form.setErrors(problems.fieldErrors)
      setGeneral(problems.general)
    },
  })
  const values = form.getValues()
  const isChoice = choiceMethods.includes(values.method)

  return (
    <form
      noValidate
      aria-label={t('assemblies.agenda.newMotion')}
      onSubmit={form.onSubmit((v) => {
        const percentError =
          v.preset === 'custom' ? v.conditions.findIndex((c) => !validPercent(c.percent)) : -1
        if (percentError >= 0) {
          form.setFieldError(`conditions.${percentError}.percent`, t('assemblies.motionForm.percentInvalid'))
          return
        }
        setGeneral([])
        create.mutate(toInput(v, agendaItemId))
      })}
    >
      <Stack gap="sm">
        <FormErrorAlert message={general.length ? general.join(' ') : null} />
        <TextInput label={t('assemblies.motionForm.title')} required {...form.getInputProps('title')} />
        <Textarea
          label={t('assemblies.motionForm.description')}
          rows={2}
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('assemblies.motionForm.method')}
            data={MOTION_VOTING_METHODS.map((value) => ({
              value,
              label: t(`assemblies.motion.methods.${value}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('method')}
          />
          <Select
            label={t('assemblies.motionForm.basis')}
            data={[
              { value: '', label: t('assemblies.motionForm.basisDefault') },
              ...MOTION_DECISION_BASES.map((value) => ({
                value,
                label: t(`assemblies.motion.bases.${value}`),
              })),
            ]}
            allowDeselect={false}
            {...form.getInputProps('basis')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('assemblies.motionForm.economicContent')}
          {...form.getInputProps('economicContent', { type: 'checkbox' })}
        />
        {isChoice ? <OptionsEditor form={form} /> : null}
        {values.method === 'multiple-choice' ? (
          <SimpleGrid cols={2}>
            <NumberInput
              label={t('assemblies.motionForm.maxChoices')}
              min={1}
              max={50}
              allowDecimal={false}
              {...form.getInputProps('maxChoices')}
            />
            <NumberInput
              label={t('assemblies.motionForm.winners')}
              min={1}
              max={50}
              allowDecimal={false}
              {...form.getInputProps('winners')}
            />
          </SimpleGrid>
        ) : null}
        <Select
          label={t('assemblies.motionForm.majority')}
          data={MAJORITY_PRESETS.map((value) => ({ value, label: t(`assemblies.motion.presets.${value}`) }))}
          allowDeselect={false}
          {...form.getInputProps('preset')}
          error={form.errors.majority ?? form.errors.preset}
        />
        {values.preset === 'custom' ? <ConditionsEditor form={form} /> : null}
        <Checkbox
          label={t('assemblies.motionForm.extinction')}
          {...form.getInputProps('extinction', { type: 'checkbox' })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('assemblies.motionForm.secrecy')}
            data={MOTION_SECRECY.map((value) => ({ value, label: t(`assemblies.motion.secrecy.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('secrecy')}
          />
          <Select
            label={t('assemblies.motionForm.visibility')}
            data={RESULTS_VISIBILITY.map((value) => ({
              value,
              label: t(`assemblies.motion.visibility.${value}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('resultsVisibility')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('assemblies.motionForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

// Rules left open: the editors only read values and errors.
type MotionForm = UseFormReturnType<Values>

function OptionsEditor({ form }: { form: MotionForm }) {
  const { t } = useTranslation()
  const options = form.getValues().options
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('assemblies.motionForm.options')}
      </Text>
      {options.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are plain labels edited in place
        <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('assemblies.motionForm.option', { number: index + 1 })}
            maxLength={200}
            {...form.getInputProps(`options.${index}`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('assemblies.motionForm.removeOption', { number: index + 1 })}
            onClick={() => form.removeListItem('options', index)}
          >
            <TrashIcon size={18} />
          </ActionIcon>
        </Group>
      ))}
      {typeof form.errors.options === 'string' ? (
        <Text c="red" size="sm">
          {form.errors.options}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<PlusIcon size={14} />}
          onClick={() => form.insertListItem('options', '')}
        >
          {t('assemblies.motionForm.addOption')}
        </Button>
      </Group>
    </Stack>
  )
}

function ConditionsEditor({ form }: { form: MotionForm }) {
  const { t } = useTranslation()
  const conditions = form.getValues().conditions
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('assemblies.motionForm.customConditions')}
      </Text>
      {conditions.map((_, index) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id
          key={index}
          style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, padding: 8 }}
        >
          <legend>
            <Text size="xs">{t('assemblies.motionForm.condition', { number: index + 1 })}</Text>
          </legend>
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
            <Select
              label={t('assemblies.motionForm.measure')}
              data={(['weight', 'heads'] as const).map((value) => ({
                value,
                label: t(`assemblies.motionForm.measures.${value}`),
              }))}
              allowDeselect={false}
              {...form.getInputProps(`conditions.${index}.measure`)}
            />
            <Select
              label={t('assemblies.motionForm.comparison')}
              data={(['gt', 'gte'] as const).map((value) => ({
                value,
                label: t(`assemblies.motionForm.comparisons.${value}`),
              }))}
              allowDeselect={false}
              {...form.getInputProps(`conditions.${index}.comparison`)}
            />
            <NumberInput
              label={t('assemblies.motionForm.thresholdPercent')}
              min={0}
              max={100}
              decimalScale={4}
              suffix=" %"
              {...form.getInputProps(`conditions.${index}.percent`)}
            />
            <Select
              label={t('assemblies.motionForm.denominator')}
              data={(['present', 'votes-cast', 'votes-cast-excluding-abstentions', 'total'] as const).map(
                (value) => ({
                  value,
                  label: t(`assemblies.motionForm.denominators.${value}`),
                }),
              )}
              allowDeselect={false}
              {...form.getInputProps(`conditions.${index}.denominator`)}
            />
          </SimpleGrid>
          {conditions.length > 1 ? (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              mt={6}
              onClick={() => form.removeListItem('conditions', index)}
            >
              {t('assemblies.motionForm.removeCondition', { number: index + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {conditions.length < 4 ? (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<PlusIcon size={14} />}
            onClick={() =>
              form.insertListItem('conditions', {
                measure: 'heads',
                denominator: 'present',
                comparison: 'gt',
                percent: 50,
              })
            }
          >
            {t('assemblies.motionForm.addCondition')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}

function validPercent(value: number | string): boolean {
  const number = typeof value === 'number' ? value : Number(value)
  return value !== '' && Number.isFinite(number) && number >= 0 && number <= 100
}

/** "66.6667" % → 666667 / 1_000_000: the threshold travels as an exact ratio, never a float. */
export function percentToRatio(value: number | string): { numerator: number; denominator: number } {
  const number = typeof value === 'number' ? value : Number(value)
  return { numerator: Math.round(number * 10_000), denominator: 1_000_000 }
}

function toInput(values: Values, agendaItemId: string): CreateMotion {
  const isChoice = choiceMethods.includes(values.method)
  const numberOrUndefined = (value: number | string) => (value === '' ? undefined : Number(value))
  const maxChoices = numberOrUndefined(values.maxChoices)
  const winners = numberOrUndefined(values.winners)
  return {
    agendaItemId,
    title: values.title.trim(),
    ...(values.description.trim() ? { description: values.description.trim() } : {}),
    ...(values.basis ? { basis: values.basis as CreateMotion['basis'] & string } : {}),
    method: values.method,
    options: isChoice ? values.options.map((option) => option.trim()).filter(Boolean) : [],
    ...(values.method === 'multiple-choice' && maxChoices ? { maxChoices } : {}),
    ...(values.method === 'multiple-choice' && winners ? { winners } : {}),
    majority:
      values.preset === 'custom'
        ? {
            preset: 'custom',
            conditions: values.conditions.map((condition) => ({
              measure: condition.measure,
              denominator: condition.denominator,
              comparison: condition.comparison,
              threshold: percentToRatio(condition.percent),
            })),
          }
        : { preset: values.preset },
    economicContent: values.economicContent,
    extinction: values.extinction,
    secrecy: values.secrecy,
    resultsVisibility: values.resultsVisibility,
  }
}
