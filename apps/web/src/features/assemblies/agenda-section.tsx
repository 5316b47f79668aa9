import { ActionIcon, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { AgendaItem, Assembly, AssemblyQuorumStatus, Motion } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PlusIcon, TrashIcon } from '../../ui/icons.tsx'
import { addAgendaItem, assemblyKey, removeAgendaItem } from './assemblies-api.ts'
import { formProblems } from './assembly-problems.ts'
import { CreateMotionForm } from './create-motion-form.tsx'
import { MotionCard } from './motion-card.tsx'

/** The agenda with the motions of each item; managers add items (until convened) and motions. */
export function AgendaSection({
  slug,
  assembly,
  motions,
  quorum,
  manage,
}: {
  slug: string
  assembly: Assembly
  motions: Motion[]
  quorum: AssemblyQuorumStatus | undefined
  manage: boolean
}) {
  const { t } = useTranslation()
  const [motionFor, setMotionFor] = useState<AgendaItem | null>(null)
  const editable = manage && (assembly.status === 'draft' || assembly.status === 'convened')

  return (
    <Stack gap="md" component="section" aria-labelledby="agenda-title">
      <Title order={2} size="h3" id="agenda-title">
        {t('assemblies.agenda.title')}
      </Title>
      {assembly.agenda.length === 0 ? <Text c="dimmed">{t('assemblies.agenda.empty')}</Text> : null}
      {assembly.agenda.map((item, index) => {
        const itemMotions = motions.filter((motion) => motion.agendaItemId === item.id)
        return (
          <Paper key={item.id} withBorder radius="md" p="md">
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Title order={3} size="h4">
                    {t('assemblies.agenda.item', { number: index + 1, title: item.title })}
                  </Title>
                  {item.description ? (
                    <Text size="sm" c="dimmed">
                      {item.description}
                    </Text>
                  ) : null}
                </div>
                <Group gap="xs" wrap="nowrap">
                  {manage && assembly.status !== 'closed' ? (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<PlusIcon size={14} />}
                      onClick={() => setMotionFor(item)}
                      aria-label={t('assemblies.agenda.newMotionFor', { title: item.title })}
                    >
                      {t('assemblies.agenda.newMotion')}
                    </Button>
                  ) : null}
                  {manage && assembly.status === 'draft' && itemMotions.length === 0 ? (
                    <RemoveItemButton slug={slug} assembly={assembly} item={item} />
                  ) : null}
                </Group>
              </Group>
              {itemMotions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('assemblies.agenda.noMotions')}
                </Text>
              ) : (
                itemMotions.map((motion) => (
                  <MotionCard
                    key={motion.id}
                    slug={slug}
                    assembly={assembly}
                    motion={motion}
                    quorum={quorum}
                    manage={manage}
                  />
                ))
              )}
            </Stack>
          </Paper>
        )
      })}
      {editable ? <NewAgendaItem slug={slug} assembly={assembly} /> : null}
      <Modal
        opened={motionFor !== null}
        onClose={() => setMotionFor(null)}
        title={motionFor ? t('assemblies.agenda.newMotionFor', { title: motionFor.title }) : ''}
        size="lg"
      >
        {motionFor ? (
          <CreateMotionForm
            slug={slug}
            assembly={assembly}
            agendaItemId={motionFor.id}
            onDone={() => setMotionFor(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  )
}

function RemoveItemButton({ slug, assembly, item }: { slug: string; assembly: Assembly; item: AgendaItem }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: () => removeAgendaItem(slug, assembly.id, item.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assemblyKey(slug, assembly.id) }),
    onError: (error) =>
      notifications.show({ color: 'red', message: formProblems(t, error, []).general.join(' ') }),
  })
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      loading={remove.isPending}
      onClick={() => remove.mutate()}
      aria-label={t('assemblies.agenda.removeItem', { title: item.title })}
    >
      <TrashIcon size={16} />
    </ActionIcon>
  )
}

function NewAgendaItem({ slug, assembly }: { slug: string; assembly: Assembly }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [general, setGeneral] = useState<string | null>(null)
  const add = useMutation({
    mutationFn: () => addAgendaItem(slug, assembly.id, { title: title.trim() }),
    onSuccess: async () => {
      setTitle('')
      notifications.show({ message: t('assemblies.agenda.itemAdded') })
      await queryClient.invalidateQueries({ queryKey: assemblyKey(slug, assembly.id) })
    },
    onError: (failure) => {
      const problems = formProblems(t, failure, ['title'])
      setError(problems.fieldErrors.title ?? null)
      setGeneral(problems.general.join(' ') || null)
    },
  })
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        setError(null)
        setGeneral(null)
        if (title.trim().length < 3) {
          setError(t('assemblies.create.titleLength'))
          return
        }
        add.mutate()
      }}
    >
      <Stack gap="xs">
        <FormErrorAlert message={general} />
        <Group align="flex-end" gap="xs">
          <TextInput
            style={{ flex: 1 }}
            label={t('assemblies.agenda.newItem')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={error}
            maxLength={200}
          />
          <Button type="submit" variant="default" loading={add.isPending}>
            {t('assemblies.agenda.addItem')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
