import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { verifySignInCode } from './auth-api.ts'

/** Second sign-in step: a 6-digit code from the authenticator app, or one backup code. */
export function TwoFactorStep({ onVerified, onRestart }: { onVerified: () => void; onRestart: () => void }) {
  const { t } = useTranslation()
  const [backup, setBackup] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: {
      code: (value) => {
        const code = value.trim()
        if (backup) return code ? null : t('auth.twoFactor.backupRequired')
        return /^\d{6}$/.test(code) ? null : t('auth.twoFactor.codeFormat')
      },
    },
  })
  const verify = useMutation({
    mutationFn: verifySignInCode,
    onSuccess: onVerified,
    onError: (error) => {
      // the two-factor cookie expired: the password step has to be done again
      if (isApiError(error) && error.code === 'INVALID_TWO_FACTOR_COOKIE') {
        setFormError(errorMessage(t, error))
        return
      }
      if (isApiError(error) && (error.status === 429 || error.status === 0)) {
        setFormError(errorMessage(t, error))
        return
      }
      form.setErrors({ code: errorMessage(t, error) })
    },
  })

  const switchMode = () => {
    setBackup((value) => !value)
    setFormError(null)
    form.reset()
  }

  return (
    <form
      noValidate
      aria-label={t('auth.twoFactor.title')}
      onSubmit={form.onSubmit((values) => {
        setFormError(null)
        verify.mutate({ code: values.code.trim(), backup })
      })}
    >
      <Stack gap="md">
        <Text size="sm">{backup ? t('auth.twoFactor.backupBody') : t('auth.twoFactor.body')}</Text>
        <FormErrorAlert message={formError} />
        {backup ? (
          <TextInput
            label={t('auth.twoFactor.backupCode')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            key="backup-code"
            {...form.getInputProps('code')}
          />
        ) : (
          <TextInput
            label={t('auth.twoFactor.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            data-autofocus
            key="totp-code"
            {...form.getInputProps('code')}
          />
        )}
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('auth.twoFactor.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={switchMode}>
          {backup ? t('auth.twoFactor.useApp') : t('auth.twoFactor.useBackup')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestart}>
          {t('auth.twoFactor.restart')}
        </Anchor>
      </Stack>
    </form>
  )
}
