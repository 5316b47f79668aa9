import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { Plan, SubscriptionStatus } from '@minga/contracts'
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PencilIcon, PlusIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { formatInstant } from '../audit/audit-api.ts'
import { adminOrgsQuery, adminPlansQuery, putPlan, updateSubscription } from './admin-api.ts'

const statuses = ['trialing', 'active', 'past_due', 'cancelled'] as const

/** Platform administration: every org with its plan and status, and the plans. */
export function AdminPage() {
  const { t } = useTranslation()
  usePageTitle(t('admin.title'))
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('admin.title')}</Title>
        <Text c="dimmed">{t('admin.subtitle')}</Text>
      </div>
      <Tabs defaultValue="orgs" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="orgs">{t('admin.tabs.orgs')}</Tabs.Tab>
          <Tabs.Tab value="plans">{t('admin.tabs.plans')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="orgs" pt="lg">
          <OrgsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="plans" pt="lg">
          <PlansPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

function OrgsPanel() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const orgs = useInfiniteQuery(adminOrgsQuery)
  const plans = useQuery(adminPlansQuery)
  const update = useMutation({
    mutationFn: (input: { orgId: string; planKey?: string; status?: SubscriptionStatus }) => {
      const { orgId, ...patch } = input
      return updateSubscription(orgId, patch)
    },
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'orgs'] })
      await queryClient.invalidateQueries({ queryKey: ['orgs'] })
      notifications.show({ color: 'teal', message: t('admin.orgs.updated', { name: org.name }) })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })
  if (orgs.isPending) return <PageLoader />
  if (!orgs.data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, orgs.error)}
      </Alert>
    )
  }
  const items = orgs.data.pages.flatMap((page) => page.items)
  const planOptions = (plans.data?.items ?? []).map((plan) => ({ value: plan.key, label: plan.name }))
  const statusOptions = statuses.map((value) => ({ value, label: t(`subscription.status.${value}`) }))
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" aria-label={t('admin.tabs.orgs')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.orgs.name')}</Table.Th>
              <Table.Th scope="col">{t('admin.orgs.kind')}</Table.Th>
              <Table.Th scope="col">{t('admin.orgs.plan')}</Table.Th>
              <Table.Th scope="col">{t('admin.orgs.status')}</Table.Th>
              <Table.Th scope="col">{t('admin.orgs.created')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((org) => (
              <Table.Tr key={org.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {org.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {org.slug}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`orgs.kinds.${org.kind}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('admin.orgs.planOf', { name: org.name })}
                    data={
                      planOptions.some((option) => option.value === org.planKey)
                        ? planOptions
                        : [{ value: org.planKey, label: org.planKey }, ...planOptions]
                    }
                    value={org.planKey}
                    allowDeselect={false}
                    size="xs"
                    w={170}
                    disabled={update.isPending}
                    onChange={(value) => {
                      if (value && value !== org.planKey) update.mutate({ orgId: org.id, planKey: value })
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('admin.orgs.statusOf', { name: org.name })}
                    data={statusOptions}
                    value={org.subscriptionStatus}
                    allowDeselect={false}
                    size="xs"
                    w={150}
                    disabled={update.isPending}
                    onChange={(value) => {
                      if (value && value !== org.subscriptionStatus)
                        update.mutate({ orgId: org.id, status: value as SubscriptionStatus })
                    }}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatInstant(org.createdAt, 'America/Bogota', i18n.language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {orgs.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void orgs.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('admin.orgs.statusHint')}
      </Text>
      <Text size="sm">
        <AnchorLink to="/orgs">{t('header.myOrgs')}</AnchorLink>
      </Text>
    </Stack>
  )
}

function PlansPanel() {
  const { t } = useTranslation()
  const plans = useQuery(adminPlansQuery)
  const [editing, setEditing] = useState<Plan | 'new' | null>(null)
  if (plans.isPending) return <PageLoader />
  if (!plans.data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, plans.error)}
      </Alert>
    )
  }
  const limit = (value: number | null) => (value === null ? t('settings.subscription.unlimited') : value)
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
          {t('admin.plans.create')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" aria-label={t('admin.tabs.plans')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.plans.name')}</Table.Th>
              <Table.Th scope="col">{t('settings.subscription.modules')}</Table.Th>
              <Table.Th scope="col">{t('settings.subscription.users')}</Table.Th>
              <Table.Th scope="col">{t('settings.subscription.branches')}</Table.Th>
              <Table.Th scope="col">{t('settings.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.data.items.map((plan) => (
              <Table.Tr key={plan.key}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {plan.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {plan.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {plan.modules === null ? (
                    <Text size="sm">{t('settings.subscription.allModules')}</Text>
                  ) : (
                    <Group gap={4}>
                      {plan.modules.map((key) => (
                        <Badge key={key} size="sm" variant="outline" color="gray">
                          {key}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>{limit(plan.maxUsers)}</Table.Td>
                <Table.Td>{limit(plan.maxBranches)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<PencilIcon size={14} />}
                    aria-label={t('admin.plans.editLabel', { name: plan.name })}
                    onClick={() => setEditing(plan)}
                  >
                    {t('admin.plans.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('admin.plans.create') : t('admin.plans.edit')}
      >
        {editing ? (
          <PlanForm
            key={editing === 'new' ? 'new' : editing.key}
            plan={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  )
}

function PlanForm({ plan, onDone }: { plan: Plan | null; onDone: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      key: plan?.key ?? '',
      name: plan?.name ?? '',
      modules: plan?.modules ?? [],
      maxUsers: (plan?.maxUsers ?? '') as number | string,
      maxBranches: (plan?.maxBranches ?? '') as number | string,
    },
    validate: {
      key: (value) => (/^[a-z0-9_-]{2,40}$/.test(value) ? null : t('admin.plans.keyFormat')),
      name: (value) => (value.trim().length >= 2 ? null : t('settings.roles.nameRequired')),
    },
  })
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      putPlan(values.key, {
        name: values.name.trim(),
        modules: values.modules.length > 0 ? values.modules : null,
        maxUsers: values.maxUsers === '' ? null : Number(values.maxUsers),
        maxBranches: values.maxBranches === '' ? null : Number(values.maxBranches),
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] })
      notifications.show({ color: 'teal', message: t('admin.plans.saved', { name: saved.name }) })
      onDone()
    },
    onError: (error) => {
      if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) {
        form.setErrors(error.fieldErrors)
        return
      }
      setFormError(errorMessage(t, error))
    },
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null)
        save.mutate(values)
      })}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <TextInput
          label={t('admin.plans.key')}
          required
          disabled={plan !== null}
          key={form.key('key')}
          {...form.getInputProps('key')}
        />
        <TextInput
          label={t('admin.plans.name')}
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <TagsInput
          label={t('settings.subscription.modules')}
          description={t('admin.plans.modulesHint')}
          key={form.key('modules')}
          {...form.getInputProps('modules')}
        />
        <Group grow>
          <NumberInput
            label={t('admin.plans.maxUsers')}
            description={t('admin.plans.emptyUnlimited')}
            min={1}
            key={form.key('maxUsers')}
            {...form.getInputProps('maxUsers')}
          />
          <NumberInput
            label={t('admin.plans.maxBranches')}
            description={t('admin.plans.emptyUnlimited')}
            min={0}
            key={form.key('maxBranches')}
            {...form.getInputProps('maxBranches')}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('admin.plans.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
