import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { AlertIcon } from '../../ui/icons.tsx'
import {
  authSessionQuery,
  disableTwoFactor,
  enableTwoFactor,
  groupSecret,
  type TwoFactorEnrolment,
  totpSecret,
  verifyTotp,
} from './account-api.ts'
import { AccountSection } from './account-section.tsx'
import { QrCode } from './qr-code.tsx'

/** Two-factor authentication (TOTP): enrol with a QR code and backup codes, or turn it off. */
export function TwoFactorSection() {
  const { t } = useTranslation()
  const { data: auth } = useQuery(authSessionQuery)
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null)
  const enabled = auth?.user.twoFactorEnabled === true

  return (
    <AccountSection title={t('account.twoFactor.title')} description={t('account.twoFactor.subtitle')}>
      <Group gap="sm">
        <Text size="sm" fw={500}>
          {t('account.twoFactor.status')}
        </Text>
        {enabled ? (
          <Badge color="teal" variant="light">
            {t('account.twoFactor.on')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('account.twoFactor.off')}
          </Badge>
        )}
      </Group>
      {enabled ? (
        <DisableTwoFactor />
      ) : enrolment ? (
        <ConfirmEnrolment enrolment={enrolment} onDone={() => setEnrolment(null)} />
      ) : (
        <StartEnrolment onStarted={setEnrolment} />
      )}
    </AccountSection>
  )
}

function PasswordStep({
  submitLabel,
  color,
  onSubmit,
  pending,
  error,
}: {
  submitLabel: string
  color?: string
  onSubmit: (password: string) => void
  pending: boolean
  error: string | null
}) {
  const { t } = useTranslation()
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : t('auth.validation.passwordRequired')) },
  })
  return (
    <form noValidate onSubmit={form.onSubmit((values) => onSubmit(values.password))}>
      <Stack gap="sm" maw={480}>
        <PasswordInput
          label={t('account.twoFactor.password')}
          description={t('account.twoFactor.passwordHint')}
          autoComplete="current-password"
          required
          key={form.key('password')}
          {...form.getInputProps('password')}
          error={form.errors.password ?? error}
          aria-invalid={form.errors.password || error ? true : undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.fields.togglePassword') }}
        />
        <Group>
          <Button type="submit" loading={pending} {...(color ? { color } : {})}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function StartEnrolment({ onStarted }: { onStarted: (enrolment: TwoFactorEnrolment) => void }) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const enable = useMutation({ mutationFn: enableTwoFactor, onSuccess: onStarted })
  if (!asking) {
    return (
      <Group>
        <Button onClick={() => setAsking(true)}>{t('account.twoFactor.enable')}</Button>
      </Group>
    )
  }
  return (
    <PasswordStep
      submitLabel={t('account.twoFactor.continue')}
      onSubmit={(password) => enable.mutate(password)}
      pending={enable.isPending}
      error={enable.error ? passwordError(t, enable.error) : null}
    />
  )
}

function passwordError(t: TFunction, error: unknown): string {
  const message = errorMessage(t, error)
  return message === t('auth.errors.INVALID_PASSWORD') ? t('account.twoFactor.wrongPassword') : message
}

function ConfirmEnrolment({ enrolment, onDone }: { enrolment: TwoFactorEnrolment; onDone: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const secret = totpSecret(enrolment.totpURI)
  const codes = enrolment.backupCodes.join('\n')
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (value) => (/^\d{6}$/.test(value.trim()) ? null : t('auth.twoFactor.codeFormat')) },
  })
  const verify = useMutation({
    mutationFn: verifyTotp,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['account'] })
      notifications.show({ color: 'teal', message: t('account.twoFactor.enabled') })
      onDone()
    },
    onError: (error) => form.setErrors({ code: errorMessage(t, error) }),
  })

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('account.twoFactor.scanTitle')}
        </Title>
        <Text size="sm">{t('account.twoFactor.scanBody')}</Text>
        <Group align="flex-start" gap="lg">
          <QrCode value={enrolment.totpURI} label={t('account.twoFactor.qrLabel')} />
          {secret ? (
            <Stack gap={6} maw={320}>
              <Text size="sm">{t('account.twoFactor.manualEntry')}</Text>
              <Code
                block
                aria-label={t('account.twoFactor.secretLabel')}
                fz="md"
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
              >
                {groupSecret(secret)}
              </Code>
              <CopyButton value={secret}>
                {({ copied, copy }) => (
                  <Button variant="default" size="xs" onClick={copy} w="fit-content">
                    {copied ? t('common.copied') : t('account.twoFactor.copySecret')}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          ) : null}
        </Group>
      </Stack>

      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('account.twoFactor.backupTitle')}
        </Title>
        <Alert color="yellow" icon={<AlertIcon />}>
          {t('account.twoFactor.backupBody')}
        </Alert>
        <SimpleGrid
          cols={{ base: 2, sm: 5 }}
          spacing="xs"
          component="ul"
          aria-label={t('account.twoFactor.backupTitle')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {enrolment.backupCodes.map((code) => (
            <li key={code}>
              <Code fz="sm">{code}</Code>
            </li>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <CopyButton value={codes}>
            {({ copied, copy }) => (
              <Button variant="default" size="xs" onClick={copy}>
                {copied ? t('common.copied') : t('account.twoFactor.copyCodes')}
              </Button>
            )}
          </CopyButton>
          <Button
            component="a"
            variant="default"
            size="xs"
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(`${codes}\n`)}`}
            download="minga-codigos-de-respaldo.txt"
          >
            {t('account.twoFactor.downloadCodes')}
          </Button>
        </Group>
      </Stack>

      <form
        noValidate
        onSubmit={form.onSubmit((values) => verify.mutate(values.code.trim()))}
        aria-label={t('account.twoFactor.confirmTitle')}
      >
        <Stack gap="sm" maw={320}>
          <Title order={3} size="h4">
            {t('account.twoFactor.confirmTitle')}
          </Title>
          <TextInput
            label={t('auth.twoFactor.code')}
            description={t('account.twoFactor.confirmBody')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            key={form.key('code')}
            {...form.getInputProps('code')}
          />
          <Group>
            <Button type="submit" loading={verify.isPending}>
              {t('account.twoFactor.confirm')}
            </Button>
            <Button variant="subtle" color="gray" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}

function DisableTwoFactor() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [asking, setAsking] = useState(false)
  const disable = useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['account'] })
      setAsking(false)
      notifications.show({ message: t('account.twoFactor.disabled') })
    },
  })
  if (!asking) {
    return (
      <Stack gap="sm">
        <Text size="sm">{t('account.twoFactor.onBody')}</Text>
        <Group>
          <Button variant="default" color="red" onClick={() => setAsking(true)}>
            {t('account.twoFactor.disable')}
          </Button>
        </Group>
      </Stack>
    )
  }
  return (
    <PasswordStep
      submitLabel={t('account.twoFactor.disableConfirm')}
      color="red"
      onSubmit={(password) => disable.mutate(password)}
      pending={disable.isPending}
      error={disable.error ? passwordError(t, disable.error) : null}
    />
  )
}
