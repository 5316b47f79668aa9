import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ColorSchemeToggle } from '../../app/layout/color-scheme-toggle.tsx'
import { LanguageSwitch } from '../../app/layout/language-switch.tsx'
import { LogoMark } from '../../ui/icons.tsx'

/** Centered card used by sign-in and sign-up, with language and theme switches on top. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string
  subtitle: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group justify="flex-end" p="md" gap="xs">
        <LanguageSwitch />
        <ColorSchemeToggle />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6}>
            <LogoMark size={44} />
            <Text fw={700} fz="xl">
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper component="main" withBorder shadow="sm" radius="md" p="xl">
            <Stack gap="md">
              <div>
                <Title order={1} size="h2">
                  {title}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {subtitle}
                </Text>
              </div>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  )
}
