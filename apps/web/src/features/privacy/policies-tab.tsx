import { Badge, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { EmptyState } from '../../ui/empty-state.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { createPolicy, policiesQuery, privacyKey, publishPolicy } from './privacy-api.ts'

export function PoliciesTab({ slug }: { slug: string }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const policies = useQuery(policiesQuery(slug))
  const [text, setText] = useState('')
  const [effectiveDate, setEffectiveDate] = useState('')
  const refresh = () => queryClient.invalidateQueries({ queryKey: privacyKey(slug) })
  const create = useMutation({
    mutationFn: () => createPolicy(slug, { text, effectiveDate }),
    onSuccess: async () => {
      setText('')
      setEffectiveDate('')
      await refresh()
      notifications.show({ message: t('privacy.policies.created') })
    },
  })
  const publish = useMutation({
    mutationFn: (id: string) => publishPolicy(slug, id),
    onSuccess: async () => {
      await refresh()
      notifications.show({ message: t('privacy.policies.publishedDone') })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })
  const fields = isApiError(create.error) ? create.error.fieldErrors : {}
  if (policies.isPending) return <PageLoader />
  const items = policies.data?.items ?? []
  return (
    <Stack>
      {items.length === 0 ? (
        <EmptyState title={t('privacy.policies.empty')} />
      ) : (
        <Stack aria-label={t('privacy.policies.label')} role="list">
          {items.map((p) => (
            <Card key={p.id} withBorder role="listitem">
              <Group justify="space-between">
                <Group gap="xs">
                  <Text fw={600}>{t('privacy.policies.version', { version: p.version })}</Text>
                  {p.current ? (
                    <Badge color="green">{t('privacy.policies.current')}</Badge>
                  ) : (
                    <Badge variant="light" color={p.published ? 'gray' : 'yellow'}>
                      {p.published ? t('privacy.policies.published') : t('privacy.policies.draft')}
                    </Badge>
                  )}
                  <Text size="sm" c="dimmed">
                    {t('privacy.policies.effectiveDate')}: {p.effectiveDate}
                  </Text>
                </Group>
                {!p.published && (
                  <ConfirmButton
                    size="xs"
                    title={t('privacy.policies.publishTitle')}
                    message={t('privacy.policies.publishBody')}
                    confirmLabel={t('privacy.policies.publish')}
                    aria-label={t('privacy.policies.publishLabel', { version: p.version })}
                    onConfirm={() => publish.mutateAsync(p.id)}
                  >
                    {t('privacy.policies.publish')}
                  </ConfirmButton>
                )}
              </Group>
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                {p.text}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      <form
        aria-label={t('privacy.policies.new')}
        onSubmit={(event) => {
          event.preventDefault()
          create.mutate()
        }}
      >
        <Stack>
          <Text fw={600}>{t('privacy.policies.new')}</Text>
          <FormErrorAlert
            message={create.error && Object.keys(fields).length === 0 ? errorMessage(t, create.error) : null}
          />
          <Textarea
            label={t('privacy.policies.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fields.text}
            rows={4}
            required
          />
          <TextInput
            type="date"
            label={t('privacy.policies.effectiveDate')}
            value={effectiveDate}
            onChange={(e) => setEffectiveDate(e.currentTarget.value)}
            error={fields.effectiveDate}
            required
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('privacy.policies.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}
