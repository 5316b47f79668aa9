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

export const CreateAnnouncement = z.strictObject({
  title: z.string().trim().min(3).max(160),
  body: z.string().trim().min(1).max(10_000),
  pinned: z.boolean().default(false),
})
export type CreateAnnouncement = z.infer<typeof CreateAnnouncement>

export const UpdateAnnouncement = CreateAnnouncement.partial()
export type UpdateAnnouncement = z.infer<typeof UpdateAnnouncement>

export const AnnouncementQuery = PageQuery.extend({
  pinned: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(100).optional(),
})
export const AnnouncementPage = pageOf(Announcement)
export const AnnouncementParams = z.object({ id: z.uuid() })
