import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { looksLikeEmail, needsSecondFactor, type SignInInput, signInWithEmail } from './auth-api.ts'
import { authFormErrors } from './auth-errors.ts'
import { AuthLayout } from './auth-layout.tsx'
import { TwoFactorStep } from './two-factor-step.tsx'

const route = getRouteApi('/sign-in')

export function SignInPage() {
  const { t } = useTranslation()
  const { redirect } = route.useSearch()
  const router = useRouter()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)
  const [step, setStep] = useState<'password' | 'code'>('password')
  usePageTitle(step === 'code' ? t('auth.twoFactor.title') : t('auth.signIn.title'))

  const form = useForm<SignInInput>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (looksLikeEmail(value) ? null : t('auth.validation.emailInvalid')),
      password: (value) => (value ? null : t('auth.validation.passwordRequired')),
    },
  })

  async function finish() {
    queryClient.clear()
    await router.navigate({ href: redirect ?? '/orgs' })
  }

  const signIn = useMutation({
    mutationFn: signInWithEmail,
    onSuccess: async (result) => {
      if (needsSecondFactor(result)) {
        setStep('code')
        return
      }
      await finish()
    },
    onError: (error) => {
      const errors = authFormErrors(t, error, ['email', 'password'])
      form.setErrors(errors.fields)
      setFormError(errors.form)
    },
  })

  if (step === 'code') {
    return (
      <AuthLayout title={t('auth.twoFactor.title')} subtitle={t('auth.twoFactor.subtitle')}>
        <TwoFactorStep
          onVerified={() => void finish()}
          onRestart={() => {
            form.setFieldValue('password', '')
            setStep('password')
          }}
        />
      </AuthLayout>
    )
  }

  return (
    <AuthLayout title={t('auth.signIn.title')} subtitle={t('auth.signIn.subtitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null)
          signIn.mutate({ email: values.email.trim(), password: values.password })
        })}
      >
        <Stack gap="md">
          <FormErrorAlert message={formError} />
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            autoComplete="email"
            required
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.fields.password')}
            autoComplete="current-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
            // Mantine leaves aria-invalid off the inner password input
            aria-invalid={form.errors.password ? true : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.fields.togglePassword') }}
          />
          <Group justify="flex-end" mt={-8}>
            <AnchorLink to="/forgot-password" size="sm">
              {t('auth.signIn.forgotPassword')}
            </AnchorLink>
          </Group>
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.signIn.noAccount')}{' '}
            <AnchorLink to="/sign-up" search={redirect ? { redirect } : {}}>
              {t('auth.signIn.toSignUp')}
            </AnchorLink>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
