import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

/**
 * Entity types of activity timelines (see docs/modules/activity.md for the event map). `board` has no
 * lines of its own: its timeline gathers its cards' lines.
 */
export const ActivityEntityType = z.enum(['announcement', 'assembly', 'board', 'motion', 'poll', 'task'])
export type ActivityEntityType = z.infer<typeof ActivityEntityType>

export const ActivityEntry = z
  .object({
    id: z.uuid(),
    /** The domain event type, e.g. `announcement.published`; the web app turns it into a sentence. */
    verb: z.string(),
    entityType: ActivityEntityType,
    entityId: z.string(),
    /** The enclosing entity, e.g. a motion's assembly. */
    context: z.object({ type: z.string(), id: z.string() }).nullable(),
    /** A whitelisted title of the entity, when the event carries one. */
    title: z.string().nullable(),
    /** Null for system work; `name` is null when the actor has left the org. */
    actor: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
    occurredAt: z.string(),
  })
  .meta({ id: 'ActivityEntry' })
export type ActivityEntry = z.infer<typeof ActivityEntry>

export const ActivityQuery = PageQuery.extend({
  entityType: ActivityEntityType.optional(),
  actorId: z.uuid().optional(),
  since: z.iso.datetime({ offset: true }).optional(),
})
export type ActivityQuery = z.infer<typeof ActivityQuery>

export const ActivityEntityParams = z.object({
  entityType: ActivityEntityType,
  entityId: z.string().min(1).max(64),
})

export const ActivityPage = pageOf(ActivityEntry)
export type ActivityPage = z.infer<typeof ActivityPage>
