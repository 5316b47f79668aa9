import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Assembly, AssemblyQuorumStatus, Motion } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { assemblyKey, type MotionTransition, transitionMotion } from './assemblies-api.ts'
import { formProblems } from './assembly-problems.ts'
import { MotionTallyView } from './motion-tally-view.tsx'

const stateColor: Record<Motion['state'], string> = {
  draft: 'gray',
  open: 'teal',
  closed: 'orange',
  published: 'blue',
}

/** One motion in the console: its rules, live figures, and the open / close / publish buttons. */
export function MotionCard({
  slug,
  assembly,
  motion,
  quorum,
  manage,
}: {
  slug: string
  assembly: Assembly
  motion: Motion
  quorum: AssemblyQuorumStatus | undefined
  manage: boolean
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const transition = useMutation({
    mutationFn: (step: MotionTransition) => transitionMotion(slug, motion.id, step),
    onSuccess: async (_motion, step) => {
      notifications.show({
        message:
          step === 'open'
            ? t('assemblies.motion.opened')
            : step === 'close'
              ? t('assemblies.motion.closedNotice')
              : t('assemblies.motion.published'),
      })
      await queryClient.invalidateQueries({ queryKey: assemblyKey(slug, assembly.id) })
    },
    onError: (error) => {
      notifications.show({ color: 'red', message: formProblems(t, error, []).general.join(' ') })
    },
  })
  const canOpen =
    assembly.status === 'in_session' || (assembly.status === 'convened' && assembly.modality === 'written')

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={motion.title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Text fw={700}>{motion.title}</Text>
            {motion.description ? (
              <Text size="sm" c="dimmed">
                {motion.description}
              </Text>
            ) : null}
          </div>
          <Group gap={6}>
            <Badge color={stateColor[motion.state]}>{t(`assemblies.motion.states.${motion.state}`)}</Badge>
            {motion.result ? (
              <Badge color={motion.result.outcome === 'approved' ? 'teal' : 'red'} variant="filled">
                {t('assemblies.motion.result', {
                  outcome: t(`assemblies.motion.outcomes.${motion.result.outcome}`),
                })}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Group gap={6}>
          <Badge variant="outline" color="gray">
            {t(`assemblies.motion.methods.${motion.method}`)}
          </Badge>
          <Badge variant="outline" color="gray">
            {t(`assemblies.motion.bases.${motion.basis}`)}
          </Badge>
          <Badge variant="outline" color="gray">
            {t(`assemblies.motion.secrecy.${motion.secrecy}`)}
          </Badge>
          <Badge variant="outline" color="gray">
            {t(`assemblies.motion.visibility.${motion.resultsVisibility}`)}
          </Badge>
        </Group>
        <Text size="sm">{t(`assemblies.motion.presets.${motion.majorityPreset}`)}</Text>

        {motion.state !== 'draft' ? (
          <MotionTallyView motion={motion} modality={assembly.modality} liveCount={quorum?.count} />
        ) : null}

        {manage ? (
          <Group gap="sm">
            {motion.state === 'draft' ? (
              <Button
                disabled={!canOpen}
                loading={transition.isPending}
                onClick={() => transition.mutate('open')}
                aria-label={t('assemblies.motion.openLabel', { title: motion.title })}
              >
                {t('assemblies.motion.open')}
              </Button>
            ) : null}
            {motion.state === 'open' ? (
              <Button
                color="orange"
                loading={transition.isPending}
                onClick={() => transition.mutate('close')}
                aria-label={t('assemblies.motion.closeLabel', { title: motion.title })}
              >
                {t('assemblies.motion.close')}
              </Button>
            ) : null}
            {motion.state === 'closed' ? (
              <Button
                loading={transition.isPending}
                onClick={() => transition.mutate('publish')}
                aria-label={t('assemblies.motion.publishLabel', { title: motion.title })}
              >
                {t('assemblies.motion.publish')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  )
}
