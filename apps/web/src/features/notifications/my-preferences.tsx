import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { NotificationChannel, NotificationPreferences, NotificationSettings } from '@minga/contracts'
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { preferencesQuery, updatePreferences } from './notifications-api.ts'
import { PushDeviceSwitch } from './push-device-switch.tsx'

type Lang = 'es' | 'en'
const lang = (language: string): Lang => (language === 'en' ? 'en' : 'es')

/** The signed-in user's channels per type, global switches, digest, quiet hours and mail language. */
export function MyPreferences({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const { data } = useSuspenseQuery(preferencesQuery(slug))
  const save = useMutation({
    mutationFn: (change: Parameters<typeof updatePreferences>[1]) => updatePreferences(slug, change),
    onSuccess: (next) => queryClient.setQueryData(preferencesQuery(slug).queryKey, next),
  })
  const l = lang(i18n.language)
  const channelLabel = (c: NotificationChannel) => t(`notifications.channels.${c}`)
  const globalValue = (c: NotificationChannel) => {
    const v = data.global[c]
    return v === null || v === undefined ? 'inherit' : v ? 'on' : 'off'
  }

  return (
    <Stack gap="lg">
      <FormErrorAlert message={save.error ? errorMessage(t, save.error) : null} />
      <PushDeviceSwitch slug={slug} />
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={t('notifications.preferences.matrix')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notifications.preferences.type')}</Table.Th>
              {data.channels.map((c) => (
                <Table.Th key={c}>{channelLabel(c)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">
                <Text fw={600}>{t('notifications.preferences.allTypes')}</Text>
                <Text size="xs" c="dimmed">
                  {t('notifications.preferences.allTypesHint')}
                </Text>
              </Table.Th>
              {data.channels.map((c) => (
                <Table.Td key={c}>
                  <Select
                    size="xs"
                    aria-label={`${t('notifications.preferences.allTypes')} — ${channelLabel(c)}`}
                    value={globalValue(c)}
                    allowDeselect={false}
                    data={[
                      { value: 'inherit', label: t('notifications.preferences.perType') },
                      { value: 'on', label: t('notifications.preferences.on') },
                      { value: 'off', label: t('notifications.preferences.off') },
                    ]}
                    onChange={(value) =>
                      save.mutate({
                        preferences: [
                          { type: '*', channel: c, enabled: value === 'inherit' ? null : value === 'on' },
                        ],
                      })
                    }
                  />
                </Table.Td>
              ))}
            </Table.Tr>
            {data.types.map((type) => (
              <Table.Tr key={type.key}>
                <Table.Th scope="row">
                  <Group gap={6}>
                    <Text fw={500}>{type.label[l]}</Text>
                    {type.critical ? (
                      <Badge size="xs" color="orange">
                        {t('notifications.preferences.critical')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {type.critical ? t('notifications.preferences.criticalNote') : type.description[l]}
                  </Text>
                </Table.Th>
                {data.channels.map((c) => {
                  const state = type.channels[c]
                  if (!state) return <Table.Td key={c} />
                  return (
                    <Table.Td key={c}>
                      <Switch
                        aria-label={`${type.label[l]} — ${channelLabel(c)}`}
                        checked={state.enabled}
                        disabled={state.source === 'critical'}
                        onChange={(e) =>
                          save.mutate({
                            preferences: [{ type: type.key, channel: c, enabled: e.currentTarget.checked }],
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
      <SettingsForm
        key={JSON.stringify(data.settings)}
        settings={data.settings}
        timezone={data.timezone}
        saving={save.isPending}
        onSave={(settings) => save.mutate({ settings })}
      />
    </Stack>
  )
}

function SettingsForm({
  settings,
  timezone,
  saving,
  onSave,
}: {
  settings: NotificationPreferences['settings']
  timezone: string
  saving: boolean
  onSave: (settings: NotificationSettings) => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(settings)
  const [quiet, setQuiet] = useState(settings.quietStart !== null)
  const hours = Array.from({ length: 24 }, (_, h) => ({
    value: String(h),
    label: `${String(h).padStart(2, '0')}:00`,
  }))
  const submit = () =>
    onSave({
      ...draft,
      quietStart: quiet ? (draft.quietStart ?? '22:00') : null,
      quietEnd: quiet ? (draft.quietEnd ?? '07:00') : null,
    })
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('notifications.preferences.deliveryTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notifications.preferences.timezoneNote', { timezone })}
        </Text>
        <Group align="flex-end">
          <Select
            label={t('notifications.preferences.digest')}
            value={draft.digest}
            allowDeselect={false}
            data={(['off', 'daily', 'weekly'] as const).map((v) => ({
              value: v,
              label: t(`notifications.preferences.digestOptions.${v}`),
            }))}
            onChange={(v) => v && setDraft({ ...draft, digest: v as NotificationSettings['digest'] })}
          />
          {draft.digest !== 'off' ? (
            <Select
              label={t('notifications.preferences.digestHour')}
              value={String(draft.digestHour)}
              allowDeselect={false}
              data={hours}
              onChange={(v) => v && setDraft({ ...draft, digestHour: Number(v) })}
            />
          ) : null}
          {draft.digest === 'weekly' ? (
            <Select
              label={t('notifications.preferences.digestWeekday')}
              value={String(draft.digestWeekday)}
              allowDeselect={false}
              data={([1, 2, 3, 4, 5, 6, 7] as const).map((d) => ({
                value: String(d),
                label: t(`notifications.preferences.weekdays.d${d}`),
              }))}
              onChange={(v) => v && setDraft({ ...draft, digestWeekday: Number(v) })}
            />
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t('notifications.preferences.digestHint')}
        </Text>
        <Switch
          label={t('notifications.preferences.quietHours')}
          description={t('notifications.preferences.quietHint')}
          checked={quiet}
          onChange={(e) => setQuiet(e.currentTarget.checked)}
        />
        {quiet ? (
          <Group>
            <TextInput
              type="time"
              label={t('notifications.preferences.quietStart')}
              value={draft.quietStart ?? '22:00'}
              onChange={(e) => setDraft({ ...draft, quietStart: e.currentTarget.value })}
            />
            <TextInput
              type="time"
              label={t('notifications.preferences.quietEnd')}
              value={draft.quietEnd ?? '07:00'}
              onChange={(e) => setDraft({ ...draft, quietEnd: e.currentTarget.value })}
            />
          </Group>
        ) : null}
        <Select
          label={t('notifications.preferences.mailLanguage')}
          value={draft.locale}
          allowDeselect={false}
          data={[
            { value: 'es', label: 'Español' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(v) => v && setDraft({ ...draft, locale: v as 'es' | 'en' })}
          maw={240}
        />
        <Group>
          <Button onClick={submit} loading={saving}>
            {t('notifications.preferences.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
