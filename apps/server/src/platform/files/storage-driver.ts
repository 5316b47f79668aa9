import type { Readable } from 'node:stream'

/** Where blobs live. Keys are content addresses chosen by the service (`<org>/<ab>/<sha256>`). */
export type StorageDriver = {
  readonly kind: 'local' | 's3'
  exists(key: string): Promise<boolean>
  /** Writes the blob; writing a key that exists is harmless (same key, same bytes). */
  put(key: string, bytes: Buffer, mimeType: string): Promise<void>
  read(key: string): Promise<Readable>
  /**
   * A URL the browser can fetch directly (S3 presigned), or undefined when the app must serve the
   * bytes itself through its signed-token route (local disk).
   */
  presignedDownloadUrl(
    key: string,
    options: { ttlSeconds: number; fileName: string; mimeType: string },
  ): Promise<string | undefined>
}

/** The content address of a blob of one org. */
export function blobKey(orgId: string, sha256: string): string {
  return `${orgId}/${sha256.slice(0, 2)}/${sha256}`
}
