import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ButtonLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { qrCheckIn } from './assemblies-api.ts'
import { formProblems } from './assembly-problems.ts'

const route = getRouteApi('/_authed/o/$org/assemblies/$assemblyId/qr')

/**
 * Where a unit's QR code leads: the person who votes for the unit (or an admin scanning it) confirms
 * the arrival with one tap. Nothing is recorded until the button is pressed.
 */
export function QrCheckInPage() {
  const { t } = useTranslation()
  const { org: slug, assemblyId } = route.useParams()
  const { token } = route.useSearch()
  useSuspenseQuery(orgQuery(slug))
  usePageTitle(t('assemblies.qr.pageTitle'))
  const record = useMutation({ mutationFn: () => qrCheckIn(slug, assemblyId, token ?? '') })

  return (
    <Stack maw={480} mx="auto" gap="md">
      <Title order={1}>{t('assemblies.qr.pageTitle')}</Title>
      {!token ? (
        <Alert color="red" role="alert">
          {t('assemblies.qr.missingToken')}
        </Alert>
      ) : record.data ? (
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Text size="lg" fw={600} role="status">
              {t('assemblies.qr.done', { code: record.data.unitCode })}
            </Text>
            <ButtonLink size="lg" to="/o/$org/assemblies/$assemblyId/vote" params={{ org: slug, assemblyId }}>
              {t('assemblies.qr.goVote')}
            </ButtonLink>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="md">
          {record.error ? (
            <Alert color="red" role="alert">
              {formProblems(t, record.error, []).general.join(' ')}
            </Alert>
          ) : null}
          <Button size="xl" fullWidth loading={record.isPending} onClick={() => record.mutate()}>
            {t('assemblies.qr.confirm')}
          </Button>
        </Stack>
      )}
    </Stack>
  )
}
