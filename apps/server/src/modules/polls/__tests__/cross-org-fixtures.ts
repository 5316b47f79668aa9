/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): valid
 * bodies for the polls routes that write under an id, and org B's poll.
 */
export const pollsCrossOrgBodies = (): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/polls/:id': { title: 'Pisada por A' },
  'POST /api/v1/orgs/:org/polls/:id/open': {},
  'POST /api/v1/orgs/:org/polls/:id/close': {},
  'PUT /api/v1/orgs/:org/polls/:id/stance': { choices: [{ optionId: 'agree', score: 1 }] },
})

type Post = (url: string, payload: object) => Promise<{ id: string }>

export async function seedPollsOfOrg(post: Post): Promise<Record<string, string>> {
  const poll = await post('/polls', {
    title: 'Consulta Beta',
    type: 'proposal',
    closingAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  })
  return { polls: poll.id }
}
