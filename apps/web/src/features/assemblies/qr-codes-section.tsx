import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { QrCode } from '../account/qr-code.tsx'
import { qrTokensQuery } from './assemblies-api.ts'

/** The link a unit's QR code carries: scanning it opens the QR check-in page with the signed token. */
export function qrCheckInUrl(origin: string, slug: string, assemblyId: string, token: string): string {
  return `${origin}/o/${encodeURIComponent(slug)}/assemblies/${encodeURIComponent(assemblyId)}/qr?token=${encodeURIComponent(token)}`
}

/** One printable QR code per unit (signed tokens from the server), shown on demand. */
export function QrCodesSection({ slug, assemblyId }: { slug: string; assemblyId: string }) {
  const { t } = useTranslation()
  const [shown, setShown] = useState(false)
  const tokens = useQuery({ ...qrTokensQuery(slug, assemblyId), enabled: shown })

  return (
    <Stack gap="sm" component="section" aria-labelledby="qr-title">
      <div>
        <Title order={2} size="h3" id="qr-title">
          {t('assemblies.qr.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('assemblies.qr.subtitle')}
        </Text>
      </div>
      <Group gap="sm">
        <Button variant="default" onClick={() => setShown((value) => !value)} aria-expanded={shown}>
          {shown ? t('assemblies.qr.hide') : t('assemblies.qr.show')}
        </Button>
        {shown && tokens.data ? (
          <Button variant="subtle" onClick={() => window.print()}>
            {t('assemblies.qr.print')}
          </Button>
        ) : null}
      </Group>
      {!shown ? null : tokens.isPending ? (
        <PageLoader />
      ) : !tokens.data ? (
        <Alert color="red" role="alert">
          {errorMessage(t, tokens.error)}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="md">
          {tokens.data.items.map((item) => (
            <Paper key={item.unitId} withBorder radius="md" p="sm" ta="center">
              <QrCode
                value={qrCheckInUrl(window.location.origin, slug, assemblyId, item.token)}
                label={t('assemblies.qr.codeLabel', { code: item.unitCode })}
                size={160}
              />
              <Text fw={700}>{item.unitCode}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}
