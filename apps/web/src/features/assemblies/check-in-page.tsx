import { Alert, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useDeferredValue, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { assemblyQuery, proxiesQuery, quorumQuery, unitVotersQuery } from './assemblies-api.ts'
import { CheckInRow } from './check-in-row.tsx'
import { ProxiesSection } from './proxies-section.tsx'
import { QrCodesSection } from './qr-codes-section.tsx'
import { QuorumPanel } from './quorum-panel.tsx'
import { useAssemblyAbilities } from './use-assembly-abilities.ts'
import { useAssemblyLive } from './use-assembly-live.ts'

const route = getRouteApi('/_authed/o/$org/assemblies/$assemblyId/check-in')

/** Rows drawn at once: enough for a search, light on a phone with 2 000 units. */
const visibleRows = 60

/** Registro de asistencia: find a unit by code or voter name, check it in (holder or proxy) or out. */
export function CheckInPage() {
  const { t } = useTranslation()
  const { org: slug, assemblyId } = route.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const { manage, isPending: permissionsPending } = useAssemblyAbilities(slug)
  const assembly = useQuery(assemblyQuery(slug, assemblyId))
  const quorum = useQuery(quorumQuery(slug, assemblyId))
  const proxies = useQuery({ ...proxiesQuery(slug, assemblyId), enabled: manage })
  const voters = useQuery({ ...unitVotersQuery(slug), enabled: manage })
  const [search, setSearch] = useState('')
  const [channel, setChannel] = useState<'presential' | 'virtual'>('presential')
  const deferredSearch = useDeferredValue(search)
  useAssemblyLive(slug, assemblyId)
  usePageTitle(t('assemblies.checkIn.title'))

  const voterNames = useMemo(
    () => new Map((voters.data ?? []).map((unit) => [unit.id, unit.voter?.name ?? null])),
    [voters.data],
  )
  const seats = quorum.data?.seats ?? []
  const matches = useMemo(() => {
    const needle = normalize(deferredSearch)
    if (!needle) return seats
    return seats.filter(
      (seat) =>
        normalize(seat.code).includes(needle) ||
        normalize(voterNames.get(seat.unitId) ?? '').includes(needle) ||
        normalize(seat.attendeeName ?? '').includes(needle),
    )
  }, [seats, deferredSearch, voterNames])

  if (assembly.isPending || quorum.isPending || permissionsPending) return <PageLoader />
  if (!manage) return <Alert color="yellow">{t('assemblies.forbidden')}</Alert>
  if (!assembly.data || !quorum.data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, assembly.error ?? quorum.error)}
      </Alert>
    )
  }
  const open = assembly.data.status === 'convened' || assembly.data.status === 'in_session'
  const proxyList = proxies.data?.items ?? []

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <AnchorLink to="/o/$org/assemblies/$assemblyId" params={{ org: slug, assemblyId }} size="sm">
          {assembly.data.title}
        </AnchorLink>
        <Title order={1}>{t('assemblies.checkIn.title')}</Title>
      </div>
      {!open ? <Alert color="yellow">{t('assemblies.checkIn.notConvened')}</Alert> : null}

      <QuorumPanel status={quorum.data} timeZone={org.timezone} />

      <Stack gap="sm" component="section" aria-label={t('assemblies.checkIn.tableLabel')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            style={{ flex: 1, minWidth: 240 }}
            size="md"
            type="search"
            label={t('assemblies.checkIn.search')}
            placeholder={t('assemblies.checkIn.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <div>
            <Text size="sm" fw={500} id="check-in-channel">
              {t('assemblies.checkIn.channel')}
            </Text>
            <SegmentedControl
              aria-labelledby="check-in-channel"
              value={channel}
              onChange={(value) => setChannel(value === 'virtual' ? 'virtual' : 'presential')}
              data={[
                { value: 'presential', label: t('assemblies.checkIn.channels.presential') },
                { value: 'virtual', label: t('assemblies.checkIn.channels.virtual') },
              ]}
            />
          </div>
        </Group>
        {matches.length === 0 ? (
          <Text c="dimmed">{t('assemblies.checkIn.noMatches')}</Text>
        ) : (
          <>
            {matches.length > visibleRows ? (
              <Text size="sm" c="dimmed">
                {t('assemblies.checkIn.showing', { shown: visibleRows, total: matches.length })}
              </Text>
            ) : null}
            <Stack gap="xs">
              {matches.slice(0, visibleRows).map((seat) => (
                <CheckInRow
                  key={seat.unitId}
                  slug={slug}
                  assemblyId={assemblyId}
                  seat={seat}
                  voterName={voterNames.get(seat.unitId) ?? null}
                  proxies={proxyList.filter(
                    (proxy) => proxy.grantorUnitId === seat.unitId && !proxy.revokedAt,
                  )}
                  channel={channel}
                  disabled={!open}
                />
              ))}
            </Stack>
          </>
        )}
      </Stack>

      <ProxiesSection slug={slug} assembly={assembly.data} seats={seats} proxies={proxyList} />
      <QrCodesSection slug={slug} assemblyId={assemblyId} />
    </Stack>
  )
}

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
}
