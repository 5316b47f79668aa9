import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { access, mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import type { StorageDriver } from './storage-driver.ts'

/** Blobs as files under `<MINGA_DATA_DIR>/files/<org>/<ab>/<sha256>`. */
export function localDriver(root: string): StorageDriver {
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]{36}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`Invalid blob key ${key}`)
    return join(root, key)
  }
  return {
    kind: 'local',
    async exists(key) {
      return access(pathOf(key)).then(
        () => true,
        () => false,
      )
    },
    async put(key, bytes) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      // Written aside then renamed: a reader never sees half a blob.
      const temp = `${path}.${randomUUID()}.tmp`
      await writeFile(temp, bytes)
      await rename(temp, path)
    },
    async read(key): Promise<Readable> {
      const stream = createReadStream(pathOf(key))
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve())
        stream.once('error', reject)
      })
      return stream
    },
    async presignedDownloadUrl() {
      return undefined
    },
  }
}
