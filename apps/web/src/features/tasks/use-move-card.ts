import { notifications } from '@mantine/notifications'
import type { TaskBoardDetail } from '@minga/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { applyDrop, blockedBy, type Drop, moveBody } from './board-moves.ts'
import { boardKey, moveCard } from './tasks-api.ts'

/**
 * Moves a card optimistically: the board shows the drop at once, the server call follows, and an
 * error puts the board back as it was (then refetches). A hard WIP limit the client can already
 * see is refused without a request.
 */
export function useMoveCard(slug: string, boardId: string) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const key = boardKey(slug, boardId)
  return async function move(drop: Drop) {
    const previous = queryClient.getQueryData<TaskBoardDetail>(key)
    if (!previous) return
    const full = blockedBy(previous, drop)
    if (full) {
      notifications.show({
        color: 'red',
        message: t('tasks.wipBlocked', { column: full.name, limit: full.wipLimit }),
      })
      return
    }
    const moved = applyDrop(previous, drop)
    await queryClient.cancelQueries({ queryKey: key })
    queryClient.setQueryData(key, moved)
    try {
      const task = await moveCard(slug, drop.taskId, moveBody(moved, drop))
      for (const warning of task.warnings) {
        const column = previous.columns.find((c) => c.id === warning.columnId)
        notifications.show({
          color: 'yellow',
          message: t('tasks.wipWarning', { column: column?.name ?? '', limit: warning.limit }),
        })
      }
    } catch (error) {
      queryClient.setQueryData(key, previous)
      const column = previous.columns.find((c) => c.id === drop.columnId)
      const blocked = isApiError(error) && error.status === 409 && column
      notifications.show({
        color: 'red',
        message: blocked
          ? t('tasks.wipBlocked', { column: column.name, limit: column.wipLimit })
          : t('tasks.moveError'),
      })
    } finally {
      void queryClient.invalidateQueries({ queryKey: key })
    }
  }
}
