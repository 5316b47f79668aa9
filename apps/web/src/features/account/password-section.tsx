import { Button, Group, PasswordInput, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { minPasswordLength } from '../auth/auth-api.ts'
import { changePassword } from './account-api.ts'
import { AccountSection } from './account-section.tsx'

interface PasswordValues {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

type PasswordField = keyof PasswordValues

/** Better Auth (and Minga's password policy) codes that belong under one input. */
const newPasswordCodes = new Set([
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_COMMON',
  'PASSWORD_TOO_PREDICTABLE',
])

/** Where a failed password change shows its message: under an input, or above the form. */
export function passwordChangeErrors(
  t: TFunction,
  error: unknown,
): { fields: Partial<Record<PasswordField, string>>; form: string | null } {
  if (isApiError(error)) {
    if (error.code === 'INVALID_PASSWORD') {
      return { fields: { currentPassword: t('account.password.wrongCurrent') }, form: null }
    }
    if (newPasswordCodes.has(error.code)) {
      return { fields: { newPassword: errorMessage(t, error) }, form: null }
    }
    const fields: Partial<Record<PasswordField, string>> = {}
    for (const name of ['currentPassword', 'newPassword'] as const) {
      const message = error.fieldErrors[name]
      if (message) fields[name] = message
    }
    if (Object.keys(fields).length > 0) return { fields, form: null }
  }
  return { fields: {}, form: errorMessage(t, error) }
}

export function PasswordSection() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)

  const form = useForm<PasswordValues>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('auth.validation.passwordRequired')),
      newPassword: (value) =>
        value.length >= minPasswordLength
          ? null
          : t('auth.validation.passwordTooShort', { min: minPasswordLength }),
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : t('account.password.mismatch'),
    },
  })

  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      form.reset()
      void queryClient.invalidateQueries({ queryKey: ['account'] })
      notifications.show({ color: 'teal', message: t('account.password.changed') })
    },
    onError: (error) => {
      const errors = passwordChangeErrors(t, error)
      form.setErrors(errors.fields)
      setFormError(errors.form)
    },
  })

  const toggle = { 'aria-label': t('auth.fields.togglePassword') }
  return (
    <AccountSection title={t('account.password.title')} description={t('account.password.subtitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null)
          change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword })
        })}
      >
        <Stack gap="md" maw={480}>
          <FormErrorAlert message={formError} />
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
            aria-invalid={form.errors.currentPassword ? true : undefined}
            visibilityToggleButtonProps={toggle}
          />
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
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AccountSection>
  )
}
