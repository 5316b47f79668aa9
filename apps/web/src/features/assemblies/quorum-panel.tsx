import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import type { AssemblyQuorumStatus } from '@minga/contracts'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { AlertIcon, CheckIcon } from '../../ui/icons.tsx'
import { formatInstant } from '../audit/audit-api.ts'
import { formatCoefficient, formatShare, percentOf } from './assembly-format.ts'
import { ThresholdBar } from './threshold-bar.tsx'

type Condition = AssemblyQuorumStatus['verdict']['conditions'][number]

/**
 * The live quorum screen: present / absent / by proxy, heads and coefficient present vs total with
 * the required figure marked on each bar, the call and the server's verdict.
 */
export function QuorumPanel({ status, timeZone }: { status: AssemblyQuorumStatus; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const { count, verdict } = status
  const language = i18n.language
  const absent = count.eligibleSeats - count.presentSeats
  const seatsCondition = verdict.conditions.find((c) => c.kind !== 'weight-share')
  const weightCondition = verdict.conditions.find((c) => c.kind === 'weight-share')

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="quorum-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="quorum-title">
              {t('assemblies.quorum.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t(`assemblies.calls.${status.call}`)}
              {verdict.basis ? ` · ${t(`assemblies.quorum.bases.${verdict.basis}`)}` : ''}
            </Text>
          </div>
          <Badge
            size="xl"
            color={verdict.met ? 'teal' : 'red'}
            variant="filled"
            role="status"
            aria-live="polite"
          >
            {verdict.met ? t('assemblies.quorum.met') : t('assemblies.quorum.notMet')}
          </Badge>
        </Group>

        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={t('assemblies.quorum.present')} value={count.presentSeats} />
          <Figure label={t('assemblies.quorum.absent')} value={absent} />
          <Figure label={t('assemblies.quorum.represented')} value={count.presentByProxy} />
          <Figure label={t('assemblies.quorum.attendees')} value={count.attendees} />
        </SimpleGrid>

        <ThresholdBar
          label={t('assemblies.quorum.headsLabel')}
          value={percentOf(count.presentSeats, count.eligibleSeats)}
          threshold={requiredPercent(seatsCondition)}
          detail={t('assemblies.quorum.heads', { present: count.presentSeats, total: count.eligibleSeats })}
        />
        <ThresholdBar
          label={t('assemblies.quorum.weightLabel')}
          value={percentOf(count.presentWeight, count.totalWeight)}
          threshold={requiredPercent(weightCondition)}
          color="blue"
          detail={t('assemblies.quorum.weight', {
            present: formatCoefficient(count.presentWeight, language),
            total: formatCoefficient(count.totalWeight, language),
          })}
        />

        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('assemblies.quorum.conditions')}
          </Text>
          <List spacing={6} size="sm" aria-label={t('assemblies.quorum.conditions')}>
            {verdict.conditions.map((condition, index) => (
              <List.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id and keep their order
                key={index}
                icon={
                  <ThemeIcon size={20} radius="xl" color={condition.met ? 'teal' : 'red'} variant="light">
                    {condition.met ? <CheckIcon size={14} /> : <AlertIcon size={14} />}
                  </ThemeIcon>
                }
              >
                <Text size="sm" span>
                  {conditionText(t, condition, language)}
                </Text>
                <Text size="sm" c="dimmed" span>
                  {' · '}
                  {condition.required === null
                    ? t('assemblies.quorum.unreachable')
                    : t('assemblies.quorum.required', { figure: requiredFigure(t, condition, language) })}
                  {' · '}
                  {condition.met
                    ? t('assemblies.quorum.conditionMet')
                    : t('assemblies.quorum.conditionNotMet')}
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
        <Text size="xs" c="dimmed">
          {t('assemblies.quorum.asOf', { time: formatInstant(status.asOf, timeZone, language) })}
        </Text>
      </Stack>
    </Paper>
  )
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder radius="md" p="sm" ta="center">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2} aria-label={`${label}: ${value}`}>
        {value}
      </Text>
    </Paper>
  )
}

function requiredPercent(condition: Condition | undefined): number | null {
  if (!condition || condition.required === null || condition.of <= 0) return null
  return percentOf(condition.required, condition.of)
}

export function conditionText(t: TFunction, condition: Condition, language: string): string {
  const comparison = t(`assemblies.quorum.comparisons.${condition.comparison ?? 'gte'}`)
  const share = condition.share ? formatShare(condition.share, language) : ''
  return t(`assemblies.quorum.conditionKinds.${condition.kind}`, {
    comparison,
    share,
    count: condition.count ?? condition.required ?? 0,
  })
}

function requiredFigure(t: TFunction, condition: Condition, language: string): string {
  const required = condition.required ?? 0
  return condition.kind === 'weight-share'
    ? formatCoefficient(required, language)
    : t('assemblies.quorum.units', { count: required })
}
