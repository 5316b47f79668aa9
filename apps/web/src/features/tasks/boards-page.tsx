import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { useOrgEvent } from '../../app/realtime.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { ModuleIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { boardsQuery, createBoard, myTaskPermissionsQuery, taskAbilities, tasksKey } from './tasks-api.ts'

const orgRoute = getRouteApi('/_authed/o/$org')

/** /o/$org/tasks: the org's boards. */
export function BoardsPage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const { manage } = taskAbilities(useQuery(myTaskPermissionsQuery(slug)).data)
  const list = useInfiniteQuery(boardsQuery(slug))
  const [creating, setCreating] = useState(false)
  usePageTitle(t('tasks.title'))
  useOrgEvent(slug, 'board.changed', () => {
    void queryClient.invalidateQueries({ queryKey: [...tasksKey(slug), 'boards'] })
  })

  const newBoardButton = manage ? (
    <Button onClick={() => setCreating(true)}>{t('tasks.newBoard')}</Button>
  ) : null
  let body: React.ReactNode
  if (list.isPending) body = <PageLoader />
  else if (!list.data) {
    const forbidden = isApiError(list.error) && list.error.status === 403
    body = (
      <Alert color={forbidden ? 'yellow' : 'red'} role="alert">
        {forbidden ? t('tasks.forbidden') : errorMessage(t, list.error)}
      </Alert>
    )
  } else {
    const boards = list.data.pages.flatMap((page) => page.items)
    body =
      boards.length === 0 ? (
        <EmptyState icon={<ModuleIcon />} title={t('tasks.emptyBoards')} action={newBoardButton}>
          {manage ? t('tasks.emptyBoardsHint') : t('tasks.emptyBoardsMember')}
        </EmptyState>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, md: 3 }}
          component="ul"
          aria-label={t('tasks.boardsLabel')}
          p={0}
          m={0}
        >
          {boards.map((board) => (
            <Paper component="li" key={board.id} withBorder radius="md" p="md" style={{ listStyle: 'none' }}>
              <AnchorLink to="/o/$org/tasks/$boardId" params={{ org: slug, boardId: board.id }} fw={600}>
                {board.name}
              </AnchorLink>
              {board.description ? (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {board.description}
                </Text>
              ) : null}
            </Paper>
          ))}
        </SimpleGrid>
      )
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('tasks.title')}</Title>
          <Text c="dimmed">{t('tasks.subtitle')}</Text>
        </div>
        {newBoardButton}
      </Group>
      {body}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('tasks.boardForm.title')}>
        <CreateBoardForm
          slug={slug}
          onCreated={(boardId) => {
            setCreating(false)
            void queryClient.invalidateQueries({ queryKey: tasksKey(slug) })
            void navigate({ to: '/o/$org/tasks/$boardId', params: { org: slug, boardId } })
          }}
        />
      </Modal>
    </Stack>
  )
}

function CreateBoardForm({ slug, onCreated }: { slug: string; onCreated: (boardId: string) => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [nameError, setNameError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) {
      setNameError(t('tasks.boardForm.nameRequired'))
      return
    }
    setSaving(true)
    setFailure(null)
    try {
      const detail = await createBoard(slug, { name: name.trim(), description: description.trim() })
      onCreated(detail.board.id)
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.name) setNameError(error.fieldErrors.name)
      else setFailure(errorMessage(t, error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormErrorAlert message={failure} />
        <TextInput
          label={t('tasks.boardForm.name')}
          placeholder={t('tasks.boardForm.namePlaceholder')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value)
            setNameError(null)
          }}
          error={nameError}
          maxLength={120}
          required
          data-autofocus
        />
        <Textarea
          label={t('tasks.boardForm.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          rows={3}
        />
        <Text size="sm" c="dimmed">
          {t('tasks.boardForm.defaultColumns')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {t('tasks.boardForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
