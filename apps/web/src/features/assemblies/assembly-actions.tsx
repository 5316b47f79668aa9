import { Alert, Button, Group, List, Modal, Radio, Stack, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import type { Assembly } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { AlertIcon } from '../../ui/icons.tsx'
import { assembliesKey, closeAssembly, conveneAssembly, startAssembly } from './assemblies-api.ts'
import { formProblems } from './assembly-problems.ts'

/** Convocar / Iniciar la sesión / Cerrar la asamblea, each behind a small dialog. */
export function AssemblyActions({ slug, assembly }: { slug: string; assembly: Assembly }) {
  if (assembly.status === 'draft') return <ConveneButton slug={slug} assembly={assembly} />
  if (assembly.status === 'convened') return <StartButton slug={slug} assembly={assembly} />
  if (assembly.status === 'in_session') return <CloseButton slug={slug} assembly={assembly} />
  return null
}

function useRefresh(slug: string) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: assembliesKey(slug) })
}

/** The convocation's problems (notice too short, coefficients ≠ 100 %, no agenda) shown in the dialog. */
function ConveneButton({ slug, assembly }: { slug: string; assembly: Assembly }) {
  const { t } = useTranslation()
  const refresh = useRefresh(slug)
  const [opened, { open, close }] = useDisclosure(false)
  const [noticeSentOn, setNoticeSentOn] = useState(assembly.noticeSentOn ?? '')
  const [problems, setProblems] = useState<{ fieldErrors: Record<string, string>; general: string[] } | null>(
    null,
  )
  const convene = useMutation({
    mutationFn: () => conveneAssembly(slug, assembly.id, noticeSentOn ? { noticeSentOn } : {}),
    onSuccess: async () => {
      close()
      setProblems(null)
      notifications.show({ message: t('assemblies.console.convened') })
      await refresh()
    },
    onError: (error) => {
      const found = formProblems(t, error, ['noticeSentOn', 'noticeDays'])
      setProblems(found)
    },
  })
  const noticeError = problems?.fieldErrors.noticeSentOn ?? problems?.fieldErrors.noticeDays

  return (
    <>
      <Button onClick={open}>{t('assemblies.console.convene')}</Button>
      <Modal opened={opened} onClose={close} title={t('assemblies.console.conveneTitle')} centered>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            setProblems(null)
            convene.mutate()
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('assemblies.console.conveneBody')}</Text>
            {problems && problems.general.length > 0 ? (
              <Alert
                color="red"
                icon={<AlertIcon />}
                role="alert"
                title={t('assemblies.console.problemsTitle')}
              >
                <List size="sm">
                  {problems.general.map((message) => (
                    <List.Item key={message}>{message}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            <TextInput
              type="date"
              label={t('assemblies.console.conveneNoticeSentOn')}
              value={noticeSentOn}
              onChange={(event) => setNoticeSentOn(event.currentTarget.value)}
              error={noticeError}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={convene.isPending}>
                {t('assemblies.console.conveneConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}

function StartButton({ slug, assembly }: { slug: string; assembly: Assembly }) {
  const { t } = useTranslation()
  const refresh = useRefresh(slug)
  const [opened, { open, close }] = useDisclosure(false)
  const [call, setCall] = useState<'first' | 'second'>('first')
  const start = useMutation({
    mutationFn: () => startAssembly(slug, assembly.id, { call }),
    onSuccess: async () => {
      close()
      notifications.show({ message: t('assemblies.console.started') })
      await refresh()
    },
  })
  return (
    <>
      <Button onClick={open}>{t('assemblies.console.start')}</Button>
      <Modal opened={opened} onClose={close} title={t('assemblies.console.startTitle')} centered>
        <Stack gap="md">
          {start.error ? (
            <Alert color="red" role="alert">
              {formProblems(t, start.error, []).general.join(' ')}
            </Alert>
          ) : null}
          <Radio.Group
            label={t('assemblies.console.startBody')}
            value={call}
            onChange={(value) => setCall(value === 'second' ? 'second' : 'first')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="first" label={t('assemblies.calls.first')} />
              <Radio value="second" label={t('assemblies.calls.second')} />
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button loading={start.isPending} onClick={() => start.mutate()}>
              {t('assemblies.console.startConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

function CloseButton({ slug, assembly }: { slug: string; assembly: Assembly }) {
  const { t } = useTranslation()
  const refresh = useRefresh(slug)
  const [opened, { open, close }] = useDisclosure(false)
  const finish = useMutation({
    mutationFn: () => closeAssembly(slug, assembly.id),
    onSuccess: async () => {
      close()
      notifications.show({ message: t('assemblies.console.closed') })
      await refresh()
    },
  })
  return (
    <>
      <Button color="red" variant="light" onClick={open}>
        {t('assemblies.console.close')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('assemblies.console.closeTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('assemblies.console.closeBody')}</Text>
          {finish.error ? (
            <Alert color="red" role="alert">
              {errorMessage(t, finish.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={finish.isPending} onClick={() => finish.mutate()}>
              {t('assemblies.console.closeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
