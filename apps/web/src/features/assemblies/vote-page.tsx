import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { Motion } from '@minga/contracts'
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { QrCode } from '../account/qr-code.tsx'
import { orgQuery } from '../orgs/orgs-api.ts'
import {
  assemblyKey,
  assemblyQuery,
  castBallot,
  type MySeat,
  motionsQuery,
  mySeatsQuery,
} from './assemblies-api.ts'
import { formatCoefficient } from './assembly-format.ts'
import { BallotWidget } from './ballot-widget.tsx'
import { qrCheckInUrl } from './qr-codes-section.tsx'
import { useAssemblyLive } from './use-assembly-live.ts'

const route = getRouteApi('/_authed/o/$org/assemblies/$assemblyId/vote')

/** The resident's phone: their units ("Mis unidades") and one ballot per unit for each open motion. */
export function VotePage() {
  const { t } = useTranslation()
  const { org: slug, assemblyId } = route.useParams()
  useSuspenseQuery(orgQuery(slug))
  const assembly = useQuery(assemblyQuery(slug, assemblyId))
  const motions = useQuery(motionsQuery(slug, assemblyId))
  const seats = useQuery(mySeatsQuery(slug, assemblyId))
  useAssemblyLive(slug, assemblyId)
  usePageTitle(t('assemblies.vote.title'))

  if (assembly.isPending || motions.isPending || seats.isPending) return <PageLoader />
  if (!assembly.data || !motions.data || !seats.data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, assembly.error ?? motions.error ?? seats.error)}
      </Alert>
    )
  }
  const open = motions.data.items.filter((motion) => motion.state === 'open')
  const mySeats = seats.data.seats

  return (
    <Stack gap="lg" maw={640} mx="auto">
      <div>
        <AnchorLink to="/o/$org/assemblies/$assemblyId" params={{ org: slug, assemblyId }} size="sm">
          {assembly.data.title}
        </AnchorLink>
        <Title order={1}>{t('assemblies.vote.title')}</Title>
      </div>

      <section aria-labelledby="my-units">
        <Title order={2} size="h3" id="my-units" mb="xs">
          {t('assemblies.vote.myUnits')}
        </Title>
        {mySeats.length === 0 ? (
          <EmptyState title={t('assemblies.vote.noSeats')}>{t('assemblies.vote.noSeatsHint')}</EmptyState>
        ) : (
          <Stack gap="xs">
            {mySeats.map((seat) => (
              <SeatRow key={seat.unitId} seat={seat} slug={slug} assemblyId={assemblyId} />
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="open-motions">
        <Title order={2} size="h3" id="open-motions" mb="xs">
          {t('assemblies.vote.openMotions')}
        </Title>
        {open.length === 0 ? (
          <Text c="dimmed" role="status">
            {t('assemblies.vote.noOpenMotions')}
          </Text>
        ) : (
          <Stack gap="lg">
            {open.map((motion) => (
              <OpenMotion
                key={motion.id}
                slug={slug}
                assemblyId={assemblyId}
                motion={motion}
                seats={mySeats}
              />
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  )
}

function SeatRow({ seat, slug, assemblyId }: { seat: MySeat; slug: string; assemblyId: string }) {
  const { t, i18n } = useTranslation()
  const [qrShown, setQrShown] = useState(false)
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={700} size="lg">
            {seat.code}
          </Text>
          <Text size="xs" c="dimmed">
            {formatCoefficient(seat.coefficient, i18n.language)}
          </Text>
        </div>
        <Group gap={6} justify="flex-end">
          <Badge variant="light">
            {seat.via === 'proxy' ? t('assemblies.vote.proxy') : t('assemblies.vote.own')}
          </Badge>
          <Badge color={seat.present ? 'teal' : 'gray'}>
            {seat.present ? t('assemblies.vote.present') : t('assemblies.vote.notPresent')}
          </Badge>
        </Group>
      </Group>
      {/* Not checked in yet: the unit's own signed QR, to show at the door (the registrar scans it). */}
      {!seat.present && seat.qrToken ? (
        <Stack gap="xs" mt="sm" align="center">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setQrShown((shown) => !shown)}
            aria-expanded={qrShown}
          >
            {qrShown ? t('assemblies.vote.hideQr') : t('assemblies.vote.showQr', { code: seat.code })}
          </Button>
          {qrShown ? (
            <>
              <QrCode
                value={qrCheckInUrl(window.location.origin, slug, assemblyId, seat.qrToken)}
                label={t('assemblies.qr.codeLabel', { code: seat.code })}
                size={200}
              />
              <Text size="sm" c="dimmed" ta="center">
                {t('assemblies.vote.qrHint')}
              </Text>
            </>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  )
}

function OpenMotion({
  slug,
  assemblyId,
  motion,
  seats,
}: {
  slug: string
  assemblyId: string
  motion: Motion
  seats: MySeat[]
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  return (
    <Paper withBorder radius="lg" p="md" component="article" aria-label={motion.title}>
      <Stack gap="sm">
        <Title order={3}>{motion.title}</Title>
        {motion.description ? <Text>{motion.description}</Text> : null}
        <Text size="sm" c="dimmed">
          {motion.secrecy === 'secret' ? t('assemblies.vote.secret') : t('assemblies.vote.named')}
        </Text>
        {seats.map((seat) => {
          const entry = seat.motions.find((item) => item.motionId === motion.id)
          return (
            <BallotWidget
              key={seat.unitId}
              motion={motion}
              seat={seat}
              canVote={entry?.canVote ?? false}
              voted={entry?.voted ?? false}
              onCast={async (choice) => {
                const receipt = await castBallot(slug, motion.id, { unitId: seat.unitId, choice })
                void queryClient.invalidateQueries({
                  queryKey: [...assemblyKey(slug, assemblyId), 'my-seats'],
                })
                return receipt
              }}
            />
          )
        })}
      </Stack>
    </Paper>
  )
}
