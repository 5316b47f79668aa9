import { ActionIcon, Badge, Checkbox, Group, Paper, Radio, Slider, Stack, Text } from '@mantine/core'
import type { Poll, StanceChoice } from '@minga/contracts'
import { useTranslation } from 'react-i18next'
import { optionLabel } from './poll-format.ts'

/** The voting widgets, one per poll type. Each edits a stance as Loomio's (option, score) list. */
export interface StanceWidgetProps {
  poll: Pick<
    Poll,
    'type' | 'options' | 'minChoices' | 'maxChoices' | 'minScore' | 'maxScore' | 'dotsPerPerson'
  >
  value: StanceChoice[]
  onChange: (choices: StanceChoice[]) => void
  disabled?: boolean
}

export function StanceWidget(props: StanceWidgetProps) {
  switch (props.poll.type) {
    case 'proposal':
      return <SingleChoice {...props} />
    case 'choose':
      return (props.poll.maxChoices ?? props.poll.options.length) === 1 ? (
        <SingleChoice {...props} />
      ) : (
        <MultipleChoice {...props} />
      )
    case 'score':
      return <ScoreWidget {...props} />
    case 'ranked-choice':
      return <RankedWidget {...props} />
    case 'dot-vote':
      return <DotWidget {...props} />
  }
}

/** Where a new stance starts: the current one, or a neutral start for the widget. */
export function startingChoices(poll: StanceWidgetProps['poll'], current: StanceChoice[] | undefined) {
  if (current && current.length > 0) return current
  if (poll.type === 'ranked-choice') return poll.options.map((o, i) => ({ optionId: o.id, score: i + 1 }))
  if (poll.type === 'score') return poll.options.map((o) => ({ optionId: o.id, score: poll.minScore ?? 0 }))
  return []
}

/** Enough to send (the server validates every rule again with the domain's validateStance). */
export function stanceReady(poll: StanceWidgetProps['poll'], choices: StanceChoice[]): boolean {
  const marked = choices.filter((c) => c.score !== 0)
  switch (poll.type) {
    case 'proposal':
      return choices.length === 1
    case 'choose': {
      const min = poll.minChoices ?? 1
      const max = poll.maxChoices ?? poll.options.length
      return choices.length >= min && choices.length <= max
    }
    case 'score':
      return choices.length > 0
    case 'ranked-choice':
      return choices.length >= (poll.minChoices ?? 1)
    case 'dot-vote': {
      const used = marked.reduce((acc, c) => acc + c.score, 0)
      return used > 0 && used <= (poll.dotsPerPerson ?? 10)
    }
  }
}

function SingleChoice({ poll, value, onChange, disabled }: StanceWidgetProps) {
  const { t } = useTranslation()
  const label = poll.type === 'proposal' ? t('polls.vote.title') : t('polls.vote.chooseOne')
  return (
    <Radio.Group
      label={label}
      value={value[0]?.optionId ?? null}
      onChange={(optionId) => onChange([{ optionId, score: 1 }])}
    >
      <Stack gap="xs" mt="xs">
        {poll.options.map((option) => (
          <Radio
            key={option.id}
            value={option.id}
            label={optionLabel(t, poll.type, option)}
            disabled={disabled ?? false}
          />
        ))}
      </Stack>
    </Radio.Group>
  )
}

