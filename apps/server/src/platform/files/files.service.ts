import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { and, eq, sql } from 'drizzle-orm'
import { recordAudit } from '../audit/audit.ts'
import { AppError, notFound } from '../http/app-error.ts'
import type { ServiceContext } from '../service-context.ts'
import { FileRejectedError } from './file-rejection.ts'
import { fileQuotas, files } from './files.tables.ts'
import { filesRuntime } from './files-runtime.ts'
import { signToken } from './signed-token.ts'
import { sniffMimeType } from './sniff.ts'
import { blobKey } from './storage-driver.ts'

export type StoredFile = {
  id: string
  orgId: string
  sha256: string
  size: number
  mimeType: string
  originalName: string
  uploadedBy: string | null
  createdAt: Date
}

export type StoreFileInput = {
  bytes: Buffer | Readable
  originalName: string
  /** The type the client claimed (multipart part or Content-Type); checked against the content. */
  declaredMimeType?: string
  /** Only these MIME types are accepted (after sniffing), e.g. `['application/pdf', 'image/jpeg']`. */
  allowed?: readonly string[]
}

export type FileUsage = { usedBytes: number; quotaBytes: number }

export const DEFAULT_LINK_TTL_SECONDS = 300
/** S3 presigned URLs cannot outlive 7 days; local links follow the same bound. */
export const MAX_LINK_TTL_SECONDS = 7 * 24 * 3600

const toStored = (row: typeof files.$inferSelect): StoredFile => ({
  id: row.id,
  orgId: row.orgId,
  sha256: row.sha256,
  size: row.size,
  mimeType: row.mimeType,
  originalName: row.originalName,
  uploadedBy: row.uploadedBy,
  createdAt: row.createdAt,
})

/**
 * Stores an upload for the org: refuses empty, oversize, disguised or executable content, counts
 * the bytes against the org's quota, and writes the blob only if the org does not hold the same
 * bytes already. Every call gets its own row (same blob, own name and uploader).
 */
