import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { documents, documentVersions } from './documents.tables.ts'

export type DocumentRow = typeof documents.$inferSelect
export type VersionRow = typeof documentVersions.$inferSelect

/** Who is asking: admins see everything; others by visibility, role keys and authorship. */
export type Viewer = { userId: string | null; isAdmin: boolean; roleKeys: string[] }

function visibleTo(viewer: Viewer) {
  if (viewer.isAdmin) return undefined
  const roles = viewer.roleKeys.length ? viewer.roleKeys : ['']
  return sql`(${documents.visibility} in ('org', 'public')
    or (${documents.visibility} = 'roles' and ${documents.visibleToRoles} && ${sql`array[${sql.join(
      roles.map((r) => sql`${r}`),
      sql`, `,
    )}]::text[]`})
    or (${viewer.userId ? sql`${documents.uploadedBy} = ${viewer.userId}` : sql`false`}))`
}

export async function listDocuments(
  ctx: ServiceContext,
  viewer: Viewer,
  filter: { limit: number; after?: string | undefined; entityType?: string; entityId?: string; q?: string },
) {
  const q = filter.q
  return ctx.db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.orgId, ctx.orgId),
        isNull(documents.deletedAt),
        filter.after ? lt(documents.id, filter.after) : undefined,
        filter.entityType ? eq(documents.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(documents.entityId, filter.entityId) : undefined,
        q
          ? sql`(to_tsvector('spanish', ${documents.searchText}) @@ plainto_tsquery('spanish', ${q})
              or ${documents.searchText} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`
          : undefined,
        visibleTo(viewer),
      ),
    )
    .orderBy(desc(documents.id))
    .limit(filter.limit + 1)
}

export async function findDocument(ctx: ServiceContext, viewer: Viewer, id: string) {
  const [row] = await ctx.db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.orgId, ctx.orgId),
        eq(documents.id, id),
        isNull(documents.deletedAt),
        visibleTo(viewer),
      ),
    )
  return row ?? null
}

export async function insertDocument(
  ctx: ServiceContext,
  values: Omit<typeof documents.$inferInsert, 'orgId'>,
) {
  const [row] = await ctx.db
    .insert(documents)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  return row!
}

export async function updateDocument(ctx: ServiceContext, id: string, values: Partial<DocumentRow>) {
  const [row] = await ctx.db
    .update(documents)
    .set({ ...values, updatedAt: ctx.now, version: sql`${documents.version} + 1` })
    .where(and(eq(documents.orgId, ctx.orgId), eq(documents.id, id)))
    .returning()
  return row!
}

export async function listVersions(ctx: ServiceContext, documentIds: string[]) {
  if (documentIds.length === 0) return []
  return ctx.db
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.orgId, ctx.orgId),
        sql`${documentVersions.documentId} in (${sql.join(
          documentIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(desc(documentVersions.versionNumber))
}

/** Adds a version and makes it the only latest one. */
export async function insertVersion(
  ctx: ServiceContext,
  values: { documentId: string; fileId: string; extractedText: string; versionNumber: number },
) {
  await ctx.db
    .update(documentVersions)
    .set({ isLatest: false, updatedAt: ctx.now })
    .where(and(eq(documentVersions.orgId, ctx.orgId), eq(documentVersions.documentId, values.documentId)))
  const [row] = await ctx.db
    .insert(documentVersions)
    .values({ ...values, orgId: ctx.orgId, isLatest: true, uploadedBy: ctx.actor.userId })
    .returning()
  return row!
}
