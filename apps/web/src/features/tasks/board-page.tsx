import {
  closestCorners,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import {
  ActionIcon,
  Alert,
  Avatar,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import type { Task, TaskBoardDetail, TaskColumn, TaskLabel } from '@minga/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type FormEvent, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { useOrgEvent } from '../../app/realtime.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { ActivitySection } from '../activity/activity-section.tsx'
import { cardsOf, type Drop, dropFor } from './board-moves.ts'
import { BoardSettings } from './board-settings.tsx'
import { formatDay, todayInBogota } from './task-dates.ts'
import { TaskDrawer } from './task-drawer.tsx'
import {
  boardKey,
  boardQuery,
  createCard,
  createColumn,
  type MemberOption,
  myTaskPermissionsQuery,
  taskAbilities,
  taskMembersQuery,
  tasksKey,
} from './tasks-api.ts'
import { useMoveCard } from './use-move-card.ts'

const boardRoute = getRouteApi('/_authed/o/$org/tasks/$boardId')

/** /o/$org/tasks/$boardId: the Kanban board. */
export function BoardPage() {
  const { t } = useTranslation()
  const { org: slug, boardId } = boardRoute.useParams()
  const queryClient = useQueryClient()
  const board = useQuery(boardQuery(slug, boardId))
  const abilities = taskAbilities(useQuery(myTaskPermissionsQuery(slug)).data)
  const members = useQuery(taskMembersQuery(slug)).data?.items ?? []
  const [openTaskId, setOpenTaskId] = useState<string | null>(null)
  usePageTitle(board.data?.board.name ?? t('tasks.title'))
  const refresh = (payload: { boardId?: string; taskId?: string }) => {
    if (payload.boardId !== boardId) return
    void queryClient.invalidateQueries({ queryKey: boardKey(slug, boardId) })
    if (payload.taskId)
      void queryClient.invalidateQueries({ queryKey: [...tasksKey(slug), 'card', payload.taskId] })
  }
  useOrgEvent(slug, 'task.changed', refresh)
  useOrgEvent(slug, 'board.changed', refresh)

  if (board.isPending) return <PageLoader />
  if (!board.data) {
    const status = isApiError(board.error) ? board.error.status : 0
    return (
      <Alert color={status === 403 ? 'yellow' : 'red'} role="alert">
        {status === 403 ? t('tasks.forbidden') : errorMessage(t, board.error)}
      </Alert>
    )
  }
  const detail = board.data
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <AnchorLink to="/o/$org/tasks" params={{ org: slug }} size="sm">
            ← {t('tasks.backToBoards')}
          </AnchorLink>
          <Title order={1}>{detail.board.name}</Title>
          {detail.board.description ? <Text c="dimmed">{detail.board.description}</Text> : null}
        </div>
        {abilities.manage ? <BoardSettings slug={slug} detail={detail} members={members} /> : null}
      </Group>
      <Board
        slug={slug}
        detail={detail}
        members={members}
        canWrite={abilities.write}
        canManage={abilities.manage}
        onOpen={setOpenTaskId}
      />
      <ActivitySection orgSlug={slug} entityType="board" entityId={detail.board.id} />
      <TaskDrawer
        slug={slug}
        detail={detail}
        taskId={openTaskId}
        members={members}
        canWrite={abilities.write}
        onClose={() => setOpenTaskId(null)}
      />
    </Stack>
  )
}

function Board({
  slug,
  detail,
  members,
  canWrite,
  canManage,
  onOpen,
}: {
  slug: string
  detail: TaskBoardDetail
  members: MemberOption[]
  canWrite: boolean
  canManage: boolean
  onOpen: (taskId: string) => void
}) {
  const { t } = useTranslation()
  const move = useMoveCard(slug, detail.board.id)
  const [dragging, setDragging] = useState<Task | null>(null)
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click still opens the card.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const titleOf = (id: string | number) => detail.tasks.find((x) => x.id === id)?.title ?? ''
  const targetName = (id: string | number) => detail.columns.find((c) => c.id === id)?.name ?? titleOf(id)

  function onDragStart(event: DragStartEvent) {
    setDragging(detail.tasks.find((x) => x.id === event.active.id) ?? null)
  }
  function onDragEnd(event: DragEndEvent) {
    setDragging(null)
    if (!event.over) return
    const drop = dropFor(detail, String(event.active.id), String(event.over.id))
    if (drop) void move(drop)
  }

  if (detail.columns.length === 0)
    return (
      <EmptyState title={t('tasks.column.empty')}>
        {canManage ? <AddColumnForm slug={slug} boardId={detail.board.id} /> : null}
      </EmptyState>
    )

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{
        screenReaderInstructions: { draggable: t('tasks.dnd.instructions') },
        announcements: {
          onDragStart: ({ active }) => t('tasks.dnd.picked', { title: titleOf(active.id) }),
          onDragOver: ({ active, over }) =>
            over
              ? t('tasks.dnd.over', { title: titleOf(active.id), target: targetName(over.id) })
              : undefined,
          onDragEnd: ({ active }) => t('tasks.dnd.dropped', { title: titleOf(active.id) }),
          onDragCancel: () => t('tasks.dnd.cancelled'),
        },
      }}
    >
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="md" pb="sm">
          {detail.columns.map((column) => (
            <BoardColumn
              key={column.id}
              slug={slug}
              detail={detail}
              column={column}
              members={members}
              canWrite={canWrite}
              onOpen={onOpen}
              onMove={(drop) => void move(drop)}
            />
          ))}
          {canManage ? (
            <Paper withBorder radius="md" p="sm" w={280} style={{ flexShrink: 0 }}>
              <AddColumnForm slug={slug} boardId={detail.board.id} />
            </Paper>
          ) : null}
        </Group>
      </ScrollArea>
      <DragOverlay>
        {dragging ? (
          <CardBody task={dragging} labels={detail.labels} members={members} parentTitle={null} />
        ) : null}
      </DragOverlay>
    </DndContext>
  )
}

