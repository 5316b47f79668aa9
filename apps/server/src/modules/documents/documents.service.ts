import type {
  CreateDocumentFields,
  Document,
  DocumentQuery,
  DocumentVersion,
  DocumentWithVersions,
  UpdateDocument,
} from '@minga/contracts'
import { listAssignmentsOfUser, listRoles } from '../../platform/access/access.repository.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { UploadedFile } from '../../platform/files/index.ts'
import { getFile, type StoredFile, signedDownloadUrl, storeFile } from '../../platform/files/index.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { assertVersion } from '../../platform/http/etag.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { getPersonSummary } from '../people/index.ts'
import * as repo from './documents.repository.ts'
import { extractPdfText, searchable } from './documents.text.ts'

/** What a document version may be: PDFs, images and simple office formats. */
export const DOCUMENT_MIME_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
] as const

/** Signed download links live two minutes: enough to open a preview, short if shared by mistake. */
export const DOWNLOAD_TTL_SECONDS = 120

export type { UploadedFile }

/** The caller's view: owners/admins see all; others their own, org/public, and their roles' documents. */
export async function viewerOf(ctx: ServiceContext): Promise<repo.Viewer> {
  const { userId, role } = ctx.actor
  if (role === 'owner' || role === 'admin' || role === 'system')
    return { userId, isAdmin: true, roleKeys: [] }
  const roleKeys: string[] = [role]
  if (userId) {
    const assignments = await listAssignmentsOfUser(ctx.db, ctx.orgId, userId)
    if (assignments.length) {
      const keyById = new Map((await listRoles(ctx.db, ctx.orgId)).map((r) => [r.id, r.key]))
      for (const a of assignments) {
        const key = keyById.get(a.roleId)
        if (key) roleKeys.push(key)
      }
    }
  }
  return { userId, isAdmin: false, roleKeys }
}

async function toVersionDto(ctx: ServiceContext, row: repo.VersionRow, files: Map<string, StoredFile>) {
  let file = files.get(row.fileId)
  if (!file) {
    file = (await getFile(ctx, row.fileId)) ?? undefined
    if (file) files.set(row.fileId, file)
  }
  const version: DocumentVersion = {
    id: row.id,
    versionNumber: row.versionNumber,
    isLatest: row.isLatest,
    fileId: row.fileId,
    originalName: file?.originalName ?? '',
    mimeType: file?.mimeType ?? 'application/octet-stream',
    size: file?.size ?? 0,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  }
  return version
}

async function toDtos(ctx: ServiceContext, rows: repo.DocumentRow[]): Promise<DocumentWithVersions[]> {
  const versions = await repo.listVersions(
    ctx,
    rows.map((r) => r.id),
  )
  const files = new Map<string, StoredFile>()
  const out: DocumentWithVersions[] = []
  for (const row of rows) {
    const own = versions.filter((v) => v.documentId === row.id)
    const dtos = await Promise.all(own.map((v) => toVersionDto(ctx, v, files)))
    const latest = dtos.find((v) => v.isLatest) ?? dtos[0]!
    out.push({
      id: row.id,
      entityType: row.entityType as Document['entityType'],
      entityId: row.entityId,
      documentType: row.documentType as Document['documentType'],
      title: row.title,
      description: row.description,
      visibility: row.visibility as Document['visibility'],
      visibleToRoles: row.visibleToRoles,
      uploadedBy: row.uploadedBy,
      versionCount: dtos.length,
      latest,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
      versions: dtos,
    })
  }
  return out
}

const withoutVersions = ({ versions: _, ...doc }: DocumentWithVersions): Document => doc

function assertRoles(visibility: string, roles: string[]) {
  if (visibility === 'roles' && roles.length === 0) {
    throw new AppError('validation_failed', 'Name at least one role for role visibility', [
      { path: 'visibleToRoles', message: 'Name at least one role key when visibility is "roles"' },
    ])
  }
}

async function assertEntity(ctx: ServiceContext, entityType: string, entityId: string) {
  if (entityType === 'person' && !(await getPersonSummary(ctx, entityId))) {
    throw new AppError('validation_failed', 'The person does not exist', [
      { path: 'entityId', message: 'No person with this id in the organization' },
    ])
  }
}

const searchTextOf = (title: string, description: string | null, text: string) =>
  searchable([title, description ?? '', text].join(' '))

const auditView = (row: repo.DocumentRow) => ({
  title: row.title,
  description: row.description,
  documentType: row.documentType,
  visibility: row.visibility,
  visibleToRoles: row.visibleToRoles.join(','),
})

async function storeVersionFile(ctx: ServiceContext, upload: UploadedFile) {
  const file = await storeFile(ctx, {
    bytes: upload.bytes,
    originalName: upload.originalName,
    declaredMimeType: upload.declaredMimeType,
    allowed: DOCUMENT_MIME_TYPES,
  })
  const text = file.mimeType === 'application/pdf' ? await extractPdfText(upload.bytes) : ''
  return { file, text }
}

