import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  MultiSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Task, TaskBoardDetail } from '@minga/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ConfirmButton } from '../../ui/confirm-button.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { TrashIcon } from '../../ui/icons.tsx'
import { formatInstant } from './task-dates.ts'
import {
  activityQuery,
  addAttachment,
  addChecklistItem,
  addComment,
  boardKey,
  cardKey,
  commentsQuery,
  deleteCard,
  type MemberOption,
  removeChecklistItem,
  updateCard,
  updateChecklistItem,
} from './tasks-api.ts'

/** The card's details beside the board: edit, checklist, links, comments with mentions, activity. */
export function TaskDrawer({
  slug,
  detail,
  taskId,
  members,
  canWrite,
  onClose,
}: {
  slug: string
  detail: TaskBoardDetail
  taskId: string | null
  members: MemberOption[]
  canWrite: boolean
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const task = taskId ? detail.tasks.find((x) => x.id === taskId) : undefined
  return (
    <Drawer opened={!!task} onClose={onClose} position="right" size="lg" title={task?.title ?? ''}>
      {task ? (
        <Stack gap="lg">
          {!canWrite ? (
            <Alert color="gray" variant="light">
              {t('tasks.drawer.readOnly')}
            </Alert>
          ) : null}
          {task.completedAt ? (
            <Text size="sm" c="green.8">
              {t('tasks.drawer.completedAt', { date: formatInstant(task.completedAt, i18n.language) })}
            </Text>
          ) : null}
          <TaskFields
            key={`${task.id}:${task.version}`}
            slug={slug}
            detail={detail}
            task={task}
            members={members}
            canWrite={canWrite}
          />
          <Checklist slug={slug} detail={detail} task={task} canWrite={canWrite} />
          <Attachments slug={slug} detail={detail} task={task} canWrite={canWrite} />
          <Comments slug={slug} detail={detail} task={task} members={members} canWrite={canWrite} />
          <Activity slug={slug} task={task} members={members} />
          {canWrite ? (
            <ConfirmButton
              color="red"
              variant="light"
              leftSection={<TrashIcon />}
              title={t('tasks.drawer.delete')}
              message={t('tasks.drawer.deleteConfirm')}
              confirmLabel={t('tasks.drawer.delete')}
              onConfirm={async () => {
                await deleteCard(slug, task.id)
                onClose()
                await invalidate(queryClient, slug, detail.board.id, task.id)
              }}
            >
              {t('tasks.drawer.delete')}
            </ConfirmButton>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  )
}

async function invalidate(
  queryClient: ReturnType<typeof useQueryClient>,
  slug: string,
  boardId: string,
  taskId: string,
) {
  await queryClient.invalidateQueries({ queryKey: boardKey(slug, boardId) })
  await queryClient.invalidateQueries({ queryKey: cardKey(slug, taskId) })
}

function memberName(members: MemberOption[], id: string | null, fallback: string) {
  return members.find((m) => m.userId === id)?.name ?? fallback
}

function TaskFields({
  slug,
  detail,
  task,
  members,
  canWrite,
}: {
  slug: string
  detail: TaskBoardDetail
  task: Task
  members: MemberOption[]
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [title, setTitle] = useState(task.title)
  const [description, setDescription] = useState(task.description)
  const [assigneeIds, setAssigneeIds] = useState(task.assigneeIds)
  const [labelIds, setLabelIds] = useState(task.labelIds)
  const [dueOn, setDueOn] = useState(task.dueOn ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const memberOptions = members.map((m) => ({ value: m.userId, label: m.name }))
  // Assignees who are not in the loaded member list still show (by a neutral name).
  for (const id of task.assigneeIds)
    if (!memberOptions.some((o) => o.value === id))
      memberOptions.push({ value: id, label: t('tasks.drawer.unknownMember') })

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) {
      setErrors({ title: t('tasks.card.titleRequired') })
      return
    }
    setSaving(true)
    setFailure(null)
    try {
      await updateCard(slug, task.id, task.version, {
        title: title.trim(),
        description,
        assigneeIds,
        labelIds,
        dueOn: dueOn || null,
      })
      notifications.show({ color: 'green', message: t('tasks.drawer.saved') })
    } catch (error) {
      if (isApiError(error) && error.status === 412) setFailure(t('tasks.drawer.stale'))
      else if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) setErrors(error.fieldErrors)
      else setFailure(errorMessage(t, error))
    } finally {
      setSaving(false)
      await invalidate(queryClient, slug, detail.board.id, task.id)
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm">
        <FormErrorAlert message={failure} />
        <TextInput
          label={t('tasks.card.titleLabel')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          readOnly={!canWrite}
          maxLength={200}
        />
        <Textarea
          label={t('tasks.drawer.description')}
          placeholder={t('tasks.drawer.descriptionPlaceholder')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          readOnly={!canWrite}
          rows={3}
        />
        <MultiSelect
          label={t('tasks.drawer.assignees')}
          data={memberOptions}
          value={assigneeIds}
          onChange={setAssigneeIds}
          error={errors[String(assigneeIds.length - 1)] ?? errors.assigneeIds}
          readOnly={!canWrite}
          searchable
        />
        <MultiSelect
          label={t('tasks.drawer.labels')}
          data={detail.labels.map((l) => ({ value: l.id, label: l.name }))}
          value={labelIds}
          onChange={setLabelIds}
          readOnly={!canWrite}
        />
        <TextInput
          type="date"
          label={t('tasks.drawer.dueOn')}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          error={errors.dueOn}
          readOnly={!canWrite}
        />
        {canWrite ? (
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              {t('tasks.drawer.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  )
}

function Checklist({
  slug,
  detail,
  task,
  canWrite,
}: {
  slug: string
  detail: TaskBoardDetail
  task: Task
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [text, setText] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const run = async (action: () => Promise<unknown>) => {
    setFailure(null)
    try {
      await action()
    } catch (error) {
      setFailure(errorMessage(t, error))
    } finally {
      await invalidate(queryClient, slug, detail.board.id, task.id)
    }
  }
  return (
    <Stack gap="xs">
      <Divider label={t('tasks.drawer.checklist')} labelPosition="left" />
      <FormErrorAlert message={failure} />
      {task.checklist.map((item) => (
        <Group key={item.id} justify="space-between" wrap="nowrap">
          <Checkbox
            label={item.text}
            checked={item.done}
            disabled={!canWrite}
            onChange={(e) => {
              const done = e.currentTarget.checked
              void run(() => updateChecklistItem(slug, task.id, item.id, { done }))
            }}
          />
          {canWrite ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('tasks.drawer.removeItem', { text: item.text })}
              onClick={() => void run(() => removeChecklistItem(slug, task.id, item.id))}
            >
              <TrashIcon />
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      {canWrite ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            if (!text.trim()) return
            const value = text.trim()
            setText('')
            void run(() => addChecklistItem(slug, task.id, value))
          }}
        >
          <Group gap="xs" wrap="nowrap">
            <TextInput
              aria-label={t('tasks.drawer.itemPlaceholder')}
              placeholder={t('tasks.drawer.itemPlaceholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={300}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light">
              {t('tasks.drawer.addItem')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  )
}

function Attachments({
  slug,
  detail,
  task,
  canWrite,
}: {
  slug: string
  detail: TaskBoardDetail
  task: Task
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [name, setName] = useState('')
  const [url, setUrl] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  async function submit(event: FormEvent) {
    event.preventDefault()
    setErrors({})
    try {
      await addAttachment(slug, task.id, { name: name.trim(), url: url.trim() })
      setName('')
      setUrl('')
      await invalidate(queryClient, slug, detail.board.id, task.id)
    } catch (error) {
      setErrors(isApiError(error) ? error.fieldErrors : { url: errorMessage(t, error) })
    }
  }
  return (
    <Stack gap="xs">
      <Divider label={t('tasks.drawer.attachments')} labelPosition="left" />
      {task.attachments.map((a) => (
        <Anchor key={a.id} href={a.url} target="_blank" rel="noopener noreferrer" size="sm">
          {a.name}
        </Anchor>
      ))}
      {canWrite ? (
        <form onSubmit={submit} noValidate>
          <Stack gap={6}>
            <Text size="xs" c="dimmed">
              {t('tasks.drawer.attachmentsHint')}
            </Text>
            <Group gap="xs" align="flex-start" grow>
              <TextInput
                label={t('tasks.drawer.attachmentName')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
                size="xs"
              />
              <TextInput
                label={t('tasks.drawer.attachmentUrl')}
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                error={errors.url}
                size="xs"
              />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" size="xs" variant="light">
                {t('tasks.drawer.addAttachment')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  )
}

/** `@[Ana](id)` tokens show as `@Ana`. */
function renderMentions(body: string) {
  return body.replace(/@\[([^\]\n]{1,100})\]\([0-9a-f-]{36}\)/gi, '@$1')
}

function Comments({
  slug,
  detail,
  task,
  members,
  canWrite,
}: {
  slug: string
  detail: TaskBoardDetail
  task: Task
  members: MemberOption[]
  canWrite: boolean
}) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const comments = useQuery(commentsQuery(slug, task.id))
  const [body, setBody] = useState('')
  const [mentions, setMentions] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!body.trim()) return
    setSending(true)
    try {
      await addComment(slug, task.id, { body: body.trim(), mentionedUserIds: mentions })
      setBody('')
      setMentions([])
      await invalidate(queryClient, slug, detail.board.id, task.id)
    } catch (failure) {
      setError(errorMessage(t, failure))
    } finally {
      setSending(false)
    }
  }

  return (
    <Stack gap="xs">
      <Divider label={t('tasks.drawer.comments')} labelPosition="left" />
      {comments.data && comments.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.drawer.noComments')}
        </Text>
      ) : null}
      {[...(comments.data?.items ?? [])].reverse().map((c) => (
        <Stack key={c.id} gap={0}>
          <Text size="xs" c="dimmed">
            {memberName(members, c.authorId, t('tasks.drawer.unknownMember'))} ·{' '}
            {formatInstant(c.createdAt, i18n.language)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {renderMentions(c.body)}
          </Text>
        </Stack>
      ))}
      {canWrite ? (
        <form onSubmit={submit} noValidate>
          <Stack gap={6}>
            <Textarea
              aria-label={t('tasks.drawer.comments')}
              placeholder={t('tasks.drawer.commentPlaceholder')}
              value={body}
              onChange={(e) => {
                setBody(e.currentTarget.value)
                setError(null)
              }}
              error={error}
              rows={3}
              maxLength={5000}
            />
            <MultiSelect
              label={t('tasks.drawer.mention')}
              data={members.map((m) => ({ value: m.userId, label: m.name }))}
              value={mentions}
              onChange={setMentions}
              searchable
              size="xs"
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={sending}>
                {t('tasks.drawer.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  )
}

const ACTIONS = new Set([
  'created',
  'updated',
  'moved',
  'assigned',
  'commented',
  'completed',
  'reopened',
  'deleted',
  'checklist_added',
  'checklist_checked',
  'checklist_unchecked',
  'checklist_edited',
  'checklist_removed',
  'attachment_added',
  'attachment_removed',
])

function Activity({ slug, task, members }: { slug: string; task: Task; members: MemberOption[] }) {
  const { t, i18n } = useTranslation()
  const activity = useQuery(activityQuery(slug, task.id))
  const items = activity.data?.items ?? []
  return (
    <Stack gap={4}>
      <Divider label={t('tasks.drawer.activity')} labelPosition="left" />
      {activity.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.drawer.noActivity')}
        </Text>
      ) : null}
      <Stack gap={2} component="ul" p={0} m={0} aria-label={t('tasks.drawer.activity')}>
        {items.map((a) => (
          <Text key={a.id} size="xs" component="li" style={{ listStyle: 'none' }}>
            <strong>
              {a.actorId
                ? memberName(members, a.actorId, t('tasks.drawer.unknownMember'))
                : t('tasks.activity.system')}
            </strong>{' '}
            {ACTIONS.has(a.action)
              ? t(`tasks.activity.${a.action}` as 'tasks.activity.other')
              : t('tasks.activity.other')}{' '}
            · {formatInstant(a.occurredAt, i18n.language)}
          </Text>
        ))}
      </Stack>
    </Stack>
  )
}