/** Soft limit exceeded: orange; hard limit reached: red; otherwise plain. */
function wipState(column: TaskColumn, count: number): 'ok' | 'over' | 'full' {
  if (column.wipLimit === null) return 'ok'
  if (count > column.wipLimit) return 'over'
  if (column.wipMode === 'hard' && count >= column.wipLimit) return 'full'
  return 'ok'
}

function BoardColumn({
  slug,
  detail,
  column,
  members,
  canWrite,
  onOpen,
  onMove,
}: {
  slug: string
  detail: TaskBoardDetail
  column: TaskColumn
  members: MemberOption[]
  canWrite: boolean
  onOpen: (taskId: string) => void
  onMove: (drop: Drop) => void
}) {
  const { t } = useTranslation()
  const cards = cardsOf(detail, column.id)
  const { setNodeRef, isOver } = useDroppable({ id: column.id, disabled: !canWrite })
  const wip = wipState(column, cards.length)
  const headingId = `column-${column.id}`
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      w={300}
      bg={isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-default-hover)'}
      style={{ flexShrink: 0 }}
      aria-labelledby={headingId}
      component="section"
      data-testid={`column-${column.name}`}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id={headingId}>
          {column.name}
        </Title>
        {column.wipLimit === null ? (
          <Badge variant="light" color="gray">
            {cards.length}
          </Badge>
        ) : (
          <Badge
            variant={wip === 'ok' ? 'light' : 'filled'}
            color={wip === 'over' ? 'orange' : wip === 'full' ? 'red' : 'gray'}
            title={
              wip === 'over'
                ? t('tasks.column.wipOver', { count: cards.length, limit: column.wipLimit })
                : wip === 'full'
                  ? t('tasks.column.wipFull', { limit: column.wipLimit })
                  : undefined
            }
          >
            {t('tasks.column.wip', { count: cards.length, limit: column.wipLimit })}
          </Badge>
        )}
      </Group>
      {wip === 'over' ? (
        <Text size="xs" c="orange.8" mb="xs" role="status">
          {t('tasks.column.wipOver', { count: cards.length, limit: column.wipLimit })}
        </Text>
      ) : wip === 'full' ? (
        <Text size="xs" c="red.8" mb="xs" role="status">
          {t('tasks.column.wipFull', { limit: column.wipLimit })}
        </Text>
      ) : null}
      <SortableContext items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <Stack
          gap="xs"
          ref={setNodeRef}
          mih={48}
          component="ul"
          p={0}
          m={0}
          aria-label={t('tasks.column.listLabel', { name: column.name })}
        >
          {cards.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center" py="sm" component="li" style={{ listStyle: 'none' }}>
              {t('tasks.column.empty')}
            </Text>
          ) : (
            cards.map((task, index) => (
              <SortableCard
                key={task.id}
                task={task}
                detail={detail}
                members={members}
                canWrite={canWrite}
                onOpen={onOpen}
                onMove={onMove}
                index={index}
              />
            ))
          )}
        </Stack>
      </SortableContext>
      {canWrite ? <AddCardForm slug={slug} boardId={detail.board.id} column={column} /> : null}
    </Paper>
  )
}

