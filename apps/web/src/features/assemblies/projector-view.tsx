import { Badge, Box, Group, Stack, Text, Title } from '@mantine/core'
import type { Assembly, AssemblyQuorumStatus, Motion } from '@minga/contracts'
import { useTranslation } from 'react-i18next'
import { formatCoefficient } from './assembly-format.ts'
import { MotionTallyView } from './motion-tally-view.tsx'

/** The motions a room wants on the wall: every open one, or else the last one closed. */
export function motionsToProject(motions: readonly Motion[]): Motion[] {
  const open = motions.filter((motion) => motion.state === 'open')
  if (open.length > 0) return open
  const finished = motions
    .filter((motion) => motion.closedAt)
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))
  return finished.slice(0, 1)
}

/** Full-screen live results in large type: the quorum line on top, then each projected motion. */
export function ProjectorView({
  assembly,
  quorum,
  motions,
}: {
  assembly: Assembly
  quorum: AssemblyQuorumStatus | null | undefined
  motions: readonly Motion[]
}) {
  const { t, i18n } = useTranslation()
  const shown = motionsToProject(motions)

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1} fz={{ base: '2rem', md: '3rem' }}>
            {assembly.title}
          </Title>
          <Text fz="1.4rem" c="dimmed">
            {t('assemblies.projector.title')}
          </Text>
        </div>
        {quorum ? (
          <Stack gap={4} align="flex-end">
            <Badge size="xl" color={quorum.verdict.met ? 'teal' : 'red'} variant="filled" role="status">
              {quorum.verdict.met ? t('assemblies.quorum.met') : t('assemblies.quorum.notMet')}
            </Badge>
            <Text fz="1.2rem">
              {t('assemblies.quorum.heads', {
                present: quorum.count.presentSeats,
                total: quorum.count.eligibleSeats,
              })}
              {' · '}
              {formatCoefficient(quorum.count.presentWeight, i18n.language, 2)}
            </Text>
          </Stack>
        ) : null}
      </Group>

      {shown.length === 0 ? (
        <Text fz="2rem" c="dimmed" ta="center" py="xl" role="status">
          {t('assemblies.projector.waiting')}
        </Text>
      ) : (
        shown.map((motion) => (
          <Box key={motion.id} component="section" aria-label={motion.title}>
            <Group justify="space-between" align="baseline" mb="md" wrap="wrap">
              <Title order={2} fz={{ base: '1.8rem', md: '2.6rem' }}>
                {motion.title}
              </Title>
              <Group gap="sm">
                <Badge size="xl" variant="light">
                  {t(`assemblies.motion.states.${motion.state}`)}
                </Badge>
                {motion.result ? (
                  <Badge size="xl" color={motion.result.outcome === 'approved' ? 'teal' : 'red'}>
                    {t(`assemblies.motion.outcomes.${motion.result.outcome}`)}
                  </Badge>
                ) : null}
              </Group>
            </Group>
            <MotionTallyView motion={motion} modality={assembly.modality} liveCount={quorum?.count} large />
          </Box>
        ))
      )}
    </Stack>
  )
}
