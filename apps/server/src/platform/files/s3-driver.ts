import { Readable } from 'node:stream'
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { FilesConfig } from '../config.ts'
import type { StorageDriver } from './storage-driver.ts'

/** Blobs as objects of one bucket (AWS S3, MinIO, Ceph, R2…), downloads by presigned URL. */
export function s3Driver(config: NonNullable<FilesConfig['s3']>): StorageDriver {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // S3-compatible servers often reject the newer default checksum headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = config.bucket
  return {
    kind: 's3',
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }))
        return true
      } catch (err) {
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
        if (status === 404) return false
        throw err
      }
    },
    async put(key, bytes, mimeType) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: mimeType }))
    },
    async read(key) {
      const out = await client.send(new GetObjectCommand({ Bucket, Key: key }))
      if (!(out.Body instanceof Readable)) throw new Error('S3 returned no readable body')
      return out.Body
    },
    async presignedDownloadUrl(key, { ttlSeconds, fileName, mimeType }) {
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentType: mimeType,
        ResponseContentDisposition: attachment(fileName),
      })
      return getSignedUrl(client, command, { expiresIn: ttlSeconds })
    },
  }
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