function SortableCard({
  task,
  detail,
  members,
  canWrite,
  onOpen,
  onMove,
  index,
}: {
  task: Task
  detail: TaskBoardDetail
  members: MemberOption[]
  canWrite: boolean
  onOpen: (taskId: string) => void
  onMove: (drop: Drop) => void
  index: number
}) {
  const { t } = useTranslation()
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    disabled: !canWrite,
  })
  const siblings = cardsOf(detail, task.columnId)
  const parent = task.parentTaskId ? detail.tasks.find((x) => x.id === task.parentTaskId) : null
  return (
    <Box
      component="li"
      ref={setNodeRef}
      style={{
        listStyle: 'none',
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.4 : 1,
      }}
      data-testid={`card-${task.title}`}
    >
      <Paper withBorder radius="sm" p="xs" shadow="xs">
        <Group gap={4} wrap="nowrap" align="flex-start">
          {canWrite ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('tasks.card.dragHandle', { title: task.title })}
              {...attributes}
              {...listeners}
              style={{ cursor: 'grab', touchAction: 'none' }}
            >
              <span aria-hidden>⋮⋮</span>
            </ActionIcon>
          ) : null}
          <UnstyledButton
            onClick={() => onOpen(task.id)}
            aria-label={t('tasks.card.open', { title: task.title })}
            style={{ flex: 1, minWidth: 0 }}
          >
            <CardBody
              task={task}
              labels={detail.labels}
              members={members}
              parentTitle={parent?.title ?? null}
            />
          </UnstyledButton>
          {canWrite ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('tasks.card.moveMenu', { title: task.title })}
                >
                  <span aria-hidden>⋯</span>
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {index > 0 ? (
                  <Menu.Item
                    onClick={() => onMove({ taskId: task.id, columnId: task.columnId, index: index - 1 })}
                  >
                    {t('tasks.card.moveUp')}
                  </Menu.Item>
                ) : null}
                {index < siblings.length - 1 ? (
                  <Menu.Item
                    onClick={() => onMove({ taskId: task.id, columnId: task.columnId, index: index + 1 })}
                  >
                    {t('tasks.card.moveDown')}
                  </Menu.Item>
                ) : null}
                {detail.columns
                  .filter((c) => c.id !== task.columnId)
                  .map((c) => (
                    <Menu.Item
                      key={c.id}
                      onClick={() =>
                        onMove({ taskId: task.id, columnId: c.id, index: cardsOf(detail, c.id).length })
                      }
                    >
                      {t('tasks.card.moveTo', { column: c.name })}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Paper>
    </Box>
  )
}

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('')
}

function CardBody({
  task,
  labels,
  members,
  parentTitle,
}: {
  task: Task
  labels: TaskLabel[]
  members: MemberOption[]
  parentTitle: string | null
}) {
  const { t } = useTranslation()
  const today = todayInBogota()
  const done = task.checklist.filter((c) => c.done).length
  const overdue = task.dueOn !== null && task.completedAt === null && task.dueOn < today
  return (
    <Stack gap={4}>
      {parentTitle ? (
        <Text size="xs" c="dimmed">
          {t('tasks.card.subtaskOf', { title: parentTitle })}
        </Text>
      ) : null}
      <Text size="sm" fw={500} td={task.completedAt ? 'line-through' : undefined}>
        {task.title}
      </Text>
      {task.labelIds.length > 0 ? (
        <Group gap={4}>
          {task.labelIds.map((id) => {
            const label = labels.find((l) => l.id === id)
            return label ? (
              <Badge key={id} size="xs" color={label.color} variant="filled">
                {label.name}
              </Badge>
            ) : null
          })}
        </Group>
      ) : null}
      <Group gap="xs" justify="space-between">
        <Group gap={6}>
          {task.dueOn ? (
            <Text size="xs" c={overdue ? 'red.7' : 'dimmed'}>
              {overdue
                ? t('tasks.card.overdue', { date: formatDay(task.dueOn) })
                : t('tasks.card.due', { date: formatDay(task.dueOn) })}
            </Text>
          ) : null}
          {task.checklist.length > 0 ? (
            <Text size="xs" c="dimmed">
              ☑ {t('tasks.card.checklist', { done, total: task.checklist.length })}
            </Text>
          ) : null}
          {task.commentCount > 0 ? (
            <Text size="xs" c="dimmed">
              {t('tasks.card.comments', { count: task.commentCount })}
            </Text>
          ) : null}
        </Group>
        {task.assigneeIds.length > 0 ? (
          <Avatar.Group spacing="xs">
            {task.assigneeIds.slice(0, 3).map((id) => {
              const member = members.find((m) => m.userId === id)
              const name = member?.name ?? t('tasks.drawer.unknownMember')
              return (
                <Avatar key={id} size={22} radius="xl" title={name} alt={name}>
                  {initials(name)}
                </Avatar>
              )
            })}
          </Avatar.Group>
        ) : null}
      </Group>
    </Stack>
  )
}

