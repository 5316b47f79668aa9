import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { OrgKind } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { ButtonLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { type CreateOrgField, type CreateOrgValues, validateCreateOrg } from './create-org-form.ts'
import { orgKinds } from './org-kind.ts'
import { createOrg, orgQuery } from './orgs-api.ts'
import { suggestSlug } from './slug.ts'

const fields: readonly CreateOrgField[] = ['name', 'slug', 'kind']

export function CreateOrgPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)
  usePageTitle(t('orgs.form.title'))
  // The slug follows the name until the person edits it.
  const [slugEdited, setSlugEdited] = useState(false)

  const form = useForm<CreateOrgValues>({
    mode: 'controlled',
    initialValues: { name: '', slug: '', kind: '' },
    validate: (values) => validateCreateOrg(t, values),
  })

  const create = useMutation({
    mutationFn: (values: CreateOrgValues) =>
      createOrg({ name: values.name.trim(), slug: values.slug, kind: values.kind as OrgKind }),
    onSuccess: async (org) => {
      queryClient.setQueryData(orgQuery(org.slug).queryKey, org)
      await queryClient.invalidateQueries({ queryKey: ['orgs', 'mine'] })
      notifications.show({ color: 'teal', message: t('orgs.form.created', { name: org.name }) })
      await navigate({ to: '/o/$org', params: { org: org.slug } })
    },
    onError: (error) => {
      const fieldErrors: Partial<Record<CreateOrgField, string>> = {}
      if (isApiError(error)) {
        for (const field of fields) {
          const message = error.fieldErrors[field]
          if (message) fieldErrors[field] = message
        }
        if (error.status === 409 && Object.keys(fieldErrors).length === 0) {
          fieldErrors.slug = t('orgs.form.errors.slugTaken')
        }
      }
      if (Object.keys(fieldErrors).length > 0) {
        form.setErrors(fieldErrors)
        setFormError(null)
      } else {
        setFormError(errorMessage(t, error))
      }
    },
  })

  const nameInput = form.getInputProps('name')
  const slugInput = form.getInputProps('slug')
  const slug = form.getValues().slug

  return (
    <Stack gap="lg" maw={560}>
      <div>
        <Title order={1}>{t('orgs.form.title')}</Title>
        <Text c="dimmed">{t('orgs.form.subtitle')}</Text>
      </div>
      <Paper withBorder radius="md" p="xl">
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFormError(null)
            create.mutate(values)
          })}
        >
          <Stack gap="md">
            <FormErrorAlert message={formError} />
            <TextInput
              label={t('orgs.form.name')}
              placeholder={t('orgs.form.namePlaceholder')}
              required
              autoComplete="organization"
              {...nameInput}
              onChange={(event) => {
                const name = event.currentTarget.value
                form.setFieldValue('name', name)
                if (!slugEdited) form.setFieldValue('slug', suggestSlug(name))
              }}
            />
            <TextInput
              label={t('orgs.form.slug')}
              description={t('orgs.form.slugHint', { slug: slug || '…' })}
              required
              autoComplete="off"
              spellCheck={false}
              {...slugInput}
              onChange={(event) => {
                const value = event.currentTarget.value.toLowerCase()
                form.setFieldValue('slug', value)
                setSlugEdited(value !== '')
              }}
            />
            <NativeSelect
              label={t('orgs.form.kind')}
              required
              data={[
                { value: '', label: t('orgs.form.kindPlaceholder'), disabled: true },
                ...orgKinds.map((kind) => ({ value: kind, label: t(`orgs.kinds.${kind}`) })),
              ]}
              {...form.getInputProps('kind')}
            />
            <Group justify="flex-end" mt="sm">
              <ButtonLink to="/orgs" variant="default">
                {t('orgs.form.cancel')}
              </ButtonLink>
              <Button type="submit" loading={create.isPending}>
                {t('orgs.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
