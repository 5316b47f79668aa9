import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { AlertIcon, CheckIcon } from '../../ui/icons.tsx'
import { AnchorLink, ButtonLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { minPasswordLength, resetPassword } from './auth-api.ts'
import { AuthLayout } from './auth-layout.tsx'

const route = getRouteApi('/reset-password')

const newPasswordCodes = new Set([
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_COMMON',
  'PASSWORD_TOO_PREDICTABLE',
])

/** The page the mailed reset link opens (`/reset-password?token=…`). */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  const { token, error: linkError } = route.useSearch()
  const [done, setDone] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  usePageTitle(t('auth.reset.title'))

  const form = useForm({
    mode: 'controlled',
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: {
      newPassword: (value) =>
        value.length >= minPasswordLength
          ? null
          : t('auth.validation.passwordTooShort', { min: minPasswordLength }),
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : t('account.password.mismatch'),
    },
  })
  const reset = useMutation({
    mutationFn: resetPassword,
    onSuccess: () => setDone(true),
    onError: (error) => {
      if (isApiError(error) && newPasswordCodes.has(error.code)) {
        form.setErrors({ newPassword: errorMessage(t, error) })
        return
      }
      setFormError(errorMessage(t, error))
    },
  })

  // Better Auth sends an expired or unknown link here with `?error=INVALID_TOKEN` and no token.
  const invalidLink = !token || linkError !== undefined
  const toggle = { 'aria-label': t('auth.fields.togglePassword') }

  return (
    <AuthLayout title={t('auth.reset.title')} subtitle={t('auth.reset.subtitle')}>
      {done ? (
        <Stack gap="md">
          <Alert color="teal" icon={<CheckIcon />} role="status">
            {t('auth.reset.done')}
          </Alert>
          <ButtonLink to="/sign-in" fullWidth>
            {t('auth.signIn.submit')}
          </ButtonLink>
        </Stack>
      ) : invalidLink ? (
        <Stack gap="md">
          <Alert color="red" icon={<AlertIcon />} role="alert">
            {t('auth.errors.INVALID_TOKEN')}
          </Alert>
          <ButtonLink to="/forgot-password" variant="default" fullWidth>
            {t('auth.reset.requestAgain')}
          </ButtonLink>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFormError(null)
            reset.mutate({ newPassword: values.newPassword, token })
          })}
        >
          <Stack gap="md">
            {formError ? (
              <Alert color="red" icon={<AlertIcon />} role="alert">
                {formError}
                {isApiError(reset.error) && reset.error.code === 'INVALID_TOKEN' ? (
                  <Text size="sm" mt={6}>
                    <AnchorLink to="/forgot-password">{t('auth.reset.requestAgain')}</AnchorLink>
                  </Text>
                ) : null}
              </Alert>
            ) : null}
            <PasswordInput
              label={t('account.password.new')}
              description={t('auth.fields.passwordHint', { min: minPasswordLength })}
              autoComplete="new-password"
              required
              key={form.key('newPassword')}
              {...form.getInputProps('newPassword')}
              aria-invalid={form.errors.newPassword ? true : undefined}
              visibilityToggleButtonProps={toggle}
            />
            <PasswordInput
              label={t('account.password.confirm')}
              autoComplete="new-password"
              required
              key={form.key('confirmPassword')}
              {...form.getInputProps('confirmPassword')}
              aria-invalid={form.errors.confirmPassword ? true : undefined}
              visibilityToggleButtonProps={toggle}
            />
            <Button type="submit" loading={reset.isPending} fullWidth>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  )
}
