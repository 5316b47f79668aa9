import { Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { AssemblyProxy } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { assemblyKey, checkIn, checkOut, type QuorumSeat } from './assemblies-api.ts'
import { formatCoefficient } from './assembly-format.ts'
import { formProblems } from './assembly-problems.ts'

/** One unit at the entrance desk: its state and the check-in (holder or proxy) / check-out buttons. */
export function CheckInRow({
  slug,
  assemblyId,
  seat,
  voterName,
  proxies,
  channel,
  disabled,
}: {
  slug: string
  assemblyId: string
  seat: QuorumSeat
  voterName: string | null
  proxies: AssemblyProxy[]
  channel: 'presential' | 'virtual'
  disabled: boolean
}) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [proxyId, setProxyId] = useState<string | null>(proxies[0]?.id ?? null)
  const refresh = () =>
    Promise.all(
      ['quorum', 'attendance'].map((part) =>
        queryClient.invalidateQueries({ queryKey: [...assemblyKey(slug, assemblyId), part] }),
      ),
    )
  const onError = (error: unknown) =>
    notifications.show({
      color: 'red',
      message: formProblems(t, error, []).general.join(' ') || String(error),
    })
  const arrive = useMutation({
    mutationFn: ({ via, proxy }: { via: 'holder' | 'proxy'; proxy?: string | undefined }) =>
      checkIn(slug, assemblyId, { unitId: seat.unitId, via, channel, ...(proxy ? { proxyId: proxy } : {}) }),
    onSuccess: async () => {
      notifications.show({ message: t('assemblies.checkIn.checkedIn', { code: seat.code }) })
      await refresh()
    },
    onError,
  })
  const leave = useMutation({
    mutationFn: () => checkOut(slug, assemblyId, { unitId: seat.unitId, channel }),
    onSuccess: async () => {
      notifications.show({ message: t('assemblies.checkIn.checkedOut', { code: seat.code }) })
      await refresh()
    },
    onError,
  })
  const busy = arrive.isPending || leave.isPending
  const selectedProxy = proxies.find((proxy) => proxy.id === proxyId) ?? proxies[0]

  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={seat.code}>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <div style={{ minWidth: 160 }}>
          <Group gap={6}>
            <Text fw={700} size="lg">
              {seat.code}
            </Text>
            {seat.building ? (
              <Text size="xs" c="dimmed">
                {seat.building}
              </Text>
            ) : null}
          </Group>
          <Text size="sm">{voterName ?? t('assemblies.checkIn.noVoter')}</Text>
          <Text size="xs" c="dimmed">
            {formatCoefficient(seat.coefficient, i18n.language)}
          </Text>
        </div>
        <Badge color={seat.present ? (seat.via === 'proxy' ? 'violet' : 'teal') : 'gray'} size="lg">
          {seat.present
            ? seat.via === 'proxy'
              ? t('assemblies.checkIn.presentProxy', { name: seat.attendeeName ?? '' })
              : t('assemblies.checkIn.presentHolder', { name: seat.attendeeName ?? '' })
            : t('assemblies.checkIn.absent')}
        </Badge>
        <Stack gap={6} align="flex-end">
          {seat.present ? (
            <Button
              color="red"
              variant="light"
              disabled={disabled}
              loading={leave.isPending}
              onClick={() => leave.mutate()}
              aria-label={t('assemblies.checkIn.checkOutLabel', { code: seat.code })}
            >
              {t('assemblies.checkIn.checkOut')}
            </Button>
          ) : (
            <>
              <Button
                disabled={disabled || busy}
                loading={arrive.isPending && arrive.variables?.via === 'holder'}
                onClick={() => arrive.mutate({ via: 'holder' })}
                aria-label={t('assemblies.checkIn.checkInHolderLabel', { code: seat.code })}
              >
                {t('assemblies.checkIn.checkInHolder')}
              </Button>
              {proxies.length > 0 ? (
                <Group gap={6} wrap="nowrap">
                  {proxies.length > 1 ? (
                    <Select
                      size="sm"
                      aria-label={t('assemblies.checkIn.pickProxy', { code: seat.code })}
                      data={proxies.map((proxy) => ({ value: proxy.id, label: proxy.holderName }))}
                      value={selectedProxy?.id ?? null}
                      onChange={setProxyId}
                      allowDeselect={false}
                    />
                  ) : null}
                  <Button
                    variant="light"
                    color="violet"
                    disabled={disabled || busy}
                    loading={arrive.isPending && arrive.variables?.via === 'proxy'}
                    onClick={() => arrive.mutate({ via: 'proxy', proxy: selectedProxy?.id })}
                    aria-label={t('assemblies.checkIn.checkInProxyLabel', { code: seat.code })}
                  >
                    {proxies.length === 1
                      ? `${t('assemblies.checkIn.checkInProxy')} (${selectedProxy?.holderName ?? ''})`
                      : t('assemblies.checkIn.checkInProxy')}
                  </Button>
                </Group>
              ) : null}
            </>
          )}
        </Stack>
      </Group>
    </Paper>
  )
}
