import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { mentionNotificationType } from './mentions.ts'
import { registerMessagingRoutes } from './messaging.routes.ts'

export { findOrCreateEntityConversation } from './conversations.service.ts'
export { MENTION_NOTIFICATION } from './mentions.ts'

/**
 * Messaging (chat): direct, group and entity-linked conversations with threads, edits, tombstones,
 * link attachments, mentions, read receipts, typing and realtime delivery. See docs/modules/messaging.md.
 */
export const messagingModule: ModuleManifest = {
  key: 'messaging',
  label: { es: 'Mensajes', en: 'Messages' },
  description: {
    es: 'Conversaciones directas, grupales y ligadas a proyectos, reuniones o pedidos.',
    en: 'Direct, group and record-linked conversations (projects, meetings, orders).',
  },
  defaultFor: ['savings_credit', 'housing', 'food_service', 'incubator', 'community'],
  permissions: [
    {
      key: 'messaging:read',
      label: { es: 'Leer mensajes', en: 'Read messages' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'messaging:write',
      label: { es: 'Enviar mensajes', en: 'Send messages' },
      roles: ['owner', 'admin', 'member'],
    },
  ],
  routes: registerMessagingRoutes,
  notificationTypes: [mentionNotificationType],
}
