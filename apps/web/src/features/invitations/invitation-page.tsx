import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import type { TFunction } from 'i18next'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiFetch, isApiError } from '../../app/api-client.ts'
import { meQuery } from '../../app/auth/session.ts'
import { errorMessage } from '../../app/error-message.ts'
import { AlertIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink, ButtonLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { AuthLayout } from '../auth/auth-layout.tsx'

const route = getRouteApi('/invitations/$token')

interface InvitationAccepted {
  org: { id: string; slug: string; name: string }
  role: 'owner' | 'admin' | 'member'
}

function respond(token: string, answer: 'accept' | 'decline') {
  return apiFetch<InvitationAccepted>(`/api/v1/invitations/${encodeURIComponent(token)}/${answer}`, {
    method: 'POST',
    body: {},
  })
}

/** `/invitations/$token`: the link of an invitation email. */
export function InvitationPage() {
  const { t } = useTranslation()
  const { token } = route.useParams()
  const me = useQuery({ ...meQuery, retry: false })
  usePageTitle(t('invitation.title'))
  const here = `/invitations/${token}`

  let body: ReactNode
  if (me.isPending) {
    body = <PageLoader />
  } else if (me.data) {
    body = <Answer token={token} email={me.data.user.email} />
  } else if (isApiError(me.error) && me.error.status === 401) {
    body = (
      <Stack gap="md">
        <Text>{t('invitation.signedOut')}</Text>
        <ButtonLink to="/sign-in" search={{ redirect: here }} fullWidth>
          {t('auth.signIn.submit')}
        </ButtonLink>
        <ButtonLink to="/sign-up" search={{ redirect: here }} variant="default" fullWidth>
          {t('auth.signIn.toSignUp')}
        </ButtonLink>
      </Stack>
    )
  } else {
    body = (
      <Alert color="red" icon={<AlertIcon />} role="alert">
        {errorMessage(t, me.error)}
      </Alert>
    )
  }
  return (
    <AuthLayout title={t('invitation.title')} subtitle={t('invitation.subtitle')}>
      {body}
    </AuthLayout>
  )
}

function Answer({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [declined, setDeclined] = useState(false)
  const accept = useMutation({
    mutationFn: () => respond(token, 'accept'),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['orgs'] })
      notifications.show({ color: 'teal', message: t('invitation.accepted', { org: result.org.name }) })
      await navigate({ to: '/o/$org', params: { org: result.org.slug } })
    },
  })
  const decline = useMutation({
    mutationFn: () => respond(token, 'decline'),
    onSuccess: () => setDeclined(true),
  })
  const error = accept.error ?? decline.error

  if (declined) {
    return (
      <Stack gap="md">
        <Alert color="gray" role="status">
          {t('invitation.declined')}
        </Alert>
        <ButtonLink to="/orgs" variant="default" fullWidth>
          {t('header.myOrgs')}
        </ButtonLink>
      </Stack>
    )
  }
  return (
    <Stack gap="md">
      <Text>{t('invitation.signedInAs', { email })}</Text>
      {error ? (
        <Alert color="red" icon={<AlertIcon />} role="alert">
          {invitationError(t, error)}
        </Alert>
      ) : null}
      <Group grow>
        <Button onClick={() => accept.mutate()} loading={accept.isPending} disabled={decline.isPending}>
          {t('invitation.accept')}
        </Button>
        <Button
          variant="default"
          onClick={() => decline.mutate()}
          loading={decline.isPending}
          disabled={accept.isPending}
        >
          {t('invitation.decline')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" ta="center">
        <AnchorLink to="/orgs">{t('header.myOrgs')}</AnchorLink>
      </Text>
    </Stack>
  )
}

function invitationError(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 404) return t('invitation.notFound')
    // 409/422: expired, already answered, revoked, or meant for another address: the server says which
    if (error.problem) return error.problem.detail ?? error.problem.title
  }
  return errorMessage(t, error)
}
