import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { PasswordSection } from './password-section.tsx'
import { ProfileSection } from './profile-section.tsx'
import { SecurityLogSection } from './security-log-section.tsx'
import { SessionsSection } from './sessions-section.tsx'
import { TwoFactorSection } from './two-factor-section.tsx'

/** Mi cuenta: profile, password, two-factor authentication, sessions and the security log. */
export function AccountPage() {
  const { t } = useTranslation()
  usePageTitle(t('account.title'))
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('account.title')}</Title>
        <Text c="dimmed">{t('account.subtitle')}</Text>
      </div>
      <ProfileSection />
      <PasswordSection />
      <TwoFactorSection />
      <SessionsSection />
      <SecurityLogSection />
    </Stack>
  )
}
