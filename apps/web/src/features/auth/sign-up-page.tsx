import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { looksLikeEmail, minPasswordLength, type SignUpInput, signUpWithEmail } from './auth-api.ts'
import { authFormErrors } from './auth-errors.ts'
import { AuthLayout } from './auth-layout.tsx'

const route = getRouteApi('/sign-up')

export function SignUpPage() {
  const { t } = useTranslation()
  const { redirect } = route.useSearch()
  const router = useRouter()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)
  usePageTitle(t('auth.signUp.title'))

  const form = useForm<SignUpInput>({
    mode: 'controlled',
    initialValues: { name: '', email: '', password: '' },
    validate: {
      name: (value) => (value.trim() ? null : t('auth.validation.nameRequired')),
      email: (value) => (looksLikeEmail(value) ? null : t('auth.validation.emailInvalid')),
      password: (value) =>
        value.length >= minPasswordLength
          ? null
          : t('auth.validation.passwordTooShort', { min: minPasswordLength }),
    },
  })

  const signUp = useMutation({
    mutationFn: signUpWithEmail,
    onSuccess: async () => {
      queryClient.clear()
      await router.navigate({ href: redirect ?? '/orgs' })
    },
    onError: (error) => {
      const errors = authFormErrors(t, error, ['name', 'email', 'password'])
      form.setErrors(errors.fields)
      setFormError(errors.form)
    },
  })

  return (
    <AuthLayout title={t('auth.signUp.title')} subtitle={t('auth.signUp.subtitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null)
          signUp.mutate({ name: values.name.trim(), email: values.email.trim(), password: values.password })
        })}
      >
        <Stack gap="md">
          <FormErrorAlert message={formError} />
          <TextInput
            label={t('auth.fields.name')}
            autoComplete="name"
            required
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
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
            description={t('auth.fields.passwordHint', { min: minPasswordLength })}
            autoComplete="new-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
            // Mantine leaves aria-invalid off the inner password input
            aria-invalid={form.errors.password ? true : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.fields.togglePassword') }}
          />
          <Button type="submit" loading={signUp.isPending} fullWidth>
            {t('auth.signUp.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.signUp.haveAccount')}{' '}
            <AnchorLink to="/sign-in" search={redirect ? { redirect } : {}}>
              {t('auth.signUp.toSignIn')}
            </AnchorLink>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
