import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { CreateAssembly, Org } from '@minga/contracts'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { AgendaItemsEditor } from './agenda-items-editor.tsx'
import { assembliesKey, createAssembly } from './assemblies-api.ts'
import { ASSEMBLY_KINDS, ASSEMBLY_MODALITIES, LEGAL_FRAMEWORKS } from './assembly-choices.ts'
import { formatDate, zonedLocalToIso } from './assembly-format.ts'
import { formProblems } from './assembly-problems.ts'
import { earliestCalendarDate } from './notice-check.ts'
import { useAssemblyAbilities } from './use-assembly-abilities.ts'

const route = getRouteApi('/_authed/o/$org/assemblies/new')

interface Values {
  title: string
  kind: (typeof ASSEMBLY_KINDS)[number]
  modality: (typeof ASSEMBLY_MODALITIES)[number]
  legalFramework: (typeof LEGAL_FRAMEWORKS)[number]
  residential: boolean
  firstCallAt: string
  secondCallAt: string
  noticeSentOn: string
  noticeDays: number | string
  noticeDayCount: 'calendar' | 'business'
  maxProxiesPerHolder: number | string
  agenda: string[]
}

const fields = [
  'title',
  'kind',
  'modality',
  'legalFramework',
  'firstCallAt',
  'secondCallAt',
  'noticeSentOn',
  'noticeDays',
  'maxProxiesPerHolder',
  'agenda',
]

/** Nueva asamblea: the convocation's data and its agenda. */
export function CreateAssemblyPage() {
  const { t } = useTranslation()
  const { org: slug } = route.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const { manage, isPending } = useAssemblyAbilities(slug)
  usePageTitle(t('assemblies.create.title'))

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <AnchorLink to="/o/$org/assemblies" params={{ org: slug }} size="sm">
          {t('assemblies.console.back')}
        </AnchorLink>
        <Title order={1}>{t('assemblies.create.title')}</Title>
        <Text c="dimmed">{t('assemblies.create.subtitle')}</Text>
      </div>
      {!isPending && !manage ? (
        <Alert color="yellow">{t('assemblies.forbidden')}</Alert>
      ) : (
        <CreateAssemblyForm org={org} />
      )}
    </Stack>
  )
}

