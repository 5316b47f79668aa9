import { Button, Center, Code, Group, Stack, Text, Title } from '@mantine/core'
import { useRouter } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError, isTwoFactorRequired } from '../app/api-client.ts'
import { ButtonLink } from './router-links.tsx'
import { usePageTitle } from './use-page-title.ts'

/** Route error boundary: a friendly message plus the request id support needs. */
export function ErrorPage({ error, reset }: { error: unknown; reset?: () => void }) {
  if (isTwoFactorRequired(error)) return <TwoFactorRequiredPage />
  return <UnexpectedErrorPage error={error} {...(reset ? { reset } : {})} />
}

/** The org requires two-step verification for this person's role: send them to Mi cuenta. */
function TwoFactorRequiredPage() {
  const { t } = useTranslation()
  usePageTitle(t('errors.twoFactorRequired.title'))
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" ta="center" role="alert">
        <Title order={1}>{t('errors.twoFactorRequired.title')}</Title>
        <Text c="dimmed" maw={460}>
          {t('errors.twoFactorRequired.body')}
        </Text>
        <Group mt="sm">
          <ButtonLink to="/account">{t('errors.twoFactorRequired.action')}</ButtonLink>
          <ButtonLink to="/orgs" variant="default">
            {t('header.myOrgs')}
          </ButtonLink>
        </Group>
      </Stack>
    </Center>
  )
}

function UnexpectedErrorPage({ error, reset }: { error: unknown; reset?: () => void }) {
  const { t } = useTranslation()
  const router = useRouter()
  const requestId = isApiError(error) ? error.requestId : undefined
  usePageTitle(t('errors.unexpected.title'))
  const retry = () => {
    reset?.()
    void router.invalidate()
  }
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" ta="center" role="alert">
        <Title order={1}>{t('errors.unexpected.title')}</Title>
        <Text c="dimmed" maw={460}>
          {t('errors.unexpected.body')}
        </Text>
        {requestId ? (
          <Text size="sm">
            {t('common.requestId')}: <Code data-testid="request-id">{requestId}</Code>
          </Text>
        ) : null}
        <Group mt="sm">
          <Button variant="default" onClick={retry}>
            {t('common.retry')}
          </Button>
          <ButtonLink to="/" reloadDocument>
            {t('common.goHome')}
          </ButtonLink>
        </Group>
      </Stack>
    </Center>
  )
}
