import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { meQuery } from '../../app/auth/session.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { authSessionQuery, sendVerificationEmail, updateName } from './account-api.ts'
import { AccountSection } from './account-section.tsx'

export function ProfileSection() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const { data: me } = useQuery(meQuery)
  const user = me?.user
  const [formError, setFormError] = useState<string | null>(null)

  const form = useForm({
    mode: 'controlled',
    // the session is loaded before any signed-in page renders
    initialValues: { name: user?.name ?? '' },
    validate: { name: (value) => (value.trim().length >= 2 ? null : t('auth.validation.nameRequired')) },
  })
  const save = useMutation({
    mutationFn: updateName,
    onSuccess: (_, name) => {
      queryClient.setQueryData(meQuery.queryKey, (old) => (old ? { user: { ...old.user, name } } : old))
      void queryClient.invalidateQueries({ queryKey: authSessionQuery.queryKey })
      form.setInitialValues({ name })
      form.resetDirty({ name })
      notifications.show({ color: 'teal', message: t('account.profile.saved') })
    },
    onError: (error) => setFormError(errorMessage(t, error)),
  })

  const resend = useMutation({
    mutationFn: sendVerificationEmail,
    onSuccess: (_, email) =>
      notifications.show({ color: 'teal', message: t('account.profile.verificationSent', { email }) }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })

  if (!user) return null
  return (
    <AccountSection title={t('account.profile.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null)
          save.mutate(values.name.trim())
        })}
      >
        <Stack gap="md" maw={480}>
          <FormErrorAlert message={formError} />
          <TextInput
            label={t('auth.fields.name')}
            autoComplete="name"
            required
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('account.profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('auth.fields.email')}
        </Text>
        <Group gap="sm">
          <Text>{user.email}</Text>
          {user.emailVerified ? (
            <Badge color="teal" variant="light">
              {t('account.profile.verified')}
            </Badge>
          ) : (
            <Badge color="yellow" variant="light">
              {t('account.profile.notVerified')}
            </Badge>
          )}
        </Group>
        {user.emailVerified ? null : (
          <Group>
            <Button variant="default" loading={resend.isPending} onClick={() => resend.mutate(user.email)}>
              {t('account.profile.resendVerification')}
            </Button>
          </Group>
        )}
      </Stack>
    </AccountSection>
  )
}
