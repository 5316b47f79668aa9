import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core'
import type { WebhookEndpointWithSecret } from '@minga/contracts'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { AlertIcon } from '../../ui/icons.tsx'
import { createEndpoint, EVENT_FILTER_PATTERN, eventTypesQuery } from './webhooks-api.ts'

/** Registers an endpoint; the event picker offers the types seen in the org and accepts `prefix.*`. */
export function CreateEndpointModal({
  slug,
  opened,
  onClose,
  onCreated,
}: {
  slug: string
  opened: boolean
  onClose: () => void
  onCreated: (endpoint: WebhookEndpointWithSecret) => Promise<unknown>
}) {
  const { t } = useTranslation()
  const seen = useQuery({ ...eventTypesQuery(slug), enabled: opened })
  const [url, setUrl] = useState('')
  const [description, setDescription] = useState('')
  const [events, setEvents] = useState<string[]>([])
  const [errors, setErrors] = useState<{ url?: string; eventTypes?: string }>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const suggestions = [
    '*',
    ...new Set((seen.data?.items ?? []).flatMap((i) => [i.type, `${i.type.split('.')[0]}.*`])),
  ]

  const reset = () => {
    setUrl('')
    setDescription('')
    setEvents([])
    setErrors({})
    setFormError(null)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const invalid = events.find((e) => !EVENT_FILTER_PATTERN.test(e))
    const local = {
      ...(url.trim() ? {} : { url: t('webhooks.form.urlRequired') }),
      ...(events.length === 0
        ? { eventTypes: t('webhooks.form.eventsRequired') }
        : invalid
          ? { eventTypes: t('webhooks.form.eventsInvalid', { value: invalid }) }
          : {}),
    }
    setErrors(local)
    setFormError(null)
    if (Object.keys(local).length > 0) return
    setSaving(true)
    try {
      const created = await createEndpoint(slug, { url: url.trim(), description, eventTypes: events })
      reset()
      await onCreated(created)
    } catch (error) {
      if (isApiError(error) && (error.fieldErrors.url || error.fieldErrors.eventTypes)) {
        setErrors({
          ...(error.fieldErrors.url ? { url: error.fieldErrors.url } : {}),
          ...(error.fieldErrors.eventTypes ? { eventTypes: error.fieldErrors.eventTypes } : {}),
        })
      } else setFormError(errorMessage(t, error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset()
        onClose()
      }}
      title={t('webhooks.form.title')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormErrorAlert message={formError} />
          <TextInput
            label={t('webhooks.form.url')}
            placeholder={t('webhooks.form.urlPlaceholder')}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
            required
            type="url"
          />
          <Textarea
            label={t('webhooks.form.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            maxLength={500}
            rows={2}
          />
          <TagsInput
            label={t('webhooks.form.events')}
            description={t('webhooks.form.eventsHint')}
            data={suggestions}
            value={events}
            onChange={setEvents}
            error={errors.eventTypes}
            clearable
            required
          />
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              {t('webhooks.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** Shows a freshly created or rotated secret, once: it is gone when the dialog closes. */
export function SecretModal({
  endpoint,
  onClose,
}: {
  endpoint: WebhookEndpointWithSecret | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={endpoint !== null}
      onClose={onClose}
      title={t('webhooks.secret.title')}
      size="lg"
      closeOnClickOutside={false}
    >
      {endpoint ? (
        <Stack gap="md">
          <Alert color="yellow" icon={<AlertIcon />}>
            {t('webhooks.secret.once')}
          </Alert>
          <Code block aria-label={t('webhooks.secret.label')} style={{ wordBreak: 'break-all' }}>
            {endpoint.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={endpoint.secret}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('webhooks.secret.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}
