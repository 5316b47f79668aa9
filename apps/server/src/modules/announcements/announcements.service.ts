import type { Announcement, CreateAnnouncement, UpdateAnnouncement } from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberDirectory, orgSlugOf } from '../../platform/tenancy/tenancy.service.ts'
import { notify } from '../notifications/index.ts'
import { ANNOUNCEMENT_NOTIFICATION } from './announcements.notifications.ts'
import * as repo from './announcements.repository.ts'

export const ANNOUNCEMENT_PUBLISHED = 'announcement.published'

/** Every member but the author hears of a new announcement (inbox and email, or their digest). */
async function notifyMembers(ctx: ServiceContext, announcement: Announcement) {
  const recipients = [...(await memberDirectory(ctx)).keys()].filter((id) => id !== announcement.authorId)
  if (recipients.length === 0) return
  const excerpt = announcement.body.length > 280 ? `${announcement.body.slice(0, 279)}…` : announcement.body
  await notify(ctx, {
    type: ANNOUNCEMENT_NOTIFICATION,
    recipients,
    payload: {
      orgSlug: await orgSlugOf(ctx),
      announcementId: announcement.id,
      title: announcement.title,
      excerpt,
    },
    dedupeKey: `announcement:${announcement.id}`,
    resource: { type: 'announcement', id: announcement.id },
  })
}

export function toAnnouncementDto(row: repo.AnnouncementRow): Announcement {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    pinned: row.pinned,
    authorId: row.authorId,
    publishedAt: row.publishedAt.toISOString(),
    version: row.version,
  }
}

const auditView = (row: repo.AnnouncementRow) => ({ title: row.title, body: row.body, pinned: row.pinned })

export async function listAnnouncements(
  ctx: ServiceContext,
  query: {
    limit: number
    cursor?: string | undefined
    pinned?: 'true' | 'false' | undefined
    q?: string | undefined
  },
) {
  const rows = await repo.listAnnouncements(ctx, {
    limit: query.limit,
    after: decodeCursor(query.cursor),
    pinned: query.pinned === undefined ? undefined : query.pinned === 'true',
    q: query.q,
  })
  const page = toPage(rows, query.limit, (r) => r.id)
  return { items: page.items.map(toAnnouncementDto), nextCursor: page.nextCursor }
}

export async function getAnnouncement(ctx: ServiceContext, id: string) {
  const row = await repo.findAnnouncement(ctx, id)
  if (!row) throw notFound('Announcement')
  return toAnnouncementDto(row)
}

/** Publishes an announcement: the row, its audit entry and its event commit together. */
export async function publishAnnouncement(ctx: ServiceContext, input: CreateAnnouncement) {
  const row = await repo.insertAnnouncement(ctx, input)
  await recordAudit(ctx, {
    action: 'announcement.published',
    entityType: 'announcement',
    entityId: row.id,
    after: auditView(row),
  })
  const dto = toAnnouncementDto(row)
  await recordEvent(ctx, { type: ANNOUNCEMENT_PUBLISHED, entityId: row.id, payload: dto })
  await notifyMembers(ctx, dto)
  return dto
}

export async function updateAnnouncement(
  ctx: ServiceContext,
  id: string,
  version: number,
  patch: UpdateAnnouncement,
) {
  const before = await repo.findAnnouncement(ctx, id)
  if (!before) throw notFound('Announcement')
  const after = await repo.updateAnnouncementIfVersion(ctx, id, version, patch)
  if (!after) throw new AppError('precondition_failed', 'The announcement changed since you read it')
  await recordAudit(ctx, {
    action: 'announcement.updated',
    entityType: 'announcement',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
  })
  return toAnnouncementDto(after)
}

export async function removeAnnouncement(ctx: ServiceContext, id: string) {
  const before = await repo.findAnnouncement(ctx, id)
  if (!before || !(await repo.deleteAnnouncement(ctx, id))) throw notFound('Announcement')
  await recordAudit(ctx, {
    action: 'announcement.deleted',
    entityType: 'announcement',
    entityId: id,
    before: auditView(before),
  })
}
