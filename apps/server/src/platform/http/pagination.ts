import { AppError } from './app-error.ts'

/**
 * Keyset pagination over UUIDv7 ids (time-ordered): the cursor is the last id of a page, opaque to
 * clients. Fetch `limit + 1` rows ordered by id descending and pass them to `toPage`.
 */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined
  const id = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'querystring.cursor', message: 'Invalid cursor' },
    ])
  }
  return id
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url')
}

export function toPage<T>(rows: T[], limit: number, idOf: (row: T) => string) {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(idOf(last)) : null }
}
