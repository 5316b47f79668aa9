import { Alert, Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core'
import type { Poll, PollResults } from '@minga/contracts'
import { useTranslation } from 'react-i18next'
import { formatInstant, optionLabel } from './poll-format.ts'

/** Bars per option (highest first), participation, and the instant runoff for ranked choice. */
export function PollResultsView({
  poll,
  results,
  timeZone,
}: {
  poll: Pick<Poll, 'type' | 'options' | 'anonymous'>
  results: PollResults
  timeZone: string
}) {
  const { t, i18n } = useTranslation()
  const top = Math.max(1, ...results.options.map((o) => o.totalScore))
  const label = (id: string) => {
    const option = poll.options.find((o) => o.id === id)
    return option ? optionLabel(t, poll.type, option) : id
  }
  const runoff = results.runoff
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('polls.results.title')}
          </Title>
          <Badge variant="light" color={results.final ? 'green' : 'blue'}>
            {results.final ? t('polls.results.final') : t('polls.results.live')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('polls.results.participation', {
            percent: results.participationPercent ?? 0,
            decided: results.decided,
            invited: results.invited,
          })}
        </Text>
        <ul aria-label={t('polls.results.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {results.options.map((option) => (
            <li key={option.optionId} style={{ marginBottom: 12 }}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {label(option.optionId)}
                </Text>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {poll.type === 'choose' || poll.type === 'proposal'
                    ? t('polls.results.voters', { count: option.voterCount })
                    : t('polls.results.points', { count: option.totalScore })}
                  {poll.type === 'score' && option.average !== null
                    ? ` · ${t('polls.results.average', { value: option.average })}`
                    : ''}
                </Text>
              </Group>
              <Progress
                value={(option.totalScore / top) * 100}
                aria-label={label(option.optionId)}
                size="lg"
                radius="sm"
                mt={4}
              />
            </li>
          ))}
        </ul>
        {runoff ? (
          <Alert color={runoff.winner ? 'green' : 'gray'}>
            {runoff.winner
              ? t('polls.results.runoffWinner', { option: label(runoff.winner) })
              : t('polls.results.runoffTie')}
          </Alert>
        ) : null}
        {results.stances ? (
          results.stances.length > 0 ? (
            <Table.ScrollContainer minWidth={360}>
              <Table aria-label={t('polls.results.stances')} verticalSpacing="xs">
                <Table.Tbody>
                  {results.stances.map((stance) => (
                    <Table.Tr key={stance.userId}>
                      <Table.Td>{stance.name}</Table.Td>
                      <Table.Td>
                        {stance.choices
                          .filter((c) => c.score !== 0)
                          .map((c) =>
                            poll.type === 'proposal' || poll.type === 'choose'
                              ? label(c.optionId)
                              : `${label(c.optionId)} (${c.score})`,
                          )
                          .join(', ')}
                        {stance.reason ? (
                          <Text size="xs" c="dimmed">
                            {stance.reason}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="xs" c="dimmed">
                          {formatInstant(stance.castAt, timeZone, i18n.language)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null
        ) : (
          <Text size="xs" c="dimmed">
            {t('polls.results.anonymousNote')}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
