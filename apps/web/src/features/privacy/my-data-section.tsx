import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const myDataUrl = (slug: string, format: 'json' | 'pdf') =>
  `/api/v1/orgs/${encodeURIComponent(slug)}/privacy/me/export.${format}`

/**
 * "Mis datos" (Ley 1581 art. 8) for a member: everything the org holds about the record linked to their
 * account. The server answers 404 when no record is linked; the browser then shows its error page.
 */
export function MyDataSection({ slug }: { slug: string }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('privacy.myData.title')}
        </Title>
        <Text size="sm">{t('privacy.myData.intro')}</Text>
        <Group>
          <Anchor href={myDataUrl(slug, 'json')} download>
            {t('privacy.consents.exportJson')}
          </Anchor>
          <Anchor href={myDataUrl(slug, 'pdf')} download>
            {t('privacy.consents.exportPdf')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  )
}