export async function listDocuments(ctx: ServiceContext, query: DocumentQuery) {
  const rows = await repo.listDocuments(ctx, await viewerOf(ctx), {
    limit: query.limit,
    after: decodeCursor(query.cursor),
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(query.q ? { q: searchable(query.q) } : {}),
  })
  const page = toPage(rows, query.limit, (r) => r.id)
  return { items: (await toDtos(ctx, page.items)).map(withoutVersions), nextCursor: page.nextCursor }
}

async function loadVisible(ctx: ServiceContext, id: string) {
  const row = await repo.findDocument(ctx, await viewerOf(ctx), id)
  if (!row) throw notFound('Document')
  return row
}

export async function getDocument(ctx: ServiceContext, id: string): Promise<DocumentWithVersions> {
  return (await toDtos(ctx, [await loadVisible(ctx, id)]))[0]!
}

/** Creates a document with its first version; the file, rows and audit entry commit together. */
export async function createDocument(
  ctx: ServiceContext,
  fields: CreateDocumentFields,
  upload: UploadedFile,
) {
  assertRoles(fields.visibility, fields.visibleToRoles)
  await assertEntity(ctx, fields.entityType, fields.entityId)
  const { file, text } = await storeVersionFile(ctx, upload)
  const description = fields.description || null
  const row = await repo.insertDocument(ctx, {
    entityType: fields.entityType,
    entityId: fields.entityId,
    documentType: fields.documentType,
    title: fields.title,
    description,
    visibility: fields.visibility,
    visibleToRoles: fields.visibility === 'roles' ? fields.visibleToRoles : [],
    uploadedBy: ctx.actor.userId,
    searchText: searchTextOf(fields.title, description, text),
  })
  await repo.insertVersion(ctx, {
    documentId: row.id,
    fileId: file.id,
    extractedText: text,
    versionNumber: 1,
  })
  await recordAudit(ctx, {
    action: 'document.created',
    entityType: 'document',
    entityId: row.id,
    after: { ...auditView(row), file: file.originalName, entity: `${row.entityType}:${row.entityId}` },
  })
  return getDocument(ctx, row.id)
}

/** Uploads a new version: earlier versions stay, the new one is flagged latest and feeds search. */
export async function addVersion(ctx: ServiceContext, id: string, upload: UploadedFile) {
  const row = await loadVisible(ctx, id)
  const { file, text } = await storeVersionFile(ctx, upload)
  const existing = await repo.listVersions(ctx, [id])
  const versionNumber = Math.max(0, ...existing.map((v) => v.versionNumber)) + 1
  await repo.insertVersion(ctx, { documentId: id, fileId: file.id, extractedText: text, versionNumber })
  await repo.updateDocument(ctx, id, { searchText: searchTextOf(row.title, row.description, text) })
  await recordAudit(ctx, {
    action: 'document.version_added',
    entityType: 'document',
    entityId: id,
    after: { versionNumber, file: file.originalName },
  })
  return getDocument(ctx, id)
}

export async function updateDocument(
  ctx: ServiceContext,
  id: string,
  expected: number,
  input: UpdateDocument,
) {
  const row = await loadVisible(ctx, id)
  assertVersion(expected, row.version)
  const visibility = input.visibility ?? row.visibility
  const roles = input.visibleToRoles ?? row.visibleToRoles
  assertRoles(visibility, roles)
  const title = input.title ?? row.title
  const description = input.description === undefined ? row.description : input.description || null
  const [latest] = (await repo.listVersions(ctx, [id])).filter((v) => v.isLatest)
  const updated = await repo.updateDocument(ctx, id, {
    title,
    description,
    documentType: input.documentType ?? row.documentType,
    visibility,
    visibleToRoles: visibility === 'roles' ? roles : [],
    searchText: searchTextOf(title, description, latest?.extractedText ?? ''),
  })
  await recordAudit(ctx, {
    action: 'document.updated',
    entityType: 'document',
    entityId: id,
    before: auditView(row),
    after: auditView(updated),
  })
  return getDocument(ctx, id)
}

/** Soft delete: the rows and files stay for the audit trail; the document disappears from every view. */
export async function removeDocument(ctx: ServiceContext, id: string) {
  const row = await loadVisible(ctx, id)
  await repo.updateDocument(ctx, id, { deletedAt: ctx.now })
  await recordAudit(ctx, {
    action: 'document.deleted',
    entityType: 'document',
    entityId: id,
    before: auditView(row),
  })
}

/** A short-lived signed link to a version's file (the latest unless `versionId` names another). */
export async function documentDownloadUrl(ctx: ServiceContext, id: string, versionId?: string) {
  await loadVisible(ctx, id)
  const versions = await repo.listVersions(ctx, [id])
  const version = versionId ? versions.find((v) => v.id === versionId) : versions.find((v) => v.isLatest)
  if (!version) throw notFound('Document version')
  const url = await signedDownloadUrl(ctx, version.fileId, DOWNLOAD_TTL_SECONDS)
  return { url, expiresAt: new Date(ctx.now.getTime() + DOWNLOAD_TTL_SECONDS * 1000).toISOString() }
}
