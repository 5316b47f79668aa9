import { Select, Stack, Table, Text } from '@mantine/core'
import type { NotificationChannel } from '@minga/contracts'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { notificationsKey, orgDefaultsQuery, updateOrgDefaults } from './notifications-api.ts'

/** Admins: the org's default channel per type, used when a member has not chosen. */
export function OrgDefaults({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation()
  const l = i18n.language === 'en' ? 'en' : 'es'
  const queryClient = useQueryClient()
  const { data } = useSuspenseQuery(orgDefaultsQuery(slug))
  const save = useMutation({
    mutationFn: (change: { type: string; channel: NotificationChannel; enabled: boolean | null }) =>
      updateOrgDefaults(slug, { defaults: [change] }),
    onSuccess: (next) => {
      queryClient.setQueryData(orgDefaultsQuery(slug).queryKey, next)
      void queryClient.invalidateQueries({ queryKey: [...notificationsKey(slug), 'preferences'] })
    },
  })
  const current = (type: string, channel: NotificationChannel) =>
    data.defaults.find((d) => d.type === type && d.channel === channel)?.enabled
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t('notifications.orgDefaults.hint')}
      </Text>
      <FormErrorAlert message={save.error ? errorMessage(t, save.error) : null} />
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={t('notifications.orgDefaults.matrix')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notifications.preferences.type')}</Table.Th>
              {data.channels.map((c) => (
                <Table.Th key={c}>{t(`notifications.channels.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.types.map((type) => (
              <Table.Tr key={type.key}>
                <Table.Th scope="row">
                  <Text fw={500}>{type.label[l]}</Text>
                  {type.critical ? (
                    <Text size="xs" c="dimmed">
                      {t('notifications.preferences.criticalNote')}
                    </Text>
                  ) : null}
                </Table.Th>
                {data.channels.map((c) => {
                  const declared = type.defaultChannels.includes(c)
                  const locked = type.critical && declared
                  const value = current(type.key, c)
                  return (
                    <Table.Td key={c}>
                      <Select
                        size="xs"
                        aria-label={`${type.label[l]} — ${t(`notifications.channels.${c}`)}`}
                        disabled={locked}
                        allowDeselect={false}
                        value={value === undefined ? 'inherit' : value ? 'on' : 'off'}
                        data={[
                          {
                            value: 'inherit',
                            label: t('notifications.orgDefaults.typeDefault', {
                              value: declared
                                ? t('notifications.preferences.on')
                                : t('notifications.preferences.off'),
                            }),
                          },
                          { value: 'on', label: t('notifications.preferences.on') },
                          { value: 'off', label: t('notifications.preferences.off') },
                        ]}
                        onChange={(v) =>
                          save.mutate({
                            type: type.key,
                            channel: c,
                            enabled: v === 'inherit' ? null : v === 'on',
                          })
                        }
                      />
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}
