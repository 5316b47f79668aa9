import { Badge, Group, Stack, Text } from '@mantine/core'
import type { Assembly, AssemblyQuorumSnapshot, Motion } from '@minga/contracts'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatCoefficient, formatShare, percentOf } from './assembly-format.ts'
import { optionLabel } from './motion-options.ts'
import { type TallyModel, tallyModel } from './motion-tally.ts'
import { ThresholdBar } from './threshold-bar.tsx'

/**
 * One motion's live figures: ballots cast vs eligible, and, when results are visible, a bar per
 * option (coefficient and units) with the majority line and the figure still needed. Hidden-until-
 * closed motions show only the turnout.
 */
export function MotionTallyView({
  motion,
  modality,
  liveCount,
  large = false,
}: {
  motion: Motion
  modality: Assembly['modality']
  liveCount?: AssemblyQuorumSnapshot['count'] | null | undefined
  large?: boolean
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const model = tallyModel(motion, modality, liveCount)
  const textSize = large ? 'xl' : 'sm'
  const barSize = large ? 36 : 'lg'

  return (
    <Stack gap={large ? 'lg' : 'sm'}>
      <ThresholdBar
        label={t('assemblies.projector.turnout', { cast: model.cast, eligible: model.eligible })}
        value={percentOf(model.cast, model.eligible)}
        color="indigo"
        size={large ? 24 : 'md'}
        labelSize={textSize}
      />
      {!model.visible ? (
        <Text size={large ? '1.6rem' : 'sm'} c="dimmed" role="status">
          {t('assemblies.projector.hidden')}
        </Text>
      ) : (
        <>
          {model.threshold ? (
            <Group gap="lg" wrap="wrap">
              <Text size={textSize} fw={600}>
                {thresholdText(t, model, language)}
              </Text>
              {model.threshold.needed !== null ? (
                <Text size={textSize} fw={700} c="red.5">
                  {t('assemblies.projector.needed', { figure: neededText(t, model, language) })}
                </Text>
              ) : null}
            </Group>
          ) : null}
          {model.options.map((option) => {
            const label = optionLabel(t, motion, option.optionId)
            const line = model.threshold?.percent ?? null
            const measure = model.threshold?.condition.measure ?? 'weight'
            return (
              <Stack key={option.optionId} gap={6}>
                {option.winner ? (
                  <Badge color="teal" size={large ? 'xl' : 'md'}>
                    {label} ✓
                  </Badge>
                ) : null}
                {model.weighted ? (
                  <>
                    <ThresholdBar
                      label={t('assemblies.projector.weightBar', { option: label })}
                      value={option.weightPercent}
                      threshold={measure === 'weight' ? line : null}
                      color="blue"
                      size={barSize}
                      labelSize={textSize}
                      detail={formatCoefficient(option.weight, language, large ? 2 : 6)}
                    />
                    <ThresholdBar
                      label={t('assemblies.projector.headsBar', { option: label })}
                      value={option.headsPercent}
                      threshold={measure === 'heads' ? line : null}
                      color="teal"
                      size={large ? 20 : 'sm'}
                      labelSize={large ? 'lg' : 'sm'}
                      detail={t('assemblies.projector.heads', { count: option.heads })}
                    />
                  </>
                ) : (
                  <ThresholdBar
                    label={t('assemblies.projector.votesBar', { option: label })}
                    value={measure === 'heads' ? option.headsPercent : option.weightPercent}
                    threshold={line}
                    color="teal"
                    size={barSize}
                    labelSize={textSize}
                    detail={t('assemblies.projector.votes', { count: option.heads })}
                  />
                )}
              </Stack>
            )
          })}
        </>
      )}
    </Stack>
  )
}

function thresholdText(t: TFunction, model: TallyModel, language: string): string {
  const condition = model.threshold?.condition
  if (!condition) return ''
  return t('assemblies.projector.threshold', {
    comparison: t(`assemblies.quorum.comparisons.${condition.comparison}`),
    share: formatShare(condition.threshold, language),
    denominator: t(`assemblies.projector.of.${condition.denominator}`),
  })
}

function neededText(t: TFunction, model: TallyModel, language: string): string {
  const threshold = model.threshold
  if (!threshold || threshold.needed === null) return ''
  if (threshold.condition.measure === 'weight' && model.weighted) {
    return formatCoefficient(threshold.needed, language, 6)
  }
  return threshold.condition.measure === 'heads'
    ? t('assemblies.projector.heads', { count: threshold.needed })
    : t('assemblies.projector.votes', { count: threshold.needed })
}
