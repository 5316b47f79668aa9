import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

export const Announcement = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    pinned: z.boolean(),
    authorId: z.uuid(),
    publishedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Announcement' })
export type Announcement = z.infer<typeof Announcement>

const title = z.string().trim().min(3).max(160)
const body = z.string().trim().min(1).max(10_000)

export const CreateAnnouncement = z.strictObject({ title, body, pinned: z.boolean().default(false) })
export type CreateAnnouncement = z.infer<typeof CreateAnnouncement>

// Not `CreateAnnouncement.partial()`: that keeps `pinned`'s default and would unpin on every edit.
export const UpdateAnnouncement = z.strictObject({
  title: title.optional(),
  body: body.optional(),
  pinned: z.boolean().optional(),
})
export type UpdateAnnouncement = z.infer<typeof UpdateAnnouncement>

export const AnnouncementQuery = PageQuery.extend({
  pinned: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(100).optional(),
})
export const AnnouncementPage = pageOf(Announcement)
export const AnnouncementParams = z.object({ id: z.uuid() })
