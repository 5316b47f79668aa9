import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import type { Motion, MotionBallotReceipt } from '@minga/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckIcon, CopyIcon } from '../../ui/icons.tsx'
import { ballotErrorMessage } from './ballot-errors.ts'
import { choiceLabel, optionLabel } from './motion-options.ts'
import { readStoredReceipt, storeReceipt } from './receipt-storage.ts'

export interface BallotSeat {
  unitId: string
  code: string
  present: boolean
}

/**
 * One unit's ballot on one motion, made for a phone: big touch targets per option, a confirmation
 * step (a ballot cannot be changed), then the receipt. A unit that already voted shows "Ya votó".
 */
export function BallotWidget({
  motion,
  seat,
  canVote,
  voted,
  onCast,
}: {
  motion: Motion
  seat: BallotSeat
  canVote: boolean
  voted: boolean
  onCast: (choice: string[]) => Promise<MotionBallotReceipt>
}) {
  const { t } = useTranslation()
  const [choice, setChoice] = useState<string[]>([])
  const [confirming, setConfirming] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [receipt, setReceipt] = useState<MotionBallotReceipt | null>(null)
  const [alreadyVoted, setAlreadyVoted] = useState(false)
  const headingId = `ballot-${motion.id}-${seat.unitId}`

  const storedReceipt = receipt?.receipt ?? readStoredReceipt(motion.id, seat.unitId)
  const done = receipt !== null || voted || alreadyVoted

  const submit = async () => {
    setSending(true)
    setError(null)
    try {
      const result = await onCast(choice)
      storeReceipt(motion.id, seat.unitId, result.receipt)
      setReceipt(result)
    } catch (failure) {
      const message = ballotErrorMessage(t, failure)
      if (message.duplicate) setAlreadyVoted(true)
      setError(message.text)
      setConfirming(false)
    } finally {
      setSending(false)
    }
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" id={headingId}>
            {t('assemblies.vote.forUnit', { code: seat.code })}
          </Title>
          {done ? (
            <Badge color="teal" size="lg" leftSection={<CheckIcon size={14} />}>
              {t('assemblies.vote.voted')}
            </Badge>
          ) : null}
        </Group>

        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}

        {done ? (
          <ReceiptView receipt={receipt} storedReceipt={storedReceipt} />
        ) : !seat.present ? (
          <Alert color="yellow">{t('assemblies.vote.notPresentHint', { code: seat.code })}</Alert>
        ) : !canVote ? (
          <Alert color="yellow">{t('assemblies.vote.notEntitled', { code: seat.code })}</Alert>
        ) : confirming ? (
          <Stack gap="sm">
            <Text size="lg">
              {t('assemblies.vote.confirmQuestion', {
                code: seat.code,
                choice: choiceLabel(t, motion, choice),
              })}
            </Text>
            <Button size="xl" fullWidth loading={sending} onClick={() => void submit()}>
              {t('assemblies.vote.confirm')}
            </Button>
            <Button
              size="lg"
              variant="default"
              fullWidth
              disabled={sending}
              onClick={() => setConfirming(false)}
            >
              {t('assemblies.vote.change')}
            </Button>
          </Stack>
        ) : (
          <Stack gap="sm">
            <OptionPicker motion={motion} code={seat.code} choice={choice} onChange={setChoice} />
            <Button
              size="xl"
              fullWidth
              disabled={choice.length === 0}
              onClick={() => {
                setError(null)
                setConfirming(true)
              }}
              aria-label={t('assemblies.vote.submitLabel', { code: seat.code })}
            >
              {t('assemblies.vote.submit')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}

function OptionPicker({
  motion,
  code,
  choice,
  onChange,
}: {
  motion: Motion
  code: string
  choice: string[]
  onChange: (choice: string[]) => void
}) {
  const { t } = useTranslation()
  const maxChoices = motion.method === 'multiple-choice' ? (motion.maxChoices ?? motion.options.length) : 1

  const toggle = (optionId: string) => {
    const selected = choice.includes(optionId)
    // Abstaining (blank vote) excludes every other option.
    if (optionId === 'abstain') return onChange(selected ? [] : ['abstain'])
    const others = choice.filter((id) => id !== 'abstain')
    if (motion.method === 'ranked') {
      return onChange(selected ? others.filter((id) => id !== optionId) : [...others, optionId])
    }
    if (motion.method === 'multiple-choice') {
      if (selected) return onChange(others.filter((id) => id !== optionId))
      return others.length < maxChoices ? onChange([...others, optionId]) : undefined
    }
    return onChange(selected ? [] : [optionId])
  }

  return (
    <Stack gap="xs">
      {motion.method === 'multiple-choice' ? (
        <Text size="sm" c="dimmed">
          {t('assemblies.vote.chooseUpTo', { count: maxChoices })}
        </Text>
      ) : null}
      {motion.method === 'ranked' ? (
        <Text size="sm" c="dimmed">
          {t('assemblies.vote.rankHint')}
        </Text>
      ) : null}
      <SimpleGrid
        cols={{ base: 1, xs: motion.options.length <= 3 ? motion.options.length : 2 }}
        spacing="sm"
        role="group"
        aria-label={t('assemblies.vote.optionsFor', { code })}
      >
        {motion.options.map((option) => {
          const rank = choice.indexOf(option.id)
          const selected = rank >= 0
          const label = optionLabel(t, motion, option.id)
          return (
            <Button
              key={option.id}
              size="xl"
              h={72}
              fz="xl"
              variant={selected ? 'filled' : 'default'}
              color={option.id === 'no' ? 'red' : option.id === 'abstain' ? 'gray' : 'teal'}
              aria-pressed={selected}
              onClick={() => toggle(option.id)}
              leftSection={
                motion.method === 'ranked' && selected && option.id !== 'abstain' ? (
                  <Badge size="lg" color="dark" circle aria-hidden="true">
                    {rank + 1}
                  </Badge>
                ) : selected ? (
                  <CheckIcon size={22} />
                ) : null
              }
            >
              {label}
            </Button>
          )
        })}
      </SimpleGrid>
      {motion.method === 'ranked' && choice.length > 0 && choice[0] !== 'abstain' ? (
        <Group justify="space-between">
          <Text size="sm" aria-live="polite">
            {t('assemblies.vote.ranking')}: {choiceLabel(t, motion, choice)}
          </Text>
          <Button variant="subtle" size="sm" onClick={() => onChange([])}>
            {t('assemblies.vote.resetRanking')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}

function ReceiptView({
  receipt,
  storedReceipt,
}: {
  receipt: MotionBallotReceipt | null
  storedReceipt: string | null
}) {
  const { t } = useTranslation()
  if (!storedReceipt) return null
  return (
    <Stack gap={6}>
      {receipt ? (
        <Text fw={700} c="teal" role="status">
          {t('assemblies.vote.recorded')}
        </Text>
      ) : null}
      <Text size="sm" fw={600}>
        {t('assemblies.vote.receipt')}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }} data-receipt>
          {storedReceipt}
        </Code>
        <CopyButton value={storedReceipt}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              onClick={copy}
              leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
              aria-label={t('assemblies.vote.copyReceipt')}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('assemblies.vote.receiptHint')}
      </Text>
      {receipt ? (
        <details>
          <summary>
            <Text span size="xs">
              {t('assemblies.vote.nonce')}
            </Text>
          </summary>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {receipt.nonce}
          </Code>
          <Text size="xs" c="dimmed">
            {t('assemblies.vote.nonceHint')}
          </Text>
        </details>
      ) : null}
    </Stack>
  )
}
