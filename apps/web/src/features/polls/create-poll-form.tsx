import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { CreatePoll, type CreatePollInput, POLL_TYPES, type Poll, type PollType } from '@minga/contracts'
import { useMutation, useQuery } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { localInputInDays, zonedLocalToIso } from './poll-format.ts'
import { createPoll, pollMembersQuery } from './polls-api.ts'

interface Draft {
  title: string
  details: string
  type: PollType
  options: { key: number; label: string }[]
  minChoices: number | ''
  maxChoices: number | ''
  minScore: number | ''
  maxScore: number | ''
  dotsPerPerson: number | ''
  closingLocal: string
  anonymous: boolean
  hideResultsUntilClosed: boolean
  audience: 'org' | 'members'
  invitedUserIds: string[]
}

const num = (value: number | '') => (value === '' ? undefined : value)

/** The request body for the draft, with only the parameters its type takes. */
export function toCreateInput(draft: Draft, timeZone: string, state: 'open' | 'draft'): CreatePollInput {
  const { type } = draft
  const closingAt = zonedLocalToIso(draft.closingLocal, timeZone) ?? ''
  return {
    title: draft.title,
    details: draft.details,
    type,
    options: type === 'proposal' ? [] : draft.options.map((o) => o.label.trim()).filter(Boolean),
    ...(type === 'choose' || type === 'ranked-choice'
      ? {
          ...(num(draft.minChoices) !== undefined ? { minChoices: num(draft.minChoices) } : {}),
          ...(num(draft.maxChoices) !== undefined ? { maxChoices: num(draft.maxChoices) } : {}),
        }
      : {}),
    ...(type === 'score'
      ? {
          ...(num(draft.minScore) !== undefined ? { minScore: num(draft.minScore) } : {}),
          ...(num(draft.maxScore) !== undefined ? { maxScore: num(draft.maxScore) } : {}),
        }
      : {}),
    ...(type === 'dot-vote' && num(draft.dotsPerPerson) !== undefined
      ? { dotsPerPerson: num(draft.dotsPerPerson) }
      : {}),
    closingAt,
    anonymous: draft.anonymous,
    hideResultsUntilClosed: draft.hideResultsUntilClosed,
    audience: draft.audience,
    invitedUserIds: draft.audience === 'members' ? draft.invitedUserIds : [],
    state,
  }
}

/** Field errors in the form's words, from the shared contract (the server checks the same and more). */
function validate(t: TFunction, input: CreatePollInput): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!input.closingAt || new Date(input.closingAt).getTime() <= Date.now()) {
    errors.closingAt = t('polls.create.errors.closingAt')
  }
  const parsed = CreatePoll.safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '')
      if (errors[field]) continue
      if (field === 'title') errors.title = t('polls.create.errors.title')
      else if (field === 'options') errors.options = t('polls.create.errors.options')
      else if (field === 'invitedUserIds') errors.invitedUserIds = t('polls.create.errors.members')
      else if (field === 'closingAt') errors.closingAt = t('polls.create.errors.closingAt')
      else if (field) errors[field] = t('polls.create.errors.range')
    }
  }
  return errors
}

