import { Alert, Button, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { CheckIcon } from '../../ui/icons.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { looksLikeEmail, requestPasswordReset } from './auth-api.ts'
import { AuthLayout } from './auth-layout.tsx'

/**
 * Asks for a reset link. Whether the address has an account or not, the answer is the same
 * confirmation, so the page never tells who is registered.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  usePageTitle(t('auth.forgot.title'))

  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: (value) => (looksLikeEmail(value) ? null : t('auth.validation.emailInvalid')) },
  })
  const request = useMutation({
    mutationFn: requestPasswordReset,
    onSuccess: (_, email) => setSentTo(email),
    onError: (error, email) => {
      // Only problems reaching the server are worth telling; any answer from it gets the same text.
      if (isApiError(error) && (error.status === 0 || error.status === 429 || error.status >= 500)) {
        setFormError(errorMessage(t, error))
        return
      }
      setSentTo(email)
    },
  })

  return (
    <AuthLayout title={t('auth.forgot.title')} subtitle={t('auth.forgot.subtitle')}>
      {sentTo ? (
        <Stack gap="md">
          <Alert color="teal" icon={<CheckIcon />} role="status">
            {t('auth.forgot.sent', { email: sentTo })}
          </Alert>
          <Text size="sm" ta="center">
            <AnchorLink to="/sign-in">{t('auth.forgot.backToSignIn')}</AnchorLink>
          </Text>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFormError(null)
            request.mutate(values.email.trim())
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
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.forgot.submit')}
            </Button>
            <Text size="sm" ta="center">
              <AnchorLink to="/sign-in">{t('auth.forgot.backToSignIn')}</AnchorLink>
            </Text>
          </Stack>
        </form>
      )}
    </AuthLayout>
  )
}