function MultipleChoice({ poll, value, onChange, disabled }: StanceWidgetProps) {
  const { t } = useTranslation()
  const min = poll.minChoices ?? 1
  const max = poll.maxChoices ?? poll.options.length
  const selected = value.map((c) => c.optionId)
  return (
    <Checkbox.Group
      label={t('polls.vote.chooseRange', { min, max })}
      value={selected}
      onChange={(ids) =>
        onChange(poll.options.filter((o) => ids.includes(o.id)).map((o) => ({ optionId: o.id, score: 1 })))
      }
    >
      <Stack gap="xs" mt="xs">
        {poll.options.map((option) => (
          <Checkbox
            key={option.id}
            value={option.id}
            label={option.label}
            // At the maximum, only unmarking is possible.
            disabled={(disabled ?? false) || (!selected.includes(option.id) && selected.length >= max)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  )
}

function ScoreWidget({ poll, value, onChange, disabled }: StanceWidgetProps) {
  const { t } = useTranslation()
  const min = poll.minScore ?? 0
  const max = poll.maxScore ?? 5
  const scoreOf = (id: string) => value.find((c) => c.optionId === id)?.score ?? min
  const set = (id: string, score: number) =>
    onChange(poll.options.map((o) => ({ optionId: o.id, score: o.id === id ? score : scoreOf(o.id) })))
  return (
    <Stack gap="md">
      {poll.options.map((option) => (
        <div key={option.id}>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={500}>
              {option.label}
            </Text>
            <Badge variant="light" aria-hidden>
              {scoreOf(option.id)}
            </Badge>
          </Group>
          <Slider
            min={min}
            max={max}
            step={1}
            value={scoreOf(option.id)}
            onChange={(score) => set(option.id, score)}
            thumbLabel={t('polls.vote.scoreOf', { option: option.label })}
            disabled={disabled ?? false}
            marks={[
              { value: min, label: String(min) },
              { value: max, label: String(max) },
            ]}
            mb="md"
          />
        </div>
      ))}
    </Stack>
  )
}

function RankedWidget({ poll, value, onChange, disabled }: StanceWidgetProps) {
  const { t } = useTranslation()
  const label = new Map(poll.options.map((o) => [o.id, o.label]))
  const order = [...value].sort((a, b) => a.score - b.score).map((c) => c.optionId)
  const move = (index: number, delta: number) => {
    const next = [...order]
    const [item] = next.splice(index, 1)
    next.splice(index + delta, 0, item!)
    onChange(next.map((optionId, i) => ({ optionId, score: i + 1 })))
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('polls.vote.rankHint')}
      </Text>
      <ol aria-label={t('polls.vote.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {order.map((id, index) => {
          const name = label.get(id) ?? id
          return (
            <li key={id}>
              <Paper withBorder p="xs" mb={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="sm" wrap="nowrap">
                    <Badge circle aria-label={t('polls.vote.position', { n: index + 1 })}>
                      {index + 1}
                    </Badge>
                    <Text size="sm">{name}</Text>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('polls.vote.moveUp', { option: name })}
                      disabled={(disabled ?? false) || index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('polls.vote.moveDown', { option: name })}
                      disabled={(disabled ?? false) || index === order.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </ActionIcon>
                  </Group>
                </Group>
              </Paper>
            </li>
          )
        })}
      </ol>
    </Stack>
  )
}

function DotWidget({ poll, value, onChange, disabled }: StanceWidgetProps) {
  const { t } = useTranslation()
  const total = poll.dotsPerPerson ?? 10
  const dotsOf = (id: string) => value.find((c) => c.optionId === id)?.score ?? 0
  const used = poll.options.reduce((acc, o) => acc + dotsOf(o.id), 0)
  const set = (id: string, dots: number) =>
    onChange(
      poll.options
        .map((o) => ({ optionId: o.id, score: o.id === id ? dots : dotsOf(o.id) }))
        .filter((c) => c.score > 0),
    )
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} aria-live="polite">
        {t('polls.vote.dotsLeft', { count: total - used, total })}
      </Text>
      {poll.options.map((option) => (
        <Paper key={option.id} withBorder p="xs">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{option.label}</Text>
            <Group gap={6} wrap="nowrap">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('polls.vote.removeDot', { option: option.label })}
                disabled={(disabled ?? false) || dotsOf(option.id) === 0}
                onClick={() => set(option.id, dotsOf(option.id) - 1)}
              >
                −
              </ActionIcon>
              <Text
                size="sm"
                fw={700}
                miw={24}
                ta="center"
                aria-label={t('polls.vote.dotsOf', { option: option.label })}
              >
                {dotsOf(option.id)}
              </Text>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('polls.vote.addDot', { option: option.label })}
                disabled={(disabled ?? false) || used >= total}
                onClick={() => set(option.id, dotsOf(option.id) + 1)}
              >
                +
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  )
}
