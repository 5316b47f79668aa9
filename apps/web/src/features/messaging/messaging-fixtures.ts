import type { Conversation, Message } from '@minga/contracts'
import { fakeApi, json } from '../../test/fake-api.ts'
import { ana, makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'

// Test data for the chat. Message ids grow with time like the server's UUIDv7 ids.
export const LUIS = '0190f7a0-0000-7000-8000-00000000a002'
export const MARTA = '0190f7a0-0000-7000-8000-00000000a003'
export const DIRECT = '0190f7a0-0000-7000-8000-00000000c001'
export const GROUP = '0190f7a0-0000-7000-8000-00000000c002'
export const LINKED = '0190f7a0-0000-7000-8000-00000000c003'
export const messageId = (n: number) => `0190f7a0-0000-7000-8000-${String(n).padStart(12, '0')}`
export const apiBase = '/api/v1/orgs/coop-la-minga/conversations'

export function participant(userId: string, name: string, lastReadMessageId: string | null = null) {
  return { userId, name, role: 'member' as const, lastReadMessageId, joinedAt: '2026-11-01T15:00:00.000Z' }
}

export function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: DIRECT,
    kind: 'direct',
    title: null,
    entityType: null,
    entityId: null,
    createdBy: ana.id,
    createdAt: '2026-11-01T15:00:00.000Z',
    lastMessageAt: null,
    lastMessage: null,
    unreadCount: 0,
    myRole: 'owner',
    participants: [participant(ana.id, 'Ana Restrepo'), participant(LUIS, 'Luis Pérez')],
    ...overrides,
  }
}

export function makeMessage(n: number, overrides: Partial<Message> = {}): Message {
  return {
    id: messageId(n),
    conversationId: DIRECT,
    authorId: LUIS,
    parentId: null,
    body: `Mensaje ${n}`,
    attachments: [],
    mentions: [],
    replyCount: 0,
    createdAt: '2026-11-21T14:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    ...overrides,
  }
}

/** The app's fixed routes (session, org with messaging, members) plus the test's own. */
export function messagingApi(routes: Parameters<typeof fakeApi>[0]) {
  const org = makeOrg({ role: 'member', enabledModules: ['messaging'] })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    'GET /api/v1/orgs/coop-la-minga': () => json(org),
    'GET /api/v1/orgs/coop-la-minga/members': () =>
      json({
        items: [
          { userId: ana.id, name: 'Ana Restrepo', email: 'ana@example.co', role: 'member', joinedAt: '' },
          { userId: LUIS, name: 'Luis Pérez', email: 'luis@example.co', role: 'member', joinedAt: '' },
          { userId: MARTA, name: 'Marta Gómez', email: 'marta@example.co', role: 'member', joinedAt: '' },
        ],
        nextCursor: null,
      }),
    ...routes,
  })
}
