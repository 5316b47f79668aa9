/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts):
 * valid bodies for the messaging routes that write under an id, and org B's real records by the path
 * segment before each id parameter (`conversations`, `messages`, `participants`).
 */
export const messagingCrossOrgBodies = (sampleId: string): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/conversations/:conversationId': { title: 'Pisada por A' },
  'POST /api/v1/orgs/:org/conversations/:conversationId/participants': { userIds: [sampleId] },
  'PATCH /api/v1/orgs/:org/conversations/:conversationId/participants/:userId': { role: 'member' },
  'POST /api/v1/orgs/:org/conversations/:conversationId/leave': {},
  'POST /api/v1/orgs/:org/conversations/:conversationId/messages': { body: 'Pisado por A' },
  'PATCH /api/v1/orgs/:org/conversations/:conversationId/messages/:messageId': { body: 'Pisado por A' },
  'POST /api/v1/orgs/:org/conversations/:conversationId/read': { messageId: sampleId },
})

type Post = (url: string, payload: object) => Promise<Record<string, unknown> & { id: string }>

/** Creates org B's group conversation with `memberId` and one message in it; returns their ids. */
export async function seedMessagingOfOrg(post: Post, memberId: string): Promise<Record<string, string>> {
  const conversation = await post('/conversations', {
    kind: 'group',
    title: 'Conversación Beta',
    participantIds: [memberId],
  })
  const message = await post(`/conversations/${conversation.id}/messages`, { body: 'Mensaje secreto Beta' })
  return { conversations: conversation.id, messages: message.id, participants: memberId }
}
