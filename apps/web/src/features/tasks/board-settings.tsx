import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  ColorInput,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import type { TaskBoardDetail, TaskTemplate } from '@minga/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { TrashIcon } from '../../ui/icons.tsx'
import { todayInBogota } from './task-dates.ts'
import {
  boardKey,
  createLabel,
  createRecurring,
  deleteLabel,
  type MemberOption,
  recurringQuery,
  setRecurringActive,
} from './tasks-api.ts'

type Weekday = '0' | '1' | '2' | '3' | '4' | '5' | '6'

/** Weekday names from the browser's Intl (0 = Sunday): 4 January 2026 was a Sunday. */
function weekdayName(language: string, day: number) {
  const name = new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'es-CO', {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2026, 0, 4 + day)))
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** Managers' board settings: labels and recurring tasks. */
export function BoardSettings({
  slug,
  detail,
  members,
}: {
  slug: string
  detail: TaskBoardDetail
  members: MemberOption[]
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpen(true)}>
        {t('tasks.settings.open')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('tasks.settings.title')} size="lg">
        <Stack gap="lg">
          <Labels slug={slug} detail={detail} />
          <Recurring slug={slug} detail={detail} members={members} />
        </Stack>
      </Modal>
    </>
  )
}

function Labels({ slug, detail }: { slug: string; detail: TaskBoardDetail }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [name, setName] = useState('')
  const [color, setColor] = useState('#1c7ed6')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: boardKey(slug, detail.board.id) })

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) {
      setErrors({ name: t('tasks.settings.nameRequired') })
      return
    }
    setFailure(null)
    try {
      await createLabel(slug, detail.board.id, { name: name.trim(), color })
      setName('')
      setErrors({})
      await refresh()
    } catch (error) {
      if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) setErrors(error.fieldErrors)
      else setFailure(errorMessage(t, error))
    }
  }

  return (
    <Stack gap="xs">
      <Divider label={t('tasks.settings.labels')} labelPosition="left" />
      {detail.labels.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.settings.noLabels')}
        </Text>
      ) : (
        <Group gap="xs">
          {detail.labels.map((label) => (
            <Group key={label.id} gap={2}>
              <Badge color={label.color}>{label.name}</Badge>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('tasks.settings.removeLabel', { name: label.name })}
                onClick={async () => {
                  await deleteLabel(slug, detail.board.id, label.id).catch((error: unknown) =>
                    setFailure(errorMessage(t, error)),
                  )
                  await refresh()
                }}
              >
                <TrashIcon />
              </ActionIcon>
            </Group>
          ))}
        </Group>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap={6}>
          <FormErrorAlert message={failure} />
          <Group gap="xs" align="flex-start" grow>
            <TextInput
              label={t('tasks.settings.labelName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maxLength={40}
              size="xs"
            />
            <ColorInput
              label={t('tasks.settings.labelColor')}
              value={color}
              onChange={setColor}
              format="hex"
              error={errors.color}
              size="xs"
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" size="xs" variant="light">
              {t('tasks.settings.addLabel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}

function RuleSummary({ template }: { template: TaskTemplate }) {
  const { t, i18n } = useTranslation()
  const { frequency, interval, weekday, monthDay } = template.rule
  const weekdayLabel = weekdayName(i18n.language, weekday ?? 0)
  const text =
    frequency === 'weekly'
      ? t('tasks.settings.summary.weekly', { interval, weekday: weekdayLabel })
      : frequency === 'monthly'
        ? t('tasks.settings.summary.monthly', { interval, day: monthDay })
        : t('tasks.settings.summary.daily', { interval })
  return (
    <Text size="xs" c="dimmed">
      {text}
    </Text>
  )
}

function Recurring({
  slug,
  detail,
  members,
}: {
  slug: string
  detail: TaskBoardDetail
  members: MemberOption[]
}) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const templates = useQuery(recurringQuery(slug, detail.board.id))
  const [title, setTitle] = useState('')
  const [frequency, setFrequency] = useState<'daily' | 'weekly' | 'monthly'>('monthly')
  const [interval, setInterval] = useState<number | string>(1)
  const [weekday, setWeekday] = useState<Weekday>('1')
  const [monthDay, setMonthDay] = useState<number | string>(1)
  const [startsOn, setStartsOn] = useState(todayInBogota())
  const [assigneeIds, setAssigneeIds] = useState<string[]>([])
  const [rotate, setRotate] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: boardKey(slug, detail.board.id) })

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!title.trim()) found.title = t('tasks.settings.titleRequired')
    if (!startsOn) found.startsOn = t('tasks.settings.startsOnRequired')
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setFailure(null)
    try {
      await createRecurring(slug, detail.board.id, {
        title: title.trim(),
        assigneeIds,
        rotateAssignees: rotate,
        rule: {
          frequency,
          interval: Number(interval) || 1,
          ...(frequency === 'weekly' ? { weekday: Number(weekday) } : {}),
          ...(frequency === 'monthly' ? { monthDay: Number(monthDay) || 1 } : {}),
        },
        startsOn,
      })
      setTitle('')
      await refresh()
    } catch (error) {
      if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) setErrors(error.fieldErrors)
      else setFailure(errorMessage(t, error))
    }
  }

  return (
    <Stack gap="xs">
      <Divider label={t('tasks.settings.recurring')} labelPosition="left" />
      {templates.data?.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.settings.noRecurring')}
        </Text>
      ) : null}
      {templates.data?.items.map((template) => (
        <Group key={template.id} justify="space-between" wrap="nowrap">
          <div>
            <Text size="sm" fw={500} c={template.active ? undefined : 'dimmed'}>
              {template.title}
            </Text>
            <RuleSummary template={template} />
          </div>
          <Button
            size="xs"
            variant="subtle"
            onClick={async () => {
              await setRecurringActive(slug, template.id, !template.active).catch((error: unknown) =>
                setFailure(errorMessage(t, error)),
              )
              await refresh()
            }}
          >
            {template.active ? t('tasks.settings.pause') : t('tasks.settings.resume')}
          </Button>
        </Group>
      ))}
      <form onSubmit={submit} noValidate>
        <Stack gap={6}>
          <FormErrorAlert message={failure} />
          <TextInput
            label={t('tasks.settings.recurringTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            maxLength={200}
            size="xs"
          />
          <Group gap="xs" grow align="flex-start">
            <Select
              label={t('tasks.settings.frequency')}
              data={(['daily', 'weekly', 'monthly'] as const).map((value) => ({
                value,
                label: t(`tasks.settings.frequencies.${value}`),
              }))}
              value={frequency}
              onChange={(value) => value && setFrequency(value as typeof frequency)}
              allowDeselect={false}
              size="xs"
            />
            <NumberInput
              label={t('tasks.settings.interval')}
              value={interval}
              onChange={setInterval}
              min={1}
              max={365}
              allowDecimal={false}
              error={errors.interval}
              size="xs"
            />
            {frequency === 'weekly' ? (
              <Select
                label={t('tasks.settings.weekday')}
                data={(['1', '2', '3', '4', '5', '6', '0'] as const).map((value) => ({
                  value,
                  label: weekdayName(i18n.language, Number(value)),
                }))}
                value={weekday}
                onChange={(value) => value && setWeekday(value as Weekday)}
                allowDeselect={false}
                size="xs"
              />
            ) : null}
            {frequency === 'monthly' ? (
              <NumberInput
                label={t('tasks.settings.monthDay')}
                value={monthDay}
                onChange={setMonthDay}
                min={1}
                max={31}
                allowDecimal={false}
                error={errors.monthDay}
                size="xs"
              />
            ) : null}
          </Group>
          <TextInput
            type="date"
            label={t('tasks.settings.startsOn')}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={errors.startsOn}
            size="xs"
          />
          <MultiSelect
            label={t('tasks.settings.assignees')}
            data={members.map((m) => ({ value: m.userId, label: m.name }))}
            value={assigneeIds}
            onChange={setAssigneeIds}
            searchable
            size="xs"
          />
          <Checkbox
            label={t('tasks.settings.rotate')}
            checked={rotate}
            onChange={(e) => setRotate(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button type="submit" size="xs" variant="light">
              {t('tasks.settings.addRecurring')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}