export async function storeFile(ctx: ServiceContext, input: StoreFileInput): Promise<StoredFile> {
  const { driver, config } = filesRuntime()
  const bytes = Buffer.isBuffer(input.bytes)
    ? input.bytes
    : await readLimited(input.bytes, config.maxUploadBytes)
  if (bytes.length > config.maxUploadBytes) throw new FileRejectedError('too_large')
  const originalName = cleanFileName(input.originalName)
  const mimeType = await sniffMimeType({
    bytes,
    originalName,
    declaredMimeType: input.declaredMimeType,
    allowed: input.allowed,
  })
  const sha256 = createHash('sha256').update(bytes).digest('hex')

  // The quota row is locked until commit: concurrent uploads of one org check it one at a time.
  await ctx.db.insert(fileQuotas).values({ orgId: ctx.orgId }).onConflictDoNothing()
  const [quota] = await ctx.db.select().from(fileQuotas).where(eq(fileQuotas.orgId, ctx.orgId)).for('update')
  const [known] = await ctx.db
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.orgId, ctx.orgId), eq(files.sha256, sha256)))
    .limit(1)
  if (!known) {
    const limit = quota?.quotaBytes ?? config.defaultOrgQuotaBytes
    if ((quota?.usedBytes ?? 0) + bytes.length > limit) throw new FileRejectedError('quota_exceeded')
    const key = blobKey(ctx.orgId, sha256)
    // A blob left by a rolled-back upload is reused rather than written again.
    if (!(await driver.exists(key))) await driver.put(key, bytes, mimeType)
    await ctx.db
      .update(fileQuotas)
      .set({ usedBytes: sql`${fileQuotas.usedBytes} + ${bytes.length}`, updatedAt: ctx.now })
      .where(eq(fileQuotas.orgId, ctx.orgId))
  }
  const [row] = await ctx.db
    .insert(files)
    .values({
      orgId: ctx.orgId,
      sha256,
      size: bytes.length,
      mimeType,
      originalName,
      uploadedBy: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .returning()
  if (!row) throw new Error('file insert returned nothing')
  const stored = toStored(row)
  await recordAudit(ctx, {
    action: 'file.uploaded',
    entityType: 'file',
    entityId: stored.id,
    after: { originalName, mimeType, size: stored.size, sha256, deduplicated: Boolean(known) },
  })
  return stored
}

/** The file's metadata, or null when the org has no such file. */
export async function getFile(ctx: ServiceContext, fileId: string): Promise<StoredFile | null> {
  if (!isUuid(fileId)) return null
  const [row] = await ctx.db
    .select()
    .from(files)
    .where(and(eq(files.orgId, ctx.orgId), eq(files.id, fileId)))
  return row ? toStored(row) : null
}

async function requireFile(ctx: ServiceContext, fileId: string): Promise<StoredFile> {
  const file = await getFile(ctx, fileId)
  if (!file) throw notFound('File')
  return file
}

/** The file and a stream of its bytes (404 when the org has no such file). */
export async function readFile(
  ctx: ServiceContext,
  fileId: string,
): Promise<{ file: StoredFile; stream: Readable }> {
  const file = await requireFile(ctx, fileId)
  const stream = await filesRuntime().driver.read(blobKey(file.orgId, file.sha256))
  return { file, stream }
}

/**
 * A link anyone holding it can download the file with until it expires: an S3 presigned URL, or
 * for local disk our own `GET /api/files/:token` signed with HMAC. Default 5 minutes.
 */
export async function signedDownloadUrl(
  ctx: ServiceContext,
  fileId: string,
  ttlSeconds: number = DEFAULT_LINK_TTL_SECONDS,
): Promise<string> {
  const ttl = checkTtl(ttlSeconds)
  const file = await requireFile(ctx, fileId)
  const { driver, secret, baseUrl } = filesRuntime()
  const presigned = await driver.presignedDownloadUrl(blobKey(file.orgId, file.sha256), {
    ttlSeconds: ttl,
    fileName: file.originalName,
    mimeType: file.mimeType,
  })
  if (presigned) return presigned
  const expires = Math.floor(ctx.now.getTime() / 1000) + ttl
  return `${baseUrl}/api/files/${signToken(secret, { a: 'get', o: file.orgId, f: file.id, e: expires })}`
}

/**
 * A link a client may `PUT` one file's bytes to, as the calling user, until it expires. Both drivers
 * go through our route: the bytes must be sniffed, hashed and counted before they are accepted.
 */
export async function signedUploadUrl(
  ctx: ServiceContext,
  input: { originalName: string; declaredMimeType?: string; ttlSeconds?: number },
): Promise<{ url: string; expiresAt: Date }> {
  const ttl = checkTtl(input.ttlSeconds ?? DEFAULT_LINK_TTL_SECONDS)
  const { secret, baseUrl } = filesRuntime()
  const expires = Math.floor(ctx.now.getTime() / 1000) + ttl
  const token = signToken(secret, {
    a: 'put',
    o: ctx.orgId,
    u: ctx.actor.userId,
    n: cleanFileName(input.originalName),
    ...(input.declaredMimeType ? { m: input.declaredMimeType.slice(0, 255) } : {}),
    e: expires,
  })
  return { url: `${baseUrl}/api/files/${token}`, expiresAt: new Date(expires * 1000) }
}

/** Bytes the org stores (each distinct blob once) and its quota. */
export async function fileUsage(ctx: ServiceContext): Promise<FileUsage> {
  const [row] = await ctx.db.select().from(fileQuotas).where(eq(fileQuotas.orgId, ctx.orgId))
  return {
    usedBytes: row?.usedBytes ?? 0,
    quotaBytes: row?.quotaBytes ?? filesRuntime().config.defaultOrgQuotaBytes,
  }
}

/** Sets (or with null clears) the org's own quota, overriding MINGA_FILES_ORG_QUOTA_BYTES. */
export async function setFileQuota(ctx: ServiceContext, quotaBytes: number | null): Promise<void> {
  if (quotaBytes !== null && (!Number.isSafeInteger(quotaBytes) || quotaBytes < 0)) {
    throw new AppError('validation_failed', 'Invalid quota', [
      { path: 'quotaBytes', message: 'Must be a whole number of bytes, 0 or more' },
    ])
  }
  const before = await fileUsage(ctx)
  await ctx.db
    .insert(fileQuotas)
    .values({ orgId: ctx.orgId, quotaBytes, updatedAt: ctx.now })
    .onConflictDoUpdate({ target: fileQuotas.orgId, set: { quotaBytes, updatedAt: ctx.now } })
  await recordAudit(ctx, {
    action: 'file.quota_set',
    entityType: 'file_quota',
    entityId: ctx.orgId,
    before: { quotaBytes: before.quotaBytes },
    after: { quotaBytes },
  })
}

function checkTtl(ttlSeconds: number): number {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_LINK_TTL_SECONDS) {
    throw new AppError('validation_failed', 'Invalid link lifetime', [
      { path: 'ttlSeconds', message: `Must be a whole number of seconds from 1 to ${MAX_LINK_TTL_SECONDS}` },
    ])
  }
  return ttlSeconds
}

/** Keeps the last path segment, drops control characters, and bounds the length. */
export function cleanFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? ''
  const clean = [...last]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(-255)
  return clean === '' || clean === '.' || clean === '..' ? 'archivo' : clean
}

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

/** Reads a stream into memory, refusing it as soon as it passes `limit` bytes. */
async function readLimited(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)
    total += buffer.length
    if (total > limit) {
      stream.destroy()
      throw new FileRejectedError('too_large')
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}