function AddCardForm({ slug, boardId, column }: { slug: string; boardId: string; column: TaskColumn }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) {
      setError(t('tasks.card.titleRequired'))
      return
    }
    setSaving(true)
    setError(null)
    try {
      const task = await createCard(slug, boardId, { title: title.trim(), columnId: column.id })
      for (const warning of task.warnings)
        setError(t('tasks.wipWarning', { column: column.name, limit: warning.limit }))
      setTitle('')
      if (task.warnings.length === 0) setOpen(false)
      await queryClient.invalidateQueries({ queryKey: boardKey(slug, boardId) })
    } catch (failure) {
      setError(
        isApiError(failure) && failure.status === 409
          ? t('tasks.wipBlocked', { column: column.name, limit: column.wipLimit })
          : (isApiError(failure) && failure.fieldErrors.title) || errorMessage(t, failure),
      )
    } finally {
      setSaving(false)
    }
  }

  if (!open)
    return (
      <Button
        variant="subtle"
        size="xs"
        mt="xs"
        fullWidth
        onClick={() => setOpen(true)}
        aria-label={`${t('tasks.card.add')} (${column.name})`}
      >
        + {t('tasks.card.add')}
      </Button>
    )
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={6} mt="xs">
        <TextInput
          label={t('tasks.card.titleLabel')}
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value)
            setError(null)
          }}
          error={error}
          maxLength={200}
          size="xs"
          autoFocus
        />
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={saving}>
            {t('tasks.card.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function AddColumnForm({ slug, boardId }: { slug: string; boardId: string }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [name, setName] = useState('')
  const [category, setCategory] = useState<TaskColumn['category']>('todo')
  const [wipLimit, setWipLimit] = useState<number | string>('')
  const [wipMode, setWipMode] = useState<TaskColumn['wipMode']>('soft')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const categories = useMemo(
    () =>
      (['todo', 'in_progress', 'done'] as const).map((value) => ({
        value,
        label: t(`tasks.categories.${value}`),
      })),
    [t],
  )

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found: Record<string, string> = {}
    if (!name.trim()) found.name = t('tasks.columnForm.nameRequired')
    const limit = wipLimit === '' ? null : Number(wipLimit)
    if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > 999))
      found.wipLimit = t('tasks.columnForm.wipInvalid')
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setSaving(true)
    setFailure(null)
    try {
      await createColumn(slug, boardId, { name: name.trim(), category, wipLimit: limit, wipMode })
      setName('')
      setWipLimit('')
      await queryClient.invalidateQueries({ queryKey: boardKey(slug, boardId) })
    } catch (error) {
      if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) setErrors(error.fieldErrors)
      else setFailure(errorMessage(t, error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('tasks.columnForm.title')}>
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('tasks.columnForm.title')}
        </Text>
        <FormErrorAlert message={failure} />
        <TextInput
          label={t('tasks.columnForm.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          size="xs"
          maxLength={120}
        />
        <Select
          label={t('tasks.columnForm.category')}
          data={categories}
          value={category}
          onChange={(value) => value && setCategory(value as TaskColumn['category'])}
          allowDeselect={false}
          size="xs"
        />
        <NumberInput
          label={t('tasks.columnForm.wipLimit')}
          value={wipLimit}
          onChange={setWipLimit}
          error={errors.wipLimit}
          min={1}
          max={999}
          allowDecimal={false}
          size="xs"
        />
        {wipLimit !== '' ? (
          <Select
            label={t('tasks.columnForm.wipMode')}
            data={(['soft', 'hard'] as const).map((value) => ({
              value,
              label: t(`tasks.wipModes.${value}`),
            }))}
            value={wipMode}
            onChange={(value) => value && setWipMode(value as TaskColumn['wipMode'])}
            allowDeselect={false}
            size="xs"
          />
        ) : null}
        <Button type="submit" size="xs" loading={saving}>
          {t('tasks.columnForm.add')}
        </Button>
      </Stack>
    </form>
  )
}
