import { z } from 'zod'

/** A stored file's metadata (platform/files). The bytes are fetched through a signed link. */
export const StoredFileInfo = z
  .object({
    id: z.uuid(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().min(0),
    mimeType: z.string(),
    originalName: z.string(),
    uploadedBy: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'StoredFile' })
export type StoredFileInfo = z.infer<typeof StoredFileInfo>

export const FileParams = z.object({ id: z.uuid() })

/** Seconds a signed link stays valid: 1 s to 7 days (the S3 maximum), default 5 minutes. */
export const FileLinkQuery = z.strictObject({
  ttlSeconds: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(300),
})

export const FileLink = z.object({ url: z.string(), expiresAt: z.string() }).meta({ id: 'FileLink' })
export type FileLink = z.infer<typeof FileLink>

export const CreateFileUploadLink = z.strictObject({
  originalName: z.string().trim().min(1).max(255),
  mimeType: z.string().trim().min(3).max(255).optional(),
  ttlSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(300),
})
export type CreateFileUploadLink = z.infer<typeof CreateFileUploadLink>

export const FileUsageInfo = z
  .object({ usedBytes: z.number().int(), quotaBytes: z.number().int() })
  .meta({ id: 'FileUsage' })
export type FileUsageInfo = z.infer<typeof FileUsageInfo>
