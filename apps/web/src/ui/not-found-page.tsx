import { Center, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ButtonLink } from './router-links.tsx'
import { usePageTitle } from './use-page-title.ts'

export function NotFoundPage() {
  const { t } = useTranslation()
  usePageTitle(t('errors.notFound.title'))
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" ta="center">
        <Text fz={64} fw={800} c="dimmed" lh={1} aria-hidden="true">
          404
        </Text>
        <Title order={1}>{t('errors.notFound.title')}</Title>
        <Text c="dimmed" maw={420}>
          {t('errors.notFound.body')}
        </Text>
        <ButtonLink to="/" mt="sm">
          {t('common.goHome')}
        </ButtonLink>
      </Stack>
    </Center>
  )
}
