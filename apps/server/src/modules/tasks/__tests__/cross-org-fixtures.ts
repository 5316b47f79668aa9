/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts):
 * valid bodies for the tasks routes that write under an id, and org B's real records by the path
 * segment before each id parameter. Verified against that suite restricted to /tasks routes.
 */
export const tasksCrossOrgBodies = (sampleId: string): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/tasks/boards/:boardId': { name: 'Pisado por A' },
  'POST /api/v1/orgs/:org/tasks/boards/:boardId/columns': { name: 'Pisada' },
  'PATCH /api/v1/orgs/:org/tasks/boards/:boardId/columns/:columnId': { name: 'Pisada' },
  'POST /api/v1/orgs/:org/tasks/boards/:boardId/labels': { name: 'Pisada', color: '#000000' },
  'PATCH /api/v1/orgs/:org/tasks/boards/:boardId/labels/:labelId': { name: 'Pisada' },
  'POST /api/v1/orgs/:org/tasks/boards/:boardId/cards': { title: 'Pisada' },
  'PATCH /api/v1/orgs/:org/tasks/cards/:taskId': { title: 'Pisada' },
  'POST /api/v1/orgs/:org/tasks/cards/:taskId/move': { columnId: sampleId },
  'POST /api/v1/orgs/:org/tasks/cards/:taskId/checklist': { text: 'Pisada' },
  'PATCH /api/v1/orgs/:org/tasks/cards/:taskId/checklist/:itemId': { done: true },
  'POST /api/v1/orgs/:org/tasks/cards/:taskId/comments': { body: 'Pisada' },
  'POST /api/v1/orgs/:org/tasks/cards/:taskId/attachments': { name: 'Pisada', url: 'https://example.com' },
  'POST /api/v1/orgs/:org/tasks/boards/:boardId/recurring': {
    title: 'Pisada',
    rule: { frequency: 'daily' },
    startsOn: '2026-01-01',
  },
  'PATCH /api/v1/orgs/:org/tasks/recurring/:templateId': { active: false },
})

type Post = (url: string, payload: object) => Promise<Record<string, unknown> & { id: string }>

/** Creates org B's board, column, label, card, checklist item, link and recurring task; returns their ids. */
export async function seedTasksOfOrg(post: Post): Promise<Record<string, string>> {
  const detail = (await post('/tasks/boards', { name: 'Tablero Beta' })) as unknown as {
    board: { id: string }
    columns: { id: string }[]
  }
  const boardId = detail.board.id
  const label = await post(`/tasks/boards/${boardId}/labels`, { name: 'Beta', color: '#000000' })
  const card = (await post(`/tasks/boards/${boardId}/cards`, { title: 'Tarea Beta', checklist: ['x'] })) as {
    id: string
    checklist?: { id: string }[]
  }
  const recurring = await post(`/tasks/boards/${boardId}/recurring`, {
    title: 'Recurrente Beta',
    rule: { frequency: 'daily' },
    startsOn: '2026-01-01',
  })
  const withLink = (await post(`/tasks/cards/${card.id}/attachments`, {
    name: 'Enlace Beta',
    url: 'https://example.com',
  })) as unknown as { attachments: { id: string }[] }
  return {
    boards: boardId,
    columns: detail.columns[0]?.id ?? '',
    labels: label.id,
    cards: card.id,
    checklist: card.checklist?.[0]?.id ?? '',
    recurring: recurring.id,
    attachments: withLink.attachments[0]?.id ?? '',
  }
}
