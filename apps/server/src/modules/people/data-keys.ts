import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto'

/**
 * Field encryption for sensitive person data (AES-256-GCM) and keyed blind indexes (HMAC-SHA256).
 * Keys come from MINGA_DATA_KEYS = "v2:<base64 32 bytes>,v1:<base64 32 bytes>" (newest first): new
 * ciphertext uses the first key, and any listed version still decrypts, so rotation is "prepend a key,
 * run reencrypt, drop the old one". Outside production an unset variable falls back to a key derived
 * from the auth secret so development and tests need no setup.
 */
export type DataKeyRing = { keys: Map<string, Buffer>; current: string; blindIndexKey: Buffer }

const DEV_AUTH_SECRET = 'minga-development-secret-do-not-use-in-production'

export class DataKeyConfigError extends Error {
  constructor(message: string) {
    super(`MINGA_DATA_KEYS: ${message}`)
    this.name = 'DataKeyConfigError'
  }
}

function derive(secret: Buffer | string, info: string) {
  return Buffer.from(hkdfSync('sha256', secret, 'minga-people', info, 32))
}

/** Parses and validates the key list; throws DataKeyConfigError with the reason. */
export function parseDataKeys(env: Record<string, string | undefined>): DataKeyRing {
  const spec = env.MINGA_DATA_KEYS?.trim()
  if (!spec) {
    if (env.NODE_ENV === 'production') throw new DataKeyConfigError('required in production')
    const key = derive(env.BETTER_AUTH_SECRET ?? DEV_AUTH_SECRET, 'dev-data-key')
    return { keys: new Map([['v1', key]]), current: 'v1', blindIndexKey: derive(key, 'blind-index') }
  }
  const keys = new Map<string, Buffer>()
  for (const part of spec.split(',')) {
    const match = /^\s*(v\d+):([A-Za-z0-9+/=]+)\s*$/.exec(part)
    if (!match) throw new DataKeyConfigError(`"${part.split(':')[0]}…" is not "v<n>:<base64 key>"`)
    const [, version, b64] = match as unknown as [string, string, string]
    const key = Buffer.from(b64, 'base64')
    if (key.length !== 32)
      throw new DataKeyConfigError(`${version} must be 32 bytes (base64), got ${key.length}`)
    if (keys.has(version)) throw new DataKeyConfigError(`${version} is listed twice`)
    keys.set(version, key)
  }
  const versions = [...keys.keys()]
  const oldest = keys.get(versions[versions.length - 1]!)!
  // The blind index must survive key rotation, so it hangs off its own key (or the oldest data key).
  const bidxSpec = env.MINGA_BLIND_INDEX_KEY?.trim()
  const blindIndexKey = bidxSpec ? Buffer.from(bidxSpec, 'base64') : derive(oldest, 'blind-index')
  if (blindIndexKey.length !== 32) throw new DataKeyConfigError('MINGA_BLIND_INDEX_KEY must be 32 bytes')
  return { keys, current: versions[0]!, blindIndexKey }
}

let ring: DataKeyRing | null = null

// Importing raw key bytes costs more than the cipher itself on short fields: each key becomes a
// KeyObject once (bulk imports encrypt and index hundreds of thousands of fields).
const keyObjects = new WeakMap<Buffer, KeyObject>()
function keyObject(key: Buffer): KeyObject {
  let object = keyObjects.get(key)
  if (!object) {
    object = createSecretKey(key)
    keyObjects.set(key, object)
  }
  return object
}

function keyRing() {
  ring ??= parseDataKeys(process.env)
  return ring
}

/** Replaces the key ring (tests; a process that re-reads its env after rotation). */
export function useDataKeys(env: Record<string, string | undefined>) {
  ring = parseDataKeys(env)
}

export function currentKeyVersion() {
  return keyRing().current
}

/** "v1:<iv b64>:<tag b64>:<ciphertext b64>" */
export function encryptField(plaintext: string): string {
  const { keys, current } = keyRing()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyObject(keys.get(current)!), iv)
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [
    current,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    data.toString('base64'),
  ].join(':')
}

export function decryptField(ciphertext: string): string {
  const [version, iv, tag, data] = ciphertext.split(':')
  const key = version ? keyRing().keys.get(version) : undefined
  if (!key || !iv || !tag || data === undefined)
    throw new Error(`No data key for ciphertext version ${version}`)
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), Buffer.from(iv, 'base64'))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8')
}

export function keyVersionOf(ciphertext: string) {
  return ciphertext.split(':', 1)[0] ?? ''
}

/** Keyed HMAC of a normalized value, scoped by a purpose so document and phone indexes differ. */
export function blindIndex(purpose: string, value: string): string {
  return createHmac('sha256', keyObject(keyRing().blindIndexKey))
    .update(`${purpose}\u0000${value}`)
    .digest('base64url')
}
