import type { ActivityEntityType } from '@minga/contracts'
import type { DomainEvent } from '../../platform/events/event-bus.ts'

/**
 * Which domain events become timeline lines, and what each may keep. This table is the whitelist:
 * an event type missing here (internal, realtime-only, reminders, private conversations, mail
 * plumbing, anything a future module adds) is skipped. Nothing from a payload is kept unless a
 * mapping names it: only ids that locate the entity and, through `title`, one string.
 */
export type EventMapping = {
  entityType: ActivityEntityType
  /** The permission that lets a member see the entity (its module's read permission). */
  readPermission: string
  /** The enclosing entity, read from a whitelisted payload id. */
  context?: { type: string; payloadKey: string }
  /** Payload field holding the entity's title, when the event carries it. */
  titleKey?: string
  /** Ask the owning module for the current title (through its index.ts exports). */
  lookupTitle?: boolean
  /**
   * Fold repeats: an event by the same actor on the same entity with the same verb within this many
   * minutes of the previous line adds nothing (a card edit fires one `task.changed` per field).
   */
  foldMinutes?: number
}

export const ACTIVITY_EVENT_MAP: Readonly<Record<string, EventMapping>> = {
  'announcement.published': {
    entityType: 'announcement',
    readPermission: 'announcements:read',
    titleKey: 'title',
  },
  'assembly.convened': { entityType: 'assembly', readPermission: 'assemblies:read', titleKey: 'title' },
  'assembly.started': { entityType: 'assembly', readPermission: 'assemblies:read' },
  'assembly.closed': { entityType: 'assembly', readPermission: 'assemblies:read' },
  'motion.opened': {
    entityType: 'motion',
    readPermission: 'assemblies:read',
    context: { type: 'assembly', payloadKey: 'assemblyId' },
  },
  'motion.closed': {
    entityType: 'motion',
    readPermission: 'assemblies:read',
    context: { type: 'assembly', payloadKey: 'assemblyId' },
  },
  'motion.published': {
    entityType: 'motion',
    readPermission: 'assemblies:read',
    context: { type: 'assembly', payloadKey: 'assemblyId' },
  },
  'poll.closed': { entityType: 'poll', readPermission: 'polls:read' },
  'task.changed': {
    entityType: 'task',
    readPermission: 'tasks:read',
    context: { type: 'board', payloadKey: 'boardId' },
    lookupTitle: true,
    foldMinutes: 10,
  },
}

/**
 * Event types recorded today that deliberately stay out of timelines (documented, and asserted by a
 * test so a new mapping is a conscious choice).
 */
export const SKIPPED_EVENT_TYPES = [
  'assembly.quorum_changed', // every check-in: noise; the assembly console shows quorum live
  'motion.tally_changed', // realtime tally refresh, fires per ballot
  'poll.changed', // also fires on every vote: would tell who voted and when
  'poll.closing_soon', // system reminder
  'task.mentioned', // a notification; the comment already shows as task.changed
  'task.due_soon', // system reminder
  'board.changed', // column and label configuration
] as const

/** Read permission per entity type, for filtering timelines by what the caller may see. */
export const READ_PERMISSION_BY_ENTITY: Readonly<Record<ActivityEntityType, string>> = {
  announcement: 'announcements:read',
  assembly: 'assemblies:read',
  board: 'tasks:read',
  motion: 'assemblies:read',
  poll: 'polls:read',
  task: 'tasks:read',
}

const MAX_TITLE = 160
const MAX_ID = 64

export type ActivityDraft = {
  entityType: ActivityEntityType
  entityId: string
  contextType: string | null
  contextId: string | null
  title: string | null
}

const safeId = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID ? value : null

export const safeTitle = (value: unknown) => {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (trimmed.length === 0) return null
  return trimmed.length > MAX_TITLE ? `${trimmed.slice(0, MAX_TITLE - 1)}…` : trimmed
}

/** Pure: what a mapped event keeps, or null when the event is skipped or lacks its entity id. */
export function draftFor(event: Pick<DomainEvent, 'type' | 'entityId' | 'payload'>): ActivityDraft | null {
  const mapping = Object.hasOwn(ACTIVITY_EVENT_MAP, event.type) ? ACTIVITY_EVENT_MAP[event.type] : undefined
  if (!mapping) return null
  const entityId = safeId(event.entityId)
  if (!entityId) return null
  const contextId = mapping.context ? safeId(event.payload[mapping.context.payloadKey]) : null
  return {
    entityType: mapping.entityType,
    entityId,
    contextType: contextId && mapping.context ? mapping.context.type : null,
    contextId,
    title: mapping.titleKey ? safeTitle(event.payload[mapping.titleKey]) : null,
  }
}