export function CreatePollForm({
  slug,
  timeZone,
  onCreated,
}: {
  slug: string
  timeZone: string
  onCreated: (poll: Poll) => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft>(() => ({
    title: '',
    details: '',
    type: 'proposal',
    options: [
      { key: 1, label: '' },
      { key: 2, label: '' },
    ],
    minChoices: '',
    maxChoices: '',
    minScore: 0,
    maxScore: 5,
    dotsPerPerson: 10,
    closingLocal: localInputInDays(7, timeZone),
    anonymous: false,
    hideResultsUntilClosed: false,
    audience: 'org',
    invitedUserIds: [],
  }))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const members = useQuery({ ...pollMembersQuery(slug), enabled: draft.audience === 'members' })
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const mutation = useMutation({
    mutationFn: (input: CreatePollInput) => createPoll(slug, input),
    onSuccess: onCreated,
    onError: (error) => {
      if (isApiError(error)) setErrors(error.fieldErrors)
    },
  })

  const submit = (state: 'open' | 'draft') => {
    const input = toCreateInput(draft, timeZone, state)
    const found = validate(t, input)
    setErrors(found)
    if (Object.keys(found).length === 0) mutation.mutate(input)
  }
  const withOptions = draft.type !== 'proposal'

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        submit('open')
      }}
    >
      <Stack gap="md">
        <FormErrorAlert message={mutation.error ? errorMessage(t, mutation.error) : null} />
        <TextInput
          label={t('polls.create.name')}
          placeholder={t('polls.create.namePlaceholder')}
          value={draft.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
          required
        />
        <Textarea
          label={t('polls.create.details')}
          placeholder={t('polls.create.detailsPlaceholder')}
          value={draft.details}
          onChange={(e) => set('details', e.currentTarget.value)}
          rows={3}
        />
        <Select
          label={t('polls.create.type')}
          data={POLL_TYPES.map((type) => ({ value: type, label: t(`polls.types.${type}`) }))}
          value={draft.type}
          onChange={(value) => value && set('type', value as PollType)}
          description={t(`polls.typeHints.${draft.type}`)}
          allowDeselect={false}
        />
        {withOptions ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('polls.create.options')}
            </Text>
            {draft.options.map((option, i) => (
              <Group key={option.key} gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('polls.create.option', { n: i + 1 })}
                  placeholder={t('polls.create.option', { n: i + 1 })}
                  value={option.label}
                  onChange={(e) => {
                    const value = e.currentTarget.value
                    set(
                      'options',
                      draft.options.map((o, j) => (j === i ? { ...o, label: value } : o)),
                    )
                  }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('polls.create.removeOption', { n: i + 1 })}
                  disabled={draft.options.length <= 2}
                  onClick={() =>
                    set(
                      'options',
                      draft.options.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            {errors.options ? (
              <Text size="xs" c="red" role="alert">
                {errors.options}
              </Text>
            ) : null}
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                set('options', [
                  ...draft.options,
                  { key: Math.max(0, ...draft.options.map((o) => o.key)) + 1, label: '' },
                ])
              }
              disabled={draft.options.length >= 20}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('polls.create.addOption')}
            </Button>
          </Stack>
        ) : null}
        {draft.type === 'choose' ? (
          <Group grow>
            <NumberInput
              label={t('polls.create.minChoices')}
              min={1}
              value={draft.minChoices}
              onChange={(v) => set('minChoices', v === '' ? '' : Number(v))}
              error={errors.minChoices}
            />
            <NumberInput
              label={t('polls.create.maxChoices')}
              min={1}
              value={draft.maxChoices}
              onChange={(v) => set('maxChoices', v === '' ? '' : Number(v))}
              error={errors.maxChoices}
            />
          </Group>
        ) : null}
        {draft.type === 'ranked-choice' ? (
          <NumberInput
            label={t('polls.create.maxRanks')}
            min={1}
            value={draft.maxChoices}
            onChange={(v) => set('maxChoices', v === '' ? '' : Number(v))}
            error={errors.maxChoices}
          />
        ) : null}
        {draft.type === 'score' ? (
          <Group grow>
            <NumberInput
              label={t('polls.create.minScore')}
              value={draft.minScore}
              onChange={(v) => set('minScore', v === '' ? '' : Number(v))}
              error={errors.minScore}
            />
            <NumberInput
              label={t('polls.create.maxScore')}
              value={draft.maxScore}
              onChange={(v) => set('maxScore', v === '' ? '' : Number(v))}
              error={errors.maxScore}
            />
          </Group>
        ) : null}
        {draft.type === 'dot-vote' ? (
          <NumberInput
            label={t('polls.create.dotsPerPerson')}
            min={1}
            max={1000}
            value={draft.dotsPerPerson}
            onChange={(v) => set('dotsPerPerson', v === '' ? '' : Number(v))}
            error={errors.dotsPerPerson}
          />
        ) : null}
        <TextInput
          type="datetime-local"
          label={t('polls.create.closingAt')}
          description={t('polls.create.closingHint', { timeZone })}
          value={draft.closingLocal}
          onChange={(e) => set('closingLocal', e.currentTarget.value)}
          error={errors.closingAt}
          required
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('polls.create.audience')}
          </Text>
          <SegmentedControl
            value={draft.audience}
            onChange={(value) => set('audience', value as Draft['audience'])}
            data={[
              { value: 'org', label: t('polls.create.audienceOrg') },
              { value: 'members', label: t('polls.create.audienceMembers') },
            ]}
          />
        </Stack>
        {draft.audience === 'members' ? (
          <MultiSelect
            label={t('polls.create.members')}
            placeholder={t('polls.create.membersPlaceholder')}
            data={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name || m.email }))}
            value={draft.invitedUserIds}
            onChange={(ids) => set('invitedUserIds', ids)}
            error={errors.invitedUserIds}
            searchable
          />
        ) : null}
        <Checkbox
          label={t('polls.create.anonymous')}
          checked={draft.anonymous}
          onChange={(e) => set('anonymous', e.currentTarget.checked)}
        />
        <Checkbox
          label={t('polls.create.hideResults')}
          checked={draft.hideResultsUntilClosed}
          onChange={(e) => set('hideResultsUntilClosed', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => submit('draft')} loading={mutation.isPending}>
            {t('polls.create.saveDraft')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('polls.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
