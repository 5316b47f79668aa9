/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): valid
 * bodies for the webhooks routes that write under an id, and org B's endpoint. The suite's app does not
 * allow private targets and may have no DNS, so the URL is a public IP literal (never called: no workers).
 */
export const webhooksCrossOrgBodies = (): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/webhooks/endpoints/:id': { description: 'Pisado por A' },
  'POST /api/v1/orgs/:org/webhooks/endpoints/:id/rotate-secret': {},
  'POST /api/v1/orgs/:org/webhooks/deliveries/:id/replay': {},
})

type Post = (url: string, payload: object) => Promise<{ id: string }>

export async function seedWebhooksOfOrg(post: Post): Promise<Record<string, string>> {
  const endpoint = await post('/webhooks/endpoints', {
    url: 'https://1.1.1.1/hooks/beta',
    description: 'Endpoint Beta',
    eventTypes: ['*'],
  })
  return { endpoints: endpoint.id }
}