function CreateAssemblyForm({ org }: { org: Org }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [general, setGeneral] = useState<string[]>([])
  const form = useForm<Values>({
    initialValues: {
      title: '',
      kind: 'ordinary',
      modality: 'presential',
      legalFramework: org.kind === 'housing' ? 'horizontal-property' : 'cooperative',
      residential: org.kind === 'housing',
      firstCallAt: '',
      secondCallAt: '',
      noticeSentOn: '',
      noticeDays: '',
      noticeDayCount: 'calendar',
      maxProxiesPerHolder: '',
      agenda: [''],
    },
    validate: {
      title: (value) =>
        value.trim().length < 3 || value.trim().length > 200 ? t('assemblies.create.titleLength') : null,
      firstCallAt: (value) =>
        zonedLocalToIso(value, org.timezone) ? null : t('assemblies.create.invalidDate'),
      secondCallAt: (value) =>
        value && !zonedLocalToIso(value, org.timezone) ? t('assemblies.create.invalidDate') : null,
      noticeDays: (value, values) =>
        values.kind === 'extraordinary' && value === '' ? t('assemblies.create.noticeDaysRequired') : null,
    },
  })
  const create = useMutation({
    mutationFn: (input: CreateAssembly) => createAssembly(org.slug, input),
    onSuccess: async (assembly) => {
      await queryClient.invalidateQueries({ queryKey: assembliesKey(org.slug) })
      notifications.show({ message: t('assemblies.create.created') })
      await navigate({
        to: '/o/$org/assemblies/$assemblyId',
        params: { org: org.slug, assemblyId: assembly.id },
      })
    },
    onError: (error) => {
      const problems = formProblems(t, error, fields)
      form.setErrors(problems.fieldErrors)
      setGeneral(problems.general)
    },
  })

  const values = form.getValues()
  const noticeHint = noticeWarning(values, i18n.language, t)

  return (
    <Paper withBorder radius="md" p="lg">
      <form
        noValidate
        aria-label={t('assemblies.create.title')}
        onSubmit={form.onSubmit((v) => {
          setGeneral([])
          create.mutate(toInput(v, org.timezone))
        })}
      >
        <Stack gap="md">
          <FormErrorAlert message={general.length ? general.join(' ') : null} />
          <TextInput
            label={t('assemblies.create.name')}
            placeholder={t('assemblies.create.namePlaceholder')}
            required
            {...form.getInputProps('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('assemblies.create.kind')}
              data={ASSEMBLY_KINDS.map((value) => ({ value, label: t(`assemblies.kinds.${value}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('assemblies.create.modality')}
              data={ASSEMBLY_MODALITIES.map((value) => ({
                value,
                label: t(`assemblies.modalities.${value}`),
              }))}
              allowDeselect={false}
              {...form.getInputProps('modality')}
            />
          </SimpleGrid>
          <Select
            label={t('assemblies.create.framework')}
            data={LEGAL_FRAMEWORKS.map((value) => ({ value, label: t(`assemblies.frameworks.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('legalFramework')}
          />
          <Checkbox
            label={t('assemblies.create.residential')}
            {...form.getInputProps('residential', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('assemblies.create.firstCallAt')}
              description={t('assemblies.create.firstCallHint', { timeZone: org.timezone })}
              required
              {...form.getInputProps('firstCallAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('assemblies.create.secondCallAt')}
              description={t('assemblies.create.secondCallHint')}
              {...form.getInputProps('secondCallAt')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('assemblies.create.noticeSentOn')}
              description={t('assemblies.create.noticeHint')}
              {...form.getInputProps('noticeSentOn')}
              error={form.errors.noticeSentOn ?? noticeHint}
            />
            <NumberInput
              label={t('assemblies.create.noticeDays')}
              description={t('assemblies.create.noticeDaysHint')}
              min={0}
              max={365}
              allowDecimal={false}
              {...form.getInputProps('noticeDays')}
            />
            <Select
              label={t('assemblies.create.noticeDayCount')}
              data={(['calendar', 'business'] as const).map((value) => ({
                value,
                label: t(`assemblies.create.dayCounts.${value}`),
              }))}
              allowDeselect={false}
              {...form.getInputProps('noticeDayCount')}
            />
          </SimpleGrid>
          <NumberInput
            label={t('assemblies.create.maxProxies')}
            description={t('assemblies.create.maxProxiesHint')}
            min={1}
            max={1000}
            allowDecimal={false}
            maw={320}
            {...form.getInputProps('maxProxiesPerHolder')}
          />
          <AgendaItemsEditor
            items={values.agenda}
            onChange={(items) => form.setFieldValue('agenda', items)}
            error={typeof form.errors.agenda === 'string' ? form.errors.agenda : undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('assemblies.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

function toInput(values: Values, timeZone: string): CreateAssembly {
  const noticeDays = values.noticeDays === '' ? undefined : Number(values.noticeDays)
  const cap = values.maxProxiesPerHolder === '' ? null : Number(values.maxProxiesPerHolder)
  const secondCallAt = values.secondCallAt ? zonedLocalToIso(values.secondCallAt, timeZone) : null
  return {
    title: values.title.trim(),
    kind: values.kind,
    modality: values.modality,
    legalFramework: values.legalFramework,
    residential: values.residential,
    firstCallAt: zonedLocalToIso(values.firstCallAt, timeZone) ?? values.firstCallAt,
    ...(secondCallAt ? { secondCallAt } : {}),
    ...(values.noticeSentOn ? { noticeSentOn: values.noticeSentOn } : {}),
    ...(noticeDays !== undefined ? { noticeDays } : {}),
    noticeDayCount: values.noticeDayCount,
    proxyPolicy: { maxProxiesPerHolder: cap, barredRoles: ['administrator', 'council-member', 'staff'] },
    agenda: values.agenda
      .map((title) => title.trim())
      .filter(Boolean)
      .map((title) => ({ title })),
  }
}

/** The legal-notice problem, inline under the notice date, before the server refuses the convocation. */
function noticeWarning(values: Values, language: string, t: TFunction): string | null {
  if (!values.noticeSentOn || !values.firstCallAt || values.noticeDayCount !== 'calendar') return null
  const days = values.noticeDays === '' ? (values.kind === 'ordinary' ? 15 : null) : Number(values.noticeDays)
  if (days === null) return null
  const earliest = earliestCalendarDate(values.noticeSentOn, days)
  const meetingDay = values.firstCallAt.slice(0, 10)
  if (!earliest || meetingDay >= earliest) return null
  return t('assemblies.rules.noticeTooShortOn', {
    notice: formatDate(values.noticeSentOn, language),
    earliest: formatDate(earliest, language),
  })
}
