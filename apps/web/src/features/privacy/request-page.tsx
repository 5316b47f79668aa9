import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { DueBadge } from './due-badge.tsx'
import { actOnRequest, privacyKey, type RequestAction, requestQuery } from './privacy-api.ts'

const route = getRouteApi('/_authed/o/$org/privacy/requests/$requestId')

type Panel = 'extend' | 'answer' | 'reject' | null

/** /o/$org/privacy/requests/$requestId: one data-subject request; extend, answer or reject it. */
export function PrivacyRequestPage() {
  const { t } = useTranslation()
  const { org: slug, requestId } = route.useParams()
  const queryClient = useQueryClient()
  const request = useQuery(requestQuery(slug, requestId))
  const [panel, setPanel] = useState<Panel>(null)
  const [text, setText] = useState('')
  const [retentionApplies, setRetentionApplies] = useState(false)
  usePageTitle(t('privacy.title'))
  const act = useMutation({
    mutationFn: (input: RequestAction) => actOnRequest(slug, requestId, input),
    onSuccess: async () => {
      setPanel(null)
      setText('')
      await queryClient.invalidateQueries({ queryKey: privacyKey(slug) })
      notifications.show({ message: t('privacy.detail.done') })
    },
  })
  const back = (
    <AnchorLink to="/o/$org/privacy" params={{ org: slug }} size="sm">
      {t('privacy.detail.back')}
    </AnchorLink>
  )
  if (request.isPending) return <PageLoader />
  if (!request.data)
    return (
      <Stack>
        {back}
        <Alert color="red" role="alert">
          {errorMessage(t, request.error)}
        </Alert>
      </Stack>
    )
  const r = request.data
  const open = r.status === 'received' || r.status === 'in_progress' || r.status === 'extended'
  const fields = isApiError(act.error) ? act.error.fieldErrors : {}
  const submit = () => {
    if (panel === 'extend') act.mutate({ action: 'extend', reason: text })
    else if (panel === 'reject') act.mutate({ action: 'reject', reason: text })
    else if (panel === 'answer')
      act.mutate({
        action: 'answer',
        body: { response: text, ...(r.kind === 'supresion' ? { retentionApplies } : {}) },
      })
  }
  const choose = (next: Panel) => {
    act.reset()
    setText('')
    setPanel(next)
  }
  return (
    <Stack>
      {back}
      <Group gap="sm">
        <Title order={1}>{t('privacy.detail.title', { kind: t(`privacy.kinds.${r.kind}`) })}</Title>
        <Badge variant="light">{t(`privacy.statuses.${r.status}`)}</Badge>
        <DueBadge businessDaysLeft={r.businessDaysLeft} />
        {r.closedOnTime !== null && (
          <Badge color={r.closedOnTime ? 'green' : 'red'} variant="light">
            {t(r.closedOnTime ? 'privacy.detail.onTime' : 'privacy.detail.late')}
          </Badge>
        )}
      </Group>
      <Card withBorder>
        <Stack gap={4}>
          <Text size="sm">
            {t('privacy.requests.receivedOn')}: {r.receivedOn} · {t('privacy.requests.dueOn')}: {r.dueOn} ·{' '}
            {t('privacy.requests.channel')}: {t(`privacy.channels.${r.channel}`)}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{r.description}</Text>
          {r.extensionReason && (
            <Text size="sm">
              {t('privacy.detail.extensionLabel')}: {r.extensionReason}
            </Text>
          )}
          {r.response && (
            <Text size="sm">
              {t('privacy.detail.responseLabel')}: {r.response}
            </Text>
          )}
          {r.rejectionReason && (
            <Text size="sm">
              {t('privacy.detail.rejectionLabel')}: {r.rejectionReason}
            </Text>
          )}
          {r.anonymized && <Text size="sm">{t('privacy.detail.anonymized')}</Text>}
          <AnchorLink
            to="/o/$org/privacy/people/$personId"
            params={{ org: slug, personId: r.personId }}
            size="sm"
          >
            {t('privacy.detail.consents')}
          </AnchorLink>
        </Stack>
      </Card>
      {open && (
        <Group>
          {r.status === 'received' && (
            <Button variant="default" onClick={() => act.mutate({ action: 'start' })}>
              {t('privacy.detail.start')}
            </Button>
          )}
          {!r.extendedAt && (
            <Button variant="default" onClick={() => choose('extend')}>
              {t('privacy.detail.extend')}
            </Button>
          )}
          <Button onClick={() => choose('answer')}>{t('privacy.detail.answer')}</Button>
          <Button color="red" variant="light" onClick={() => choose('reject')}>
            {t('privacy.detail.reject')}
          </Button>
        </Group>
      )}
      {open && panel && (
        <form
          aria-label={t(`privacy.detail.${panel}Title`)}
          onSubmit={(event) => {
            event.preventDefault()
            submit()
          }}
        >
          <Stack>
            <Text fw={600}>{t(`privacy.detail.${panel}Title`)}</Text>
            {panel === 'extend' && <Text size="sm">{t('privacy.detail.extendHint')}</Text>}
            <FormErrorAlert
              message={act.error && Object.keys(fields).length === 0 ? errorMessage(t, act.error) : null}
            />
            <Textarea
              label={panel === 'answer' ? t('privacy.detail.response') : t('privacy.detail.reason')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={fields.response ?? fields.reason}
              rows={3}
              required
            />
            {panel === 'answer' && r.kind === 'supresion' && (
              <Checkbox
                label={t('privacy.detail.retentionApplies')}
                checked={retentionApplies}
                onChange={(e) => setRetentionApplies(e.currentTarget.checked)}
                error={fields.retentionApplies}
              />
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={act.isPending}>
                {t('privacy.detail.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {!open && act.error && (
        <Alert color="red" role="alert">
          {errorMessage(t, act.error)}
        </Alert>
      )}
    </Stack>
  )
}
